"""Choosing a template while writing (Ctrl+T, or "/" and a name in the composer).

A small panel over the composer: a filter line and the templates that match, each saying which language it
will insert for this buyer (and when it has to fall back), and whether the rules check
flagged that text. Enter inserts; Esc closes. What is inserted is decided by
`app.domain.templates` (the language) and the composer's live check runs on the result.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.templates import pick_language
from app.storage.rows import TemplateInfo
from app.ui.theme import muted_colour


def matches(template: TemplateInfo, typed: str) -> bool:
    """Every word typed starts a word of the name (case- and accent-insensitive enough)."""
    words = template.name.casefold().split()
    return all(any(w.startswith(t) for w in words) for t in typed.casefold().split())


class TemplatePicker(QFrame):
    chosen = Signal(object, str)  # TemplateInfo, the language to insert
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        # A panel inside the composer, not a popup window: it never takes the keyboard from
        # the rest of the desktop, and Esc or a choice gives the focus back.
        super().__init__(parent)
        self.setObjectName("template-picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.filter = QLineEdit()
        self.filter.setObjectName("template-filter")
        self.filter.setPlaceholderText(self.tr("Find a template…"))
        self.filter.textChanged.connect(self._refill)
        self.filter.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("template-list")
        self.list.itemActivated.connect(self._activate)
        self.empty = QLabel()
        self.empty.setObjectName("template-empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {muted_colour()}")
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.filter)
        box.addWidget(self.list)
        box.addWidget(self.empty)
        self.setMaximumHeight(260)
        self.hide()
        self._templates: list[TemplateInfo] = []
        self._locale = "en"

    def open_for(self, templates: list[TemplateInfo], buyer_locale: str, typed: str = "") -> None:
        self._templates = templates
        self._locale = buyer_locale
        self.filter.setText(typed)
        self._refill()
        self.show()
        self.filter.setFocus()

    def _refill(self) -> None:
        typed = self.filter.text()
        self.list.clear()
        for t in self._templates:
            if not matches(t, typed):
                continue
            choice = pick_language(t.texts, self._locale)
            if choice is None:
                continue
            note = choice.language.upper()
            if choice.fallback:
                note = (
                    self.tr("%1 (no %2 text)")
                    .replace("%1", note)
                    .replace("%2", choice.wanted.upper())
                )
            if t.flagged(choice.language):
                note += "  ⚠ " + self.tr("breaks the rules")
            item = QListWidgetItem(f"{t.name}   ·   {note}")
            item.setData(Qt.ItemDataRole.UserRole, (t, choice.language))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
            self.empty.hide()
        else:
            self.empty.setText(
                self.tr("No template matches.")
                if self._templates
                else self.tr("No templates yet: create them under Edit › Templates…")
            )
            self.empty.show()

    def _activate(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.list.currentItem()
        if item is None:
            return
        template, language = item.data(Qt.ItemDataRole.UserRole)
        self.hide()
        self.chosen.emit(template, language)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down move in the list and Enter inserts while the filter keeps the focus.
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate()
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.closed.emit()
