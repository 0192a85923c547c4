"""Drafts that are never lost and messages sent exactly once, against a real relay."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.domain import OutboxState
from app.services.drafts import DraftAutosaver
from app.services.outbox import OutboxSender
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import drafts
from app.storage.drafts import DraftData
from app.storage.store import Store
from relay.embedded import free_port

pytestmark = pytest.mark.asyncio


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Rig:
    store: Store
    worker: StoreWorker
    client: RelayClient
    sync: SyncEngine
    outbox: OutboxSender
    clock: Clock


@pytest_asyncio.fixture
async def rig(tmp_path: Path, live_relay: LiveRelay) -> AsyncIterator[Rig]:
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    clock = Clock()
    engine = SyncEngine(client, store, worker)
    await engine.sync()
    try:
        yield Rig(
            store, worker, client, engine, OutboxSender(client, store, worker, clock=clock), clock
        )
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()


def a_conversation(store: Store, *, opted_out: bool = False) -> int:
    with store.read() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
                "WHERE c.relay_id IS NOT NULL AND c.buyer_initiated AND b.opted_out = ? "
                "ORDER BY c.id LIMIT 1",
                (opted_out,),
            ).scalar_one()
        )


def write_draft(store: Store, conv: int, body: str, subject: str = "Re: your order") -> str:
    key = drafts.draft_key_for_conversation(conv)
    with store.write() as conn:
        drafts.save_draft(
            conn, DraftData(key, subject, body, conversation_id=conv), datetime.now(UTC)
        )
    return key


async def submissions(client: RelayClient) -> list[dict]:  # type: ignore[type-arg]
    ids = (await client.call_one("Submission/query", {"limit": 500}))["ids"]
    return (await client.call_one("Submission/get", {"ids": ids}))["list"] if ids else []


async def test_send_waits_for_the_undo_window_then_sends_once(rig: Rig) -> None:
    conv = a_conversation(rig.store)
    key = write_draft(rig.store, conv, "Hej! Ditt paket skickas i morgon.")
    item = await rig.outbox.send(key)
    assert item.state is OutboxState.QUEUED
    assert await rig.outbox.process_due() == []  # still inside the 10 s undo window
    rig.clock.now += timedelta(seconds=11)
    (sent,) = await rig.outbox.process_due()
    assert sent.state is OutboxState.SENT and sent.submission_id
    mine = [
        s for s in await submissions(rig.client) if s["clientSubmissionId"] == item.idempotency_key
    ]
    assert len(mine) == 1
    # Sending again with the same key (a lost answer, a crash) changes nothing on the relay.
    await rig.outbox.attempt(sent)
    assert (
        len(
            [
                s
                for s in await submissions(rig.client)
                if s["clientSubmissionId"] == item.idempotency_key
            ]
        )
        == 1
    )
    report = await rig.sync.sync()
    assert report.of("Message").upserted >= 1
    with rig.store.read() as conn:
        body = conn.exec_driver_sql(
            "SELECT body_text FROM messages WHERE conversation_id = ? AND direction = 'out' "
            "ORDER BY received_at DESC LIMIT 1",
            (conv,),
        ).scalar()
        assert "paket skickas" in body
        assert drafts.load_draft(conn, key) is None


async def test_undo_within_the_window_restores_the_draft(rig: Rig) -> None:
    conv = a_conversation(rig.store)
    key = write_draft(rig.store, conv, "Oops, wrong buyer")
    item = await rig.outbox.send(key)
    rig.clock.now += timedelta(seconds=5)
    restored = await rig.outbox.undo(item.id)
    assert restored is not None and restored.body == "Oops, wrong buyer"
    rig.clock.now += timedelta(seconds=60)
    assert await rig.outbox.process_due() == []
    with rig.store.read() as conn:
        assert drafts.load_draft(conn, key) is not None
        assert drafts.outbox_item(conn, item.id).state is OutboxState.CANCELED  # type: ignore[union-attr]
    # Too late to undo once the window has passed.
    item2 = await rig.outbox.send(key)
    rig.clock.now += timedelta(seconds=11)
    assert await rig.outbox.undo(item2.id) is None


async def test_a_policy_violation_needs_attention_and_is_not_retried(rig: Rig) -> None:
    conv = a_conversation(rig.store)
    key = write_draft(rig.store, conv, "Use code SAVE20 for 20% off at www.myshop.example")
    item = await rig.outbox.send(key)
    rig.clock.now += timedelta(seconds=11)
    (done,) = await rig.outbox.process_due()
    assert done.state is OutboxState.NEEDS_ATTENTION
    assert done.error_type == "policyViolation" and "rules:" in (done.error_detail or "")
    rig.clock.now += timedelta(hours=1)
    assert await rig.outbox.process_due() == []
    assert not [
        s for s in await submissions(rig.client) if s["clientSubmissionId"] == item.idempotency_key
    ]


async def test_relay_down_retries_with_the_same_key(rig: Rig, live_relay: LiveRelay) -> None:
    conv = a_conversation(rig.store)
    key = write_draft(rig.store, conv, "Thanks, a replacement is on its way.")
    item = await rig.outbox.send(key)
    rig.clock.now += timedelta(seconds=11)
    down = RelayClient(f"http://127.0.0.1:{free_port()}", live_relay.token)
    rig.outbox.client = down
    (tried,) = await rig.outbox.process_due()
    await down.aclose()
    assert tried.state is OutboxState.SENDING and tried.error_type == "transient"
    assert tried.next_attempt_at is not None and tried.next_attempt_at > rig.clock.now
    assert await rig.outbox.process_due() == []  # not due yet
    rig.outbox.client = rig.client
    rig.clock.now = tried.next_attempt_at
    (sent,) = await rig.outbox.process_due()
    assert sent.state is OutboxState.SENT and sent.idempotency_key == item.idempotency_key


async def test_autosave_after_a_pause_and_while_typing(rig: Rig) -> None:
    saver = DraftAutosaver(rig.store, rig.worker, quiet=0.2, max_interval=0.6)
    key = drafts.draft_key_for_conversation(a_conversation(rig.store))
    text = ""
    for ch in "Hello, your order left our warehouse today.":
        text += ch
        saver.edit(DraftData(key, "Re", text))
        await asyncio.sleep(0.03)  # typing faster than the quiet period
    assert saver.saves >= 1  # saved during typing (max interval), not only at the end
    await asyncio.sleep(0.4)
    with rig.store.read() as conn:
        saved = drafts.load_draft(conn, key)
    assert saved is not None and saved.body == text


async def test_a_conversation_the_relay_does_not_know_needs_attention(rig: Rig) -> None:
    conv = a_conversation(rig.store)
    key = write_draft(rig.store, conv, "Hej! Paketet är på väg.")
    item = await rig.outbox.send(key)
    with rig.store.write() as conn:  # as if the conversation had never reached the relay
        conn.exec_driver_sql("UPDATE conversations SET relay_id = NULL WHERE id = ?", (conv,))
    rig.clock.now += timedelta(seconds=11)
    (done,) = await rig.outbox.process_due()
    assert done.state is OutboxState.NEEDS_ATTENTION and done.error_type == "notOnRelay"
    assert done.error_detail == f"conversation {conv} is not on the relay"
    assert not [
        s for s in await submissions(rig.client) if s["clientSubmissionId"] == item.idempotency_key
    ]
