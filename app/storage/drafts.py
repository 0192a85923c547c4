"""Drafts and the outbox in the local store: the words a seller wrote are never lost.

A draft is saved as the seller types (see ``app.services.drafts``). Send moves it into the
outbox in **one** transaction, minting the UUIDv7 that is both the ``Idempotency-Key`` and the
``clientSubmissionId``; undo moves it back, also in one transaction.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain import OutboxState
from app.domain.ids import uuid7
from app.storage.rows import DraftData as DraftData  # re-exported for callers
from app.storage.rows import OutboxItem as OutboxItem
from app.storage.schema import drafts as _drafts
from app.storage.schema import outbox as _outbox


def draft_key_for_conversation(conversation_id: int) -> str:
    return f"conv:{conversation_id}"


def draft_key_for_new(buyer_id: int, order_id: int | None) -> str:
    return f"new:{buyer_id}:{order_id or ''}"


def save_draft(conn: Connection, draft: DraftData, at: datetime) -> None:
    values = {
        "key": draft.key,
        "conversation_id": draft.conversation_id,
        "buyer_id": draft.buyer_id,
        "order_id": draft.order_id,
        "subject": draft.subject,
        "body": draft.body,
        "contact_reason": draft.contact_reason,
        "important": draft.important,
        "attachments_json": json.dumps(list(draft.attachments)),
        "updated_at": at,
    }
    stmt = sqlite_insert(_drafts).values(values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["key"], set_={k: v for k, v in values.items() if k != "key"}
        )
    )


def load_draft(conn: Connection, key: str) -> DraftData | None:
    row = conn.execute(select(_drafts).where(_drafts.c.key == key)).mappings().first()
    return None if row is None else _draft(row)


def all_drafts(conn: Connection) -> list[DraftData]:
    return [_draft(r) for r in conn.execute(select(_drafts).order_by(_drafts.c.id)).mappings()]


def delete_draft(conn: Connection, key: str) -> None:
    conn.execute(delete(_drafts).where(_drafts.c.key == key))


def _draft(row: Any) -> DraftData:
    return DraftData(
        key=row["key"],
        subject=row["subject"],
        body=row["body"],
        contact_reason=row["contact_reason"],
        important=bool(row["important"]),
        attachments=tuple(json.loads(row["attachments_json"])),
        conversation_id=row["conversation_id"],
        buyer_id=row["buyer_id"],
        order_id=row["order_id"],
    )


def enqueue(
    conn: Connection,
    draft_key: str,
    now: datetime,
    undo_window: timedelta,
    marketplace_id: str | None = None,
) -> OutboxItem:
    """Move a saved draft into the outbox (one transaction: the caller's)."""
    draft = load_draft(conn, draft_key)
    if draft is None:
        raise KeyError(f"no draft {draft_key!r}")
    result = conn.execute(
        _outbox.insert().values(
            idempotency_key=uuid7(),
            conversation_id=draft.conversation_id,
            buyer_id=draft.buyer_id,
            order_id=draft.order_id,
            marketplace_id=marketplace_id,
            subject=draft.subject,
            body=draft.body,
            contact_reason=draft.contact_reason,
            attachments_json=json.dumps(list(draft.attachments)),
            state=OutboxState.QUEUED.value,
            send_after=now + undo_window,
            next_attempt_at=now + undo_window,
            created_at=now,
            updated_at=now,
        )
    )
    delete_draft(conn, draft_key)
    key = result.inserted_primary_key
    assert key is not None
    item = outbox_item(conn, int(key[0]))
    assert item is not None
    return item


def undo(conn: Connection, item_id: int, now: datetime) -> DraftData | None:
    """Take a queued item back into a draft if its undo window is still open."""
    item = outbox_item(conn, item_id)
    if item is None or item.state is not OutboxState.QUEUED or now >= item.send_after:
        return None
    conn.execute(
        update(_outbox)
        .where(_outbox.c.id == item_id)
        .values(state=OutboxState.CANCELED.value, updated_at=now)
    )
    draft = DraftData(
        key=item.draft_key,
        subject=item.subject,
        body=item.body,
        contact_reason=item.contact_reason,
        attachments=item.attachments,
        conversation_id=item.conversation_id,
        buyer_id=item.buyer_id,
        order_id=item.order_id,
    )
    save_draft(conn, draft, now)
    return draft


def outbox_item(conn: Connection, item_id: int) -> OutboxItem | None:
    row = conn.execute(select(_outbox).where(_outbox.c.id == item_id)).mappings().first()
    return None if row is None else _item(row)


def due_items(conn: Connection, now: datetime, limit: int = 20) -> list[OutboxItem]:
    """Queued (undo window over) or sending items whose next attempt is due, oldest first."""
    rows = conn.execute(
        select(_outbox)
        .where(
            _outbox.c.state.in_([OutboxState.QUEUED.value, OutboxState.SENDING.value]),
            _outbox.c.next_attempt_at <= now,
        )
        .order_by(_outbox.c.id)
        .limit(limit)
    ).mappings()
    return [_item(r) for r in rows]


def outbox_items(conn: Connection, states: tuple[OutboxState, ...]) -> list[OutboxItem]:
    rows = conn.execute(
        select(_outbox).where(_outbox.c.state.in_([s.value for s in states])).order_by(_outbox.c.id)
    ).mappings()
    return [_item(r) for r in rows]


def mark(conn: Connection, item_id: int, now: datetime, **values: Any) -> None:
    if "state" in values:
        values["state"] = OutboxState(values["state"]).value
    conn.execute(update(_outbox).where(_outbox.c.id == item_id).values(updated_at=now, **values))


def _item(row: Any) -> OutboxItem:
    conv = row["conversation_id"]
    key = (
        draft_key_for_conversation(conv)
        if conv is not None
        else draft_key_for_new(row["buyer_id"], row["order_id"])
    )
    return OutboxItem(
        id=row["id"],
        idempotency_key=row["idempotency_key"],
        state=OutboxState(row["state"]),
        conversation_id=conv,
        buyer_id=row["buyer_id"],
        order_id=row["order_id"],
        marketplace_id=row["marketplace_id"],
        subject=row["subject"],
        body=row["body"],
        contact_reason=row["contact_reason"],
        attachments=tuple(json.loads(row["attachments_json"])),
        attempts=row["attempts"],
        send_after=row["send_after"],
        next_attempt_at=row["next_attempt_at"],
        error_type=row["error_type"],
        error_detail=row["error_detail"],
        submission_id=row["submission_id"],
        draft_key=key,
    )
