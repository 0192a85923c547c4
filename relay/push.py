"""Push: an in-process hub of SSE subscribers, and PostgreSQL LISTEN/NOTIFY between processes.

NOTIFY only says "account N changed"; each subscriber then reads the states itself, so a lost
or duplicated notification costs nothing but a read (clients resync with `changes` anyway).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import threading
from collections.abc import Iterable

from sqlalchemy import Connection, text

from relay.db import Database

log = logging.getLogger("relay.push")
CHANNEL = "seller_relay"
_NOTIFY = text("SELECT pg_notify(:c, :p)")  # built once: every write request sends one


REVOCATION_CHECK_SECONDS = 1.0  # an open event stream of a revoked token ends within this


_OPENED = itertools.count()


class Subscriber:
    def __init__(self, seller_id: int, token_id: int | None = None) -> None:
        self.seller_id = seller_id
        self.token_id = token_id
        self.revoked = False  # set (and woken) when its token is revoked: the stream ends
        self.wake = asyncio.Event()
        self.opened = next(_OPENED)  # the order streams were opened in


class Hub:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._subs: dict[int, set[Subscriber]] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self._listener: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._stop = threading.Event()
        self._token_subs: dict[int, int] = {}  # token id -> open streams (event loop only)

    @property
    def count(self) -> int:
        return sum(len(s) for s in self._subs.values())

    def streams(self, token_id: int | None) -> int:
        """Open streams of a token (event loop only)."""
        return self._token_subs.get(token_id, 0) if token_id is not None else 0

    def end_oldest(self, sub: Subscriber, keep: int) -> None:
        """End the oldest streams of `sub`'s token beyond `keep` (event loop only): a client
        that reconnects gets its stream, the one it lost ends, and no token holds more."""
        over = self.streams(sub.token_id) - keep
        if over <= 0:
            return
        mine = [s for s in self._subs.get(sub.seller_id, ()) if s.token_id == sub.token_id]
        for old in sorted(mine, key=lambda s: s.opened)[:over]:
            old.revoked = True
            old.wake.set()

    def subscribe(self, seller_id: int, token_id: int | None = None) -> Subscriber:
        sub = Subscriber(seller_id, token_id)
        self._subs.setdefault(seller_id, set()).add(sub)
        if token_id is not None:
            self._token_subs[token_id] = self._token_subs.get(token_id, 0) + 1
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        if sub.token_id is not None and sub.token_id in self._token_subs:
            self._token_subs[sub.token_id] -= 1
            if not self._token_subs[sub.token_id]:
                del self._token_subs[sub.token_id]
        subs = self._subs.get(sub.seller_id)
        if subs is not None:
            subs.discard(sub)
            if not subs:
                del self._subs[sub.seller_id]

    def wake_local(self, seller_ids: Iterable[int]) -> None:
        for sid in seller_ids:
            for sub in self._subs.get(sid, ()):
                sub.wake.set()

    def published(self, seller_ids: set[int]) -> None:
        """Called on the event loop after a commit changed these accounts."""
        if not seller_ids:
            return
        self.wake_local(seller_ids)

    def notify_others(self, seller_ids: set[int]) -> None:
        """Blocking: tell other relay processes (PostgreSQL only). Call from a worker thread."""
        if self.db.is_sqlite or not seller_ids:
            return
        try:
            with self.db.write.begin() as conn:
                for sid in sorted(seller_ids):
                    conn.execute(_NOTIFY, {"c": CHANNEL, "p": str(sid)})
        except Exception:  # push is a hint; the write itself has committed
            log.warning("NOTIFY failed", exc_info=True)

    def notify_in(self, conn: Connection, seller_ids: set[int]) -> None:
        """NOTIFY inside the writing transaction: PostgreSQL delivers it at commit."""
        if self.db.is_sqlite:
            return
        for sid in sorted(seller_ids):
            conn.execute(_NOTIFY, {"c": CHANNEL, "p": str(sid)})

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._stop.clear()
        dsn = self.db.pg_dsn
        if dsn is None:
            # SQLite: other processes (the CLI's `simulate`) write the same file; poll the
            # subscribed accounts' modseq once a second instead of NOTIFY.
            self._listener = threading.Thread(target=self._poll, name="relay-push", daemon=True)
        else:
            self._listener = threading.Thread(
                target=self._listen, args=(dsn,), name="relay-push", daemon=True
            )
        self._listener.start()
        self._watcher = threading.Thread(
            target=self._watch_revocations, name="relay-revocations", daemon=True
        )
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in (self._listener, self._watcher):
            if thread is not None:
                thread.join(timeout=5)
        self._listener = self._watcher = None

    def _watch_revocations(self) -> None:
        """Tokens are revoked by the CLI, another process: look for the open streams' tokens
        among the revoked ones, once a second, in one query."""
        from sqlalchemy import select

        from relay import schema

        while not self._stop.wait(REVOCATION_CHECK_SECONDS):
            ids = list(self._token_subs)  # one C-level copy: safe against the loop's changes
            if not ids:
                continue
            t = schema.tokens.c
            try:
                with self.db.reading() as conn:
                    revoked = set(
                        conn.execute(
                            select(t.id).where(t.id.in_(ids) & t.revoked_at.is_not(None))
                        ).scalars()
                    )
            except Exception:
                log.warning("revocation check failed", exc_info=True)
                continue
            if revoked and self.loop is not None:
                with contextlib.suppress(RuntimeError):
                    self.loop.call_soon_threadsafe(self._end_streams, revoked)

    def _end_streams(self, token_ids: set[int]) -> None:
        for subs in self._subs.values():
            for sub in subs:
                if sub.token_id in token_ids:
                    sub.revoked = True
                    sub.wake.set()

    def _listen(self, dsn: str) -> None:
        import psycopg

        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    backoff = 0.5
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._deliver(note.payload)
            except Exception:
                log.warning("LISTEN connection lost; retrying", exc_info=True)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)

    def _poll(self) -> None:
        from sqlalchemy import select

        from relay import schema

        seen: dict[int, int] = {}
        while not self._stop.wait(1.0):
            ids = list(self._subs)
            if not ids:
                continue
            try:
                with self.db.reading() as conn:
                    s = schema.sellers.c
                    rows = conn.execute(select(s.id, s.modseq).where(s.id.in_(ids))).all()
            except Exception:
                log.warning("modseq poll failed", exc_info=True)
                continue
            # A seller seen for the first time counts as moved: a write between its
            # subscription and this poll would otherwise never be announced.
            moved = [sid for sid, seq in rows if seen.get(sid) != seq]
            seen = {sid: seq for sid, seq in rows}
            if moved and self.loop is not None:
                with contextlib.suppress(RuntimeError):
                    self.loop.call_soon_threadsafe(self.wake_local, moved)

    def _deliver(self, payload: str) -> None:
        if self.loop is None or not payload.isdigit():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed while shutting down
            self.loop.call_soon_threadsafe(self.wake_local, [int(payload)])
