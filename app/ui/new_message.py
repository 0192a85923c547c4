"""A window for a new message to a buyer, started from an order (order → buyer → compose)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.storage.rows import ConversationDetails
from app.ui.composer import Composer
from app.ui.labels import plain_label
from app.ui.theme import error_colour


class NewMessageWindow(QDialog):
    def __init__(self, parent: QWidget | None, details: ConversationDetails) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("New message to %1").replace("%1", details.buyer_name))
        self.resize(680, 520)
        # The buyer row the draft is keyed to, by name and alias: the one it is sent to, which
        # for an order of another +case alias is not the open conversation's.
        who = plain_label(
            self.tr("To %1 <%2> · %3 · order %4")
            .replace("%1", details.buyer_name or details.buyer_alias)
            .replace("%2", details.buyer_alias)
            .replace("%3", details.marketplace_id)
            .replace("%4", details.order_number or self.tr("none"))
        )
        who.setObjectName("conversation-subtitle")
        note = QLabel(
            self.tr(
                "This buyer opted out of unsolicited messages: only critical messages "
                "(shipping problem, customization, delivery scheduling) reach them."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color:{error_colour()}")
        note.setVisible(details.buyer_opted_out)
        self.composer = Composer()
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(note)
        layout.addWidget(self.composer, 1)
