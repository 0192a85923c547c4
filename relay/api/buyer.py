"""Buyer/get, /changes, /query. Read-only; the real address column is never selected."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from relay import schema
from relay.api.common import (
    TypeSpec,
    eq_bool,
    eq_str,
    register_read_methods,
)

# Seller-facing columns only: `email` is deliberately absent.
COLUMNS = ("seller_id", "id", "marketplace_id", "alias", "display_name", "locale", "opted_out")


def serialize(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "marketplaceId": row.marketplace_id,
        "alias": row.alias,
        "displayName": row.display_name,
        "locale": row.locale,
        "optedOut": bool(row.opted_out),
    }


SPEC = TypeSpec(
    name="Buyer",
    table=schema.buyers,
    properties=frozenset({"id", "marketplaceId", "alias", "displayName", "locale", "optedOut"}),
    serialize=serialize,
    filters={"marketplaceId": eq_str("marketplace_id"), "optedOut": eq_bool("opted_out")},
    sorts={"id": "id", "displayName": "display_name"},
    columns=COLUMNS,
)


register_read_methods("Buyer", SPEC)
