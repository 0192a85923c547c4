"""Changes the seller makes (read/unread, flag, "no response needed", snooze, the messaging
switch and vacation window): applied to the local store at once, queued, and sent to the relay as JMAP
patches when it is reachable — the window never waits for the network and works offline.

A queued patch is re-applied after every sync until the relay has confirmed it, so a sync
that raced the change cannot flip the seller's click back.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from app.domain.snooze import SnoozeKind
from app.services.relay_client import MethodError, RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync_mapping import snooze_columns
from app.storage import schema, writes
from app.storage.store import Store

_pending = schema.pending_changes
_messages = schema.messages
_marketplaces = schema.marketplaces
_conversations = schema.conversations

KEYWORDS = ("$seen", "$flagged", "$answered", "$noResponseNeeded")
# The types queued here; templates and notes share the table (app.services.shared_edits).
TYPES = ("Message", "Marketplace", "Conversation")
_MARKETPLACE_FIELDS = {
    "messagingEnabled": "messaging_enabled",
    "vacationFrom": "vacation_from",
    "vacationUntil": "vacation_until",
}


class LocalChanges:
    def __init__(self, store: Store, worker: StoreWorker) -> None:
        self.store = store
        self.worker = worker

    # --- seller actions (return at once; the relay hears of them on the next flush) --------

    async def set_keywords(self, message_relay_id: str, changes: dict[str, bool]) -> None:
        unknown = set(changes) - set(KEYWORDS)
        if unknown:
            raise ValueError(f"unknown keywords: {sorted(unknown)}")
        await self.worker.call(self._record, "Message", message_relay_id, keyword_patch(changes))

    async def set_messaging(
        self,
        marketplace_id: str,
        *,
        enabled: bool | None = None,
        vacation: tuple[datetime | None, datetime | None] | None = None,
    ) -> None:
        patch: dict[str, Any] = {}
        if enabled is not None:
            patch["messagingEnabled"] = enabled
        if vacation is not None:
            start, until = vacation
            if start is not None and until is not None and until <= start:
                raise ValueError("the vacation must end after it starts")
            patch["vacationFrom"] = _iso(start)
            patch["vacationUntil"] = _iso(until)
        if patch:
            await self.worker.call(self._record, "Marketplace", marketplace_id, patch)

    async def set_snooze(
        self,
        conversation_relay_id: str,
        *,
        until: datetime | None,
        kind: SnoozeKind = SnoozeKind.SNOOZE,
        reason: str | None = None,
    ) -> None:
        """Snooze a conversation until `until` (None: until the buyer replies)."""
        patch = snooze_patch(until, kind, reason)
        await self.worker.call(self._record, "Conversation", conversation_relay_id, patch)

    async def wake(self, conversation_relay_id: str) -> None:
        await self.worker.call(
            self._record, "Conversation", conversation_relay_id, {"snooze": None}
        )

    def _record(self, type_name: str, relay_id: str, patch: dict[str, Any]) -> None:
        with self.store.write() as conn:
            record(conn, [(type_name, relay_id, patch)])

    # --- talking to the relay ----------------------------------------------------------

    async def flush(self, client: RelayClient) -> int:
        """Send every queued patch, in batches the relay accepts (at most its
        maxObjectsInSet updates a call, maxCallsInRequest calls a request: a bulk action
        over thousands of conversations takes several); returns how many the relay took."""
        queued = await self.worker.call(self._queued)
        if not queued:
            return 0
        session = client.session
        per_call = session.max_objects_in_set if session else 100
        per_request = session.max_calls_in_request if session else 16
        taken = 0
        for batch in _batches(queued, per_call, per_request):
            taken += await self._send(client, batch)
        return taken

    async def _send(self, client: RelayClient, batch: list[_Call]) -> int:
        calls = [(f"{t}/set", {"update": update}) for t, update, _items in batch]
        answers = await client.call(calls, raise_errors=False)
        refused: dict[tuple[str, str], str] = {}
        for (name, _args), (answer, result) in zip(calls, answers, strict=True):
            type_name = name.split("/")[0]
            if answer == "error":
                raise MethodError(name, result)
            for relay_id, err in (result.get("notUpdated") or {}).items():
                refused[(type_name, relay_id)] = str(err.get("description") or err.get("type"))
        sent = [q for _t, _u, items in batch for q in items]
        await self.worker.call(self._settle, [q[0] for q in sent], sent, refused)
        return len(sent) - sum(1 for q in sent if (q[1], q[2]) in refused)

    def _queued(self) -> list[Queued]:
        with self.store.read() as conn:
            rows = conn.execute(
                select(
                    _pending.c.id, _pending.c.type_name, _pending.c.relay_id, _pending.c.patch_json
                )
                .where(_pending.c.type_name.in_(TYPES), _pending.c.error.is_(None))
                .order_by(_pending.c.id)
            )
            return [(i, t, r, json.loads(p)) for i, t, r, p in rows]

    def _settle(
        self,
        ids: list[int],
        queued: list[Queued],
        refused: dict[tuple[str, str], str],
    ) -> None:
        with self.store.write() as conn:
            for item_id, type_name, relay_id, _patch in queued:
                reason = refused.get((type_name, relay_id))
                if reason is None:
                    conn.execute(delete(_pending).where(_pending.c.id == item_id))
                else:  # kept for the window to show; the next sync restores the relay's truth
                    conn.execute(
                        update(_pending)
                        .where(_pending.c.id == item_id)
                        .values(error=reason, attempts=_pending.c.attempts + 1)
                    )

    def pending_count(self) -> int:
        with self.store.read() as conn:
            return len(conn.execute(select(_pending.c.id).where(_pending.c.error.is_(None))).all())


def keyword_patch(changes: dict[str, bool]) -> dict[str, Any]:
    """{keyword: on} as a Message/set patch."""
    return {f"keywords/{k}": (True if on else None) for k, on in changes.items()}


def snooze_patch(
    until: datetime | None, kind: SnoozeKind = SnoozeKind.SNOOZE, reason: str | None = None
) -> dict[str, Any]:
    """A snooze (until None: until the buyer replies) as a Conversation/set patch."""
    if kind is SnoozeKind.FOLLOW_UP and until is None:
        raise ValueError("a follow-up needs a time")
    return {"snooze": {"kind": kind.value, "until": _iso(until), "reason": reason or None}}


Queued = tuple[int, str, str, dict[str, Any]]  # queue id, type, relay id, patch
_Call = tuple[str, dict[str, dict[str, Any]], list[Queued]]  # type, its update, the items


def _batches(queued: list[Queued], per_call: int, per_request: int) -> list[list[_Call]]:
    """The queue as requests of set calls: one object's patches merged in queue order, at
    most ``per_call`` objects a call and ``per_request`` calls a request."""
    calls: list[_Call] = []
    for type_name in TYPES:
        update: dict[str, dict[str, Any]] = {}
        items: list[Queued] = []
        for q in queued:
            if q[1] != type_name:
                continue
            if q[2] not in update and len(update) == per_call:
                calls.append((type_name, update, items))
                update, items = {}, []
            update.setdefault(q[2], {}).update(q[3])
            items.append(q)
        if update:
            calls.append((type_name, update, items))
    return [calls[i : i + per_request] for i in range(0, len(calls), per_request)]


def record(conn: Connection, items: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Apply (type, relay id, patch) changes to the store and queue them for the relay, in
    the caller's transaction; the thread list's columns are recomputed once at the end."""
    now = datetime.now(UTC)
    touched: set[int] = set()
    _apply_many(conn, items, touched)
    if items:
        conn.execute(
            _pending.insert(),
            [
                dict(type_name=t, relay_id=r, patch_json=json.dumps(p), attempts=0, created_at=now)
                for t, r, p in items
            ],
        )
    writes.refresh_threads(conn, touched)


