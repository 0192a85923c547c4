"""`Idempotency-Key` bookkeeping for POST /api (see docs/protocol.md §7)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.exc import IntegrityError

from relay import schema
from relay.db import Database
from relay.store import aware, now


@dataclass(frozen=True)
class Begin:
    outcome: str  # "new" | "replay" | "inflight" | "mismatch"
    response: dict[str, Any] | None = None


def request_hash(payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def valid_key(key: str) -> bool:
    return 1 <= len(key) <= 128 and all(33 <= ord(ch) <= 126 for ch in key)


def begin(db: Database, seller_id: int, key: str, digest: str, ttl: int, stale: int) -> Begin:
    """Claim `key` in a transaction of its own (see `begin_in`)."""
    try:
        with db.writing() as conn:
            return begin_in(conn, seller_id, key, digest, ttl, stale)
    except IntegrityError:  # another process inserted the same key first
        return Begin("inflight")


def begin_in(
    conn: Connection, seller_id: int, key: str, digest: str, ttl: int, stale: int
) -> Begin:
    """Claim `key` inside the caller's write transaction.

    On PostgreSQL a concurrent claim of the same key blocks on the primary key until the other
    transaction ends, then raises IntegrityError: the caller answers "in flight".
    """
    t = schema.idempotency.c
    at = now()
    where = (t.seller_id == seller_id) & (t.key == key)
    row = conn.execute(
        select(t.request_hash, t.status, t.response, t.created_at).where(where)
    ).first()
    if row is not None:
        created = aware(row.created_at)
        assert created is not None
        expired = at - created > timedelta(seconds=ttl)
        abandoned = row.status == "inflight" and at - created > timedelta(seconds=stale)
        if not expired and not abandoned:
            if row.request_hash != digest:
                return Begin("mismatch")
            if row.status == "done":
                return Begin("replay", json.loads(row.response))
            return Begin("inflight")
        conn.execute(delete(schema.idempotency).where(where))
    conn.execute(
        schema.idempotency.insert().values(
            seller_id=seller_id,
            key=key,
            request_hash=digest,
            status="inflight",
            response=None,
            created_at=at,
        )
    )
    return Begin("new")


def finish(db: Database, seller_id: int, key: str, response: dict[str, Any]) -> None:
    with db.writing() as conn:
        finish_in(conn, seller_id, key, response)


def finish_in(conn: Connection, seller_id: int, key: str, response: dict[str, Any]) -> None:
    t = schema.idempotency.c
    conn.execute(
        update(schema.idempotency)
        .where((t.seller_id == seller_id) & (t.key == key))
        .values(status="done", response=json.dumps(response))
    )


def abandon(db: Database, seller_id: int, key: str) -> None:
    t = schema.idempotency.c
    with db.writing() as conn:
        conn.execute(
            delete(schema.idempotency).where(
                (t.seller_id == seller_id) & (t.key == key) & (t.status == "inflight")
            )
        )


def prune(db: Database, ttl: int) -> int:
    t = schema.idempotency.c
    with db.writing() as conn:
        res = conn.execute(
            delete(schema.idempotency).where(t.created_at < now() - timedelta(seconds=ttl))
        )
        return int(res.rowcount)
