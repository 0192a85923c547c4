"""Relay fixtures: every test that takes `relay` runs against SQLite and PostgreSQL.

PostgreSQL comes from SELLER_RELAY_PG_URL (see .ci/postgres.sh); without it those variants are
skipped, unless SELLER_INBOX_REQUIRE_PG=1, which makes them fail.
"""

from __future__ import annotations

import json
import os
import queue
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from relay import auth
from relay.config import CORE, RELAY, RelayConfig
from relay.db import Database, normalize_url, open_database
from relay.embedded import EmbeddedRelay, start_embedded
from relay.schema import metadata

USING = [CORE, RELAY]


def _pg_base() -> str | None:
    url = os.environ.get("SELLER_RELAY_PG_URL")
    if not url:
        if os.environ.get("SELLER_INBOX_REQUIRE_PG") == "1":
            pytest.fail("SELLER_INBOX_REQUIRE_PG=1 but SELLER_RELAY_PG_URL is not set")
        pytest.skip("PostgreSQL variant: set SELLER_RELAY_PG_URL (bash .ci/postgres.sh)")
    return url


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """The URL of a new, empty database on the server SELLER_RELAY_PG_URL names; dropped after."""
    base = _pg_base()
    assert base is not None
    name = f"relay_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalize_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A database of its own for this test session, on the server SELLER_RELAY_PG_URL names."""
    with fresh_pg_database() as url:
        open_database(url).dispose()  # create the schema once
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    engine = create_engine(normalize_url(url))
    with engine.begin() as conn:
        names = ", ".join(
            f'"{t.name}"' for t in metadata.sorted_tables if t.name != "relay_schema_version"
        )
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
    engine.dispose()
    return url


class Seller:
    """A seller's HTTP client with JMAP helpers."""

    def __init__(self, base: str, token: str) -> None:
        self.token = token
        self.http = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        self.account = next(iter(self.http.get("/.well-known/jmap").json()["accounts"]))

    def request(self, *calls: list[Any], key: str | None = None) -> httpx.Response:
        headers = {"Idempotency-Key": key} if key else {}
        return self.http.post(
            "/api", json={"using": USING, "methodCalls": list(calls)}, headers=headers
        )

    def call(self, name: str, args: dict[str, Any] | None = None, key: str | None = None) -> Any:
        """One method call; returns [name, result] of its response."""
        args = {"accountId": self.account, **(args or {})}
        r = self.request([name, args, "c0"], key=key)
        assert r.status_code == 200, r.text
        resp = r.json()["methodResponses"][0]
        return resp[0], resp[1]

    def ok(self, name: str, args: dict[str, Any] | None = None, key: str | None = None) -> Any:
        got, result = self.call(name, args, key)
        assert got == name, result
        return result

    def send(self, key: str | None = None, **create: Any) -> tuple[dict | None, dict | None]:
        """Submission/set create; returns (created, notCreated) for the one object."""
        key = key or str(uuid.uuid4())
        create.setdefault("clientSubmissionId", key)
        create.setdefault("contactReason", "other")
        result = self.ok("Submission/set", {"create": {"k": create}}, key=key)
        return (result["created"] or {}).get("k"), (result.get("notCreated") or {}).get("k")

    def get_one(self, type_: str, object_id: str) -> dict[str, Any]:
        result = self.ok(f"{type_}/get", {"ids": [object_id]})
        assert result["list"], result
        return result["list"][0]

    def close(self) -> None:
        self.http.close()


