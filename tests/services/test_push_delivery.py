"""A buyer message reaches the local store within the push budget (5 s), and by polling when
push is down."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.services.push import PushListener
from app.services.relay_client import RelayClient
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage.store import Store

pytestmark = pytest.mark.asyncio


def buyer_writes(live_relay: LiveRelay, external_id: str) -> float:
    buyer = live_relay.buyer()
    try:
        buyer.message(
            {
                "seller": "demo",
                "marketplaceId": "amazon.es",
                "externalId": external_id,
                "from": {"email": f"{external_id}@example.org", "name": "Inés"},
                "subject": "¿Dónde está mi pedido?",
                "text": f"Hola ({external_id})",
            }
        )
    finally:
        buyer.close()
    return time.monotonic()


def has_message(store: Store, text: str) -> bool:
    with store.read() as conn:
        return bool(
            conn.exec_driver_sql(
                "SELECT count(*) FROM messages WHERE body_text LIKE ?", (f"%{text}%",)
            ).scalar()
        )


async def wait_for(store: Store, text: str, budget: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < budget:
        if has_message(store, text):
            return time.monotonic() - start
        await asyncio.sleep(0.05)
    raise AssertionError(f"{text!r} did not arrive within {budget} s")


async def run_app(tmp_path: Path, live_relay: LiveRelay, *, push: bool, poll: float):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    runner = SyncRunner(SyncEngine(client, store, worker), poll_interval=poll)
    listener = PushListener(client, runner.wake, ping=2, on_status=runner.set_push)
    stop = asyncio.Event()
    tasks = [asyncio.ensure_future(runner.run(stop))]
    if push:
        tasks.append(asyncio.ensure_future(listener.run(stop)))

    async def close() -> None:
        stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=10)
        await client.aclose()
        worker.shutdown()
        store.close()

    return store, listener, close


async def test_push_delivers_within_5_seconds(tmp_path: Path, live_relay: LiveRelay) -> None:
    store, listener, close = await run_app(tmp_path, live_relay, push=True, poll=600)
    try:
        for _ in range(100):  # connected and the first sync done
            if listener.connected and has_message(store, ""):
                break
            await asyncio.sleep(0.1)
        assert listener.connected
        latencies = []
        for n in range(3):
            buyer_writes(live_relay, f"push-{n}")
            latencies.append(await wait_for(store, f"push-{n}", budget=5.0))
        assert listener.events_seen >= 3
    finally:
        await close()
    assert max(latencies) < 5.0


async def test_without_push_polling_delivers(tmp_path: Path, live_relay: LiveRelay) -> None:
    store, _listener, close = await run_app(tmp_path, live_relay, push=False, poll=1.0)
    try:
        await asyncio.sleep(0.5)
        buyer_writes(live_relay, "poll-1")
        await wait_for(store, "poll-1", budget=10.0)
    finally:
        await close()
