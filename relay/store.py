"""Write bookkeeping: per-account modseq, change rows, type states; small shared helpers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from relay import schema

TYPES = ("Marketplace", "Buyer", "Order", "Conversation", "Message", "Submission")
ID_PREFIX = {
    "Buyer": "B",
    "Conversation": "C",
    "Message": "M",
    "Submission": "S",
    "Blob": "G",
}


def now() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:  # SQLite hands back naive datetimes; we only ever store UTC
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def aware(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def parse_date(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not a date string")
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        raise ValueError("date without a time zone")
    return dt.astimezone(UTC)


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def upsert(conn: Connection, table: Any, values: dict[str, Any], keys: list[str]) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table).values(**values)
    rest = {k: stmt.excluded[k] for k in values if k not in keys}
    if rest:
        stmt = stmt.on_conflict_do_update(index_elements=keys, set_=rest)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    conn.execute(stmt)


def bump(conn: Connection, seller_id: int) -> int:
    """Next modseq of the account. On PostgreSQL the row lock orders writers per account."""
    row = conn.execute(
        update(schema.sellers)
        .where(schema.sellers.c.id == seller_id)
        .values(modseq=schema.sellers.c.modseq + 1)
        .returning(schema.sellers.c.modseq)
    ).one()
    return int(row[0])


class Changes:
    """Collects what one transaction changed, for the change log and for push."""

    def __init__(self, conn: Connection, seller_id: int) -> None:
        self.conn = conn
        self.seller_id = seller_id
        self.types: set[str] = set()

    def new_id(self, type_: str) -> tuple[str, int]:
        seq = bump(self.conn, self.seller_id)
        return f"{ID_PREFIX[type_]}{seq}", seq

    def created(self, type_: str, object_id: str, seq: int | None = None) -> None:
        self._record(type_, object_id, seq, created=True, destroyed=False)

    def updated(self, type_: str, object_id: str) -> None:
        self._record(type_, object_id, None, created=False, destroyed=False)

    def destroyed(self, type_: str, object_id: str) -> None:
        self._record(type_, object_id, None, created=False, destroyed=True)

    def _record(
        self, type_: str, object_id: str, seq: int | None, *, created: bool, destroyed: bool
    ) -> None:
        if seq is None:
            seq = bump(self.conn, self.seller_id)
        c = schema.changes.c
        key = (c.seller_id == self.seller_id) & (c.type == type_) & (c.object_id == object_id)
        if created:
            upsert(
                self.conn,
                schema.changes,
                {
                    "seller_id": self.seller_id,
                    "type": type_,
                    "object_id": object_id,
                    "modseq": seq,
                    "created_modseq": seq,
                    "destroyed": False,
                },
                ["seller_id", "type", "object_id"],
            )
        else:
            res = self.conn.execute(
                update(schema.changes).where(key).values(modseq=seq, destroyed=destroyed)
            )
            if res.rowcount == 0:  # an object from before change tracking: treat as created
                self.conn.execute(
                    schema.changes.insert().values(
                        seller_id=self.seller_id,
                        type=type_,
                        object_id=object_id,
                        modseq=seq,
                        created_modseq=0,
                        destroyed=destroyed,
                    )
                )
        self._set_state(type_, seq)
        self.types.add(type_)

    def _set_state(self, type_: str, seq: int) -> None:
        t = schema.type_states.c
        res = self.conn.execute(
            update(schema.type_states)
            .where((t.seller_id == self.seller_id) & (t.type == type_))
            .values(modseq=seq)
        )
        if res.rowcount == 0:
            self.conn.execute(
                schema.type_states.insert().values(
                    seller_id=self.seller_id, type=type_, modseq=seq, pruned_modseq=0
                )
            )


def type_state(conn: Connection, seller_id: int, type_: str) -> tuple[int, int]:
    """(state modseq, pruned horizon) of one type."""
    t = schema.type_states.c
    row = conn.execute(
        select(t.modseq, t.pruned_modseq).where((t.seller_id == seller_id) & (t.type == type_))
    ).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def all_states(conn: Connection, seller_id: int) -> dict[str, str]:
    t = schema.type_states.c
    rows = conn.execute(select(t.type, t.modseq).where(t.seller_id == seller_id)).all()
    states = {ty: "0" for ty in TYPES}
    for ty, seq in rows:
        states[ty] = str(seq)
    return states


def account_id(seller_id: int) -> str:
    return f"A{seller_id}"


def seller_of_account(account: Any) -> int | None:
    if (
        isinstance(account, str)
        and account.startswith("A")
        and account[1:].isascii()
        and account[1:].isdigit()
        and len(account) <= 19
    ):
        return int(account[1:])
    return None
