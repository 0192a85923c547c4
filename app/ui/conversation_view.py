"""The centre pane: one conversation's messages, oldest first.

Bodies are shown as escaped text for now; sanitized HTML with blocked remote content comes
with the full conversation pane.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain import Direction
from app.storage.rows import MessageView

_STYLE = {
    Direction.INBOUND: "background-color:#f1f3f4;",
    Direction.OUTBOUND: "background-color:#e8f5e9;",
    Direction.SYSTEM: "background-color:#fff8e1;font-style:italic;",
}


class ConversationView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # the viewer never navigates
        self.setOpenExternalLinks(False)
        self.show_placeholder(self.tr("Select a conversation"))

    def show_placeholder(self, text: str) -> None:
        self.setHtml(f"<p style='color:#777;margin:24px'>{escape(text)}</p>")

    def show_messages(self, title: str, messages: list[MessageView]) -> None:
        who = {
            Direction.INBOUND: self.tr("Buyer"),
            Direction.OUTBOUND: self.tr("You"),
            Direction.SYSTEM: self.tr("Marketplace notice"),
        }
        parts = [f"<h2>{escape(title)}</h2>"]
        for m in messages:
            when = m.received_at.astimezone().strftime("%Y-%m-%d %H:%M")
            body = escape(m.body_text).replace("\n", "<br>")
            parts.append(
                f"<div style='{_STYLE[m.direction]}padding:8px;margin:8px 0'>"
                f"<b>{escape(who[m.direction])}</b> · <span style='color:#555'>{when}</span>"
                f"<p>{body}</p></div>"
            )
        self.setHtml("".join(parts))
