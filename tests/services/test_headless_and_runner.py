"""`seller-inbox sync` as a script runs it, and the runner's connectivity states."""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.services.connectivity import Backoff, Status
from app.services.credentials import keyring_status
from app.services.relay_client import RelayClient
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage.store import Store
from relay.embedded import free_port


def sync_cli(profile: Path, relay: str, token: str | None, *extra: str):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k != "SELLER_INBOX_TOKEN"}
    if token is not None:
        env["SELLER_INBOX_TOKEN"] = token
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "sync",
            "--profile",
            str(profile),
            "--relay",
            relay,
            "--once",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_sync_once_prints_counts_and_state(tmp_path: Path, live_relay: LiveRelay) -> None:
    done = sync_cli(tmp_path / "p", live_relay.url, live_relay.token)
    assert done.returncode == 0, done.stderr
    expected = "session-only" if keyring_status().session_only else "online"
    assert "the store holds" in done.stdout and f"state: {expected}" in done.stdout
    assert live_relay.token not in done.stdout + done.stderr  # never print the secret
    again = sync_cli(tmp_path / "p", live_relay.url, live_relay.token)
    # Session discovery, then every type's changes in one request.
    assert "synced 0 change(s) in 2 request(s)" in again.stdout


def test_sync_without_a_token_or_relay(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    done = sync_cli(tmp_path / "p", url, None)
    assert done.returncode == 4 and "no token" in done.stderr
    down = sync_cli(tmp_path / "p", url, "whatever")
    assert down.returncode == 1
    assert "state: offline: cannot reach the relay" in down.stdout


def test_backoff_doubles_with_jitter_and_respects_retry_after() -> None:
    b = Backoff(rng=random.Random(1))
    delays = [b.next_delay() for _ in range(10)]
    assert 2.5 <= delays[0] <= 5
    assert all(d <= 300 for d in delays) and delays[-1] >= 150
    assert b.next_delay(server_hint=400) == 400
    b.reset()
    assert b.next_delay() <= 5


@pytest.mark.asyncio
async def test_runner_goes_offline_then_back_online(tmp_path: Path, live_relay: LiveRelay) -> None:
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    good = RelayClient(live_relay.url, live_relay.token)
    seen: list[Status] = []
    runner = SyncRunner(
        SyncEngine(RelayClient(f"http://127.0.0.1:{free_port()}", "t"), store, worker),
        on_state=lambda s: seen.append(s.status),
    )
    try:
        report, delay = await runner.sync_once()
        assert report is None and runner.state.status is Status.OFFLINE
        assert runner.state.next_try is not None and 0 < delay <= 5
        runner.engine.client = good  # the relay is reachable again
        report, _ = await runner.sync_once()
        assert report is not None and runner.state.status is Status.ONLINE
        runner.work_offline = True
        await runner.sync_once()
        assert runner.state.describe() == "offline: working offline"
    finally:
        await good.aclose()
        worker.shutdown()
        store.close()
    assert seen[:4] == [Status.CONNECTING, Status.OFFLINE, Status.CONNECTING, Status.ONLINE]


@pytest.mark.asyncio
async def test_run_loop_stops_when_asked(tmp_path: Path, live_relay: LiveRelay) -> None:
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    runner = SyncRunner(SyncEngine(client, store, worker), poll_interval=0.05)
    stop = asyncio.Event()
    reports = []

    def on_report(r):  # type: ignore[no-untyped-def]
        reports.append(r)
        if len(reports) == 3:
            stop.set()

    try:
        await asyncio.wait_for(runner.run(stop, on_report), timeout=30)
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()
    assert len(reports) == 3 and reports[1].changed == 0
