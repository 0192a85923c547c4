"""The initial sync of a large mailbox: the newest conversations are complete first, and a
sync stopped midway resumes where it stopped (a real relay over loopback, bulk-seeded)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries
from app.storage.queries import ThreadFilter
from app.storage.store import Store
from relay import auth, schema
from relay.bulk_seed import bulk_seed, newest_conversations
from relay.config import RelayConfig
from relay.db import Database, open_database
from relay.embedded import EmbeddedRelay, start_embedded

pytestmark = pytest.mark.asyncio

CONVERSATIONS, MESSAGES, HEAD = 1200, 7000, 60


@dataclass
class BigRelay:
    db: Database
    seller_id: int
    token: str
    embedded: EmbeddedRelay


@pytest.fixture
def big_relay(tmp_path: Path) -> Iterator[BigRelay]:
    url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    report = bulk_seed(url, "demo", conversations=CONVERSATIONS, messages=MESSAGES)
    db = open_database(url)
    token = auth.create_token(db, "demo")
    embedded = start_embedded(url, RelayConfig(rate_per_second=10_000, rate_burst=10_000))
    try:
        yield BigRelay(db, report.seller_id, token, embedded)
    finally:
        embedded.stop()
        db.dispose()


@pytest_asyncio.fixture
async def engine(tmp_path: Path, big_relay: BigRelay) -> AsyncIterator[SyncEngine]:
    store = Store.open(tmp_path / "profile")
    worker = StoreWorker()
    client = RelayClient(big_relay.embedded.url, big_relay.token)
    try:
        yield SyncEngine(client, store, worker, head=HEAD)
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()


def local_counts(store: Store) -> dict[str, int]:
    """relay id -> messages held locally, per conversation."""
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.relay_id, count(m.id) FROM conversations c "
            "LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id"
        )
        return {r[0]: r[1] for r in rows}


def sync_state(store: Store, key: str) -> str | None:
    with store.read() as conn:
        value = conn.exec_driver_sql(
            "SELECT state FROM sync_states WHERE type_name = ?", (key,)
        ).scalar()
    return None if value is None else str(value)


def message_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() or 0)


async def run_until(engine: SyncEngine, stop: Callable[[], bool]) -> None:
    """Start a sync and cancel it as soon as `stop()` holds."""
    task = asyncio.ensure_future(engine.sync())
    for _ in range(6000):
        if stop():
            break
        assert not task.done(), "the sync ended before it could be interrupted"
        await asyncio.sleep(0.005)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await engine.worker.call(lambda: None)  # the write in flight has landed


def relay_counts(big: BigRelay) -> dict[str, int]:
    c = schema.conversations.c
    with big.db.reading() as conn:
        rows = conn.execute(
            schema.conversations.select()
            .with_only_columns(c.id, c.message_count)
            .where(c.seller_id == big.seller_id)
        )
        return {r[0]: r[1] for r in rows}


async def test_the_newest_conversations_are_complete_before_the_rest(
    engine: SyncEngine, big_relay: BigRelay
) -> None:
    def head_done() -> bool:
        return sync_state(engine.store, "Message") == "0" and (
            sync_state(engine.store, "initial:head") is None
        )

    await run_until(engine, head_done)
    newest = newest_conversations(big_relay.db, big_relay.seller_id, HEAD)
    local = local_counts(engine.store)
    assert all(local.get(cid) == count for cid, count in newest)
    assert len(local) < CONVERSATIONS  # the rest has not arrived yet
    with engine.store.read() as conn:
        top = queries.thread_page(conn, ThreadFilter(), limit=HEAD)
    assert {r.relay_id for r in top} == {cid for cid, _ in newest}  # (ties may swap places)
    assert all(r.message_count == dict(newest)[r.relay_id] for r in top)


async def test_an_interrupted_initial_sync_resumes_where_it_stopped(
    engine: SyncEngine, big_relay: BigRelay
) -> None:
    def some_messages() -> bool:
        state = sync_state(engine.store, "Message")
        return state not in (None, "0") and message_count(engine.store) >= 2500

    await run_until(engine, some_messages)
    held = message_count(engine.store)
    assert held < MESSAGES

    report = await engine.sync()  # a new sync (as after a restart) picks up from there
    assert not any(t.full_resync for t in report.types.values())
    assert report.of("Buyer").upserted == report.of("Order").upserted == 0
    # Only what was not committed yet (the head's messages came again through `changes`).
    assert report.of("Message").upserted <= MESSAGES - held + 2000
    assert local_counts(engine.store) == relay_counts(big_relay)
    quiet = await engine.sync()
    assert quiet.changed == 0 and quiet.requests == 1


async def test_the_initial_sync_ends_equal_to_the_relay_in_few_requests(
    engine: SyncEngine, big_relay: BigRelay
) -> None:
    report = await engine.sync()
    assert local_counts(engine.store) == relay_counts(big_relay)
    # Several pages per request: far fewer requests than objects / 500.
    objects = MESSAGES + 3 * CONVERSATIONS
    assert report.requests < objects / 500
    assert not any(t.full_resync for t in report.types.values())
    assert sync_state(engine.store, "initial:head") is None
