"""The buyer's orders without a conversation (app.storage.buyer_history): newest placed first,
never one a conversation is about, never another buyer's; served by ix_orders_buyer."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.storage import schema
from app.storage.buyer_history import orders_without_conversation
from app.storage.store import Store

DAY = timedelta(days=1)
PLACED = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
B, C, ORD = schema.buyers, schema.conversations, schema.orders


def test_the_buyers_orders_without_a_conversation(inbox: Store) -> None:
    with inbox.write() as conn:
        mkt = conn.execute(select(C.c.marketplace_id).limit(1)).scalar_one()
        ids = list(conn.execute(select(C.c.id).order_by(C.c.id)).scalars())
        talked, stranger_conv = ids[3], ids[8]

        def buyer(alias: str) -> int:
            return int(conn.execute(B.insert().values(alias=alias)).inserted_primary_key[0])

        def order(number: str, who: int, days: int | None) -> int:
            placed = None if days is None else PLACED + days * DAY
            items = json.dumps([{"sku": "S", "title": f"Item {number}", "quantity": 2}])
            values = dict(order_number=number, marketplace_id=mkt, buyer_id=who, kind="standard")
            new = ORD.insert().values(**values, placed_at=placed, items_json=items)
            return int(conn.execute(new).inserted_primary_key[0])

        kim = buyer("kimorders@marketplace.amazon.de")
        kim_case = buyer("kimorders+case-9@marketplace.amazon.de")  # the same buyer, bridged
        other = buyer("someoneelse@marketplace.amazon.de")
        written = order("O-1", kim, 0)  # the open conversation is about this one
        second = order("O-2", kim, 2)
        third = order("O-3", kim_case, 5)
        undated = order("O-4", kim, None)
        order("X-1", other, 9)  # another buyer's, never shown
        about_x = order("X-2", other, 1)
        conn.execute(C.update().where(C.c.id == talked).values(buyer_id=kim, order_id=written))
        conn.execute(
            C.update().where(C.c.id == stranger_conv).values(buyer_id=other, order_id=about_x)
        )
    with inbox.read() as conn:
        found = orders_without_conversation(conn, talked)
        assert [f.order.id for f in found] == [third, second, undated]  # newest placed first
        assert [f.buyer_id for f in found] == [kim_case, kim, kim]
        assert found[0].order.order_number == "O-3"
        assert found[0].order.placed_at == PLACED + 5 * DAY
        assert found[0].order.items == ({"sku": "S", "title": "Item O-3", "quantity": 2},)
        assert [f.order.order_number for f in orders_without_conversation(conn, stranger_conv)] == [
            "X-1"
        ]
        assert len(orders_without_conversation(conn, talked, limit=2)) == 2
        assert orders_without_conversation(conn, 10**9) == []
        plan = " ".join(
            str(r[-1])
            for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM orders WHERE buyer_id IN (?, ?)", (kim, other)
            )
        )
        assert "ix_orders_buyer" in plan
