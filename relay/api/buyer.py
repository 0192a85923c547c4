"""Buyer/get, /changes, /query. Read-only; the real address column is never selected."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from relay import schema
from relay.api.common import TypeSpec, do_changes, do_get, do_query, eq_bool, eq_str
from relay.api.core import Context, method

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


@method("Buyer/get")
def get(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return do_get(ctx, args, SPEC)


@method("Buyer/changes")
def changes(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return do_changes(ctx, args, "Buyer")


@method("Buyer/query")
def query(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return do_query(ctx, args, SPEC)
