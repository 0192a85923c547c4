"""The same buyer's other conversations (app.storage.buyer_history): by buyer row, and by alias
base for bridged mail's `base+case@…` aliases; never another buyer's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.domain.buyers import alias_base
from app.storage import schema
from app.storage.buyer_history import other_conversations
from app.storage.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
B = schema.buyers
C = schema.conversations


def test_alias_base_drops_the_case_part_only() -> None:
    assert alias_base("Ab12cd+Case-7@Marketplace.Amazon.de") == "ab12cd@marketplace.amazon.de"
    assert alias_base("ab12cd@marketplace.amazon.de") == "ab12cd@marketplace.amazon.de"
    assert alias_base("0a1b2c3d4e5f@members.ebay.de") == "0a1b2c3d4e5f@members.ebay.de"
    assert alias_base("no-address") == "no-address"


def test_a_buyers_other_conversations_by_row_and_by_alias_base(inbox: Store) -> None:
    with inbox.write() as conn:
        ids = list(conn.execute(select(C.c.id).order_by(C.c.last_activity.desc())).scalars())
        one, two, three, stranger = ids[0], ids[5], ids[9], ids[12]
        base = conn.execute(
            B.insert().values(alias="kx7base@marketplace.amazon.de", display_name="Kim")
        ).inserted_primary_key[0]
        case = conn.execute(
            B.insert().values(alias="kx7base+case-2@marketplace.amazon.de", display_name="Kim")
        ).inserted_primary_key[0]
        # Same local part on another marketplace, and a longer local part: other buyers.
        other = conn.execute(
            B.insert().values(alias="kx7base+z@marketplace.amazon.fr", display_name="Kim F")
        ).inserted_primary_key[0]
        longer = conn.execute(
            B.insert().values(alias="kx7basement@marketplace.amazon.de", display_name="K")
        ).inserted_primary_key[0]
        for cid, buyer in ((one, base), (two, base), (three, case), (stranger, other)):
            conn.execute(C.update().where(C.c.id == cid).values(buyer_id=buyer))
        conn.execute(C.update().where(C.c.id == ids[15]).values(buyer_id=longer))
    with inbox.read() as conn:
        found = other_conversations(conn, one)
        assert [r.id for r in found] == [two, three]  # newest activity first, not itself
        assert [r.id for r in other_conversations(conn, three)] == [one, two]
        assert other_conversations(conn, stranger) == []
        assert other_conversations(conn, 10**9) == []
        assert len(other_conversations(conn, one, limit=1)) == 1
