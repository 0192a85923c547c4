"""`Idempotency-Key` bookkeeping for POST /api (see docs/protocol.md §7)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, text, update
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
    at = now()
    params = {"sid": seller_id, "k": key, "hash": digest, "at": at}
    # The usual case, a new key, in one statement; a key in use is then read.
    if conn.execute(_CLAIM, params).first() is not None:
        return Begin("new")
    row = conn.execute(_READ, params).first()
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
        conn.execute(_FORGET, params)
    conn.execute(_INSERT, params)  # IntegrityError if another transaction claimed it meanwhile
    return Begin("new")


# Built once: the bookkeeping of every send.
_T = schema.idempotency.c
_KEY = (_T.seller_id == bindparam("sid")) & (_T.key == bindparam("k"))
_READ = select(_T.request_hash, _T.status, _T.response, _T.created_at).where(_KEY)
_FORGET = delete(schema.idempotency).where(_KEY)
_INSERT = schema.idempotency.insert().values(
    seller_id=bindparam("sid"),
    key=bindparam("k"),
    request_hash=bindparam("hash"),
    status="inflight",
    response=None,
    created_at=bindparam("at", type_=_T.created_at.type),
)
# ON CONFLICT DO NOTHING: a key in use (or claimed by a transaction still running, which this
# waits for on PostgreSQL) returns no row instead of raising. Plain SQL: the same on both.
_CLAIM = text(
    "INSERT INTO idempotency_keys (seller_id, key, request_hash, status, response, created_at) "
    "VALUES (:sid, :k, :hash, 'inflight', NULL, :at) "
    "ON CONFLICT (seller_id, key) DO NOTHING RETURNING key"
).bindparams(bindparam("at", type_=_T.created_at.type))
_FINISH = update(schema.idempotency).where(_KEY).values(status="done", response=bindparam("resp"))


def finish(db: Database, seller_id: int, key: str, response: dict[str, Any]) -> None:
    with db.writing() as conn:
        finish_in(conn, seller_id, key, response)


def finish_in(conn: Connection, seller_id: int, key: str, response: dict[str, Any]) -> None:
    conn.execute(_FINISH, {"sid": seller_id, "k": key, "resp": json.dumps(response)})


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
