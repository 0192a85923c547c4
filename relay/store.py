"""Write bookkeeping: per-account modseq, change rows, type states; small shared helpers."""

from __future__ import annotations

import json
import secrets
import threading
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, text
from sqlalchemy.dialects import postgresql, sqlite

from relay import schema

TYPES = (
    "Marketplace",
    "Buyer",
    "Order",
    "Conversation",
    "Message",
    "Submission",
    "Template",
    "Note",
)
ID_PREFIX = {
    "Buyer": "B",
    "Conversation": "C",
    "Message": "M",
    "Submission": "S",
    "Blob": "G",
    "Template": "T",
    "Note": "N",
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


# Dates a client may send. Near year 1 or 9999 the conversion to UTC, or a deadline a day
# later, overflows (OverflowError: HTTP 500 before); any real date lies well inside.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def parse_date(value: Any) -> datetime:
    """An RFC 3339 date with its zone, in UTC; ValueError for anything else or out of range."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("not a date string")
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if dt.tzinfo is None:
            raise ValueError("date without a time zone")
        dt = dt.astimezone(UTC)
    except OverflowError:
        raise ValueError("date out of range") from None
    if not EARLIEST <= dt <= LATEST:
        raise ValueError("date out of range")
    return dt


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def notice_data(code: str | None, params: dict[str, Any] | None = None) -> str | None:
    """A notice's code and parameters as stored (``messages.notice_params``): the clients
    word it in the seller's language (docs/protocol.md §4, Message's ``noticeCode``)."""
    return None if code is None else dumps({"code": code, "params": params or {}})


def upsert(conn: Connection, table: Any, values: dict[str, Any], keys: list[str]) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table).values(**values)
    rest = {k: stmt.excluded[k] for k in values if k not in keys}
    if rest:
        stmt = stmt.on_conflict_do_update(index_elements=keys, set_=rest)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    conn.execute(stmt)


# The change log is written once per transaction, at its end (`Changes.flush`): one bump of the
# account's modseq by the number of objects changed, then their change rows and type states.
# The bump takes the seller's row lock on PostgreSQL and holds it to commit, so modseqs are
# handed out in commit order (a `changes` reader never skips one); taking it last keeps the
# window in which a seller's writers wait for each other to the few statements before commit.
# Plain SQL: the same on PostgreSQL and SQLite (>= 3.35 for RETURNING), compiled once.
_BUMP = text("UPDATE sellers SET modseq = modseq + :n WHERE id = :sid RETURNING modseq")
# created_modseq 0 marks an update: an existing row keeps its own; a missing one (an object from
# before change tracking) counts as created before any state a client can hold.
_RECORD = text(
    "INSERT INTO changes (seller_id, type, object_id, modseq, created_modseq, destroyed) "
    "VALUES (:sid, :ty, :oid, :seq, :cseq, :gone) "
    "ON CONFLICT (seller_id, type, object_id) DO UPDATE SET modseq = excluded.modseq, "
    "destroyed = excluded.destroyed, created_modseq = CASE WHEN excluded.created_modseq > 0 "
    "THEN excluded.created_modseq ELSE changes.created_modseq END"
)
_SET_STATE = text(
    "INSERT INTO type_states (seller_id, type, modseq, pruned_modseq) VALUES (:sid, :ty, :seq, 0) "
    "ON CONFLICT (seller_id, type) DO UPDATE SET modseq = excluded.modseq"
)
# PostgreSQL: all of it in one statement, one round trip. The change rows take their modseqs
# from the bumped row, so they are computed after the row lock is granted (and, if it was
# waited for, from the row as the previous holder committed it).
_FLUSH_PG = text(
    "WITH bumped AS (UPDATE sellers SET modseq = modseq + :n WHERE id = :sid RETURNING modseq), "
    "objs AS (SELECT o.ty, o.oid, (SELECT modseq FROM bumped) - :n + o.ord AS seq, o.created, "
    "o.gone FROM unnest(CAST(:tys AS text[]), CAST(:oids AS text[]), "
    "CAST(:created AS boolean[]), CAST(:gone AS boolean[])) "
    "WITH ORDINALITY AS o(ty, oid, created, gone, ord)), "
    "logged AS (INSERT INTO changes (seller_id, type, object_id, modseq, created_modseq, "
    "destroyed) SELECT :sid, ty, oid, seq, CASE WHEN created THEN seq ELSE 0 END, gone "
    "FROM objs ON CONFLICT (seller_id, type, object_id) DO UPDATE SET modseq = excluded.modseq, "
    "destroyed = excluded.destroyed, created_modseq = CASE WHEN excluded.created_modseq > 0 "
    "THEN excluded.created_modseq ELSE changes.created_modseq END), "
    "states AS (INSERT INTO type_states (seller_id, type, modseq, pruned_modseq) "
    "SELECT :sid, ty, max(seq), 0 FROM objs GROUP BY ty "
    "ON CONFLICT (seller_id, type) DO UPDATE SET modseq = excluded.modseq) "
    "SELECT modseq FROM bumped"
)
_UNFLUSHED = "relay.unflushed_changes"  # conn.info key: Changes with records not yet written

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_id_lock = threading.Lock()
_last_id = 0


def new_object_id(prefix: str) -> str:
    """A new object id: `prefix` and 23 base-32 characters of a 48-bit millisecond time and 64
    random bits (like a ULID), increasing within the process.

    Ids used to be the account's modseq, which took the seller's row lock at the first object a
    transaction created. These need no database. Opaque to clients (docs/protocol.md); never
    equal to an old modseq id (those are digits only, at most 19 of them).
    """
    global _last_id
    value = (time.time_ns() // 1_000_000) << 64 | secrets.randbits(64)
    with _id_lock:
        if value <= _last_id:  # same millisecond (or a clock step back): keep increasing
            value = _last_id + 1
        _last_id = value
    chars = []
    for _ in range(23):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return prefix + "".join(reversed(chars))


def bump(conn: Connection, seller_id: int, n: int = 1) -> int:
    """Raise the account's modseq by `n`; the new value. On PostgreSQL the row lock, held to
    commit, orders the account's writers."""
    return int(conn.execute(_BUMP, {"sid": seller_id, "n": n}).scalar_one())


