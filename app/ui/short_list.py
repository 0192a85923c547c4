"""The details pane's short lists (the buyer's other conversations and orders): a heading,
a list a few rows high that elides rather than scrolls sideways, opened by a click or
Return."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

SHOWN_ROWS = 3  # the list's height in rows; more scroll


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("panel-heading")
    label.setWordWrap(True)
    return label


def short_list(name: str, choose: Callable[[QListWidgetItem], None]) -> QListWidget:
    found = QListWidget()
    found.setObjectName(name)
    found.setTextElideMode(Qt.TextElideMode.ElideRight)
    found.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    found.setUniformItemSizes(True)
    found.setAlternatingRowColors(True)
    found.itemClicked.connect(choose)
    found.itemActivated.connect(choose)  # Return, or a double click
    return found


def fit_rows(found: QListWidget) -> None:
    """As high as its rows, up to SHOWN_ROWS."""
    if found.count():
        frame = 2 * found.frameWidth()
        found.setFixedHeight(found.sizeHintForRow(0) * min(found.count(), SHOWN_ROWS) + frame)
