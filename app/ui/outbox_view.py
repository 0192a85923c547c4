"""The outbox: what is queued, sending, or needs the seller's attention, and the undo bar
shown while a just-sent message can still be taken back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import OutboxState
from app.ui.list_model import ListTableModel
from app.ui.relay_text import attention_text
from app.ui.theme import clock_colour
from app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.storage.rows import OutboxItem

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = (
    QT_TRANSLATE_NOOP("OutboxModel", "State"),
    QT_TRANSLATE_NOOP("OutboxModel", "Subject"),
    QT_TRANSLATE_NOOP("OutboxModel", "Marketplace"),
    QT_TRANSLATE_NOOP("OutboxModel", "Attempts"),
    QT_TRANSLATE_NOOP("OutboxModel", "Detail"),
)


class OutboxModel(ListTableModel["OutboxItem"]):
    columns = _COLUMNS

    def __init__(self) -> None:
        super().__init__()

    def _state(self, item: OutboxItem) -> str:
        return {
            OutboxState.QUEUED: self.tr("Queued"),
            OutboxState.SENDING: self.tr("Sending"),
            OutboxState.SENT: self.tr("Sent"),
            OutboxState.NEEDS_ATTENTION: self.tr("Needs attention"),
            OutboxState.CANCELED: self.tr("Undone"),
        }[item.state]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self._state(item)
            if col == 1:
                return item.subject
            if col == 2:
                return item.marketplace_id or ""
            if col == 3:
                return str(item.attempts)
            if item.state is OutboxState.SENDING and item.error_type == "transient":
                return self.tr("Will retry: %1").replace("%1", item.error_detail or "")
            if item.state is OutboxState.NEEDS_ATTENTION:  # the relay's reason, worded here
                return attention_text(item.error_type, item.error_detail)
            return item.error_detail or ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            if item.state is OutboxState.NEEDS_ATTENTION:
                return QBrush(clock_colour("overdue"))
            if item.state is OutboxState.SENDING:
                return QBrush(QColor("#1565c0"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            if item.state is OutboxState.NEEDS_ATTENTION:  # in full, then the relay's words
                worded = attention_text(item.error_type, item.error_detail)
                return "\n\n".join(dict.fromkeys(t for t in (worded, item.error_detail) if t))
            return item.error_detail
        return None

    def set_items(self, items: list[OutboxItem]) -> None:
        self.beginResetModel()
        self.rows = list(items)
        self.endResetModel()


class OutboxDialog(QDialog):
    retry = Signal(int)
    undo = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outbox"))
        self.resize(760, 320)
        self.model = OutboxModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().resizeSection(1, 240)
        self.empty = QLabel(self.tr("Nothing waiting: every message has reached the relay."))
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self._retry)
        self.undo_button = QPushButton(self.tr("Back to drafts"))
        self.undo_button.clicked.connect(self._undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def set_items(self, items: list[OutboxItem]) -> None:
        self.model.set_items(items)
        self.empty.setVisible(not items)

    def _selected(self) -> OutboxItem | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _retry(self) -> None:
        item = self._selected()
        if item is not None and item.state is OutboxState.NEEDS_ATTENTION:
            self.retry.emit(item.id)

    def _undo(self) -> None:
        item = self._selected()
        if item is not None and item.state in (OutboxState.QUEUED, OutboxState.NEEDS_ATTENTION):
            self.undo.emit(item.id)


class UndoBar(QFrame):
    """ "Sending in 8 s — Undo", counting down the undo window of the last message sent."""

    undo = Signal(int)
    undoable = Signal(bool)  # whether a send can be taken back now (the window's Ctrl+Z)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo-bar")
        self.setStyleSheet(
            "#undo-bar{background:#263238;border-radius:6px} #undo-bar QLabel{color:white}"
        )
        self.label = QLabel()
        self.button = QPushButton(self.tr("Undo"))
        self.button.clicked.connect(self.undo_now)  # its key is the window's "undo-send" action
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)
        self.item_id: int | None = None
        self.until: datetime | None = None
        self.waiting = False  # no connection: a message past its undo window waits for one
        self.hide()

    def set_waiting(self, waiting: bool) -> None:
        self.waiting = waiting
        if self.until is not None and self.isVisible():
            self._tick()

    def start(self, item_id: int, send_after: datetime) -> None:
        self.item_id = item_id
        self.until = send_after
        self._tick()
        self.show()
        self.timer.start()
        self.undoable.emit(self.item_id is not None)

    def finish(self, text: str) -> None:
        self.timer.stop()
        self.item_id = None
        self.until = None
        self.undoable.emit(False)
        self.label.setText(text)
        self.button.hide()
        QTimer.singleShot(2500, self._hide_if_idle)

    def _hide_if_idle(self) -> None:
        if self.item_id is None:
            self.hide()

    def _tick(self) -> None:
        if self.until is None:
            return
        left = (self.until - datetime.now(UTC)).total_seconds()
        if left <= 0:
            if self.item_id is not None:
                self.item_id = None
                self.undoable.emit(False)
            self.button.hide()
            if self.waiting:  # keep ticking: it says "Sending…" once the connection is back
                self.label.setText(self.tr("Waiting for the connection to send…"))
                return
            self.timer.stop()
            self.label.setText(self.tr("Sending…"))
            return
        self.button.show()
        self.label.setText(self.tr("Message queued: sending in %n s", "", int(left) + 1))

    def undo_now(self) -> None:
        if self.item_id is not None:
            self.undo.emit(self.item_id)
