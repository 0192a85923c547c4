"""A relay that answers 429 for a while (its real rate limiter, tightened): the sync backs off
for at least Retry-After, the outbox retries with the same key, nothing is lost or doubled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain import OutboxState
from app.services.connectivity import Status
from app.services.outbox import OutboxSender
from app.services.relay_client import RelayClient, RetryLater
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import drafts
from app.storage.drafts import DraftData
from app.storage.store import Store
from relay import auth
from relay.config import RelayConfig
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import start_embedded

pytestmark = pytest.mark.asyncio


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_429s_are_waited_out_and_the_message_is_sent_once(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    seed_demo(db_url, per_marketplace=1)
    db = open_database(db_url)
    token = auth.create_token(db, "demo")
    # Enough burst for the first sync, then one request every two seconds.
    relay = start_embedded(db_url, RelayConfig(rate_per_second=0.5, rate_burst=25))
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(relay.url, token)
    clock = Clock()

    async def drain() -> None:
        for _ in range(40):
            try:
                await client.call_one("Core/echo", {})
            except RetryLater:
                return
        raise AssertionError("the relay never limited us")

    try:
        engine = SyncEngine(client, store, worker)
        runner = SyncRunner(engine)
        report, _ = await runner.sync_once()
        assert report is not None

        await drain()
        report, delay = await runner.sync_once()
        assert report is None and runner.state.status is Status.OFFLINE
        assert "429" in runner.state.reason and delay >= 1.0  # Retry-After honoured
        assert runner.state.next_try is not None

        with store.read() as conn:
            conv = conn.exec_driver_sql(
                "SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
                "WHERE c.buyer_initiated AND NOT b.opted_out ORDER BY c.id LIMIT 1"
            ).scalar_one()
        key = drafts.draft_key_for_conversation(conv)
        with store.write() as c:
            drafts.save_draft(
                c,
                DraftData(key, "Re", "Sent despite the limit.", conversation_id=conv),
                datetime.now(UTC),
            )
        outbox = OutboxSender(client, store, worker, undo_window=timedelta(0), clock=clock)
        item = await outbox.send(key)
        await drain()
        (first,) = await outbox.process_due()
        assert first.state is OutboxState.SENDING and first.error_type == "transient"
        assert first.next_attempt_at is not None and first.next_attempt_at > clock.now
        assert await outbox.process_due() == []  # not before its time
        sent = first
        for _ in range(10):
            await asyncio.sleep(2.5)
            clock.now = first.next_attempt_at + timedelta(hours=1)
            done = await outbox.process_due()
            if done and done[0].state is OutboxState.SENT:
                sent = done[0]
                break
        assert sent.state is OutboxState.SENT
        assert sent.idempotency_key == item.idempotency_key
        await asyncio.sleep(4.5)  # two tokens for the two checks below
        ids = (await client.call_one("Submission/query", {"limit": 500}))["ids"]
        got = await client.call_one("Submission/get", {"ids": ids})
        assert [s["clientSubmissionId"] for s in got["list"]].count(item.idempotency_key) == 1
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()
        relay.stop()
        db.dispose()
