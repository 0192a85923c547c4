"""SQLite engine for a profile database: WAL, foreign keys, full fsync, bounded busy wait."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from app.storage.sqlite import configure


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    configure(dbapi_conn)


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        # The app has one writer thread plus readers; sqlite3 objects may cross threads
        # because the pool hands each connection to one thread at a time.
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    # pysqlite's own transaction handling defers BEGIN; take it over so a write transaction
    # starts when we say (SQLAlchemy docs, "Serializable isolation / Savepoints").
    event.listen(engine, "connect", lambda conn, _rec: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", _begin)
    return engine


def _begin(conn: Connection) -> None:
    # Writers take the write lock up front (no deadlock-prone lock upgrade); readers stay
    # deferred, so in WAL mode they never block the writer nor each other.
    readonly = conn.get_execution_options().get("readonly", False)
    conn.exec_driver_sql("BEGIN DEFERRED" if readonly else "BEGIN IMMEDIATE")