class Changes:
    """Collects what one transaction changed, for the change log and for push.

    Records are kept in memory and written by `flush`, which the writer calls when its changes
    are done (before commit; `Database.writing` refuses to commit unflushed records, so the log
    cannot miss a change). Call `discard` after rolling back a savepoint its records were in.
    """

    def __init__(self, conn: Connection, seller_id: int) -> None:
        self.conn = conn
        self.seller_id = seller_id
        self.types: set[str] = set()
        # (type, id) -> (created, destroyed), in order of each object's last change
        self._pending: dict[tuple[str, str], tuple[bool, bool]] = {}
        self.states: dict[str, int] = {}  # type -> its new state, once flushed

    def new_id(self, type_: str) -> str:
        return new_object_id(ID_PREFIX[type_])

    def created(self, type_: str, object_id: str) -> None:
        self._record(type_, object_id, created=True, destroyed=False)

    def updated(self, type_: str, object_id: str) -> None:
        self._record(type_, object_id, created=False, destroyed=False)

    def destroyed(self, type_: str, object_id: str) -> None:
        self._record(type_, object_id, created=False, destroyed=True)

    def _record(self, type_: str, object_id: str, *, created: bool, destroyed: bool) -> None:
        key = (type_, object_id)
        before = self._pending.pop(key, None)
        # Created in this transaction stays created, whatever happens to it after.
        self._pending[key] = (created or (before is not None and before[0]), destroyed)
        self.types.add(type_)
        if len(self._pending) == 1:
            self.conn.info.setdefault(_UNFLUSHED, set()).add(self)

    def flush(self) -> None:
        """Write the records: one modseq bump for all of them, their change rows, type states."""
        if not self._pending:
            return
        items = list(self._pending.items())
        self.discard()
        sid, n = self.seller_id, len(items)
        if self.conn.dialect.name == "postgresql":
            top = self.conn.execute(
                _FLUSH_PG,
                {
                    "sid": sid,
                    "n": n,
                    "tys": [ty for (ty, _), _ in items],
                    "oids": [oid for (_, oid), _ in items],
                    "created": [created for _, (created, _) in items],
                    "gone": [gone for _, (_, gone) in items],
                },
            ).scalar_one()
            first = int(top) - n + 1
        else:
            first = bump(self.conn, sid, n) - n + 1
        rows = []
        states: dict[str, int] = {}
        for i, ((ty, oid), (created, gone)) in enumerate(items):
            seq = first + i
            cseq = seq if created else 0
            rows.append({"sid": sid, "ty": ty, "oid": oid, "seq": seq, "cseq": cseq, "gone": gone})
            states[ty] = seq
        if self.conn.dialect.name != "postgresql":  # a local file: statements cost microseconds
            self.conn.execute(_RECORD, rows)
            self.conn.execute(
                _SET_STATE, [{"sid": sid, "ty": ty, "seq": q} for ty, q in states.items()]
            )
        self.states.update(states)

    def discard(self) -> None:
        """Forget the records not yet flushed (their writes were rolled back)."""
        self._pending.clear()
        self.conn.info.get(_UNFLUSHED, set()).discard(self)

    def __enter__(self) -> Changes:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            self.flush()


def check_flushed(conn: Connection, *, committing: bool = True) -> None:
    """Before commit: raise if a Changes on `conn` has records it has not written. Also called
    (committing=False) when the transaction rolls back, to forget them: the connection's info
    outlives the transaction in the pool."""
    pending = conn.info.pop(_UNFLUSHED, None)
    if pending and committing:
        raise RuntimeError("changes were recorded but not flushed: the change log would miss them")


_TS = schema.type_states.c
_TYPE_STATE = select(_TS.modseq, _TS.pruned_modseq).where(
    (_TS.seller_id == bindparam("sid")) & (_TS.type == bindparam("ty"))
)
_ALL_STATES = select(_TS.type, _TS.modseq).where(_TS.seller_id == bindparam("sid"))
_SELLER_MODSEQ_SQL = "SELECT modseq FROM sellers WHERE id = %s"
_SELLER_MODSEQ = select(schema.sellers.c.modseq).where(schema.sellers.c.id == bindparam("sid"))


def type_state(conn: Connection, seller_id: int, type_: str) -> tuple[int, int]:
    """(state modseq, pruned horizon) of one type."""
    row = conn.execute(_TYPE_STATE, {"sid": seller_id, "ty": type_}).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def account_modseq(conn: Connection, seller_id: int) -> int | None:
    """The account's modseq: every committed write of the account raised it."""
    if conn.dialect.name == "postgresql":
        # Through the driver: this read precedes every cacheable request (a read-cache hit is
        # this one statement), and SQLAlchemy's execution machinery was ~45 of its ~100 µs.
        driver: Any = conn.connection.driver_connection
        found = driver.execute(_SELLER_MODSEQ_SQL, (seller_id,)).fetchone()
        return None if found is None else int(found[0])
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
