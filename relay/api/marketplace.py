"""Marketplace/get, /changes, /query, /set (update of the messaging switch and vacation)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select, update

from app.domain import Marketplace
from relay import schema
from relay.api.common import (
    TypeSpec,
    check_if_in_state,
    eq_bool,
    register_read_methods,
    set_ops,
)
from relay.api.core import Context, method, set_error
from relay.enforce import pack_info
from relay.store import Changes, aware, iso, now, parse_date, type_state

WRITABLE = frozenset({"messagingEnabled", "vacationFrom", "vacationUntil"})


def domain(row: Any) -> Marketplace:
    return Marketplace(
        id=row.id,
        name=row.name,
        country=row.country,
        messaging_enabled=bool(row.messaging_enabled),
        vacation_from=aware(row.vacation_from),
        vacation_until=aware(row.vacation_until),
        rule_pack=row.rule_pack,
    )


def serialize(row: Row[Any]) -> dict[str, Any]:
    pack = pack_info(row.id)
    return {
        "id": row.id,
        "name": row.name,
        "country": row.country,
        "messagingEnabled": bool(row.messaging_enabled),
        "vacationFrom": iso(row.vacation_from),
        "vacationUntil": iso(row.vacation_until),
        "acceptsNewBuyers": domain(row).accepts_new_buyers(now()),
        "rulePack": row.rule_pack,
        "maxAttachmentBytes": pack.max_attachment_bytes,
        "allowedMediaTypes": sorted(pack.allowed_media_types),
    }


SPEC = TypeSpec(
    name="Marketplace",
    table=schema.marketplaces,
    properties=frozenset(
        {
            "id",
            "name",
            "country",
            "messagingEnabled",
            "vacationFrom",
            "vacationUntil",
            "acceptsNewBuyers",
            "rulePack",
            "maxAttachmentBytes",
            "allowedMediaTypes",
        }
    ),
    serialize=serialize,
    filters={"messagingEnabled": eq_bool("messaging_enabled")},
    sorts={"id": "id", "name": "name"},
)


register_read_methods("Marketplace", SPEC)


def _patch_values(patch: dict[str, Any], current: Any) -> dict[str, Any]:
    bad = [k for k in patch if k not in WRITABLE]
    if bad:
        return {"error": set_error("invalidProperties", "read-only or unknown", properties=bad)}
    values: dict[str, Any] = {}
    if "messagingEnabled" in patch:
        if not isinstance(patch["messagingEnabled"], bool):
            return {"error": set_error("invalidProperties", properties=["messagingEnabled"])}
        values["messaging_enabled"] = patch["messagingEnabled"]
    for prop, col in (("vacationFrom", "vacation_from"), ("vacationUntil", "vacation_until")):
        if prop in patch:
            raw = patch[prop]
            try:
                values[col] = None if raw is None else parse_date(raw)
            except (ValueError, TypeError):
                return {"error": set_error("invalidProperties", "RFC 3339 UTC", properties=[prop])}
    start = values.get("vacation_from", aware(current.vacation_from))
    end = values.get("vacation_until", aware(current.vacation_until))
    if start is not None and end is not None and end <= start:
        return {
            "error": set_error(
                "invalidProperties",
                "vacationUntil must be after vacationFrom",
                properties=["vacationUntil"],
            )
        }
    return {"values": values}


@method("Marketplace/set")
def set_(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.check_account(args)
    create, patches, destroy = set_ops(ctx, args)
    t = schema.marketplaces
    result: dict[str, Any] = {"accountId": ctx.account_id, "updated": {}, "created": {}}
    not_created = {
        k: set_error("forbidden", "marketplaces come from the marketplace") for k in create
    }
    not_destroyed = {k: set_error("forbidden") for k in destroy if isinstance(k, str)}
    not_updated: dict[str, Any] = {}
    with ctx.writing() as conn:
        old = check_if_in_state(conn, ctx, args, "Marketplace")
        ch = Changes(conn, ctx.seller_id)
        for mid, patch in patches.items():
            row = conn.execute(
                select(t).where((t.c.seller_id == ctx.seller_id) & (t.c.id == mid))
            ).first()
            if row is None:
                not_updated[mid] = set_error("notFound")
                continue
            if not isinstance(patch, dict):
                not_updated[mid] = set_error("invalidPatch")
                continue
            outcome = _patch_values(patch, row)
            if "error" in outcome:
                not_updated[mid] = outcome["error"]
                continue
            if outcome["values"]:
                conn.execute(
                    update(t)
                    .where((t.c.seller_id == ctx.seller_id) & (t.c.id == mid))
                    .values(**outcome["values"])
                )
                ch.updated("Marketplace", mid)
            result["updated"][mid] = None
        ch.flush()
        new = type_state(conn, ctx.seller_id, "Marketplace")[0]
    if ch.types:
        ctx.changed.add(ctx.seller_id)
    result.update(oldState=str(old), newState=str(new))
    if not_created:
        result["notCreated"] = not_created
    if not_updated:
        result["notUpdated"] = not_updated
    if not_destroyed:
        result["notDestroyed"] = not_destroyed
    if not result["created"]:
        result["created"] = None
    if not result["updated"]:
        result["updated"] = None
    return result
