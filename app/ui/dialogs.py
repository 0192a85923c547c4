"""Small helpers shared by the window's dialogs."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def front(dialog: QWidget) -> None:
    """Show a (non-modal) dialog and bring it forward."""
    dialog.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        dialog.raise_()  # the offscreen plugin warns that it cannot
