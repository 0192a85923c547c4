"""Sending exactly once (docs/protocol.md §7).

Send moves the draft into the outbox with a UUIDv7; after the undo window the sender POSTs a
``Submission/set`` with that UUID as both ``Idempotency-Key`` and ``clientSubmissionId``. The
item is marked ``sending`` (committed) *before* the request, so after any crash the next
attempt reuses the same key: the relay either replays its answer or sees the id exists. Network
errors, 409, 429 and 503 are retried with backoff; anything the relay refuses goes to
"needs attention" with the relay's reason, never retried on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, select

from app.domain import OutboxState
from app.services.connectivity import Backoff
from app.services.relay_client import (
    Offline,
    RelayClient,
    RequestRejected,
    RetryLater,
    Unauthorized,
)
from app.services.store_worker import StoreWorker
from app.storage import drafts as store_drafts
from app.storage import schema
from app.storage.drafts import DraftData, OutboxItem
from app.storage.store import Store

DEFAULT_UNDO = timedelta(seconds=10)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class NotOnRelay(Exception):
    """The message refers to something the relay does not know (never synced)."""


class OutboxSender:
    def __init__(
        self,
        client: RelayClient,
        store: Store,
        worker: StoreWorker,
        *,
        undo_window: timedelta = DEFAULT_UNDO,
        clock: Callable[[], datetime] = _utcnow,
        backoff: Backoff | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.worker = worker
        self.undo_window = undo_window
        self.clock = clock
        self.backoff = backoff or Backoff()

    # --- seller actions ----------------------------------------------------------------

    async def send(self, draft_key: str, marketplace_id: str | None = None) -> OutboxItem:
        def write() -> OutboxItem:
            with self.store.write() as conn:
                return store_drafts.enqueue(
                    conn, draft_key, self.clock(), self.undo_window, marketplace_id
                )

        return await self.worker.call(write)

    async def undo(self, item_id: int) -> DraftData | None:
        def write() -> DraftData | None:
            with self.store.write() as conn:
                return store_drafts.undo(conn, item_id, self.clock())

        return await self.worker.call(write)

    async def retry(self, item_id: int) -> None:
        """The seller fixed what the relay complained about and asks to try again."""

        def write() -> None:
            with self.store.write() as conn:
                store_drafts.mark(
                    conn,
                    item_id,
                    self.clock(),
                    state=OutboxState.SENDING,
                    next_attempt_at=self.clock(),
                    error_type=None,
                    error_detail=None,
                )

        await self.worker.call(write)

    # --- the sending loop --------------------------------------------------------------

    async def process_due(self) -> list[OutboxItem]:
        """Attempt every due item once; returns them as they ended up."""

        def due() -> list[OutboxItem]:
            with self.store.read() as conn:
                return store_drafts.due_items(conn, self.clock())

        done = []
        for item in await self.worker.call(due):
            done.append(await self.attempt(item))
        return done

    async def attempt(self, item: OutboxItem) -> OutboxItem:
        now = self.clock()
        await self._mark(item.id, state=OutboxState.SENDING, attempts=item.attempts + 1)
        try:
            create = await self.worker.call(self._create_args, item)
        except NotOnRelay as exc:
            return await self._mark(
                item.id,
                state=OutboxState.NEEDS_ATTENTION,
                error_type="notOnRelay",
                error_detail=str(exc),
            )
        try:
            answers = await self.client.call(
                [("Submission/set", {"create": {"k": create}})],
                idempotency_key=item.idempotency_key,
                raise_errors=False,
            )
        except (Offline, RetryLater, Unauthorized) as exc:
            hint = exc.retry_after if isinstance(exc, RetryLater) else None
            later = now + timedelta(seconds=self.backoff.next_delay(hint))
            return await self._mark(
                item.id, next_attempt_at=later, error_type="transient", error_detail=str(exc)
            )
        except RequestRejected as exc:
            return await self._mark(
                item.id,
                state=OutboxState.NEEDS_ATTENTION,
                error_type=exc.type or str(exc.status),
                error_detail=str(exc),
            )
        self.backoff.reset()
        name, result = answers[0]
        if name == "error":
            return await self._mark(
                item.id,
                state=OutboxState.NEEDS_ATTENTION,
                error_type=str(result.get("type")),
                error_detail=str(result.get("description", "")),
            )
        created = (result.get("created") or {}).get("k")
        if created is not None:
            return await self._mark(
                item.id,
                state=OutboxState.SENT,
                submission_id=str(created["id"]),
                error_type=None,
                error_detail=None,
            )
        refused: dict[str, Any] = (result.get("notCreated") or {}).get("k") or {}
        if refused.get("type") == "alreadyExists":  # sent before; the key had expired
            return await self._mark(
                item.id, state=OutboxState.SENT, submission_id=str(refused.get("existingId"))
            )
        return await self._mark(
            item.id,
            state=OutboxState.NEEDS_ATTENTION,
            error_type=str(refused.get("type", "refused")),
            error_detail=_explain(refused),
        )

    async def _mark(self, item_id: int, **values: Any) -> OutboxItem:
        def write() -> OutboxItem:
            with self.store.write() as conn:
                store_drafts.mark(conn, item_id, self.clock(), **values)
                item = store_drafts.outbox_item(conn, item_id)
                assert item is not None
                return item

        return await self.worker.call(write)

    def _create_args(self, item: OutboxItem) -> dict[str, Any]:
        args: dict[str, Any] = {
            "clientSubmissionId": item.idempotency_key,
            "subject": item.subject,
            "body": item.body,
            "contactReason": item.contact_reason,
            "attachments": [{"blobId": a["blobId"], "name": a["name"]} for a in item.attachments],
        }
        with self.store.read() as conn:
            if item.conversation_id is not None:
                args["conversationId"] = _relay_id(conn, schema.conversations, item.conversation_id)
            else:
                if item.buyer_id is None:
                    raise NotOnRelay("a new message needs a buyer")
                args["buyerId"] = _relay_id(conn, schema.buyers, item.buyer_id)
                if item.order_id is not None:
                    args["orderId"] = _relay_id(conn, schema.orders, item.order_id)
        return args


def _relay_id(conn: Any, table: Table, local_id: int) -> str:
    found = conn.execute(select(table.c.relay_id).where(table.c.id == local_id)).scalar()
    if not found:
        raise NotOnRelay(f"{table.name[:-1]} {local_id} is not on the relay")
    return str(found)


def _explain(refused: dict[str, Any]) -> str:
    parts = [str(refused.get("description") or refused.get("type", ""))]
    if refused.get("ruleIds"):
        parts.append("rules: " + ", ".join(map(str, refused["ruleIds"])))
    return "; ".join(p for p in parts if p)
