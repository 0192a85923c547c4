"""The buyer's orders that no conversation is about yet, in the details pane under the
buyer's other conversations.

A buyer with three orders who wrote about one: the seller sees the other two (order number,
date, items) and starts a message about one with Return or a click — the details pane's "New
message to buyer…" window, with that order chosen. Read from the local store
(app.storage.buyer_history) with the other conversations, by BuyerHistoryPart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from app.ui import formats
from app.ui.short_list import fit_rows, heading, short_list

if TYPE_CHECKING:
    from app.storage.buyer_history import BuyerOrder


def items_text(items: tuple[dict[str, Any], ...]) -> str:
    """`2× Tasse, Teller`: what was bought, on one line."""
    parts = []
    for item in items:
        title = str(item.get("title") or item.get("sku") or "?")
        quantity = item.get("quantity", 1)
        parts.append(f"{quantity}× {title}" if quantity != 1 else title)
    return ", ".join(parts)


class BuyerOrdersPanel(QWidget):
    """A heading and a short list; ``chosen`` carries the BuyerOrder to write about."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buyer-orders")
        self.heading = heading(self.tr("Orders without a conversation"))
        self.list = short_list("buyer-orders-list", self._choose)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.heading)
        box.addWidget(self.list)
        self.rows: list[BuyerOrder] = []
        self.show_rows([])

    def show_rows(self, rows: list[BuyerOrder]) -> None:
        """Hidden when there are none: most buyers wrote about their only order."""
        self.rows = rows
        self.list.clear()
        hint = self.tr("Write to the buyer about this order")
        for index, row in enumerate(rows):
            o = row.order
            # Two short lines (the column is narrow): the number, then when and what.
            what = items_text(o.items)
            if o.placed_at is not None:
                what = f"{formats.date(o.placed_at)}  ·  {what}"
            item = QListWidgetItem(f"#{o.order_number}\n{what}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            # The buyer row the message goes to (another +case alias of the same buyer).
            to = self.tr("To %1").replace("%1", row.buyer_alias) if row.buyer_alias else ""
            item.setToolTip("\n".join(t for t in (hint, items_text(o.items), to) if t))
            self.list.addItem(item)
        self.setVisible(bool(rows))
        fit_rows(self.list)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(self.rows[int(item.data(Qt.ItemDataRole.UserRole))])
