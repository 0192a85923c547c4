"""Writers of one account at the same time: the change log stays exact, the counts add up.

A send takes the seller's row lock only at its end (`Changes.flush`), so on PostgreSQL sends
and buyer messages of one conversation really run side by side here. A reader paging
`Message/changes` meanwhile must still see every message (modseqs are handed out in commit
order), and the conversation's summary must count every message (its update is relative to
the row as committed, not to what a writer read before).
"""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest
from relay_testkit import RelayUnderTest
from sqlalchemy import func, select, text

from relay import auth, schema
from relay import db as relay_db
from relay.db import open_database
from relay.store import Changes

SENDERS = int(os.environ.get("RELAY_CONCURRENT_SENDERS", "4"))
SENDS = int(os.environ.get("RELAY_CONCURRENT_SENDS", "6"))
BUYER_MESSAGES = int(os.environ.get("RELAY_CONCURRENT_BUYER_MESSAGES", "6"))


def test_concurrent_writers_keep_the_change_log_and_the_counts(
    relay: RelayUnderTest, conversation: dict[str, Any]
) -> None:
    cid = conversation["conversationId"]
    sellers = [relay.new_seller("alice") for _ in range(SENDERS)]
    watcher = relay.new_seller("alice")
    state = watcher.ok("Message/get", {"ids": []})["state"]
    seen: set[str] = set()
    written: list[str] = []
    failures: list[BaseException] = []
    done = threading.Event()

    def guarded(fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except BaseException as e:  # reported by the test thread below
            failures.append(e)

    def send(seller: Any, n: int) -> None:
        for i in range(SENDS):
            created, refused = seller.send(conversationId=cid, body=f"Reply {n}.{i}, thank you.")
            assert refused is None and created is not None
            written.append(created["messageId"])

    def write_as_buyer() -> None:
        for i in range(BUYER_MESSAGES):
            r = relay.buyers.write(
                "alice",
                "anna@example.net",
                f"Another question, {i}.",
                orderId="114-0000001-0000001",
            )
            assert r.status_code == 200 and r.json()["conversationId"] == cid, r.text
            written.append(r.json()["messageId"])

    def watch() -> None:
        nonlocal state
        for _ in range(100_000):
            finished = done.is_set()  # read before the page: a page after it sees every write
            got = watcher.ok("Message/changes", {"sinceState": state, "maxChanges": 3})
            seen.update(got["created"] + got["updated"])
            state = got["newState"]
            if finished and not got["hasMoreChanges"]:
                return
        raise AssertionError("changes never caught up")

    workers = [threading.Thread(target=guarded, args=(send, s, n)) for n, s in enumerate(sellers)]
    workers.append(threading.Thread(target=guarded, args=(write_as_buyer,)))
    reader = threading.Thread(target=guarded, args=(watch,))
    reader.start()
    for t in workers:
        t.start()
    for t in workers:
        t.join(120)
    done.set()
    reader.join(120)
    for s in [*sellers, watcher]:
        s.close()
    if failures:
        raise failures[0]

    assert len(written) == SENDERS * SENDS + BUYER_MESSAGES
    assert set(written) <= seen  # not one change skipped by the paging reader
    conv = relay.seller.get_one("Conversation", cid)
    thread = relay.seller.ok("Message/query", {"filter": {"conversationId": cid}})["ids"]
    assert conv["messageCount"] == len(thread) == len(written) + 1
    msgs = relay.seller.ok("Message/get", {"ids": thread})["list"]
    assert conv["lastActivity"] == max(m["receivedAt"] for m in msgs)
    with relay.db.reading() as conn:
        c = schema.changes.c
        seqs = conn.execute(select(c.modseq).where(c.type == "Message")).scalars().all()
        top = conn.execute(select(schema.sellers.c.modseq)).scalar_one()
    assert len(set(seqs)) == len(seqs) and max(seqs) <= top


def test_changes_recorded_but_not_flushed_do_not_commit(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.writing() as conn:
            sid = auth.ensure_seller(conn, "alice")
        with pytest.raises(RuntimeError, match="not flushed"), db.writing() as conn:
            auth.ensure_seller(conn, "bob")
            Changes(conn, sid).updated("Marketplace", "amazon.se")
        with db.writing() as conn:  # the same pooled connection works on, and bob never was
            with Changes(conn, sid) as ch:
                ch.updated("Marketplace", "amazon.se")
            names = conn.execute(select(schema.sellers.c.name)).scalars().all()
            assert names == ["alice"]
            assert conn.execute(select(func.count()).select_from(schema.changes)).scalar() == 1
    finally:
        db.dispose()


def test_an_idle_connection_that_died_is_replaced_at_checkout(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(pg_url)
    try:
        with db.reading() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
        with db.write.connect() as admin:  # the server ends the idle reader's session
            admin.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            admin.commit()
        monkeypatch.setattr(relay_db, "PING_AFTER_IDLE_SECONDS", 0.0)
        with db.reading() as conn:
            assert conn.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    finally:
        db.dispose()
