"""Bulk triage against a real relay whose limits are small (5 objects a set call,
request; 8 calls a request): one action over every conversation of a filter, written locally in chunks,
reaching the relay in batches it accepts, and one undo that puts back exactly what changed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from app.domain import ConversationStatus, Keyword
from app.services import bulk as bulk_module
from app.services.bulk import Bulk, BulkRun, Selection
from app.services.local_changes import LocalChanges
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import threads
from app.storage.rows import ThreadFilter
from app.storage.store import Store
from relay import auth
from relay.config import RelayConfig
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import start_embedded


@pytest.fixture
def small_relay(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db_url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    seed_demo(db_url, per_marketplace=4)
    db = open_database(db_url)
    token = auth.create_token(db, "demo")
    db.dispose()
    embedded = start_embedded(db_url, RelayConfig(max_objects_in_set=5, max_calls_in_request=8))
    try:
        yield embedded.url, token
    finally:
        embedded.stop()


async def _seat(path: Path, relay: tuple[str, str]) -> SyncEngine:
    store = Store.open(path)
    worker = StoreWorker()
    engine = SyncEngine(RelayClient(*relay), store, worker, LocalChanges(store, worker))
    await engine.sync()
    return engine


@pytest_asyncio.fixture
async def seats(
    tmp_path: Path, small_relay: tuple[str, str]
) -> AsyncIterator[tuple[SyncEngine, SyncEngine]]:
    one = await _seat(tmp_path / "one", small_relay)
    two = await _seat(tmp_path / "two", small_relay)
    try:
        yield one, two
    finally:
        for engine in (one, two):
            await engine.client.aclose()
            engine.worker.shutdown()
            engine.store.close()


def rows(store: Store) -> dict[int, tuple[int, bool, bool, str | None]]:
    """Each conversation (by relay id order) as (unread, flagged, no response needed, snooze)."""
    with store.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT relay_id, unread_count, flagged, no_response_needed, snooze_kind "
            "FROM conversations ORDER BY relay_id"
        ).all()
    return {i: (u, bool(f), bool(n), s) for i, (_r, u, f, n, s) in enumerate(found)}


def every(store: Store, flt: ThreadFilter) -> list[int]:
    with store.read() as conn:
        return threads.ids(lambda sql, p: conn.exec_driver_sql(sql, tuple(p)), flt)


@pytest.mark.asyncio
async def test_one_action_over_a_filter_reaches_the_relay_in_batches_and_undoes(
    seats: tuple[SyncEngine, SyncEngine], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = seats
    monkeypatch.setattr(bulk_module, "CHUNK", 4)  # several transactions, as for thousands
    bulk = Bulk(one.store, one.worker)
    before = rows(one.store)
    assert sum(1 for r in before.values() if r[0]) > 5  # more unread than one set call takes
    ids = bulk.resolve(Selection(all_of=ThreadFilter()))
    assert ids == every(one.store, ThreadFilter()) and len(ids) == len(before)
    seen: list[tuple[int, int]] = []
    run = BulkRun()
    await bulk.triage(run, ids, Keyword.SEEN, True, lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(ids), len(ids)) and len(seen) == -(-len(ids) // 4)
    assert all(r[0] == 0 for r in rows(one.store).values())
    await one.sync()  # flush: calls of at most 5 updates
    assert await one.worker.call(one.local_changes.pending_count) == 0  # type: ignore[union-attr]
    await two.sync()
    assert all(r[0] == 0 for r in rows(two.store).values()), "the other seat sees them read"

    await bulk.undo(run, lambda d, t: None)
    assert rows(one.store) == before
    await one.sync()
    await two.sync()
    assert rows(two.store) == before, "the undo reached the relay too"


@pytest.mark.asyncio
async def test_bulk_snooze_counts_owed_answers_due_while_asleep_and_undoes(
    seats: tuple[SyncEngine, SyncEngine],
) -> None:
    one, two = seats
    bulk = Bulk(one.store, one.worker)
    owed = every(one.store, ThreadFilter(status=ConversationStatus.NEEDS_RESPONSE))
    assert owed
    before = rows(one.store)
    run = BulkRun()
    week = datetime.now(UTC) + timedelta(days=7)
    from app.domain.snooze import SnoozeKind

    await bulk.snooze(run, owed, week, SnoozeKind.SNOOZE, "after the fair", lambda d, t: None)
    assert run.due_while_asleep == len(owed)  # a week is past every 24-hour deadline
    assert every(one.store, ThreadFilter(status=ConversationStatus.NEEDS_RESPONSE)) == []
    await one.sync()
    await two.sync()
    assert sum(1 for r in rows(two.store).values() if r[3]) == len(owed)
    await bulk.undo(run, lambda d, t: None)
    assert rows(one.store) == before
    await one.sync()
    await two.sync()
    assert rows(two.store) == before


def test_the_queue_goes_out_in_calls_and_requests_the_relay_accepts() -> None:
    from app.services.local_changes import _batches

    queued = [
        (i, "Message", f"m{i % 7}", {"keywords/$seen": i % 2 == 0 or None}) for i in range(20)
    ]
    queued += [(100 + i, "Conversation", f"c{i}", {"snooze": None}) for i in range(3)]
    requests = _batches(queued, per_call=3, per_request=2)
    calls = [call for request in requests for call in request]
    assert all(len(request) <= 2 for request in requests)
    assert all(len(update) <= 3 for _t, update, _items in calls)
    # Every queued item goes exactly once; one object's patches merge in queue order.
    assert sorted(q[0] for _t, _u, items in calls for q in items) == [q[0] for q in queued]
    merged = {r: p for t, update, _ in calls if t == "Message" for r, p in update.items()}
    assert merged["m6"] == {"keywords/$seen": None}  # item 13, the last for m6, is odd
    assert [t for t, _u, _i in calls].count("Conversation") == 1
