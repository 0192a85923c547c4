"""kill -9 at random points while typing a draft and while sending: nothing lost, nothing
sent twice. Children are forked from the test process (with the modules already imported), so a
round costs milliseconds; each child builds its own store, worker and HTTP client."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.services.drafts import DraftAutosaver
from app.services.outbox import OutboxSender
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import drafts
from app.storage.drafts import DraftData
from app.storage.store import Store

DRAFT_ROUNDS = int(os.environ.get("SELLER_INBOX_DRAFT_KILL_ROUNDS", "200"))
SEND_ROUNDS = int(os.environ.get("SELLER_INBOX_SEND_KILL_ROUNDS", "300"))
TEXT = "Hej Åsa! Tack för din beställning. Paketet skickas i morgon med PostNord. " * 20


def fork(child) -> int:  # type: ignore[no-untyped-def]
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 1
        try:
            child()
            code = 0
        finally:
            os._exit(code)
    return pid


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def test_typing_killed_200_times_loses_at_most_2_seconds(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    Store.open(profile).close()
    log = tmp_path / "keystrokes"
    rng = random.Random(99)
    for round_no in range(DRAFT_ROUNDS):
        key = f"new:{round_no}:"
        log.write_text("")

        def typist(key: str = key) -> None:
            async def main() -> None:
                store = Store.open(profile)
                saver = DraftAutosaver(store, StoreWorker())
                with open(log, "a", buffering=1) as out:
                    for n in range(1, len(TEXT) + 1):
                        saver.edit(DraftData(key, "Re", TEXT[:n]))
                        out.write(f"{n} {time.monotonic()}\n")
                        await asyncio.sleep(0.01 if n % 40 else 1.3)  # bursts and pauses

            asyncio.run(main())

        pid = fork(typist)
        time.sleep(rng.uniform(0.1, 2.2))
        kill(pid)
        strokes = [line.split() for line in log.read_text().splitlines() if line.count(" ") == 1]
        if not strokes:
            continue
        last_time = float(strokes[-1][1])
        typed_at = {int(n): float(t) for n, t in strokes}
        with sqlite3.connect(profile / "inbox.sqlite3") as db:
            row = db.execute("SELECT body FROM drafts WHERE key = ?", (key,)).fetchone()
        saved = len(row[0]) if row else 0
        assert TEXT.startswith(row[0] if row else "")
        # Everything typed more than 2 s before the kill is on disk.
        older = [n for n, t in typed_at.items() if t <= last_time - 2.0]
        assert saved >= max(older, default=0), (round_no, saved, max(older, default=0))
    with sqlite3.connect(profile / "inbox.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_sending_killed_300_times_sends_each_message_exactly_once(
    tmp_path: Path, live_relay: LiveRelay
) -> None:
    profile = tmp_path / "p"

    async def first_sync() -> int:
        store = Store.open(profile)
        worker = StoreWorker()
        client = RelayClient(live_relay.url, live_relay.token)
        try:
            await SyncEngine(client, store, worker).sync()
            with store.read() as conn:
                return int(
                    conn.exec_driver_sql(
                        "SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
                        "WHERE c.buyer_initiated AND NOT b.opted_out ORDER BY c.id LIMIT 1"
                    ).scalar_one()
                )
        finally:
            await client.aclose()
            worker.shutdown()
            store.close()

    async def relay_submissions() -> list[str]:
        client = RelayClient(live_relay.url, live_relay.token)
        try:
            ids = (await client.call_one("Submission/query", {"limit": 500}))["ids"]
            got: list[str] = []
            for start in range(0, len(ids), 500):
                part = await client.call_one("Submission/get", {"ids": ids[start : start + 500]})
                got += [s["clientSubmissionId"] for s in part["list"]]
            return got
        finally:
            await client.aclose()

    conv = asyncio.run(first_sync())
    rng = random.Random(7)
    before = set(asyncio.run(relay_submissions()))

    async def sender_round(body: str | None) -> None:
        store = Store.open(profile)
        worker = StoreWorker()
        client = RelayClient(live_relay.url, live_relay.token)
        outbox = OutboxSender(client, store, worker, undo_window=timedelta(0))
        try:
            if body is not None:
                key = drafts.draft_key_for_conversation(conv)
                with store.write() as c:
                    drafts.save_draft(
                        c,
                        DraftData(key, "Re: order", body, conversation_id=conv),
                        datetime.now(UTC),
                    )
                await outbox.send(key)
            while await outbox.process_due():
                pass
        finally:
            await client.aclose()
            worker.shutdown()
            store.close()

    for round_no in range(SEND_ROUNDS):
        pid = fork(lambda n=round_no: asyncio.run(sender_round(f"Update {n}: shipped today.")))
        time.sleep(rng.uniform(0.0, 0.25))
        kill(pid)
    # Start the app once more: it finishes whatever the kills interrupted.
    asyncio.run(sender_round(None))

    on_relay = asyncio.run(relay_submissions())
    with sqlite3.connect(profile / "inbox.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        states = dict(db.execute("SELECT idempotency_key, state FROM outbox").fetchall())
    assert states, "no round got as far as the outbox"
    assert set(states.values()) == {"sent"}
    new = [k for k in on_relay if k not in before]
    # Every message that reached the outbox is on the relay exactly once, and nothing else is.
    assert sorted(new) == sorted(states)
