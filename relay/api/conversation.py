"""Conversation/get, /changes, /query (read-only: conversations grow through messages)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, Table

from app.domain import RESPONSE_WINDOW
from relay import schema
from relay.api.common import TypeSpec, eq_str, register_read_methods
from relay.api.core import MethodError
from relay.store import aware, iso


def serialize(row: Row[Any]) -> dict[str, Any]:
    awaiting = aware(row.awaiting_since)
    return {
        "id": row.id,
        "marketplaceId": row.marketplace_id,
        "buyerId": row.buyer_id,
        "buyerAlias": row.buyer_alias,
        "orderId": row.order_id,
        "subject": row.subject,
        "buyerInitiated": bool(row.buyer_initiated),
        "createdAt": iso(row.created_at),
        "lastActivity": iso(row.last_activity),
        "awaitingSince": iso(awaiting),
        "deadline": iso(awaiting + RESPONSE_WINDOW) if awaiting else None,
        "messageCount": row.message_count,
        "preview": row.preview,
    }


def _needs_response(t: Table, value: Any) -> ColumnElement[bool]:
    if not isinstance(value, bool):
        raise MethodError("invalidArguments", "needsResponse must be a boolean")
    return t.c.awaiting_since.is_not(None) if value else t.c.awaiting_since.is_(None)


TABLE = schema.conversations

SPEC = TypeSpec(
    name="Conversation",
    table=TABLE,
    properties=frozenset(
        {
            "id",
            "marketplaceId",
            "buyerId",
            "buyerAlias",
            "orderId",
            "subject",
            "buyerInitiated",
            "createdAt",
            "lastActivity",
            "awaitingSince",
            "deadline",
            "messageCount",
            "preview",
        }
    ),
    serialize=serialize,
    filters={
        "marketplaceId": eq_str("marketplace_id"),
        "buyerId": eq_str("buyer_id"),
        "orderId": eq_str("order_id"),
        "needsResponse": _needs_response,
    },
    sorts={
        "lastActivity": "last_activity",
        "createdAt": "created_at",
        "awaitingSince": "awaiting_since",
        "id": "id",
    },
    default_sort=("lastActivity", False),
)


register_read_methods("Conversation", SPEC)
