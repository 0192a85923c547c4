"""Bring a profile database to the head schema, safely.

Order of work: refuse what is not ours (wrong header, unreadable, newer schema) before any
write; back the file up with SQLite's online backup API; then run Alembic. A database already
at head skips Alembic entirely, which keeps it off the start-up path.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.storage.errors import NewerSchema, NotADatabase, ReadOnlyProfile
from app.storage.sqlite import looks_like_sqlite

HEAD_REVISION = "0008"
"""The newest schema this build knows; a test checks it against the migration scripts."""

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
"""Every revision this build can upgrade from, oldest first (a test checks the chain)."""

KEEP_BACKUPS = 3
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(path: Path) -> str | None:
    """Read the schema revision without writing anything (read-only URI)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not looks_like_sqlite(path):
        raise NotADatabase(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotADatabase(path, str(exc)) from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise NotADatabase(path, "no Seller Inbox schema in it")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(path, str(exc)) from exc
    finally:
        conn.close()


def check_writable(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReadOnlyProfile(folder, str(exc)) from exc
    probe = folder / ".write-probe"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ReadOnlyProfile(folder, str(exc)) from exc


def backup(path: Path, backups_dir: Path, from_rev: str) -> Path:
    """Copy the live database (WAL included) to backups/, keeping the newest few."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{path.stem}-schema{from_rev}-to{HEAD_REVISION}-{stamp}.sqlite3"
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    old = sorted(backups_dir.glob(f"{path.stem}-schema*.sqlite3"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def upgrade(path: Path, backups_dir: Path) -> str | None:
    """Migrate ``path`` to head. Returns the backup made, if any."""
    found = current_revision(path)
    if found == HEAD_REVISION:
        return None
    if found is not None and found not in KNOWN_REVISIONS:
        raise NewerSchema(path, found, HEAD_REVISION)
    check_writable(path)
    made = str(backup(path, backups_dir, found)) if found is not None else None
    _run_alembic(path)
    return made


def _run_alembic(path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from app.storage.engine import make_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
