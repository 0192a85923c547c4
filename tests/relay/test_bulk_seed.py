"""`relay.bulk_seed` writes what the normal path writes, and a relay serves it as its own.

Checked three ways: the database of a bulk-seeded world equals, row for row (modseqs and change
log included; ids compared as the modseq that created the object), the database of the same world sent through the ingest and
Submission code; over the real HTTP API the objects are consistent with each other and
`changes` from the initial state yields each object once; normal writes continue on top.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from relay_testkit import Seller, make_relay
from sqlalchemy import select

from relay import schema
from relay.bulk_seed import bulk_seed, plan, seed_via_ingest
from relay.db import open_database
from relay.store import ID_PREFIX, TYPES

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
CONVERSATIONS, MESSAGES = 40, 170


def _rows(db_url: str, table: str, ids: dict[str, str] | None = None) -> list[tuple[Any, ...]]:
    """The table's rows, sorted; values found in `ids` replaced by what it maps them to."""
    t = schema.metadata.tables[table]
    cols = [c for c in t.c if not (table == "sellers" and c.name == "created_at")]
    ids = ids or {}
    db = open_database(db_url)
    try:
        with db.reading() as conn:
            rows = conn.execute(select(*cols))
            return sorted((tuple(ids.get(v, v) for v in r) for r in rows), key=repr)
    finally:
        db.dispose()


def _canonical_ids(db_url: str) -> dict[str, str]:
    """Object id -> its type's prefix and the modseq that created it. The normal path's ids are
    random (relay.store.new_object_id), the bulk seeder's are already of this form."""
    return {
        oid: f"{ID_PREFIX[ty]}{created}"
        for _sid, ty, oid, _seq, created, _gone in _rows(db_url, "changes")
        if ty in ID_PREFIX
    }


def test_bulk_seed_equals_the_normal_write_path(tmp_path: Any) -> None:
    bulk = f"sqlite:///{tmp_path / 'bulk.sqlite3'}"
    normal = f"sqlite:///{tmp_path / 'normal.sqlite3'}"
    report = bulk_seed(bulk, "alice", conversations=CONVERSATIONS, messages=MESSAGES, now=NOW)
    # The alias secret is per relay; give the second relay the first one's.
    secret = _rows(bulk, "relay_settings")
    db = open_database(normal)
    with db.writing() as conn:
        conn.execute(schema.settings.insert(), [{"key": k, "value": v} for k, v in secret])
    seed_via_ingest(db, "alice", conversations=CONVERSATIONS, messages=MESSAGES, now=NOW)
    db.dispose()

    assert report.conversations == CONVERSATIONS and report.messages == MESSAGES
    bulk_ids = _canonical_ids(bulk)
    assert all(oid == canonical for oid, canonical in bulk_ids.items())
    normal_ids = _canonical_ids(normal)
    assert len(normal_ids) == len(bulk_ids)
    for table in (
        "sellers",
        "marketplaces",
        "buyers",
        "orders",
        "conversations",
        "messages",
        "submissions",
        "changes",
        "type_states",
    ):
        assert _rows(bulk, table) == _rows(normal, table, normal_ids), table
    assert len(_rows(bulk, "messages")) == MESSAGES


def test_the_plan_is_a_realistic_mailbox() -> None:
    convs = list(plan(300, 3000, now=NOW))
    assert sum(len(c.messages) for c in convs) == 3000
    assert len({c.order_id for c in convs}) == 300
    assert {c.locale for c in convs} >= {"en", "sv", "es", "de"}
    assert max(len(c.messages) for c in convs) > 2 * min(len(c.messages) for c in convs)
    waiting = [c for c in convs if c.messages[-1].inbound]
    assert 0.1 < len(waiting) / len(convs) < 0.3
    for c in convs:
        times = [m.at for m in c.messages]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert times[-1] <= NOW and c.messages[0].inbound
    # Deterministic for a seed.
    assert list(plan(20, 60, now=NOW)) == list(plan(20, 60, now=NOW))
    with pytest.raises(ValueError):
        next(plan(10, 5, now=NOW))


