"""Seller tokens and ingest keys: random secrets, stored only as SHA-256 hashes, revocable."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from relay import schema
from relay.db import Database
from relay.store import now


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Principal:
    kind: str  # "seller" | "ingest"
    token_id: int
    seller_id: int | None
    seller_name: str | None


class SellerNameError(ValueError):
    """A new seller's name the relay refuses, with the reason."""


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def _seller_name_problem(conn: Connection, name: str) -> str | None:
    """Why `name` cannot be a new seller: every tool (token list, mailbox list, the ingest
    gateway) names a seller by it, so two must never look alike."""
    if not name or len(name) > 100 or name != name.strip():
        return "a seller's name is 1 to 100 characters, without spaces around it"
    if unicodedata.normalize("NFKC", name) != name:
        return "a seller's name must be written in plain characters (NFKC), e.g. no full-width"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp") for c in name):
        return "a seller's name must not contain control, invisible or bidi characters"
    key = _name_key(name)
    for (other,) in conn.execute(select(schema.sellers.c.name)):
        if _name_key(other) == key:
            return f"a seller named {other!r} exists: two sellers' names must not look alike"
    return None


def ensure_seller(conn: Connection, name: str) -> int:
    """The seller of that name (exactly), created if new; SellerNameError for a name that is
    not fit to be a new seller's."""
    s = schema.sellers.c
    row = conn.execute(select(s.id).where(s.name == name)).first()
    if row:
        return int(row[0])
    problem = _seller_name_problem(conn, name)
    if problem:
        raise SellerNameError(f"{name!r}: {problem}")
    res = conn.execute(schema.sellers.insert().values(name=name, modseq=0, created_at=now()))
    return int(res.inserted_primary_key[0])  # type: ignore[index]


def seller_id_by_name(conn: Connection, name: str) -> int | None:
    s = schema.sellers.c
    row = conn.execute(select(s.id).where(s.name == name)).first()
    return int(row[0]) if row else None


def create_token(db: Database, seller: str, label: str = "") -> str:
    """A new seller token (the seller is created if new). Only its hash is kept."""
    token = "sr_" + secrets.token_urlsafe(32)
    with db.writing() as conn:
        sid = ensure_seller(conn, seller)
        conn.execute(
            schema.tokens.insert().values(
                kind="seller", seller_id=sid, hash=_hash(token), label=label, created_at=now()
            )
        )
    return token


def create_ingest_key(db: Database, label: str = "") -> str:
    token = "ing_" + secrets.token_urlsafe(32)
    with db.writing() as conn:
        conn.execute(
            schema.tokens.insert().values(
                kind="ingest", seller_id=None, hash=_hash(token), label=label, created_at=now()
            )
        )
    return token


def revoke(db: Database, token_id: int | None = None, token: str | None = None) -> int:
    t = schema.tokens.c
    cond = t.id == token_id if token is None else t.hash == _hash(token)
    with db.writing() as conn:
        res = conn.execute(
            update(schema.tokens).where(cond & t.revoked_at.is_(None)).values(revoked_at=now())
        )
        return int(res.rowcount)


def list_tokens(db: Database) -> list[dict[str, object]]:
    t = schema.tokens.c
    s = schema.sellers.c
    with db.reading() as conn:
        rows = conn.execute(
            select(t.id, t.kind, s.name, t.label, t.created_at, t.revoked_at)
            .select_from(schema.tokens.outerjoin(schema.sellers, s.id == t.seller_id))
            .order_by(t.id)
        ).all()
    return [
        {
            "id": r[0],
            "kind": r[1],
            "seller": r[2],
            "label": r[3],
            "created": r[4],
            "revoked": r[5],
        }
        for r in rows
    ]


def authenticate(conn: Connection, header: str | None) -> Principal | None:
    if not header or not header.startswith("Bearer "):
        return None
    token = header[7:].strip()
    if not token or len(token) > 200:
        return None
    t = schema.tokens.c
    s = schema.sellers.c
    row = conn.execute(
        select(t.id, t.kind, t.seller_id, s.name)
        .select_from(schema.tokens.outerjoin(schema.sellers, s.id == t.seller_id))
        .where((t.hash == _hash(token)) & t.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    return Principal(row[1], int(row[0]), row[2], row[3])
