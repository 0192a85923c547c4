"""Autosave: a draft reaches the disk ~1 s after the last keystroke, and every 2 s while the
seller keeps typing (the brief allows up to 5 s; 2 s is what the kill test promises), so a
crash loses at most the last two seconds of words."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

from app.services.store_worker import StoreWorker
from app.storage import drafts as store_drafts
from app.storage.drafts import DraftData
from app.storage.store import Store


class DraftAutosaver:
    def __init__(
        self,
        store: Store,
        worker: StoreWorker,
        *,
        quiet: float = 1.0,
        max_interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.worker = worker
        self.quiet = quiet
        self.max_interval = max_interval
        self.clock = clock
        self._pending: dict[str, DraftData] = {}
        self._last_edit: dict[str, float] = {}
        self._first_unsaved: dict[str, float] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self.saves = 0

    def edit(self, draft: DraftData) -> None:
        """The seller changed the draft; call on every keystroke (cheap, never blocks)."""
        now = self.clock()
        self._pending[draft.key] = draft
        self._last_edit[draft.key] = now
        self._first_unsaved.setdefault(draft.key, now)
        if draft.key not in self._tasks:
            self._tasks[draft.key] = asyncio.ensure_future(self._saver(draft.key))

    async def _saver(self, key: str) -> None:
        try:
            while key in self._pending:
                due = min(
                    self._last_edit[key] + self.quiet, self._first_unsaved[key] + self.max_interval
                )
                wait = due - self.clock()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                await self._save(key)
        finally:
            self._tasks.pop(key, None)

    async def _save(self, key: str) -> None:
        draft = self._pending.pop(key)
        self._first_unsaved.pop(key, None)
        await self.worker.call(self._write, draft)
        self.saves += 1

    def _write(self, draft: DraftData) -> None:
        with self.store.write() as conn:
            store_drafts.save_draft(conn, draft, datetime.now(UTC))

    async def flush(self) -> None:
        """Save everything now (before Send, on window close)."""
        for key in list(self._pending):
            await self._save(key)

    async def aclose(self) -> None:
        """Save everything, then end the saver tasks (none may outlive the event loop)."""
        await self.flush()
        savers = list(self._tasks.values())
        for task in savers:
            task.cancel()
        await asyncio.gather(*savers, return_exceptions=True)

    async def load(self, key: str) -> DraftData | None:
        def read() -> DraftData | None:
            with self.store.read() as conn:
                return store_drafts.load_draft(conn, key)

        return self._pending.get(key) or await self.worker.call(read)
