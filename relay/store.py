"""Write bookkeeping: per-account modseq, change rows, type states; small shared helpers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
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
    if dt.tzinfo is not None:  # SQLite hands back naive datetimes; we only ever store UTC
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    # isoformat is C code: 4x cheaper than strftime, and serialisation calls this per field.
    return dt.isoformat(timespec="seconds") + "Z"


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


# The bookkeeping statements of every write, built once (statement construction, not SQL,
# dominated a send's CPU time when they were rebuilt per object).
_BUMP = (
    update(schema.sellers)
    .where(schema.sellers.c.id == bindparam("sid"))
    .values(modseq=schema.sellers.c.modseq + 1)
    .returning(schema.sellers.c.modseq)
)
_CH = schema.changes.c
_CHANGE_KEY = (
    (_CH.seller_id == bindparam("sid"))
    & (_CH.type == bindparam("ty"))
    & (_CH.object_id == bindparam("oid"))
)
_CHANGE_UPDATE = (
    update(schema.changes)
    .where(_CHANGE_KEY)
    .values(modseq=bindparam("seq"), destroyed=bindparam("gone"))
)
_CHANGE_INSERT = schema.changes.insert().values(
    seller_id=bindparam("sid"),
    type=bindparam("ty"),
    object_id=bindparam("oid"),
    modseq=bindparam("seq"),
    created_modseq=bindparam("cseq"),
    destroyed=bindparam("gone"),
)
_TS = schema.type_states.c
_STATE_UPDATE = (
    update(schema.type_states)
    .where((_TS.seller_id == bindparam("sid")) & (_TS.type == bindparam("ty")))
    .values(modseq=bindparam("seq"))
)
_STATE_INSERT = schema.type_states.insert().values(
    seller_id=bindparam("sid"), type=bindparam("ty"), modseq=bindparam("seq"), pruned_modseq=0
)


# An object created (or re-created under the same id): one upsert. Written as text: SQLAlchemy
# cannot cache-key an ON CONFLICT construct and compiled it afresh for every object (a third of
# a send's statement overhead). The same SQL runs on PostgreSQL and SQLite (>= 3.24).
_CREATED = text(
    "INSERT INTO changes (seller_id, type, object_id, modseq, created_modseq, destroyed) "
    "VALUES (:sid, :ty, :oid, :seq, :seq, :gone) "
    "ON CONFLICT (seller_id, type, object_id) DO UPDATE SET modseq = excluded.modseq, "
    "created_modseq = excluded.created_modseq, destroyed = excluded.destroyed"
)


def bump(conn: Connection, seller_id: int) -> int:
    """Next modseq of the account. On PostgreSQL the row lock orders writers per account."""
    return int(conn.execute(_BUMP, {"sid": seller_id}).scalar_one())


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
        key = {"sid": self.seller_id, "ty": type_, "oid": object_id, "seq": seq}
        if created:
            self.conn.execute(_CREATED, {**key, "gone": False})
        else:
            res = self.conn.execute(_CHANGE_UPDATE, {**key, "gone": destroyed})
            if res.rowcount == 0:  # an object from before change tracking: treat as created
                self.conn.execute(_CHANGE_INSERT, {**key, "cseq": 0, "gone": destroyed})
        self._set_state(type_, seq)
        self.types.add(type_)

    def _set_state(self, type_: str, seq: int) -> None:
        params = {"sid": self.seller_id, "ty": type_, "seq": seq}
        if self.conn.execute(_STATE_UPDATE, params).rowcount == 0:
            self.conn.execute(_STATE_INSERT, params)


_TYPE_STATE = select(_TS.modseq, _TS.pruned_modseq).where(
    (_TS.seller_id == bindparam("sid")) & (_TS.type == bindparam("ty"))
)
_ALL_STATES = select(_TS.type, _TS.modseq).where(_TS.seller_id == bindparam("sid"))
_SELLER_MODSEQ = select(schema.sellers.c.modseq).where(schema.sellers.c.id == bindparam("sid"))


def type_state(conn: Connection, seller_id: int, type_: str) -> tuple[int, int]:
    """(state modseq, pruned horizon) of one type."""
    row = conn.execute(_TYPE_STATE, {"sid": seller_id, "ty": type_}).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def account_modseq(conn: Connection, seller_id: int) -> int | None:
    """The account's modseq: every committed write of the account raised it."""
    value = conn.execute(_SELLER_MODSEQ, {"sid": seller_id}).scalar()
    return None if value is None else int(value)


def all_states(conn: Connection, seller_id: int) -> dict[str, str]:
    rows = conn.execute(_ALL_STATES, {"sid": seller_id}).all()
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
