"""The window's size and its splitters as the seller left them, kept in the local settings
(``window/geometry``, ``window/<splitter's object name>``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter, QWidget


def restore(settings: QSettings, window: QWidget, splitters: Iterable[QSplitter]) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    for splitter in splitters:
        state = settings.value(f"window/{splitter.objectName()}")
        if state is not None:
            splitter.restoreState(state)


def save(settings: QSettings, window: QWidget, splitters: Iterable[QSplitter]) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    for splitter in splitters:
        settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
    settings.sync()
