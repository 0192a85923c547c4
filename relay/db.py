"""Engines for SQLite (WAL, one writer) and PostgreSQL, and schema migrations (Alembic)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import NullPool

from relay import schema
from relay.store import check_flushed

HEAD_REVISION = "0006"
"""The newest schema revision this build knows; a test checks it against the scripts."""
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
"""Every revision this build can upgrade from (a test checks the chain)."""
# A folder of files, not a package import: Alembic loads env.py and versions/*.py from it (the
# frozen build bundles them as data, see packaging/seller-inbox.spec).
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def default_db_url() -> str:
    env = os.environ.get("SELLER_RELAY_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    path = Path(user_data_dir("seller-relay", appauthor=False)) / "relay.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def normalize_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here; a bare path means a SQLite file."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


@dataclass
class Database:
    """A read engine and a write engine."""

    url: str
    read: Engine
    write: Engine
    is_sqlite: bool
    # SQLite has one writer; serializing in-process avoids busy waits between our own threads.
    write_lock: threading.Lock | None = field(default=None)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        with self.write_lock or nullcontext(), self.write.begin() as conn:
            try:
                yield conn
            except BaseException:
                check_flushed(conn, committing=False)
                raise
            check_flushed(conn)  # a change not in the change log must not commit

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.read.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.read.dispose()
        if self.write is not self.read:
            self.write.dispose()

    @property
    def pg_dsn(self) -> str | None:
        if self.is_sqlite:
            return None
        return make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8 if not immediate else 1,
        max_overflow=8 if not immediate else 0,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the lock up front: no deadlocking read->write upgrades.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def open_database(url: str, *, create: bool = True) -> Database:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        u = make_url(url)
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        write = _sqlite_engine(url, immediate=True)
        read = _sqlite_engine(url, immediate=False)
        db = Database(url, read, write, True, threading.Lock())
    else:
        write = _ping_when_idle(create_engine(url, pool_size=10, max_overflow=20))
        # Reads in autocommit: no BEGIN and ROLLBACK round trips around every read. Under READ
        # COMMITTED each statement saw its own snapshot already, so nothing else changes.
        read = _ping_when_idle(
            create_engine(url, pool_size=8, max_overflow=8, isolation_level="AUTOCOMMIT")
        )
        db = Database(url, read, write, False)
    if create:
        ensure_schema(db)
    return db


PING_AFTER_IDLE_SECONDS = 10.0


def _ping_when_idle(engine: Engine) -> Engine:
    """Check a pooled connection's liveness at checkout only if it sat idle a while.

    SQLAlchemy's pool_pre_ping pings at every checkout: a round trip and ~0.1 ms of CPU on
    every request. A connection in steady use is known to be alive; the ones that die unnoticed
    are idle ones (a server restart, a firewall's idle timeout). A dead connection found in use
    still fails that one request, and SQLAlchemy then drops the whole pool.
    """

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except Exception as e:
            raise DisconnectionError("idle connection is gone") from e
        if not alive:
            raise DisconnectionError("idle connection is gone")

    return engine


def ensure_schema(db: Database) -> None:
    """Bring the database to this relay's schema (Alembic), or refuse a newer one.

    One transaction (under an advisory lock on PostgreSQL, so relay processes starting at once
    take turns): read the revision, refuse one this build does not know, else upgrade. A
    database from a pre-Alembic relay (made by `metadata.create_all`, no `alembic_version`) is
    adopted: the first revision creates only what it lacks, then stamps it.
    """
    with db.writing() as conn:
        if not db.is_sqlite:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7465001)")
        found = current_revision(conn)
        if found == HEAD_REVISION:
            return  # the usual start: no Alembic script is even loaded
        if found is not None and found not in KNOWN_REVISIONS:
            raise NewerSchema(
                f"relay database schema revision {found!r} is newer than this relay ({HEAD_REVISION!r})"
            )
        if found is None:
            legacy = _legacy_version(conn)
            if legacy is not None and legacy > schema.SCHEMA_VERSION:
                raise NewerSchema(
                    f"relay database schema {legacy} is newer than this relay ({schema.SCHEMA_VERSION})"
                )
        _upgrade(conn)


class NewerSchema(RuntimeError):
    """The database was migrated by a newer relay: this one must not write to it."""


def current_revision(conn: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _legacy_version(conn: Connection) -> int | None:
    """`relay_schema_version` of a database without `alembic_version` (None: no such table)."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return None
    value = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
    return None if value is None else int(value)


def _upgrade(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def null_pool_engine(url: str) -> Engine:
    return create_engine(normalize_url(url), poolclass=NullPool)
