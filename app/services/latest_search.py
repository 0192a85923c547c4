"""Search as you type, off the GUI thread, newest search only.

Each search runs on a worker thread over the store's plain sqlite3 reader, so the window keeps
painting and taking keys while SQLite ranks matches. Starting a search interrupts the one still
running (``sqlite3.Connection.interrupt``) and a replaced search returns None: a burst of typing
never queues work, and results never arrive out of order. No Qt here: plain asyncio.

Searches have a thread of their own, and so a reader of their own: the pages one key's search
read are in that reader's page cache for the next key's. (On the loop's pool each key went to
the next of ten threads, each with its own, colder, cache: a search cost 1.5-3x the CPU.)
Counts have another, so a count still running never delays a search; the search interrupts it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

from app.services.store_worker import StoreWorker
from app.storage.rows import ThreadKey, ThreadRow
from app.storage.store import Store
from app.storage.threads import SearchCursor, SearchResults, search, search_count

T = TypeVar("T")


class LatestSearch:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._seq = 0  # the newest search's number; older ones are stale
        self._running: sqlite3.Connection | None = None
        self._searching = StoreWorker("search")
        self._counting = StoreWorker("search-count")

    def close(self) -> None:
        """Stop the threads (what runs is interrupted; the store closes their readers)."""
        self.cancel()
        self._searching.shutdown(wait=False)
        self._counting.shutdown(wait=False)

    def cancel(self) -> None:
        """Make any search under way stale (the seller cleared the box, changed filter…)."""
        with self._lock:
            self._seq += 1
            if self._running is not None:
                self._running.interrupt()

    async def run(self, text: str, marketplace_id: str | None = None) -> SearchResults | None:
        """The results for ``text``, or None when a newer search replaced this one."""
        self.cancel()
        return await self._latest(
            self._seq,
            lambda db: search(db.execute, text, marketplace_id=marketplace_id),
            self._searching,
        )

    def count(
        self, text: str, marketplace_id: str | None = None, *, pause: float = 0.0
    ) -> Awaitable[int | None]:
        """How many conversations the newest search finds in all (every match is read: up
        to a second at a million messages), or None when a newer search began meanwhile,
        which interrupts the count as it would a search. Belongs to the search that is the
        newest when this is called (not when it is awaited).

        ``pause``: count only if no newer search began within this many seconds. While the
        seller types, each key's count would be interrupted by the next key's search anyway,
        and until then it takes a core from that search and from the window."""
        return self._counted(self._seq, text, marketplace_id, pause)

    async def _counted(
        self, seq: int, text: str, marketplace_id: str | None, pause: float
    ) -> int | None:
        if pause > 0:
            await asyncio.sleep(pause)
            if seq != self._seq:
                return None
        return await self._latest(
            seq, lambda db: search_count(db.execute, text, marketplace_id), self._counting
        )

    async def _latest(
        self, seq: int, work: Callable[[sqlite3.Connection], T], thread: StoreWorker
    ) -> T | None:
        try:
            found = await thread.call(self._blocking, seq, work)
        except sqlite3.OperationalError as exc:
            if seq != self._seq and "interrupt" in str(exc):
                return None
            raise
        return found if seq == self._seq else None  # a newer one may have begun meanwhile

    def _blocking(self, seq: int, work: Callable[[sqlite3.Connection], T]) -> T | None:
        with self._store.read_sql() as db:
            with self._lock:
                if seq != self._seq:
                    return None
                self._running = db
            try:
                return work(db)
            finally:
                with self._lock:
                    if self._running is db:
                        self._running = None


class SearchPages:
    """The thread list's page fetcher over one search's results: the first page is the one
    ``LatestSearch`` found off the GUI thread; scrolling on reads the next pages from where
    the previous one ended (the model's row key is not a search position, so the pages keep
    their own), and a refresh (``after`` None again) searches anew. ``keep`` filters the rows
    (the list's status and Flagged filters); a page it empties is followed by the next."""

    def __init__(
        self,
        store: Store,
        text: str,
        marketplace_id: str | None,
        first: SearchResults,
        keep: Callable[[ThreadRow], bool] = lambda _row: True,
    ) -> None:
        self._store = store
        self.text = text
        self._marketplace_id = marketplace_id
        self._first: SearchResults | None = first
        self._more: SearchCursor | None = None
        self._keep = keep
        self.exhausted = first.more is None  # every result has been handed out

    def __call__(self, after: ThreadKey | None) -> list[ThreadRow]:
        while True:
            rows = self._page(after)
            kept = [r for r in rows if self._keep(r)]
            if kept or not rows:
                return kept
            after = rows[-1].key()  # all filtered out: on to the next page

    def _page(self, after: ThreadKey | None) -> list[ThreadRow]:
        if after is None and self._first is not None:
            found, self._first = self._first, None
        elif after is not None and self._more is None:
            return []
        else:
            with self._store.read_sql() as db:
                found = search(
                    db.execute,
                    self.text,
                    marketplace_id=self._marketplace_id,
                    after=self._more if after is not None else None,
                )
        self._more = found.more
        self.exhausted = found.more is None
        return found.rows