def test_a_seller_with_data_is_refused_and_nothing_is_written(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    bulk_seed(url, "alice", conversations=3, messages=6, now=NOW)
    before = {t: _rows(url, t) for t in ("messages", "changes", "sellers")}
    with pytest.raises(ValueError, match="already has data"):
        bulk_seed(url, "alice", conversations=3, messages=6, now=NOW)
    assert {t: _rows(url, t) for t in before} == before


def _all_ids(seller: Seller, type_name: str, **args: Any) -> list[str]:
    ids: list[str] = []
    while True:
        page = seller.ok(f"{type_name}/query", {"position": len(ids), "limit": 500, **args})
        ids += page["ids"]
        if len(page["ids"]) < 500:
            return ids


def _get(seller: Seller, type_name: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        got = seller.ok(f"{type_name}/get", {"ids": ids[start : start + 500]})
        assert not got["notFound"]
        out.update({o["id"]: o for o in got["list"]})
    return out


def _changes_from_zero(seller: Seller, type_name: str) -> tuple[list[str], str]:
    seen: list[str] = []
    state = "0"
    for _ in range(10_000):
        got = seller.ok(f"{type_name}/changes", {"sinceState": state, "maxChanges": 37})
        assert not got["destroyed"]
        # Created, or updated after an earlier page's state: either way listed once.
        seen += got["created"] + got["updated"]
        state = got["newState"]
        if not got["hasMoreChanges"]:
            return seen, state
    raise AssertionError("changes never ended")


def test_a_relay_serves_a_bulk_seeded_account_over_http(db_url: str) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    report = bulk_seed(db_url, "alice", conversations=CONVERSATIONS, messages=MESSAGES, now=now)
    relay_gen = make_relay(db_url)
    relay = next(relay_gen)
    try:
        seller = relay.seller
        conv_ids = _all_ids(seller, "Conversation")
        convs = _get(seller, "Conversation", conv_ids)
        msgs = _get(seller, "Message", _all_ids(seller, "Message"))
        buyers = _get(seller, "Buyer", _all_ids(seller, "Buyer"))
        assert (len(convs), len(msgs), len(buyers)) == (CONVERSATIONS, MESSAGES, CONVERSATIONS)

        # Newest first, and every summary agrees with the conversation's messages.
        last = [convs[c]["lastActivity"] for c in conv_ids]
        assert last == sorted(last, reverse=True)
        by_conv = {
            c: sorted(g, key=lambda m: m["receivedAt"])
            for c, g in itertools.groupby(
                sorted(msgs.values(), key=lambda m: m["conversationId"]),
                key=lambda m: m["conversationId"],
            )
        }
        waiting = 0
        for cid, conv in convs.items():
            thread = by_conv[cid]
            assert conv["messageCount"] == len(thread)
            assert conv["lastActivity"] == thread[-1]["receivedAt"]
            assert conv["preview"] == " ".join(thread[-1]["bodyText"].split())[:160]
            replies = [i for i, m in enumerate(thread) if m["direction"] == "out"]
            after = thread[replies[-1] + 1 :] if replies else thread
            if after:  # the clock runs from the buyer's last unanswered message
                waiting += 1
                assert conv["awaitingSince"] == after[-1]["receivedAt"]
                deadline = datetime.fromisoformat(conv["awaitingSince"]) + timedelta(hours=24)
                assert datetime.fromisoformat(conv["deadline"]) == deadline
            else:
                assert conv["awaitingSince"] is None and conv["deadline"] is None
            for i, m in enumerate(thread):
                if m["direction"] == "in":
                    answered = any(r > i for r in replies)
                    assert m["keywords"] == ({"$answered": True} if answered else {})
                else:
                    assert m["keywords"] == {"$seen": True} and m["delivered"] is True
                    assert m["submissionId"] and m["bodyHtml"].startswith("<p>")
            assert conv["buyerAlias"] == buyers[conv["buyerId"]]["alias"]
        assert 0 < waiting < CONVERSATIONS
        # Aliases only: no real address anywhere the seller can read.
        everything = json.dumps([convs, msgs, buyers])
        assert "@buyers.example" not in everything
        assert all(b["alias"].endswith("@marketplace.relay.example") for b in buyers.values())
        assert len({b["alias"] for b in buyers.values()}) == len(buyers)

        # `changes` from the initial state: every object exactly once, ending at the state.
        expected = {"Conversation": set(convs), "Message": set(msgs), "Buyer": set(buyers)}
        for type_name in TYPES:
            seen, state = _changes_from_zero(seller, type_name)
            assert len(seen) == len(set(seen)), type_name
            assert state == report.states[type_name]
            if type_name in expected:
                assert set(seen) == expected[type_name]
        orders = seller.ok("Order/get", {"ids": None})["list"]
        assert len(orders) == CONVERSATIONS

        # Normal writes on top: a buyer message through the ingest, then a seller reply.
        target = next(
            c for c in plan(CONVERSATIONS, MESSAGES, now=now) if not c.messages[-1].inbound
        )
        conv_id = next(cid for cid, c in convs.items() if c["orderId"] == target.order_id)
        assert convs[conv_id]["awaitingSince"] is None
        states = {t: seller.ok(f"{t}/get", {"ids": []})["state"] for t in TYPES}
        r = relay.buyers.write(
            "alice",
            target.email,
            "Hej igen! En fråga till om min beställning.",
            marketplace=target.marketplace_id,
            orderId=target.order_id,
        )
        assert r.status_code == 200, r.text
        assert r.json()["conversationId"] == conv_id
        new_msg = r.json()["messageId"]
        # The account's modseq continues: the message, then its conversation.
        assert seller.ok("Message/get", {"ids": []})["state"] == str(report.modseq + 1)
        got = seller.ok("Message/changes", {"sinceState": states["Message"]})
        assert got["created"] == [new_msg]
        got = seller.ok("Conversation/changes", {"sinceState": states["Conversation"]})
        assert got["updated"] == [conv_id]
        conv = seller.get_one("Conversation", conv_id)
        msg = seller.get_one("Message", new_msg)
        assert conv["messageCount"] == convs[conv_id]["messageCount"] + 1
        assert conv["awaitingSince"] == msg["receivedAt"] == conv["lastActivity"]

        created, refused = seller.send(
            conversationId=conv_id, body="Tack för frågan! Vi svarar gärna.", subject="Sv: Fråga"
        )
        assert refused is None and created is not None
        conv = seller.get_one("Conversation", conv_id)
        assert conv["awaitingSince"] is None and conv["deadline"] is None
        assert conv["messageCount"] == convs[conv_id]["messageCount"] + 2
        assert seller.get_one("Message", new_msg)["keywords"] == {"$answered": True}
        got = seller.ok("Message/changes", {"sinceState": states["Message"]})
        assert set(got["created"]) == {new_msg, created["messageId"]}
        for t in ("Message", "Conversation", "Submission"):
            assert int(seller.ok(f"{t}/get", {"ids": []})["state"]) > int(states[t])
    finally:
        next(relay_gen, None)