def reapply_pending(conn: Connection, type_name: str) -> None:
    """After a sync wrote the relay's view: put the seller's unconfirmed changes back on top."""
    rows = conn.execute(
        select(_pending.c.relay_id, _pending.c.patch_json)
        .where(_pending.c.type_name == type_name, _pending.c.error.is_(None))
        .order_by(_pending.c.id)
    )
    touched: set[int] = set()
    _apply_many(conn, [(type_name, r, json.loads(p)) for r, p in rows.all()], touched)
    writes.refresh_threads(conn, touched)


_BATCH = 500  # relay ids an IN list (SQLite's bound-parameter limit)


def _apply_many(
    conn: Connection, items: list[tuple[str, str, dict[str, Any]]], touched: set[int]
) -> None:
    """Many patches at once: the messages' keywords read and written in batches and the
    conversations' snoozes in one executemany (a bulk action patches thousands); the
    marketplaces one by one. Later patches of one object win, as one by one."""
    keywords = [(r, p) for t, r, p in items if t == "Message"]
    for start in range(0, len(keywords), _BATCH):
        _apply_keywords(conn, keywords[start : start + _BATCH], touched)
    snoozes = [(r, p) for t, r, p in items if t == "Conversation"]
    if snoozes:
        since = _iso(datetime.now(UTC))
        c = _conversations.c
        values = {n: bindparam(f"v_{n}", type_=c[n].type) for n in snooze_columns(None)}
        conn.execute(
            update(_conversations).where(c.relay_id == bindparam("v_relay_id")).values(values),
            [
                {"v_relay_id": r, **{f"v_{k}": v for k, v in _snooze_values(p, since).items()}}
                for r, p in snoozes
            ],
        )
    for type_name, relay_id, patch in items:
        if type_name == "Marketplace":
            _apply_marketplace(conn, relay_id, patch)


def _apply_keywords(
    conn: Connection, patches: list[tuple[str, dict[str, Any]]], touched: set[int]
) -> None:
    m = _messages.c
    found = conn.execute(
        select(m.relay_id, m.id, m.conversation_id, m.keywords).where(
            m.relay_id.in_({r for r, _p in patches})
        )
    ).all()
    rows = {r.relay_id: (r.id, r.conversation_id, set(r.keywords.split())) for r in found}
    changed: dict[int, set[str]] = {}
    for relay_id, patch in patches:
        if (row := rows.get(relay_id)) is None:
            continue
        message_id, conversation_id, words = row
        for path, value in patch.items():
            keyword = path.removeprefix("keywords/")
            if value:
                words.add(keyword)
            else:
                words.discard(keyword)
        changed[message_id] = words
        touched.add(conversation_id)
    if changed:
        conn.execute(
            update(_messages).where(m.id == bindparam("v_id")).values(keywords=bindparam("v_kw")),
            [{"v_id": i, "v_kw": " ".join(sorted(w))} for i, w in changed.items()],
        )


def _snooze_values(patch: dict[str, Any], since: str | None) -> dict[str, Any]:
    snooze = patch.get("snooze")
    if snooze is not None and "since" not in snooze:
        # Until the relay answers with its own start, the moment of the click.
        snooze = {**snooze, "since": since}
    return snooze_columns(snooze)


def _apply_marketplace(conn: Connection, relay_id: str, patch: dict[str, Any]) -> None:
    values = {}
    for key, value in patch.items():
        column = _MARKETPLACE_FIELDS[key]
        if column.startswith("vacation"):
            value = None if value is None else datetime.fromisoformat(value)
        values[column] = value
        conn.execute(update(_marketplaces).where(_marketplaces.c.id == relay_id).values(**values))


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
