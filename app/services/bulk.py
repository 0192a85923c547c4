"""Bulk triage: one action (read/unread, flag/unflag, "no response needed", snooze) over many
conversations as one operation, with one undo.

The store is written in chunks of ``CHUNK`` conversations, one transaction each, so the
window stays live and shows progress over thousands; every change is a ``LocalChanges``
patch (applied at once, queued, and sent to the relay in batches by ``flush``). Each chunk
remembers what it replaced, so ``undo`` puts back exactly what the action changed, also
after a failure half-way (what was done is undone). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from app.domain import Direction, Keyword
from app.domain.snooze import Snooze, SnoozeKind
from app.domain.triage import effective, patches
from app.services.local_changes import keyword_patch, record, snooze_patch
from app.services.store_worker import StoreWorker
from app.storage import schema
from app.storage.rows import ThreadFilter
from app.storage.store import Store

CHUNK = 500  # conversations a transaction (~0.1 s under load): progress, yet few commits
Item = tuple[str, str, dict[str, Any]]  # LocalChanges: (type, relay id, patch)
Progress = Callable[[int, int], None]  # (conversations done, of how many)


@dataclass(frozen=True)
class Selection:
    """What a bulk action applies to: these conversations, or every one a filter lists
    (``all_of``; read when the action starts, so 100k need no list in the window), or every
    result of a search under that filter (``search``: Ctrl+A while searching)."""

    ids: tuple[int, ...] = ()
    all_of: ThreadFilter | None = None
    search: str | None = None


@dataclass
class BulkRun:
    """One bulk action as it goes: how far, what changed, and how to undo it."""

    total: int = 0
    done: int = 0
    changed: set[int] = field(default_factory=set)
    undo: list[Item] = field(default_factory=list)
    due_while_asleep: int = 0  # snoozed past the 24-hour deadline of an owed answer


@dataclass(frozen=True, slots=True)
class _Msg:
    relay_id: str | None
    direction: Direction
    keywords: frozenset[str]


class Bulk:
    def __init__(self, store: Store, worker: StoreWorker) -> None:
        self.store = store
        self.worker = worker

    def resolve(self, selection: Selection) -> list[int]:
        """The conversations a selection means now (a reader thread's work)."""
        if selection.all_of is None:
            return list(selection.ids)
        from app.storage import threads

        with self.store.read() as conn:

            def run(sql: str, p: Sequence[Any]) -> Any:
                return conn.exec_driver_sql(sql, tuple(p))

            if selection.search is not None:
                return threads.search_ids(run, selection.search, selection.all_of)
            return threads.ids(run, selection.all_of)

    async def triage(
        self, run: BulkRun, ids: Sequence[int], kind: Keyword, on: bool, progress: Progress
    ) -> None:
        await self._chunks(
            run, ids, lambda conn, chunk: self._triage(conn, chunk, kind, on), progress
        )

    async def snooze(
        self,
        run: BulkRun,
        ids: Sequence[int],
        until: datetime | None,
        kind: SnoozeKind,
        reason: str | None,
        progress: Progress,
    ) -> None:
        def step(conn: Connection, chunk: Sequence[int]) -> tuple[list[Item], list[Item], int]:
            return _snooze(conn, chunk, until, kind, reason)

        await self._chunks(run, ids, step, progress)

    async def undo(self, run: BulkRun, progress: Progress) -> None:
        """Put back what ``run`` changed (newest change last, so it wins)."""
        items = list(run.undo)
        run.undo = []
        total = len(items)
        for start in range(0, total, CHUNK * 2):
            await self.worker.call(self._record, items[start : start + CHUNK * 2])
            progress(min(start + CHUNK * 2, total), total)

    async def _chunks(
        self,
        run: BulkRun,
        ids: Sequence[int],
        step: Callable[[Connection, Sequence[int]], tuple[list[Item], list[Item], int]],
        progress: Progress,
    ) -> None:
        run.total = len(ids)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            undo, due = await self.worker.call(self._write, chunk, step)
            run.undo.extend(undo)
            run.due_while_asleep += due
            run.changed.update(chunk)
            run.done = start + len(chunk)
            progress(run.done, run.total)

    def _write(
        self,
        chunk: Sequence[int],
        step: Callable[[Connection, Sequence[int]], tuple[list[Item], list[Item], int]],
    ) -> tuple[list[Item], int]:
        with self.store.write() as conn:
            items, undo, due = step(conn, chunk)
            record(conn, items)
        return undo, due

    def _record(self, items: list[Item]) -> None:
        with self.store.write() as conn:
            record(conn, items)

    @staticmethod
    def _triage(
        conn: Connection, chunk: Sequence[int], kind: Keyword, on: bool
    ) -> tuple[list[Item], list[Item], int]:
        items: list[Item] = []
        undo: list[Item] = []
        for msgs in _messages(conn, chunk).values():
            done, back = effective(patches(kind, on, msgs), msgs)
            items += [("Message", r, keyword_patch(p)) for r, p in done]
            undo += [("Message", r, keyword_patch(p)) for r, p in back]
        return items, undo, 0


def _messages(conn: Connection, chunk: Sequence[int]) -> dict[int, list[_Msg]]:
    m = schema.messages.c
    rows = conn.execute(
        select(m.conversation_id, m.relay_id, m.direction, m.keywords)
        .where(m.conversation_id.in_(list(chunk)))
        .order_by(m.conversation_id, m.received_at, m.id)
    )
    found: dict[int, list[_Msg]] = {}
    for cid, relay_id, direction, keywords in rows:
        found.setdefault(cid, []).append(
            _Msg(relay_id, Direction(direction), frozenset(keywords.split()))
        )
    return found


def _snooze(
    conn: Connection,
    chunk: Sequence[int],
    until: datetime | None,
    kind: SnoozeKind,
    reason: str | None,
) -> tuple[list[Item], list[Item], int]:
    from app.domain import RESPONSE_WINDOW

    c = schema.conversations.c
    rows = conn.execute(
        select(
            c.relay_id, c.needs_response, c.awaiting_since,
            c.snooze_kind, c.snoozed_until, c.snooze_reason,
        ).where(c.id.in_(list(chunk)), c.relay_id.is_not(None))
    )  # fmt: skip
    new = snooze_patch(until, kind, reason)
    plan = Snooze(kind, datetime.now(UTC), until)
    items: list[Item] = []
    undo: list[Item] = []
    due = 0
    for relay_id, owed, since, old_kind, old_until, old_reason in rows:
        items.append(("Conversation", relay_id, new))
        before = (
            snooze_patch(old_until, SnoozeKind(old_kind), old_reason)
            if old_kind
            else {"snooze": None}
        )
        undo.append(("Conversation", relay_id, before))
        if owed and since is not None and plan.due_while_asleep(since + RESPONSE_WINDOW):
            due += 1
    return items, undo, due
