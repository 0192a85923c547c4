"""Act as the buyer side: directly on a relay database, or over HTTP with an ingest key."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import httpx

from relay import ingest
from relay.config import RelayConfig
from relay.db import Database, open_database
from relay.push import Hub


def _attachments(files: list[tuple[str, bytes]] | None) -> list[dict[str, str]]:
    return [
        {"name": name, "contentBase64": base64.b64encode(data).decode("ascii")}
        for name, data in files or []
    ]


def message_body(
    *,
    seller: str,
    marketplace_id: str,
    email: str,
    name: str,
    text: str,
    subject: str = "",
    external_id: str | None = None,
    order_id: str | None = None,
    conversation_id: str | None = None,
    locale: str = "en",
    files: list[tuple[str, bytes]] | None = None,
    html: str | None = None,
    received_at: str | None = None,
) -> dict[str, Any]:
    import uuid

    body: dict[str, Any] = {
        "seller": seller,
        "marketplaceId": marketplace_id,
        "externalId": external_id or f"sim-{uuid.uuid4()}",
        "from": {"email": email, "name": name, "locale": locale},
        "subject": subject,
        "text": text,
        "attachments": _attachments(files),
    }
    for key, value in (
        ("orderId", order_id),
        ("conversationId", conversation_id),
        ("html", html),
        ("receivedAt", received_at),
    ):
        if value is not None:
            body[key] = value
    return body


class DirectBuyerSide:
    """Writes through the ingest functions on the database itself (no server needed)."""

    def __init__(self, db_url: str, config: RelayConfig | None = None) -> None:
        self.db: Database = open_database(db_url)
        self.config = config or RelayConfig()
        self._hub = Hub(self.db)

    def close(self) -> None:
        self.db.dispose()

    def _done(self, outcome: ingest.Outcome) -> dict[str, Any]:
        self._hub.notify_others(outcome.changed)  # PostgreSQL: wake the relay's SSE clients
        return outcome.body

    def order(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._done(ingest.ingest_order(self.db, self.config, body))

    def message(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._done(ingest.ingest_message(self.db, self.config, body))

    def opt_out(self, marketplace_id: str, email: str, opted_out: bool = True) -> dict[str, Any]:
        body = {"marketplaceId": marketplace_id, "email": email, "optedOut": opted_out}
        return self._done(ingest.set_opt_out(self.db, body))

    def mailbox(self, marketplace_id: str, email: str) -> dict[str, Any]:
        return ingest.mailbox(self.db, marketplace_id, email)


class IngestError(Exception):
    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        super().__init__(problem.get("detail") or problem.get("type"))
        self.status = status
        self.problem = problem


class HttpBuyerSide:
    """The same over HTTP (`/ingest/*`) with an ingest key."""

    def __init__(self, base_url: str, ingest_key: str, timeout: float = 30.0) -> None:
        self.client = httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {ingest_key}"}, timeout=timeout
        )

    def close(self) -> None:
        self.client.close()

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = self.client.post(path, json=body)
        if r.status_code != 200:
            raise IngestError(r.status_code, r.json())
        result: dict[str, Any] = r.json()
        return result

    def order(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._post("/ingest/orders", body)

    def message(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._post("/ingest/messages", body)

    def opt_out(self, marketplace_id: str, email: str, opted_out: bool = True) -> dict[str, Any]:
        body = {"marketplaceId": marketplace_id, "email": email, "optedOut": opted_out}
        return self._post("/ingest/opt-out", body)

    def mailbox(self, marketplace_id: str, email: str) -> dict[str, Any]:
        return self._post("/ingest/mailbox", {"marketplaceId": marketplace_id, "email": email})


def read_files(paths: list[str]) -> list[tuple[str, bytes]]:
    return [(Path(p).name, Path(p).read_bytes()) for p in paths]
