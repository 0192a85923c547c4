"""The same buyer's other conversations and orders, for the details pane: a buyer writing
again today starts a new thread, and the seller wants to see the last one (and its order)
beside it, and the orders nobody has written about yet.

The same buyer is the same buyer row, or a buyer whose alias has the same alias base
(app.domain.buyers: bridged mail's `base+case@…` aliases). Two index seeks: the buyers by
their unique alias, the conversations by ``ix_conv_buyer``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection

from app.domain import OrderKind
from app.domain.buyers import alias_base
from app.storage import threads
from app.storage.rows import OrderInfo, ThreadRow
from app.storage.timestamps import from_ms

LIMIT = 20  # more than the pane shows; the rest is a search away


def same_buyer_ids(conn: Connection, buyer_id: int) -> list[int]:
    """This buyer and every buyer with the same alias base."""
    row = conn.exec_driver_sql("SELECT alias FROM buyers WHERE id = ?", (buyer_id,)).first()
    if row is None:
        return []
    base = alias_base(row[0])
    local, _, _domain = base.partition("@")
    # `local@…` and `local+case@…`: a range of the unique alias index, checked exactly below.
    found = conn.exec_driver_sql(
        "SELECT id, alias FROM buyers WHERE alias = ? OR (alias >= ? AND alias < ?)",
        (base, local + "+", local + ","),
    )
    ids = {buyer_id} | {i for i, alias in found if alias_base(alias) == base}
    return sorted(ids)


def _buyers_of(conn: Connection, conversation_id: int) -> list[int]:
    """The conversation's buyer and the same buyer's other rows (none: no such conversation)."""
    row = conn.exec_driver_sql(
        "SELECT buyer_id FROM conversations WHERE id = ?", (conversation_id,)
    ).first()
    return [] if row is None else same_buyer_ids(conn, row[0])


def other_conversations(
    conn: Connection, conversation_id: int, limit: int = LIMIT
) -> list[ThreadRow]:
    """The buyer's conversations other than this one, newest activity first."""
    buyers = _buyers_of(conn, conversation_id)
    if not buyers:
        return []
    marks = ",".join("?" * len(buyers))
    ids = [
        r[0]
        for r in conn.exec_driver_sql(
            f"SELECT id FROM conversations WHERE buyer_id IN ({marks}) AND id != ? "
            "ORDER BY last_activity DESC, id DESC LIMIT ?",
            (*buyers, conversation_id, limit),
        )
    ]
    return threads.by_ids(lambda sql, params: conn.exec_driver_sql(sql, tuple(params)), ids)


@dataclass(frozen=True, slots=True)
class BuyerOrder:
    """An order of the buyer's, and which buyer row placed it: a new message about it goes
    to that row (bridged mail's ``base+case@`` alias may differ from the open one's)."""

    order: OrderInfo
    buyer_id: int
    buyer_name: str = ""
    buyer_alias: str = ""
    buyer_locale: str = ""
    buyer_opted_out: bool = False


def orders_without_conversation(
    conn: Connection, conversation_id: int, limit: int = LIMIT
) -> list[BuyerOrder]:
    """The buyer's orders that no conversation is about yet, newest placed first: the ones
    the seller might write about. Seeks ``ix_orders_buyer``, then ``ix_conv_order`` per order."""
    buyers = _buyers_of(conn, conversation_id)
    if not buyers:
        return []
    marks = ",".join("?" * len(buyers))
    found = conn.exec_driver_sql(
        "SELECT o.id, o.order_number, o.marketplace_id, o.kind, o.placed_at, o.items_json, "
        "o.buyer_id, b.display_name, b.alias, b.locale, b.opted_out "
        f"FROM orders o JOIN buyers b ON b.id = o.buyer_id WHERE o.buyer_id IN ({marks}) "
        "AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.order_id = o.id) "
        "ORDER BY o.placed_at IS NULL, o.placed_at DESC, o.id DESC LIMIT ?",
        (*buyers, limit),
    )
    return [
        BuyerOrder(
            OrderInfo(
                r[0],
                r[1],
                r[2],
                OrderKind(r[3]),
                from_ms(r[4]) if r[4] is not None else None,
                tuple(json.loads(r[5] or "[]")),
            ),
            r[6],
            r[7],
            r[8],
            r[9],
            bool(r[10]),
        )
        for r in found
    ]
