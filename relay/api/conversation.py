"""Conversation/get, /changes, /query (read-only: conversations grow through messages)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, Table

from app.domain import RESPONSE_WINDOW
from relay import schema
from relay.api.common import TypeSpec, eq_str, register_read_methods
from relay.api.core import MethodError
from relay.store import iso

# The selected columns, in the order `serialize` unpacks them (tuple unpacking of a row
# costs a fraction of attribute access; Conversation/get serialises up to 500 per call).
COLUMNS = (
    "id",
    "marketplace_id",
    "buyer_id",
    "buyer_alias",
    "order_id",
    "subject",
    "buyer_initiated",
    "created_at",
    "last_activity",
    "awaiting_since",
    "message_count",
    "preview",
)


def serialize(row: Row[Any]) -> dict[str, Any]:
    (cid, mid, bid, alias, oid, subject, initiated, created, last, awaiting, count, preview) = row
    return {
        "id": cid,
        "marketplaceId": mid,
        "buyerId": bid,
        "buyerAlias": alias,
        "orderId": oid,
        "subject": subject,
        "buyerInitiated": bool(initiated),
        "createdAt": iso(created),
        "lastActivity": iso(last),
        "awaitingSince": iso(awaiting),
        "deadline": iso(awaiting + RESPONSE_WINDOW) if awaiting is not None else None,
        "messageCount": count,
        "preview": preview,
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
    columns=COLUMNS,
)


register_read_methods("Conversation", SPEC)
