"""Engines for SQLite (WAL, one writer) and PostgreSQL, and schema creation."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from relay import schema


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
    """A read engine and a write engine (the same on PostgreSQL)."""

    url: str
    read: Engine
    write: Engine
    is_sqlite: bool
    # SQLite has one writer; serializing in-process avoids busy waits between our own threads.
    write_lock: threading.Lock | None = field(default=None)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        if self.write_lock is None:
            with self.write.begin() as conn:
                yield conn
            return
        with self.write_lock, self.write.begin() as conn:
            yield conn

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
        engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
        db = Database(url, engine, engine, False)
    if create:
        ensure_schema(db)
    return db


def ensure_schema(db: Database) -> None:
    with db.writing() as conn:
        if not db.is_sqlite:
            # Serializes create_all between relay processes starting at once.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7465001)")
        schema.metadata.create_all(conn)
        version = conn.execute(select(schema.schema_version.c.version)).scalar()
        if version is None:
            conn.execute(insert(schema.schema_version).values(version=schema.SCHEMA_VERSION))
        elif version > schema.SCHEMA_VERSION:
            raise RuntimeError(
                f"relay database schema {version} is newer than this relay "
                f"({schema.SCHEMA_VERSION})"
            )


def null_pool_engine(url: str) -> Engine:
    return create_engine(normalize_url(url), poolclass=NullPool)
