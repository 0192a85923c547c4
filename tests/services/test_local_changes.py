"""The seller's own edits: instant locally, queued offline, delivered once the relay is back;
the messaging switch really stops new buyers; response metrics mirrored."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.services.local_changes import LocalChanges
from app.services.relay_client import Offline, RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries
from app.storage.store import Store
from relay.embedded import free_port
from relay.ingest import IngestError

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def app_side(tmp_path: Path, live_relay: LiveRelay) -> AsyncIterator[SyncEngine]:
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    engine = SyncEngine(client, store, worker, LocalChanges(store, worker))
    await engine.sync()
    try:
        yield engine
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()


def unread_inbound(store: Store) -> tuple[str, int]:
    with store.read() as conn:
        relay_id, conv = conn.exec_driver_sql(
            "SELECT relay_id, conversation_id FROM messages WHERE direction = 'in' "
            "AND keywords NOT LIKE '%$seen%' ORDER BY id LIMIT 1"
        ).one()
    return relay_id, conv


def keywords_of(store: Store, relay_id: str) -> set[str]:
    with store.read() as conn:
        return set(
            conn.exec_driver_sql("SELECT keywords FROM messages WHERE relay_id = ?", (relay_id,))
            .scalar()
            .split()
        )


async def test_offline_edits_apply_at_once_and_reach_the_relay_later(
    app_side: SyncEngine, live_relay: LiveRelay
) -> None:
    changes = app_side.local_changes
    assert changes is not None
    message, conv = unread_inbound(app_side.store)
    with app_side.store.read() as conn:
        unread_before = queries.thread(conn, conv).unread_count  # type: ignore[union-attr]
    online = app_side.client
    app_side.client = RelayClient(f"http://127.0.0.1:{free_port()}", "t")  # the train tunnel
    try:
        await changes.set_keywords(message, {"$seen": True, "$flagged": True})
        assert {"$seen", "$flagged"} <= keywords_of(app_side.store, message)
        with app_side.store.read() as conn:
            row = queries.thread(conn, conv)
        assert row is not None and row.flagged and row.unread_count == unread_before - 1
        with pytest.raises(Offline):
            await app_side.sync()
        assert await app_side.worker.call(changes.pending_count) == 1
    finally:
        await app_side.client.aclose()
        app_side.client = online
    await app_side.sync()
    assert await app_side.worker.call(changes.pending_count) == 0
    on_relay = (await online.call_one("Message/get", {"ids": [message]}))["list"][0]
    assert on_relay["keywords"].get("$seen") and on_relay["keywords"].get("$flagged")
    assert {"$seen", "$flagged"} <= keywords_of(app_side.store, message)
    # Unflag: the relay's copy follows.
    await changes.set_keywords(message, {"$flagged": False})
    await app_side.sync()
    on_relay = (await online.call_one("Message/get", {"ids": [message]}))["list"][0]
    assert not on_relay["keywords"].get("$flagged")


async def test_no_response_needed_stops_the_clock(app_side: SyncEngine) -> None:
    assert app_side.local_changes is not None
    with app_side.store.read() as conn:
        owed = conn.exec_driver_sql(
            "SELECT c.id, m.relay_id FROM conversations c JOIN messages m "
            "ON m.conversation_id = c.id WHERE c.needs_response AND m.direction = 'in' "
            "ORDER BY m.received_at DESC LIMIT 1"
        ).one()
    conv, message = owed
    with app_side.store.read() as conn:
        pending = (
            conn.exec_driver_sql(
                "SELECT relay_id FROM messages WHERE conversation_id = ? AND direction = 'in'",
                (conv,),
            )
            .scalars()
            .all()
        )
    for relay_id in pending:
        await app_side.local_changes.set_keywords(relay_id, {"$noResponseNeeded": True})
    with app_side.store.read() as conn:
        row = queries.thread(conn, conv)
    assert row is not None and not row.needs_response and row.no_response_needed
    await app_side.sync()
    with app_side.store.read() as conn:
        row = queries.thread(conn, conv)
    assert row is not None and row.no_response_needed
    assert message in pending


async def test_the_messaging_switch_stops_new_buyers_only(
    app_side: SyncEngine, live_relay: LiveRelay
) -> None:
    assert app_side.local_changes is not None
    await app_side.local_changes.set_messaging("amazon.se", enabled=False)
    with app_side.store.read() as conn:
        se = next(m for m in queries.marketplaces(conn) if m.id == "amazon.se")
    assert not se.messaging_enabled  # the status bar knows at once
    await app_side.sync()
    relay_mp = (await app_side.client.call_one("Marketplace/get", {"ids": ["amazon.se"]}))["list"][
        0
    ]
    assert relay_mp["messagingEnabled"] is False and relay_mp["acceptsNewBuyers"] is False
    buyer = live_relay.buyer()
    try:
        with pytest.raises(IngestError, match=r"not accepting new conversations on amazon\.se"):
            buyer.message(
                {
                    "seller": "demo",
                    "marketplaceId": "amazon.se",
                    "externalId": "nb-1",
                    "from": {"email": "brand.new@example.org", "name": "Ny K."},
                    "subject": "Fråga",
                    "text": "Hej?",
                }
            )
    finally:
        buyer.close()
    # A vacation window, validated locally.
    start = datetime.now(UTC) + timedelta(days=1)
    with pytest.raises(ValueError):
        await app_side.local_changes.set_messaging("amazon.de", vacation=(start, start))
    await app_side.local_changes.set_messaging(
        "amazon.de", vacation=(start, start + timedelta(days=7))
    )
    await app_side.sync()
    relay_de = (await app_side.client.call_one("Marketplace/get", {"ids": ["amazon.de"]}))["list"][
        0
    ]
    assert relay_de["vacationFrom"].startswith(start.strftime("%Y-%m-%dT%H:%M"))


async def test_response_metrics_are_mirrored(app_side: SyncEngine) -> None:
    with app_side.store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT marketplace_id, windows_json FROM response_metrics"
        ).all()
    assert {r[0] for r in rows} >= {"amazon.se", "amazon.de"}
    windows = json.loads(rows[0][1])
    assert set(windows) == {"7", "30", "90"} and "lateRate" in windows["7"]
