"""The composer's file widgets: the body editor that takes dropped files, and the attached
files as chips (name and size, ✕, "Remove" on the context menu, Delete while focused)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QToolButton, QWidget

from app.ui import formats
from app.ui.labels import plain_label


def native(keys: QKeySequence) -> str:
    """A key sequence as this platform and language write it ("Strg+Return", "⌘↩")."""
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


class BodyEdit(QPlainTextEdit):
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()
        else:
            super().dragEnterEvent(e)

    def dragMoveEvent(self, e: Any) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()
        else:
            super().dragMoveEvent(e)

    def dropEvent(self, e: QDropEvent) -> None:
        if e.mimeData().hasUrls():
            paths = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
            e.acceptProposedAction()
        else:
            super().dropEvent(e)


class AttachmentChip(QFrame):
    """One attached file: its name and size, a ✕ button, "Remove" on the context menu, and
    Delete or Backspace while it has focus."""

    remove = Signal()

    def __init__(self, name: str, size: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment-chip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        shown = name if len(name) <= 32 else name[:20] + "…" + name[-10:]  # keep the extension
        self.label = plain_label(shown + (f"  ({formats.file_size(size)})" if size else ""))
        self.button = QToolButton()
        self.button.setObjectName("attachment-remove")
        self.button.setText("✕")
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("Remove %1").replace("%1", name))
        self.button.clicked.connect(self.remove)
        self.remove_action = QAction(self.tr("Remove attachment"), self)
        self.remove_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.setToolTip(
            self.tr("%1 — %2 removes it")
            .replace("%2", native(self.remove_action.shortcut()))
            .replace("%1", name)
        )
        self.remove_action.triggered.connect(self.remove)
        self.addAction(self.remove_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 1, 2, 1)
        row.setSpacing(2)
        row.addWidget(self.label)
        row.addWidget(self.button)


class AttachmentList(QWidget):
    """The composer's attachments as chips; ``remove_requested`` carries the chip's index."""

    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.row.addStretch(1)
        self.chips: list[AttachmentChip] = []

    def set_files(self, files: list[dict[str, Any]]) -> None:
        focused = next((i for i, c in enumerate(self.chips) if c.hasFocus()), None)
        for chip in self.chips:
            self.row.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for i, info in enumerate(files):
            chip = AttachmentChip(str(info.get("name", "?")), info.get("size"))
            chip.remove.connect(lambda i=i: self.remove_requested.emit(i))
            self.row.insertWidget(i, chip)
            chip.show()  # now, not on the layout's queued show: focus can move to it at once
            self.chips.append(chip)
        if focused is not None and self.chips:  # keyboard users keep deleting in place
            self.chips[min(focused, len(self.chips) - 1)].setFocus()
