"""The same buyer's other conversations, for the details pane: a buyer writing again today
starts a new thread, and the seller wants to see the last one (and its order) beside it.

The same buyer is the same buyer row, or a buyer whose alias has the same alias base
(app.domain.buyers: bridged mail's `base+case@…` aliases). Two index seeks: the buyers by
their unique alias, the conversations by ``ix_conv_buyer``.
"""

from __future__ import annotations

from sqlalchemy import Connection

from app.domain.buyers import alias_base
from app.storage import threads
from app.storage.rows import ThreadRow

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


def other_conversations(
    conn: Connection, conversation_id: int, limit: int = LIMIT
) -> list[ThreadRow]:
    """The buyer's conversations other than this one, newest activity first."""
    row = conn.exec_driver_sql(
        "SELECT buyer_id FROM conversations WHERE id = ?", (conversation_id,)
    ).first()
    if row is None:
        return []
    buyers = same_buyer_ids(conn, row[0])
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
