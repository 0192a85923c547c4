"""Keep the local store equal to the relay (docs/protocol.md §5 "Sync").

For each type, in reference order: with a stored state, page ``Foo/changes`` until
``hasMoreChanges`` is false, ``Foo/get`` what changed in batches within the session's limits,
and commit the upserts, the deletions *and the new state* in one SQLite transaction — so a
crash anywhere leaves the store at a state it can resume from. Without a state, or when the
relay answers ``cannotCalculateChanges``, a full resync lists every id, fetches them, drops
what the relay no longer has, then catches up with ``changes`` from the state it started at.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.services import sync_mapping as m
from app.services.local_changes import LocalChanges, reapply_pending
from app.services.relay_client import MethodError, RelayClient
from app.services.store_worker import StoreWorker
from app.storage import writes
from app.storage.schema import (
    BuyerRow,
    ConversationRow,
    MarketplaceRow,
    MessageRow,
    OrderRow,
    ResponseMetricsRow,
)
from app.storage.store import Store

TYPES = ("Marketplace", "Buyer", "Order", "Conversation", "Message")
QUERY_PAGE = 500
_BY_ID = {"property": "id", "isAscending": True}
_NEWEST_FIRST = {
    "Conversation": {"property": "lastActivity", "isAscending": False},
    "Message": {"property": "receivedAt", "isAscending": False},
}
_METRICS = cast(Table, ResponseMetricsRow.__table__)

_TABLES: dict[str, Table] = {
    "Buyer": cast(Table, BuyerRow.__table__),
    "Order": cast(Table, OrderRow.__table__),
    "Conversation": cast(Table, ConversationRow.__table__),
    "Message": cast(Table, MessageRow.__table__),
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
    ) -> None:
        self.client = client
        self.store = store
        self.worker = worker
        self.local_changes = local_changes

    async def sync(self) -> SyncReport:
        report = SyncReport()
        requests0, bytes0 = self.client.requests_made, self.client.bytes_received
        if self.client.session is None:
            await self.client.connect()
        if self.local_changes is not None:
            # The seller's own edits go first, so the changes we fetch already include them.
            await self.local_changes.flush(self.client)
        states = await self.worker.call(self._load_states)
        first = await self._changes_at_once(states)
        for type_name in TYPES:
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
        if state is None:
            state = await self._full_resync(type_name, report)
        session = self.client.session
        assert session is not None
        while True:
            if first is not None:
                changes, first = first, None
            else:
                try:
                    changes = await self.client.call_one(
                        f"{type_name}/changes",
                        {"sinceState": state, "maxChanges": session.max_changes},
                    )
                except MethodError as exc:
                    if exc.type not in ("cannotCalculateChanges", "invalidArguments"):
                        raise
                    state = await self._full_resync(type_name, report)
                    continue
            if not (changes["created"] or changes["updated"] or changes["destroyed"]) and (
                not changes["hasMoreChanges"]
            ):
                if str(changes["newState"]) != state:
                    await self.worker.call(self._apply, type_name, [], [], str(changes["newState"]))
                return
            changed = list(dict.fromkeys(changes["created"] + changes["updated"]))
            objects = await self._get(type_name, changed)
            await self._resolve_references(type_name, objects)
            new_state = str(changes["newState"])
            destroyed = list(changes["destroyed"])
            await self.worker.call(self._apply, type_name, objects, destroyed, new_state)
            report.of(type_name).upserted += len(objects)
            report.of(type_name).destroyed += len(destroyed)
            state = new_state
            if not changes["hasMoreChanges"]:
                return

    async def _full_resync(self, type_name: str, report: SyncReport) -> str:
        """List and fetch everything of a type; returns the state to catch up from.

        Page by page: each page of ids is fetched and committed before the next is listed,
        newest conversations and messages first, so the top of a large inbox is usable long
        before the whole mailbox has arrived. Anything that moves while we page was changed
        after the remembered state and comes back through the catch-up ``changes``."""
        report.of(type_name).full_resync = True
        seen: set[str] = set()
        state: str | None = None
        position = 0
        while True:
            page = await self.client.call_one(
                f"{type_name}/query",
                {
                    "sort": [_NEWEST_FIRST.get(type_name, _BY_ID)],
                    "position": position,
                    "limit": QUERY_PAGE,
                },
            )
            state = state or str(page["queryState"])
            fresh = [i for i in page["ids"] if i not in seen]
            seen.update(fresh)
            objects = await self._get(type_name, fresh)
            await self._resolve_references(type_name, objects)
            await self.worker.call(self._apply, type_name, objects, [], None)
            report.of(type_name).upserted += len(objects)
            position += len(page["ids"])
            if len(page["ids"]) < QUERY_PAGE:
                break
        await self.worker.call(self._finish_full, type_name, seen, state)
        return state

    def _batch_size(self) -> int:
        session = self.client.session
        return session.max_objects_in_get if session else 500

    async def _get(self, type_name: str, ids: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        batch = self._batch_size()
        for start in range(0, len(ids), batch):
            got = await self.client.call_one(
                f"{type_name}/get", {"ids": ids[start : start + batch]}
            )
            out.extend(got["list"])
        return out

    async def _resolve_references(self, type_name: str, objects: list[dict[str, Any]]) -> None:
        """Fetch what these objects point at but the store lacks (created on the relay between
        our calls for the earlier type), without touching that type's sync state."""
        needs = {
            "Order": [("Buyer", "buyerId")],
            "Conversation": [("Buyer", "buyerId"), ("Order", "orderId")],
            "Message": [("Conversation", "conversationId")],
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
    ) -> None:
        with self.store.write() as conn:
            _APPLY[type_name](conn, objects)
            if destroyed:
                _destroy(conn, type_name, destroyed)
            if type_name in ("Message", "Marketplace"):
                reapply_pending(conn, type_name)
            if new_state is not None:
                writes.save_sync_state(conn, type_name, new_state, datetime.now(UTC))

    def _have_metrics(self) -> bool:
        with self.store.read() as conn:
            return conn.execute(select(_METRICS.c.marketplace_id).limit(1)).first() is not None

    def _store_metrics(self, objects: list[dict[str, Any]]) -> None:
        with self.store.write() as conn:
            known = {r for (r,) in conn.execute(select(MarketplaceRow.__table__.c.id))}
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
                table = cast(Table, MarketplaceRow.__table__)
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


_APPLY = {
    "Marketplace": _apply_marketplaces,
    "Buyer": _apply_buyers,
    "Order": _apply_orders,
    "Conversation": _apply_conversations,
    "Message": _apply_messages,
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
