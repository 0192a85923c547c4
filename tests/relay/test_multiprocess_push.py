"""Two real `seller-relay serve` processes on one PostgreSQL database share push (LISTEN/NOTIFY).

PostgreSQL only: skipped without SELLER_RELAY_PG_URL, failed with SELLER_INBOX_REQUIRE_PG=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from relay_testkit import next_state, watch_events

from relay import auth
from relay.db import open_database
from relay.embedded import free_port


def _serve(db_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "relay.cli",
            "serve",
            "--db",
            db_url,
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env={**os.environ, "SELLER_RELAY_RATE": "1000"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"seller-relay serve did not start (exit {proc.poll()})")
        time.sleep(0.1)


@pytest.fixture
def two_processes(pg_url: str) -> Iterator[tuple[str, str]]:
    procs: list[subprocess.Popen[bytes]] = []
    try:
        a, url_a = _serve(pg_url)
        procs.append(a)
        b, url_b = _serve(pg_url)
        procs.append(b)
        yield url_a, url_b
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_write_on_b_pushes_to_sse_client_on_a(two_processes: tuple[str, str], pg_url: str) -> None:
    url_a, url_b = two_processes
    seller = f"mp-{uuid.uuid4().hex[:8]}"
    db = open_database(pg_url)
    try:
        token = auth.create_token(db, seller)
        key = auth.create_ingest_key(db)
    finally:
        db.dispose()
    account = next(
        iter(
            httpx.get(
                f"{url_a}/.well-known/jmap", headers={"Authorization": f"Bearer {token}"}
            ).json()["accounts"]
        )
    )
    q, stop = watch_events(url_a, token)
    try:
        first = next_state(q, timeout=10)["changed"][account]  # connected: current states
        r = httpx.post(
            f"{url_b}/ingest/messages",
            headers={"Authorization": f"Bearer {key}"},
            json={
                "seller": seller,
                "marketplaceId": "amazon.se",
                "externalId": str(uuid.uuid4()),
                "from": {"email": "mp@example.net", "name": "Mo P.", "locale": "sv"},
                "subject": "Across processes",
                "text": "Hello from process B",
            },
        )
        assert r.status_code == 200, r.text
        t = time.monotonic()
        change = next_state(q, timeout=5)["changed"][account]
        assert time.monotonic() - t < 5
        assert int(change["Message"]) > int(first["Message"])
        assert "Conversation" in change
    finally:
        stop.set()
