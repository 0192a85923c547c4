"""Internal notes on the open conversation: a running log the team writes for itself.

Notes look nothing like messages (a tinted card with the author, never a bubble) because a
seller must never take one for something the buyer has read. The panel only shows and
collects; whoever owns the conversation writes through `app.services.seller_day`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.rows import NoteInfo
from app.ui import formats
from app.ui.theme import is_dark, muted_colour

MAX_NOTE = 20_000


def _card_style() -> str:
    # Sticky-note yellow (dark: a deep amber), unlike either message bubble.
    bg, border = ("#4a3f12", "#8a7424") if is_dark() else ("#fff6c7", "#e6cf6a")
    return (
        f"QFrame#note-card {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; }}"
    )


class NoteCard(QFrame):
    edit = Signal(object)  # NoteInfo
    delete = Signal(object)  # NoteInfo

    def __init__(self, note: NoteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.setObjectName("note-card")
        self.setStyleSheet(_card_style())
        header = QLabel()
        header.setObjectName("note-header")
        header.setTextFormat(Qt.TextFormat.PlainText)
        who = note.author or self.tr("A teammate")
        header.setText(
            self.tr("Internal note · %1 · %2")
            .replace("%1", who)
            .replace("%2", formats.date_time(note.created_at))
        )
        if note.refused:  # saved here; the relay refused it (docs/protocol.md, "Note")
            header.setText(
                header.text()
                + " · "
                + self.tr("not shared: the relay refused it (%1)").replace("%1", note.refused)
            )
        elif note.pending:  # saved here, shared with the next sync
            header.setText(header.text() + " · " + self.tr("waiting for the connection"))
        header.setStyleSheet(f"color: {muted_colour()}; font-size: 11px")
        body = QLabel()
        body.setObjectName("note-body")
        body.setTextFormat(Qt.TextFormat.PlainText)  # written by people, shown as written
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setText(note.body)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(header)
        box.addWidget(body)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Edit note…")).triggered.connect(lambda: self.edit.emit(self.note))
        menu.addAction(self.tr("Delete note")).triggered.connect(
            lambda: self.delete.emit(self.note)
        )
        menu.popup(self.mapToGlobal(pos))


class NotesPanel(QWidget):
    """The notes of one conversation and a box to add one (Ctrl+Return saves)."""

    add_requested = Signal(str)
    edit_requested = Signal(object, str)  # NoteInfo, new body
    delete_requested = Signal(object)  # NoteInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes-panel")
        self._editing: NoteInfo | None = None
        self.cards = QVBoxLayout()
        self.cards.setSpacing(6)
        self.empty = QLabel(self.tr("No internal notes. Notes are never sent to the buyer."))
        self.empty.setObjectName("notes-empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {muted_colour()}")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note-editor")
        self.editor.setPlaceholderText(self.tr("Add an internal note for your team…"))
        self.editor.setFixedHeight(64)
        self.save = QPushButton(self.tr("Add note"))
        self.save.setObjectName("note-save")
        self.save.clicked.connect(self._save)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self._stop_editing)
        self.cancel.hide()
        self.error = QLabel()
        self.error.setObjectName("note-error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.editor.installEventFilter(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.cards)
        box.addWidget(self.empty)
        box.addWidget(self.editor)
        box.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Return in the note box saves the note; the window's Send (same key) must not
        # take it: claiming the ShortcutOverride delivers the key here instead.
        if watched is self.editor and isinstance(event, QKeyEvent):
            ctrl_return = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            )
            if ctrl_return and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if ctrl_return and event.type() == QEvent.Type.KeyPress:
                self._save()
                return True
        return super().eventFilter(watched, event)

    def show_notes(self, notes: list[NoteInfo]) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for note in notes:
            card = NoteCard(note)
            card.edit.connect(self._start_editing)
            card.delete.connect(self.delete_requested)
            self.cards.addWidget(card)
        self.empty.setVisible(not notes)

    def show_error(self, text: str) -> None:
        """The note was not saved (offline, refused): the text stays in the box."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def saved(self) -> None:
        self.editor.clear()
        self.show_error("")
        self._stop_editing()

    def _start_editing(self, note: NoteInfo) -> None:
        self._editing = note
        self.editor.setPlainText(note.body)
        self.save.setText(self.tr("Save note"))
        self.cancel.show()
        self.editor.setFocus()

    def _stop_editing(self) -> None:
        if self._editing is not None:
            self.editor.clear()
        self._editing = None
        self.save.setText(self.tr("Add note"))
        self.cancel.hide()

    def _save(self) -> None:
        body = self.editor.toPlainText()
        if not body.strip():
            return
        if len(body) > MAX_NOTE:
            self.show_error(self.tr("A note holds at most 20,000 characters."))
            return
        if self._editing is None:
            self.add_requested.emit(body)
        else:
            self.edit_requested.emit(self._editing, body)
