"""Ctrl+Z: the one Undo key of the window. A send still in its undo window comes first (the
undo bar); otherwise what a part offered last (a bulk action). The menu item says which."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from app.ui.attachment_chips import native
from app.ui.outbox_view import UndoBar


class UndoKey:
    def __init__(self, action: QAction, bar: UndoBar) -> None:
        self.action = action
        self.bar = bar
        self.send_undoable = False
        self._other: tuple[str, Callable[[], object]] | None = None
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False: self.undo())
        action.setEnabled(False)
        bar.undoable.connect(self._send_changed)

    def offer(self, text: str | None, undo: Callable[[], object] | None = None) -> None:
        """Ctrl+Z, when no send can be taken back, runs ``undo`` (its menu text ``text``);
        None withdraws the offer."""
        self._other = (text or "", undo) if undo is not None else None
        self._update()

    def undo(self) -> None:
        if self.send_undoable:
            self.bar.undo_now()
        elif self._other is not None:
            undo = self._other[1]
            self.offer(None)
            undo()

    def _send_changed(self, on: bool) -> None:
        self.send_undoable = on
        self._update()

    def _update(self) -> None:
        other = self._other
        self.action.setEnabled(self.send_undoable or other is not None)
        text = (
            other[0]
            if other is not None and not self.send_undoable
            else QCoreApplication.translate("MainWindow", "Undo send")
        )
        self.action.setText(text)
        key = native(self.action.shortcut())
        self.action.setToolTip(f"{text} ({key})" if key else text)
