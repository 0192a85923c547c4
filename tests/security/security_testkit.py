"""The attacker's side of the security suite: a real relay on loopback (SQLite), the ingest key
and seller clients, and measuring helpers. Not imported across test folders (as tests/ui)."""

from __future__ import annotations

import os
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from relay import auth
from relay.config import CORE, RELAY, RelayConfig
from relay.db import Database, open_database
from relay.embedded import EmbeddedRelay, start_embedded

USING = [CORE, RELAY]


@dataclass
class Target:
    url: str
    db: Database
    embedded: EmbeddedRelay
    ingest_key: str

    def client(self, token: str, timeout: float = 60) -> httpx.Client:
        return httpx.Client(
            base_url=self.url, headers={"Authorization": f"Bearer {token}"}, timeout=timeout
        )

    def seller(self, name: str) -> tuple[str, httpx.Client, str]:
        """(token, client, accountId) of a seller (created when new)."""
        token = auth.create_token(self.db, name)
        c = self.client(token)
        account = next(iter(c.get("/.well-known/jmap").json()["accounts"]))
        return token, c, account

    def ingest(self, path: str, body: dict[str, Any]) -> httpx.Response:
        with self.client(self.ingest_key) as c:
            return c.post(path, json=body)

    def order(self, seller: str, order_id: str, email: str) -> httpx.Response:
        return self.ingest(
            "/ingest/orders",
            {
                "seller": seller,
                "marketplaceId": "amazon.se",
                "orderId": order_id,
                "buyer": {"email": email, "name": "A. Buyer", "locale": "sv"},
                "items": [{"sku": "S1", "title": "mug", "quantity": 1}],
            },
        )

    def message(self, seller: str, email: str, **fields: Any) -> httpx.Response:
        body = {
            "seller": seller,
            "marketplaceId": "amazon.se",
            "externalId": str(uuid.uuid4()),
            "from": {"email": email, "name": fields.pop("name", "A. Buyer"), "locale": "sv"},
            "subject": fields.pop("subject", "Question"),
            **fields,
        }
        body.setdefault("text", "Hello")
        return self.ingest("/ingest/messages", body)


@contextmanager
def running_relay(tmp_path: Path, config: RelayConfig | None = None) -> Iterator[Target]:
    db_url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    cfg = config or RelayConfig(rate_per_second=10_000, rate_burst=10_000)
    embedded = start_embedded(db_url, cfg)
    db = open_database(db_url)
    try:
        yield Target(embedded.url, db, embedded, auth.create_ingest_key(db))
    finally:
        embedded.stop()
        db.dispose()


def api(client: httpx.Client, *calls: list[Any], **headers: str) -> httpx.Response:
    return client.post("/api", json={"using": USING, "methodCalls": list(calls)}, headers=headers)


def echo_latency(client: httpx.Client, stop: Callable[[], bool], out: list[float]) -> None:
    """A second seller's Core/echo round trips (seconds) into `out` until `stop()`."""
    deadline = time.monotonic() + 600
    while not stop() and time.monotonic() < deadline:
        t = time.perf_counter()
        r = api(client, ["Core/echo", {"ping": 1}, "e"])
        out.append(time.perf_counter() - t)
        assert r.status_code == 200, r.text
        time.sleep(0.02)


def summary(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    return (
        f"n={len(samples)} median={statistics.median(samples) * 1000:.1f} ms "
        f"max={max(samples) * 1000:.1f} ms"
    )


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))