class BuyerSide:
    def __init__(self, base: str, key: str) -> None:
        self.http = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30
        )

    def order(
        self,
        seller: str,
        order_id: str,
        email: str,
        kind: str = "standard",
        marketplace: str = "amazon.se",
        name: str = "Anna K.",
    ) -> dict[str, Any]:
        r = self.http.post(
            "/ingest/orders",
            json={
                "seller": seller,
                "marketplaceId": marketplace,
                "orderId": order_id,
                "kind": kind,
                "buyer": {"email": email, "name": name, "locale": "sv"},
                "items": [{"sku": "S1", "title": "mug", "quantity": 1}],
            },
        )
        assert r.status_code == 200, r.text
        return r.json()

    def write(
        self,
        seller: str,
        email: str,
        text_: str = "Hello, where is my order?",
        marketplace: str = "amazon.se",
        **extra: Any,
    ) -> httpx.Response:
        body = {
            "seller": seller,
            "marketplaceId": marketplace,
            "externalId": extra.pop("externalId", str(uuid.uuid4())),
            "from": {"email": email, "name": extra.pop("name", "Anna K."), "locale": "sv"},
            "subject": extra.pop("subject", "Question"),
            "text": text_,
            **extra,
        }
        return self.http.post("/ingest/messages", json=body)

    def opt_out(self, email: str, opted: bool = True, marketplace: str = "amazon.se") -> None:
        r = self.http.post(
            "/ingest/opt-out",
            json={"marketplaceId": marketplace, "email": email, "optedOut": opted},
        )
        assert r.status_code == 200, r.text

    def mailbox(self, email: str, marketplace: str = "amazon.se") -> list[dict[str, Any]]:
        r = self.http.post("/ingest/mailbox", json={"marketplaceId": marketplace, "email": email})
        assert r.status_code == 200, r.text
        return list(r.json()["messages"])

    def close(self) -> None:
        self.http.close()


@dataclass
class RelayUnderTest:
    url: str
    db_url: str
    db: Database
    embedded: EmbeddedRelay
    seller: Seller
    buyers: BuyerSide
    ingest_key: str

    def new_seller(self, name: str) -> Seller:
        return Seller(self.url, auth.create_token(self.db, name))


def make_relay(db_url: str, config: RelayConfig | None = None) -> Iterator[RelayUnderTest]:
    cfg = config or RelayConfig(rate_per_second=10_000, rate_burst=10_000)
    embedded = start_embedded(db_url, cfg)
    db = open_database(db_url)
    token = auth.create_token(db, "alice")
    key = auth.create_ingest_key(db)
    seller = Seller(embedded.url, token)
    buyers = BuyerSide(embedded.url, key)
    try:
        yield RelayUnderTest(embedded.url, db_url, db, embedded, seller, buyers, key)
    finally:
        seller.close()
        buyers.close()
        embedded.stop()
        db.dispose()


@pytest.fixture
def relay(db_url: str) -> Iterator[RelayUnderTest]:
    yield from make_relay(db_url)


@pytest.fixture
def conversation(relay: RelayUnderTest) -> dict[str, Any]:
    """A buyer-initiated conversation with an order, on amazon.se."""
    relay.buyers.order("alice", "114-0000001-0000001", "anna@example.net")
    r = relay.buyers.write("alice", "anna@example.net", orderId="114-0000001-0000001")
    assert r.status_code == 200, r.text
    return r.json()


def _listen(url: str, token: str, out: queue.Queue[tuple[str, Any]], stop: threading.Event) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(30, read=30)) as c,
        c.stream(
            "GET",
            f"{url}/events?types=*&closeafter=no&ping=1",
            headers={"Authorization": f"Bearer {token}"},
        ) as r,
    ):
        assert r.headers["content-type"].startswith("text/event-stream")
        event = ""
        for line in r.iter_lines():
            if stop.is_set():
                return
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                out.put((event, json.loads(line[6:])))


def watch_events(url: str, token: str) -> tuple[queue.Queue[tuple[str, Any]], threading.Event]:
    """An SSE client on a thread: (event name, data) pairs into the queue until stop is set."""
    q: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()
    threading.Thread(target=_listen, args=(url, token, q, stop), daemon=True).start()
    return q, stop


def next_state(q: queue.Queue[tuple[str, Any]], timeout: float = 10) -> dict[str, Any]:
    """The next StateChange's data (pings skipped), within `timeout` seconds in all."""
    deadline = time.monotonic() + timeout
    while True:
        event, data = q.get(timeout=max(0.01, deadline - time.monotonic()))
        if event == "state":
            return dict(data)
