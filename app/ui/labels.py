"""Labels for text that is not ours (a buyer's subject, name, file name, order items).

A QLabel guesses rich text (Qt::AutoText): a buyer's `<img src="/dev/zero">` in a subject would
be rendered, loading that file. Every label showing such text is plain (docs/security.md).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
