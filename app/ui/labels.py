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


ZWSP = "\u200b"  # a break opportunity that shows nothing


def breakable(address: str, chunk: int = 14) -> str:
    """An address that a word-wrapped label can break: before "@" and after each ".", and
    anywhere inside a run longer than ``chunk`` (a marketplace alias's random part), so it
    wraps in a narrow column instead of running past it. Keep the original for tooltips."""
    out: list[str] = []
    run = 0
    for ch in address:
        if ch == "@" or (run and run % chunk == 0):
            out.append(ZWSP)
            run = 0
        out.append(ch)
        run = 0 if ch == "." else run + 1
        if ch == ".":
            out.append(ZWSP)
    return "".join(out)
