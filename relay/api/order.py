"""Order/get, /changes, /query (read-only; orders come from the marketplace)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Row

from relay import schema
from relay.api.common import TypeSpec, eq_str, register_read_methods
from relay.store import iso


def serialize(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "marketplaceId": row.marketplace_id,
        "buyerId": row.buyer_id,
        "kind": row.kind,
        "placedAt": iso(row.placed_at),
        "items": json.loads(row.items),
    }


SPEC = TypeSpec(
    name="Order",
    table=schema.orders,
    properties=frozenset({"id", "marketplaceId", "buyerId", "kind", "placedAt", "items"}),
    serialize=serialize,
    filters={
        "marketplaceId": eq_str("marketplace_id"),
        "buyerId": eq_str("buyer_id"),
        "kind": eq_str("kind"),
    },
    sorts={"id": "id", "placedAt": "placed_at"},
    default_sort=("placedAt", False),
)


register_read_methods("Order", SPEC)
