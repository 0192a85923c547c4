"""The centre pane while several conversations are selected: how many, the bulk actions, and
the progress and outcome of the last one (with its Undo). Widgets only: the bulk part
(`app/ui/bulk.py`) runs the actions. A reply always goes to one conversation on screen, so
while this pane shows there is no composer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import Keyword
from app.ui.labels import plain_label
from app.ui.theme import error_colour, muted_colour


class BulkPane(QWidget):
    triage = Signal(str, bool)  # a Keyword value (read, flagged, no response needed), on/off
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulk-pane")
        self.title = plain_label()
        self.title.setObjectName("bulk-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.scope = plain_label()
        self.scope.setObjectName("bulk-scope")
        self.scope.setWordWrap(True)
        self.scope.setStyleSheet(f"color: {muted_colour()}")
        self.buttons: dict[tuple[str, bool], QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        for row, (keyword, on_text, off_text) in enumerate(
            (
                (Keyword.SEEN, self.tr("Mark read"), self.tr("Mark unread")),
                (Keyword.FLAGGED, self.tr("Flag"), self.tr("Unflag")),
                (Keyword.NO_RESPONSE_NEEDED, self.tr("No response needed"),
                 self.tr("Response needed")),
            )
        ):  # fmt: skip
            for col, (on, text) in enumerate(((True, on_text), (False, off_text))):
                button = QPushButton(text)
                button.setObjectName(f"bulk-{keyword.value.strip('$')}-{'on' if on else 'off'}")
                button.clicked.connect(lambda _=False, k=keyword, o=on: self.triage.emit(k, o))
                grid.addWidget(button, row, col)
                self.buttons[(keyword.value, on)] = button
        self.snooze_button = QPushButton(self.tr("Snooze…"))
        self.snooze_button.setObjectName("bulk-snooze")
        grid.addWidget(self.snooze_button, 3, 0)
        self.progress = QProgressBar()
        self.progress.setObjectName("bulk-progress")
        self.progress.hide()
        self.status = plain_label()
        self.status.setObjectName("bulk-status")
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("bulk-undo")
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.hide()
        hint = QLabel(self.tr("Click one conversation to read or answer it."))
        hint.setObjectName("bulk-hint")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {muted_colour()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.scope)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(hint)

    def show_selection(self, count: int, scope: str) -> None:
        self.title.setText(self.tr("%n conversation(s) selected", "", count))
        self.scope.setText(scope)
        self.scope.setVisible(bool(scope))
        for button in (*self.buttons.values(), self.snooze_button):
            button.setEnabled(count > 0 and not self.progress.isVisible())

    def busy(self, text: str, done: int, total: int) -> None:
        """An action under way: the buttons wait, the bar shows how far it is."""
        for button in (*self.buttons.values(), self.snooze_button, self.undo_button):
            button.setEnabled(False)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(text)

    def finished(self, text: str, *, undoable: bool, error: bool = False) -> None:
        self.progress.hide()
        for button in (*self.buttons.values(), self.snooze_button):
            button.setEnabled(True)
        self.status.setStyleSheet(f"color: {error_colour()}" if error else "")
        self.status.setText(text)
        self.undo_button.setEnabled(undoable)
        self.undo_button.setVisible(undoable)

    def reset(self) -> None:
        """A new selection: no outcome of an earlier action is shown."""
        if not self.progress.isVisible():
            self.status.clear()
            self.undo_button.hide()
