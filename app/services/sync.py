"""Keep the local store equal to the relay (docs/protocol.md §5 "Sync").

For each type, in reference order: with a stored state, page ``Foo/changes`` until
``hasMoreChanges`` is false, ``Foo/get`` what changed in batches within the session's limits,
and commit the upserts, the deletions *and the new state* in one SQLite transaction — so a
crash anywhere leaves the store at a state it can resume from. When the relay answers
``cannotCalculateChanges``, a full resync lists every id, fetches them, drops what the relay
no longer has, then catches up with ``changes`` from the state it started at.

The first sync of an empty profile (docs/services.md "Initial sync") makes the newest
``HEAD`` conversations complete first (with their buyers, orders and messages), then takes
everything as ``changes`` from the relay's initial state "0": the change log is an index the
relay pages in constant time, and each batch commits its state, so a sync killed midway
resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.services import shared_edits
from app.services import sync_mapping as m
from app.services.local_changes import TYPES as LOCAL_TYPES
from app.services.local_changes import LocalChanges, reapply_pending
from app.services.relay_client import MethodError, RelayClient
from app.services.store_worker import StoreWorker
from app.storage import schema, writes
from app.storage.store import Store

TYPES = ("Marketplace", "Buyer", "Order", "Conversation", "Message", "Template", "Note")
# Types an older relay may not offer (answers unknownMethod): synced when it does.
OPTIONAL = frozenset({"Template", "Note"})
QUERY_PAGE = 500
HEAD = 1000  # newest conversations made complete first on an initial sync
# Rounds (a `changes` or `query` and the `get`s of its ids by back-reference) per request,
# and `get`s per request elsewhere: ~2,000 objects a round trip keeps a 1M-message sync to
# ~500 requests, well inside the relay's rate limit, and each batch a short transaction.
ROUNDS_PER_REQUEST = 4
INITIAL = "0"  # the relay's state before anything: `changes` from it lists every object
_HEAD_PENDING = "initial:head"  # sync_states key: the initial sync's head is still to fetch
_SYNC_STATES = schema.sync_states
_BY_ID = {"property": "id", "isAscending": True}
_NEWEST_FIRST = {
    "Conversation": {"property": "lastActivity", "isAscending": False},
    "Message": {"property": "receivedAt", "isAscending": False},
}
_METRICS = schema.response_metrics

_TABLES: dict[str, Table] = {
    "Buyer": schema.buyers,
    "Order": schema.orders,
    "Conversation": schema.conversations,
    "Message": schema.messages,
    "Template": schema.templates,
    "Note": schema.notes,
}


@dataclass
class TypeReport:
    upserted: int = 0
    destroyed: int = 0
    full_resync: bool = False


@dataclass
class SyncReport:
    types: dict[str, TypeReport] = field(default_factory=dict)
    requests: int = 0
    bytes_received: int = 0

    def of(self, type_name: str) -> TypeReport:
        return self.types.setdefault(type_name, TypeReport())

    @property
    def changed(self) -> int:
        return sum(t.upserted + t.destroyed for t in self.types.values())


class SyncEngine:
    def __init__(
        self,
        client: RelayClient,
        store: Store,
        worker: StoreWorker,
        local_changes: LocalChanges | None = None,
        *,
        head: int = HEAD,
    ) -> None:
        self.client = client
        self.store = store
        self.worker = worker
        self.local_changes = local_changes
        self.head = head

    async def sync(self) -> SyncReport:
        report = SyncReport()
        requests0, bytes0 = self.client.requests_made, self.client.bytes_received
        if self.client.session is None:
            await self.client.connect()
        if self.local_changes is not None:
            # The seller's own edits go first, so the changes we fetch already include them.
            await self.local_changes.flush(self.client)
        await shared_edits.push(self.client, self.store, self.worker)  # templates and notes
        states = await self.worker.call(self._load_states)
        if not any(t in states for t in TYPES):
            states = await self.worker.call(self._start_initial)
        first = await self._changes_at_once(states)
        for type_name in TYPES:
            if type_name == "Buyer" and _HEAD_PENDING in states:  # right after marketplaces
                await self._head(report)
            await self._sync_type(type_name, states.get(type_name), report, first.get(type_name))
        metrics_stale = any(
            report.of(t).upserted or report.of(t).destroyed for t in ("Marketplace", "Message")
        )
        if metrics_stale or not await self.worker.call(self._have_metrics):
            got = await self.client.call_one("ResponseMetrics/get", {"ids": None})
            await self.worker.call(self._store_metrics, got["list"])
        report.requests = self.client.requests_made - requests0
        report.bytes_received = self.client.bytes_received - bytes0
        return report

    def _load_states(self) -> dict[str, str]:
        with self.store.read() as conn:
            return writes.load_sync_states(conn)

    def _start_initial(self) -> dict[str, str]:
        """A profile that never synced: when it holds none of the relay's rows, every type
        starts at the relay's initial state (``changes`` from there is the whole mailbox, in
        pages the relay finds by index), and the head is marked to fetch first. A profile
        with rows but no states (an older build's interrupted first sync) resyncs in full."""
        tables = [schema.marketplaces, *_TABLES.values()]
        with self.store.write() as conn:
            for table in tables:
                column = table.c.id if table is tables[0] else table.c.relay_id
                if conn.execute(select(column).where(column.is_not(None)).limit(1)).first():
                    return {}
            states = {t: INITIAL for t in TYPES} | {_HEAD_PENDING: "1"}
            for key, state in states.items():
                writes.save_sync_state(conn, key, state, datetime.now(UTC))
        return states

    async def _head(self, report: SyncReport) -> None:
        """The newest ``self.head`` conversations, their buyers and orders and every one of
        their messages, committed page by page: the top of the inbox is usable within
        seconds, long before the rest of a large mailbox has arrived. (``changes`` brings
        them again later: ~1% of a large mailbox, and no bookkeeping to get wrong.)"""
        session = self.client.session
        assert session is not None
        page = min(QUERY_PAGE, session.max_objects_in_get)
        for position in range(0, self.head, page):
            q, got = await self.client.call(
                [
                    (
                        "Conversation/query",
                        {
                            "sort": [_NEWEST_FIRST["Conversation"]],
                            "position": position,
                            "limit": min(page, self.head - position),
                        },
                    ),
                    ("Conversation/get", _ids_of("c0", "Conversation/query")),
                ]
            )
            conversations = got[1]["list"]
            await self._resolve_references("Conversation", conversations)
            await self.worker.call(self._apply, "Conversation", conversations, [], None)
            messages = await self._get("Message", await self._message_ids(conversations))
            await self._resolve_references("Message", messages)
            last = len(q[1]["ids"]) < page or position + page >= self.head
            await self.worker.call(self._apply, "Message", messages, [], None, last)
            report.of("Conversation").upserted += len(conversations)
            report.of("Message").upserted += len(messages)
            if last:
                return
        await self.worker.call(self._apply, "Message", [], [], None, True)  # head == 0

    async def _message_ids(self, conversations: list[dict[str, Any]]) -> list[str]:
        """Every message id of these conversations: one ``Message/query`` per conversation,
        as many per request as the session allows."""
        session = self.client.session
        assert session is not None
        out: list[str] = []
        todo = [(c["id"], 0) for c in conversations]
        while todo:
            batch, todo = todo[: session.max_calls_in_request], todo[session.max_calls_in_request :]
            answers = await self.client.call(
                [
                    (
                        "Message/query",
                        {"filter": {"conversationId": cid}, "position": pos, "limit": QUERY_PAGE},
                    )
                    for cid, pos in batch
                ]
            )
            for (cid, pos), (_name, args) in zip(batch, answers, strict=True):
                out.extend(args["ids"])
                if len(args["ids"]) == QUERY_PAGE:  # a long conversation: its next page
                    todo.append((cid, pos + QUERY_PAGE))
        return out

    async def _changes_at_once(self, states: dict[str, str]) -> dict[str, dict[str, Any]]:
        """Ask every type for its changes in one request: with nothing new, that request is
        the whole sync. Types that failed (e.g. cannotCalculateChanges) are left out."""
        session = self.client.session
        assert session is not None
        known = [t for t in TYPES if t in states]
        if not known:
            return {}
        answers = await self.client.call(
            [
                (f"{t}/changes", {"sinceState": states[t], "maxChanges": session.max_changes})
                for t in known
            ],
            raise_errors=False,
        )
        return {t: args for t, (name, args) in zip(known, answers, strict=True) if name != "error"}

    async def _sync_type(
        self,
        type_name: str,
        state: str | None,
        report: SyncReport,
        first: dict[str, Any] | None = None,
    ) -> None:
        """``changes`` from ``state`` to the end. Each request carries several rounds (each
        round's ``get``s take its ids by back-reference); while one batch is being written,
        the next is on the wire; each commits with its state."""
        if state is None:
            try:
                state = await self._full_resync(type_name, report)
            except MethodError as exc:
                if exc.type == "unknownMethod" and type_name in OPTIONAL:
                    return  # an older relay: nothing of this type to keep
                raise
        if first is not None:
            batch = _Batch()
            changed = list(dict.fromkeys(first["created"] + first["updated"]))
            batch.add(first, await self._get(type_name, changed))
            if batch.objects or batch.destroyed or batch.state != state:
                await self._write(type_name, batch, report)
            if not batch.more:
                return
            state = batch.state
        pending: asyncio.Future[None] | None = None
        try:
            while True:
                try:
                    batch = await self._changes_rounds(type_name, state)
                except MethodError as exc:
                    if exc.type == "unknownMethod" and type_name in OPTIONAL:
                        break  # an older relay: nothing of this type to keep
                    if exc.type not in ("cannotCalculateChanges", "invalidArguments"):
                        raise
                    if pending is not None:
                        await pending
                        pending = None
                    state = await self._full_resync(type_name, report)
                    continue
                if not batch.objects and not batch.destroyed and batch.state == state:
                    break
                await self._resolve_references(type_name, list(batch.objects.values()))
                if pending is not None:
                    await pending
                pending = asyncio.ensure_future(self._write(type_name, batch, report))
                state = batch.state
                if not batch.more:
                    break
        finally:
            if pending is not None:
                # The write runs on in the worker regardless; let it land first.
                await asyncio.wait([pending])
        if pending is not None:
            pending.result()

    async def _write(self, type_name: str, batch: _Batch, report: SyncReport) -> None:
        objects = list(batch.objects.values())
        destroyed = sorted(batch.destroyed)
        await self.worker.call(self._apply, type_name, objects, destroyed, batch.state)
        report.of(type_name).upserted += len(objects)
        report.of(type_name).destroyed += len(destroyed)

    async def _changes_rounds(self, type_name: str, state: str) -> _Batch:
        """Up to ``ROUNDS_PER_REQUEST`` pages of ``changes`` in one request, each round
        starting at the previous one's ``newState``, with ``get``s of what they list."""
        session = self.client.session
        assert session is not None
        per_round = min(session.max_changes, session.max_objects_in_get)
        rounds = max(1, min(ROUNDS_PER_REQUEST, session.max_calls_in_request // 3))
        name = f"{type_name}/changes"
        calls: list[tuple[str, dict[str, Any]]] = []
        for k in range(rounds):
            since: dict[str, Any] = (
                {"sinceState": state}
                if k == 0
                else {"#sinceState": _changes_ref(f"c{3 * (k - 1)}", type_name, "/newState")}
            )
            calls.append((name, {**since, "maxChanges": per_round}))
            for path in ("/created", "/updated"):
                calls.append(
                    (f"{type_name}/get", {"#ids": _changes_ref(f"c{3 * k}", type_name, path)})
                )
        answers = await self.client.call(calls)
        batch = _Batch()
        for k in range(rounds):
            batch.add(answers[3 * k][1], answers[3 * k + 1][1]["list"])
            batch.add(answers[3 * k][1] | {"destroyed": []}, answers[3 * k + 2][1]["list"])
            if not batch.more:
                break
        return batch

    async def _full_resync(self, type_name: str, report: SyncReport) -> str:
        """List and fetch everything of a type; returns the state to catch up from.

        Newest conversations and messages first, several query pages per request (each with
        a ``get`` of its ids by back-reference). Anything that moves while we page was
        changed after the remembered state and comes back through the catch-up ``changes``.
        """
        report.of(type_name).full_resync = True
        session = self.client.session
        assert session is not None
        seen: set[str] = set()
        state: str | None = None
        position = 0
        page = min(QUERY_PAGE, session.max_objects_in_get)
        rounds = max(1, min(ROUNDS_PER_REQUEST, session.max_calls_in_request // 2))
        sort = [_NEWEST_FIRST.get(type_name, _BY_ID)]
        query = f"{type_name}/query"
        done = False
        while not done:
            calls: list[tuple[str, dict[str, Any]]] = []
            for k in range(rounds):
                args = {"sort": sort, "position": position + k * page, "limit": page}
                calls += [(query, args), (f"{type_name}/get", _ids_of(f"c{2 * k}", query))]
            answers = await self.client.call(calls)
            objects: dict[str, dict[str, Any]] = {}
            for k in range(rounds):
                listed = answers[2 * k][1]
                state = state or str(listed["queryState"])
                position += len(listed["ids"])
                objects.update((o["id"], o) for o in answers[2 * k + 1][1]["list"])
                if len(listed["ids"]) < page:
                    done = True
                    break
            batch = [o for i, o in objects.items() if i not in seen]
            seen.update(objects)
            await self._resolve_references(type_name, batch)
            await self.worker.call(self._apply, type_name, batch, [], None)
            report.of(type_name).upserted += len(batch)
        assert state is not None
        await self.worker.call(self._finish_full, type_name, seen, state)
        return state

    def _batch_size(self) -> int:
        session = self.client.session
        return session.max_objects_in_get if session else 500

    async def _get(self, type_name: str, ids: list[str]) -> list[dict[str, Any]]:
        """Objects by id: ``get``s of the session's batch size, several per request."""
        out: list[dict[str, Any]] = []
        batch = self._batch_size()
        per_request = batch * ROUNDS_PER_REQUEST
        for start in range(0, len(ids), per_request):
            chunk = ids[start : start + per_request]
            answers = await self.client.call(
                [
                    (f"{type_name}/get", {"ids": chunk[i : i + batch]})
                    for i in range(0, len(chunk), batch)
                ]
            )
            for _name, got in answers:
                out.extend(got["list"])
        return out

    async def _resolve_references(self, type_name: str, objects: list[dict[str, Any]]) -> None:
        """Fetch what these objects point at but the store lacks (created on the relay between
        our calls for the earlier type), without touching that type's sync state."""
        needs = {
            "Order": [("Buyer", "buyerId")],
            "Conversation": [("Buyer", "buyerId"), ("Order", "orderId")],
            "Message": [("Conversation", "conversationId")],
            "Note": [("Conversation", "conversationId")],
        }.get(type_name, [])
        for ref_type, key in needs:
            wanted = {o[key] for o in objects if o.get(key)}
            if not wanted:
                continue
            known = await self.worker.call(self._known, ref_type, wanted)
            missing = sorted(wanted - known)
            if missing:
                fetched = await self._get(ref_type, missing)
                await self._resolve_references(ref_type, fetched)
                await self.worker.call(self._apply, ref_type, fetched, [], None)

    def _known(self, type_name: str, relay_ids: set[str]) -> set[str]:
        with self.store.read() as conn:
            return set(writes.local_ids(conn, _TABLES[type_name], relay_ids))

    # --- on the store worker -----------------------------------------------------------

    def _apply(
        self,
        type_name: str,
        objects: list[dict[str, Any]],
        destroyed: list[str],
        new_state: str | None,
        head_done: bool = False,
    ) -> None:
        with self.store.write() as conn:
            _APPLY[type_name](conn, objects)
            if destroyed:
                _destroy(conn, type_name, destroyed)
            if type_name in LOCAL_TYPES:
                reapply_pending(conn, type_name)
            elif type_name in shared_edits.TYPES:
                shared_edits.reapply(conn, type_name)
            if new_state is not None:
                writes.save_sync_state(conn, type_name, new_state, datetime.now(UTC))
            if head_done:
                conn.execute(_SYNC_STATES.delete().where(_SYNC_STATES.c.type_name == _HEAD_PENDING))

    def _have_metrics(self) -> bool:
        with self.store.read() as conn:
            return conn.execute(select(_METRICS.c.marketplace_id).limit(1)).first() is not None

    def _store_metrics(self, objects: list[dict[str, Any]]) -> None:
        with self.store.write() as conn:
            known = {r for (r,) in conn.execute(select(schema.marketplaces.c.id))}
            for obj in objects:
                if obj.get("marketplaceId") not in known:
                    continue
                row = {
                    "marketplace_id": obj["marketplaceId"],
                    "windows_json": json.dumps(obj.get("windows") or {}),
                    "computed_at": m.parse_time(obj.get("computedAt")) or datetime.now(UTC),
                }
                stmt = sqlite_insert(_METRICS).values(row)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=["marketplace_id"],
                        set_={k: v for k, v in row.items() if k != "marketplace_id"},
                    )
                )

    def _finish_full(self, type_name: str, keep: set[str], state: str) -> None:
        with self.store.write() as conn:
            if type_name == "Marketplace":
                table = schema.marketplaces
                conn.execute(table.delete().where(table.c.id.not_in(keep)))
            else:
                affected = (
                    _conversations_of_messages_not_in(conn, keep)
                    if type_name == ("Message")
                    else []
                )
                writes.delete_relay_rows_not_in(conn, _TABLES[type_name], keep)
                if affected:
                    writes.refresh_threads(conn, affected)
            writes.save_sync_state(conn, type_name, state, datetime.now(UTC))


def _ids_of(call_id: str, query: str) -> dict[str, Any]:
    """``get`` arguments taking their ids from an earlier ``query`` in the same request."""
    return {"#ids": {"resultOf": call_id, "name": query, "path": "/ids"}}


def _changes_ref(call_id: str, type_name: str, path: str) -> dict[str, Any]:
    return {"resultOf": call_id, "name": f"{type_name}/changes", "path": path}


@dataclass
class _Batch:
    """Consecutive ``changes`` rounds merged: what to upsert, what to delete, the state after."""

    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    destroyed: set[str] = field(default_factory=set)
    state: str = ""
    more: bool = False

    def add(self, changes: dict[str, Any], objects: Iterable[dict[str, Any]]) -> None:
        for gone in changes["destroyed"]:
            self.objects.pop(gone, None)
            self.destroyed.add(gone)
        for obj in objects:
            self.objects[obj["id"]] = obj
            self.destroyed.discard(obj["id"])
        self.state = str(changes["newState"])
        self.more = bool(changes["hasMoreChanges"])


def _apply_marketplaces(conn: Connection, objects: list[dict[str, Any]]) -> None:
    for obj in objects:
        writes.upsert_marketplace(conn, m.marketplace(obj))


def _apply_buyers(conn: Connection, objects: list[dict[str, Any]]) -> None:
    writes.upsert_by_relay_id(conn, _TABLES["Buyer"], [m.buyer_row(o) for o in objects])


def _apply_orders(conn: Connection, objects: list[dict[str, Any]]) -> None:
    buyers = writes.local_ids(conn, _TABLES["Buyer"], _refs(objects, "buyerId"))
    rows = [m.order_row(o, buyers) for o in objects]
    writes.upsert_by_relay_id(conn, _TABLES["Order"], rows)


def _apply_conversations(conn: Connection, objects: list[dict[str, Any]]) -> None:
    buyers = writes.local_ids(conn, _TABLES["Buyer"], _refs(objects, "buyerId"))
    orders = writes.local_ids(conn, _TABLES["Order"], _refs(objects, "orderId"))
    rows = [m.conversation_row(o, buyers, orders) for o in objects]
    writes.upsert_by_relay_id(conn, _TABLES["Conversation"], rows)
    # Conversations whose messages we hold get their columns from those messages.
    ids = writes.local_ids(conn, _TABLES["Conversation"], [o["id"] for o in objects])
    writes.refresh_threads(conn, ids.values())


def _apply_messages(conn: Connection, objects: list[dict[str, Any]]) -> None:
    # New rows get local ids in the relay's order (time, then the relay's own id), so two
    # messages of the same instant — a reply and its bounce notice — keep their order even
    # when a resync fetches newest first.
    objects = sorted(objects, key=lambda o: (o["receivedAt"], len(o["id"]), o["id"]))
    conversations = writes.local_ids(
        conn, _TABLES["Conversation"], _refs(objects, "conversationId")
    )
    writes.upsert_by_relay_id(
        conn, _TABLES["Message"], [m.message_row(o, conversations) for o in objects]
    )
    with_attachments = [o for o in objects if o.get("attachments")]
    if with_attachments:
        ids = writes.local_ids(conn, _TABLES["Message"], [o["id"] for o in with_attachments])
        for obj in with_attachments:
            writes.replace_attachments(conn, ids[obj["id"]], m.attachment_rows(obj))
    writes.refresh_threads(conn, {conversations[o["conversationId"]] for o in objects})


def _apply_templates(conn: Connection, objects: list[dict[str, Any]]) -> None:
    writes.upsert_by_relay_id(conn, _TABLES["Template"], [m.template_row(o) for o in objects])


def _apply_notes(conn: Connection, objects: list[dict[str, Any]]) -> None:
    conversations = writes.local_ids(
        conn, _TABLES["Conversation"], _refs(objects, "conversationId")
    )
    rows = [m.note_row(o, conversations) for o in objects if o["conversationId"] in conversations]
    writes.upsert_by_relay_id(conn, _TABLES["Note"], rows)


_APPLY = {
    "Marketplace": _apply_marketplaces,
    "Buyer": _apply_buyers,
    "Order": _apply_orders,
    "Conversation": _apply_conversations,
    "Message": _apply_messages,
    "Template": _apply_templates,
    "Note": _apply_notes,
}


def _refs(objects: Iterable[dict[str, Any]], key: str) -> set[str]:
    return {o[key] for o in objects if o.get(key)}


def _destroy(conn: Connection, type_name: str, relay_ids: list[str]) -> None:
    if type_name == "Marketplace":
        return  # marketplaces are never destroyed on the relay
    affected = _conversations_of_messages(conn, relay_ids) if type_name == "Message" else []
    writes.delete_by_relay_id(conn, _TABLES[type_name], relay_ids)
    if affected:
        writes.refresh_threads(conn, affected)


def _conversations_of_messages(conn: Connection, relay_ids: list[str]) -> list[int]:
    table = _TABLES["Message"]
    rows = conn.execute(
        table.select()
        .with_only_columns(table.c.conversation_id)
        .where(table.c.relay_id.in_(relay_ids))
    )
    return [r[0] for r in rows]


def _conversations_of_messages_not_in(conn: Connection, keep: set[str]) -> list[int]:
    table = _TABLES["Message"]
    rows = conn.execute(
        table.select()
        .with_only_columns(table.c.relay_id, table.c.conversation_id)
        .where(table.c.relay_id.is_not(None))
    )
    return sorted({cid for rid, cid in rows if rid not in keep})
