"""The local store of one profile: lock, migrate, then hand out connections.

Opening order matters: take the single-writer lock, refuse what is not ours, back up and
migrate, and only then connect. Every sqlite error a seller can act on is turned into a
``StoreError`` with a message for them (``errors.classify``).

Opening a profile already at the head schema needs only sqlite3: SQLAlchemy (~0.4 s of
imports) loads with the first ``read()``/``write()``, or ahead of it on a worker
(``load_engine``), so the window can show its first page (``read_sql``) without it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage import migrate
from app.storage.blobs import BlobStore
from app.storage.errors import ReadOnlyProfile, StoreError, classify
from app.storage.lock import ProfileLock
from app.storage.profile import Profile
from app.storage.sqlite import open_reader

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


class Store:
    def __init__(self, profile: Profile, lock: ProfileLock | None) -> None:
        self.profile = profile
        self.blobs = BlobStore(profile.blobs)
        self._lock = lock
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._local = threading.local()  # one plain reader per thread (sqlite3 objects)
        self._readers: list[_Reader] = []
        self.backup_made: str | None = None

    @classmethod
    def open(cls, root: Path, *, lock: ProfileLock | None = None, take_lock: bool = True) -> Store:
        """Open (creating and migrating as needed) the profile at ``root``.

        Pass ``lock`` when the caller already holds the profile lock (the window takes it
        before it paints, so a second instance can say so at once)."""
        profile = Profile(Path(root))
        migrate.check_writable(profile.database)
        try:
            profile.make_private()
        except OSError as exc:
            raise ReadOnlyProfile(profile.root, str(exc)) from exc
        if lock is None and take_lock:
            lock = ProfileLock(profile.lock_file)
            lock.acquire()
        try:
            backup = _guarded(profile.database, migrate.upgrade, profile.database, profile.backups)
            store = cls(profile, lock)
            store.backup_made = backup
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @property
    def engine(self) -> Engine:
        with self._engine_lock:
            if self._engine is None:
                from app.storage.engine import make_engine

                self._engine = make_engine(self.profile.database)
            return self._engine

    def load_engine(self) -> None:
        """Import SQLAlchemy and make the engine now (call it on a worker thread)."""
        self.engine  # noqa: B018 - the property does the work

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect().execution_options(readonly=True) as conn:
                yield conn
        except StoreError:
            raise
        except Exception as exc:
            raise classify(exc, self.profile.database) or exc from exc

    @contextmanager
    def read_sql(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection that can only read, for ``app.storage.threads``: the
        thread list's pages without SQLAlchemy's per-statement cost. One per thread."""
        try:
            reader = getattr(self._local, "reader", None)
            if reader is None:
                reader = _Reader(open_reader(self.profile.database))
                self._local.reader = reader
                with self._engine_lock:
                    self._readers.append(reader)
            with reader.in_use:
                yield reader.conn
        except StoreError:
            raise
        except Exception as exc:
            raise classify(exc, self.profile.database) or exc from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it commits, or none of it."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except StoreError:
            raise
        except Exception as exc:
            raise classify(exc, self.profile.database) or exc from exc

    def close(self) -> None:
        with self._engine_lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            self._local = threading.local()
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class _Reader:
    """A thread's plain sqlite3 connection. Closing it (from the thread closing the store)
    interrupts a statement still running on it, e.g. a search, and waits until it is let go,
    so a connection is never closed under a running statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.in_use = threading.RLock()

    def close(self) -> None:
        # Again and again: an interrupt only stops a statement already running.
        while not self.in_use.acquire(timeout=0.02):
            self.conn.interrupt()
        try:
            self.conn.close()
        finally:
            self.in_use.release()


def _guarded(path: Path, func, *args):  # type: ignore[no-untyped-def]
    try:
        return func(*args)
    except StoreError:
        raise
    except Exception as exc:
        mapped = classify(exc, path)
        if mapped is None:
            raise
        raise mapped from exc
