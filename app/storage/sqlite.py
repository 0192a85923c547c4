"""Plain sqlite3 helpers, importable before SQLAlchemy: the file check, the per-connection
settings every connection of the store gets, and the read-only connections the window uses
for the thread list (see ``Store.read_sql``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    """True for a missing/empty file (a new database) or one with SQLite's header."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return True
    return head in (b"", SQLITE_MAGIC)


def configure(conn: sqlite3.Connection) -> None:
    cur = conn.cursor()
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed draft survives power loss too, not only a killed process.
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.execute("PRAGMA cache_size = -32000")  # 32 MB page cache
    cur.close()


def open_reader(path: Path) -> sqlite3.Connection:
    """A connection that can only read (``query_only``), in autocommit mode: each statement
    is its own read transaction, so in WAL mode it never blocks the writer."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    configure(conn)
    conn.execute("PRAGMA query_only = ON")
    return conn
