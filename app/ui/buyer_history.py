"""The buyer's other conversations, in the details pane under the buyer (and, below them,
the buyer's orders without a conversation: app.ui.buyer_orders).

A buyer writing again today starts an unrelated thread; the seller wants the last one (and
its order) at hand. The lists are read from the local store (offline too,
app.storage.buyer_history), refreshed by the operations layer's changes, and a click or
Return opens a conversation through the current conversation, like the thread list does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from app.ui import formats
from app.ui.buyer_orders import BuyerOrdersPanel
from app.ui.short_list import fit_rows, heading, short_list
from app.ui.theme import muted_colour
from app.ui.thread_model import clock_text

if TYPE_CHECKING:
    from app.services.ops import Changes, Ops
    from app.storage.buyer_history import BuyerOrder
    from app.storage.rows import ThreadRow
    from app.storage.store import Store
    from app.ui.current import CurrentConversation
    from app.ui.main_window import MainWindow


class BuyerHistoryPanel(QWidget):
    """A heading and a short list; ``chosen`` carries the conversation id."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buyer-history")
        self.heading = heading(self.tr("Other conversations with this buyer"))
        self.empty = QLabel(self.tr("No other conversations yet."))
        self.empty.setObjectName("buyer-history-empty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {muted_colour()}")
        self.list = short_list("buyer-history-list", self._choose)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.heading)
        box.addWidget(self.empty)
        box.addWidget(self.list)
        self.rows: list[ThreadRow] = []
        self.show_rows([])

    def show_rows(self, rows: list[ThreadRow]) -> None:
        self.rows = rows
        self.list.clear()
        now = datetime.now(UTC)
        for row in rows:
            subject = row.subject or self.tr("(no subject)")
            item = QListWidgetItem(f"{subject}\n{self._line(row, now)}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(row.subject)
            self.list.addItem(item)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        fit_rows(self.list)

    def _line(self, row: ThreadRow, now: datetime) -> str:
        """Order, then date and state: what tells the seller which one it was (two short
        lines: the column is narrow)."""
        order = f"#{row.order_number}" if row.order_number else self.tr("No order")
        if row.snooze_kind is not None and not row.woken(now):
            state = self.tr("Snoozed")
        else:
            clock, _colour = clock_text(row, now)
            state = clock or self.tr("Answered")
        return f"{order}\n{formats.date(row.last_activity)}  ·  {state}"

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class BuyerHistoryPart(QObject):
    """Keeps the panels on the current conversation's buyer. ``write_about`` carries the
    conversation's details with a listed order chosen, for the new message window."""

    write_about = Signal(object)

    def __init__(self, window: MainWindow, ops: Ops, current: CurrentConversation) -> None:
        super().__init__(window)
        self.ops = ops
        self.current = current
        self.store: Store | None = None
        self.panel = BuyerHistoryPanel()
        self.panel.chosen.connect(current.open)
        layout = window.details.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(window.details.new_button) + 1, self.panel)
        self.panel.hide()
        self.orders = BuyerOrdersPanel()
        self.orders.chosen.connect(self._write_about)
        layout.insertWidget(layout.indexOf(self.panel) + 1, self.orders)
        self.orders.hide()
        window.add_action(
            "buyer-history",
            self.tr("Buyer's other conversations"),
            "Ctrl+Shift+B",
            self.focus_list,
        )
        current.changed.connect(lambda _row: self.refresh())
        ops.subscribe(self._changed)

    def ready(self, store: Store) -> None:
        self.store = store
        self.refresh()

    def focus_list(self) -> None:
        """To the other conversations; pressed again (or with none), to the orders."""
        lists = [p.list for p in (self.panel, self.orders) if p.rows]
        if not lists:
            return
        at = lists.index(self.panel.list) if self.panel.list.hasFocus() else -1
        target = lists[(at + 1) % len(lists)]
        target.setFocus()
        if target.currentRow() < 0:
            target.setCurrentRow(0)

    def _write_about(self, row: BuyerOrder) -> None:
        details = self.current.details
        if details is None:
            return
        o = row.order
        self.write_about.emit(
            replace(  # the buyer row that placed the order: the message goes to it
                details,
                buyer_id=row.buyer_id,
                buyer_name=row.buyer_name,
                buyer_alias=row.buyer_alias,
                buyer_locale=row.buyer_locale,
                buyer_opted_out=row.buyer_opted_out,
                marketplace_id=o.marketplace_id,
                order_id=o.id,
                order_number=o.order_number,
                order_kind=o.kind.value,
                order_placed_at=o.placed_at,
                order_items=o.items,
            )
        )

    def _changed(self, changes: Changes) -> None:
        # Any conversation may be this buyer's (a new one arrives, another is answered).
        if changes.synced or changes.any_conversation or changes.conversations:
            self.refresh()

    def refresh(self) -> None:
        cid, store = self.current.id, self.store
        if cid is None or store is None:
            self.ops.forget("buyer-history")
            self.panel.hide()
            self.orders.hide()
            return
        from app.storage.buyer_history import orders_without_conversation, other_conversations

        def read() -> tuple[list[ThreadRow], list[BuyerOrder]]:
            with store.read() as conn:
                return other_conversations(conn, cid), orders_without_conversation(conn, cid)

        def done(found: tuple[list[ThreadRow], list[BuyerOrder]]) -> None:
            if cid == self.current.id:
                self.panel.show_rows(found[0])
                self.panel.show()
                self.orders.show_rows(found[1])

        self.ops.query("buyer-history", read, done=done)
