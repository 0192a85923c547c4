"""The details panel beside the conversation: the order and the buyer behind it, and "New
message to buyer…". Other parts add theirs under it (the thanks suggestion and notes,
`seller_day.py`; the buyer's other conversations, `buyer_history.py`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.storage.rows import ConversationDetails
from app.ui import formats
from app.ui.labels import breakable, plain_label
from app.ui.theme import error_colour
from app.ui.translations import QT_TRANSLATE_NOOP


class DetailsPanel(QFrame):
    """The order and the buyer behind the selected conversation."""

    new_message = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details-panel")
        self.order_title = QLabel(self.tr("Order"))
        self.buyer_title = QLabel(self.tr("Buyer"))
        for t in (self.order_title, self.buyer_title):
            t.setObjectName("panel-heading")
        self.order_form = QFormLayout()
        self.buyer_form = QFormLayout()
        for f in (self.order_form, self.buyer_form):
            f.setVerticalSpacing(6)
        self.fields: dict[str, QLabel] = {}
        for form, keys in (
            (
                self.order_form,
                (
                    ("order", QT_TRANSLATE_NOOP("DetailsPanel", "Number")),
                    ("kind", QT_TRANSLATE_NOOP("DetailsPanel", "Kind")),
                    ("placed", QT_TRANSLATE_NOOP("DetailsPanel", "Placed")),
                    ("items", QT_TRANSLATE_NOOP("DetailsPanel", "Items")),
                ),
            ),
            (
                self.buyer_form,
                (
                    ("name", QT_TRANSLATE_NOOP("DetailsPanel", "Name")),
                    ("alias", QT_TRANSLATE_NOOP("DetailsPanel", "Alias")),
                    ("locale", QT_TRANSLATE_NOOP("DetailsPanel", "Language")),
                    ("optout", QT_TRANSLATE_NOOP("DetailsPanel", "Opted out")),
                ),
            ),
        ):
            for key, label in keys:
                value = plain_label("—")
                value.setWordWrap(True)
                value.setObjectName(f"detail-{key}")
                self.fields[key] = value
                form.addRow(QLabel(self.tr(label)), value)
        self.new_button = QPushButton(self.tr("New message to buyer…"))
        self.new_button.setEnabled(False)
        self.new_button.clicked.connect(self.new_message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(8)
        layout.addWidget(self.order_title)
        layout.addLayout(self.order_form)
        layout.addSpacing(10)
        layout.addWidget(self.buyer_title)
        layout.addLayout(self.buyer_form)
        layout.addSpacing(10)
        layout.addWidget(self.new_button)
        layout.addStretch(1)
        self.details: ConversationDetails | None = None

    def show_details(self, d: ConversationDetails | None) -> None:
        self.details = d
        if d is None:
            for v in self.fields.values():
                v.setText("—")
            self.new_button.setEnabled(False)
            return
        kinds = {
            "standard": self.tr("Standard"),
            "handmade": self.tr("Handmade"),
            "custom": self.tr("Custom"),
            "wine": self.tr("Wine"),
        }
        self.fields["order"].setText(d.order_number or self.tr("No order"))
        self.fields["kind"].setText(kinds.get(d.order_kind, d.order_kind) if d.order_id else "—")
        self.fields["placed"].setText(formats.date(d.order_placed_at) if d.order_placed_at else "—")
        items = [
            f"{i.get('quantity', 1)} × {i.get('title', i.get('sku', '?'))}" for i in d.order_items
        ]
        self.fields["items"].setText("\n".join(items) or "—")
        self.fields["name"].setText(d.buyer_name or "—")
        self.fields["alias"].setText(breakable(d.buyer_alias))
        self.fields["alias"].setToolTip(d.buyer_alias)
        self.fields["locale"].setText(d.buyer_locale)
        self.fields["optout"].setText(
            self.tr("Yes: only replies and critical messages reach them")
            if d.buyer_opted_out
            else self.tr("No (as far as we know)")
        )
        self.fields["optout"].setStyleSheet(f"color:{error_colour()}" if d.buyer_opted_out else "")
        self.new_button.setEnabled(True)
