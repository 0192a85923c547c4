"""A store write that fails during sync (a full disk) must not end the sync loop in silence
while the window says "Online": the runner says it is stalled and why, keeps trying, and
carries on once there is room."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.services.connectivity import Backoff, ConnectivityState, Status
from app.services.relay_client import RelayClient
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage.store import Store


def fill(disk: Path) -> Path:
    """Take every free byte of the filesystem with one file."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:  # unbuffered: nothing left to flush at close
        for size in (65536, 4096, 512, 1):  # down to the last bytes
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError:
                continue
    return filler


async def until(cond: Any, budget: float = 30.0) -> None:
    start = time.monotonic()
    while not cond():
        assert time.monotonic() - start < budget, "not met in time"
        await asyncio.sleep(0.02)


@pytest.mark.asyncio
async def test_a_full_disk_stalls_the_sync_visibly_and_it_resumes_with_room(
    live_relay: LiveRelay, tinyfs: Any
) -> None:
    disk = tinyfs.make("16m")
    store = Store.open(disk / "p")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    states: list[ConnectivityState] = []
    runner = SyncRunner(
        SyncEngine(client, store, worker),
        poll_interval=0.05,
        backoff=Backoff(first=0.05, cap=0.2),
        on_state=states.append,
    )
    reports: list[Any] = []
    stop = asyncio.Event()
    filler = fill(disk)
    loop = asyncio.ensure_future(runner.run(stop, reports.append))
    try:
        await until(lambda: runner.state.status is Status.STALLED)
        assert "full" in runner.state.reason and runner.state.next_try is not None
        assert not any(s.status in (Status.ONLINE, Status.SESSION_ONLY) for s in states)
        await asyncio.sleep(0.5)
        assert not loop.done(), "the sync loop ended"
        assert sum(s.status is Status.STALLED for s in states) >= 2  # it keeps trying
        filler.unlink()
        await until(lambda: runner.state.status is Status.ONLINE and reports)
        assert reports[0].changed > 0  # the relay's conversations arrived after all
    finally:
        stop.set()
        await asyncio.wait_for(loop, 30)
        await client.aclose()
        worker.shutdown()
        store.close()
