"""The local store of one profile: lock, migrate, then hand out connections.

Opening order matters: take the single-writer lock, refuse what is not ours, back up and
migrate, and only then open the engine. Every sqlite error a seller can act on is turned into
a ``StoreError`` with a message for them (``errors.classify``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine

from app.storage import migrate
from app.storage.blobs import BlobStore
from app.storage.engine import make_engine
from app.storage.errors import StoreError, classify
from app.storage.lock import ProfileLock
from app.storage.profile import Profile


class Store:
    def __init__(self, profile: Profile, engine: Engine, lock: ProfileLock | None) -> None:
        self.profile = profile
        self.engine = engine
        self.blobs = BlobStore(profile.blobs)
        self._lock = lock
        self.backup_made: str | None = None

    @classmethod
    def open(cls, root: Path, *, lock: ProfileLock | None = None, take_lock: bool = True) -> Store:
        """Open (creating and migrating as needed) the profile at ``root``.

        Pass ``lock`` when the caller already holds the profile lock (the window takes it
        before it paints, so a second instance can say so at once)."""
        profile = Profile(Path(root))
        migrate.check_writable(profile.database)
        if lock is None and take_lock:
            lock = ProfileLock(profile.lock_file)
            lock.acquire()
        try:
            backup = _guarded(profile.database, migrate.upgrade, profile.database, profile.backups)
            store = cls(profile, make_engine(profile.database), lock)
            store.backup_made = backup
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

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
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


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
