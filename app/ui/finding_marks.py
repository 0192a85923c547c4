"""How the rules check's findings show in the composer's editors: a wavy underline (red for
what blocks Send, amber for a warning) with the explanation as its tooltip in the body, a
coloured border on the subject, and a finding chosen in the panel selected in its field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from app.policy import Field, Finding, Severity
from app.ui.policy_panel import BLOCK_COLOUR, WARN_COLOUR
from app.ui.policy_text import explain


def utf16(text: str, index: int) -> int:
    """Python string index → Qt (UTF-16) position."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)


def mark(body: QPlainTextEdit, subject: QLineEdit, findings: Sequence[Finding]) -> None:
    """Underline the body's findings and outline a subject that has any."""
    text = body.toPlainText()
    wide = any(ord(ch) > 0xFFFF for ch in text)
    selections = []
    for f in findings:
        if f.field is not Field.BODY or f.end <= f.start or f.end > len(text):
            continue  # (past the text: in the signature, listed in the panel only)
        start, end = (utf16(text, f.start), utf16(text, f.end)) if wide else (f.start, f.end)
        cursor = QTextCursor(body.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        colour = BLOCK_COLOUR if f.severity is Severity.BLOCK else WARN_COLOUR
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(colour)
        fmt.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 28))
        fmt.setToolTip(explain(f))
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        selections.append(sel)
    body.setExtraSelections(selections)
    subject_bad = [f for f in findings if f.field is Field.SUBJECT]
    if subject_bad:
        worst = any(f.severity is Severity.BLOCK for f in subject_bad)
        border = (BLOCK_COLOUR if worst else WARN_COLOUR).name()
        subject.setStyleSheet(f"QLineEdit{{border:1px solid {border}}}")
        subject.setToolTip("\n".join(explain(f) for f in subject_bad))
    else:
        subject.setStyleSheet("")
        subject.setToolTip("")


def select(body: QPlainTextEdit, subject: QLineEdit, f: Finding) -> bool:
    """Select the finding's text in its field and focus it; True when that is the body."""
    text = body.toPlainText()
    if f.field is Field.BODY and f.end <= len(text):
        cursor = body.textCursor()
        cursor.setPosition(utf16(text, f.start))
        cursor.setPosition(utf16(text, f.end), QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)
        body.setFocus()
        return True
    if f.field is Field.SUBJECT:
        subject.setFocus()
        subject.setSelection(f.start, f.end - f.start)
    return False
