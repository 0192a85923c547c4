"""Message/get, /changes, /query, /set (update of keywords only)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Row, select, update

from app.domain import Keyword
from relay import schema, threads
from relay.api.common import (
    TypeSpec,
    check_if_in_state,
    eq_str,
    register_read_methods,
    set_ops,
)
from relay.api.core import Context, method, set_error
from relay.store import Changes, dumps, iso, type_state

KEYWORDS = frozenset(k.value for k in Keyword)


def serialize(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "conversationId": row.conversation_id,
        "direction": row.direction,
        "subject": row.subject,
        "bodyText": row.body_text,
        "bodyHtml": row.body_html,
        "receivedAt": iso(row.received_at),
        "keywords": {k: True for k in json.loads(row.keywords)},
        "attachments": json.loads(row.attachments),
        "submissionId": row.submission_id,
        "delivered": row.delivered,
        "notice": row.notice,
        **_notice_code(row.notice_params),
    }


def _notice_code(stored: str | None) -> dict[str, Any]:
    """``noticeCode`` and ``noticeParams``: the notice as data (null for a mail's own text)."""
    found = json.loads(stored) if stored else {}
    return {"noticeCode": found.get("code"), "noticeParams": found.get("params")}


def _direction(t: Any, value: Any) -> Any:
    return eq_str("direction")(t, value)


SPEC = TypeSpec(
    name="Message",
    table=schema.messages,
    properties=frozenset(
        {
            "id",
            "conversationId",
            "direction",
            "subject",
            "bodyText",
            "bodyHtml",
            "receivedAt",
            "keywords",
            "attachments",
            "submissionId",
            "delivered",
            "notice",
            "noticeCode",
            "noticeParams",
        }
    ),
    serialize=serialize,
    filters={
        "conversationId": eq_str("conversation_id"),
        "direction": _direction,
        "marketplaceId": lambda t, v: t.c.conversation_id.in_(
            select(schema.conversations.c.id).where(
                (schema.conversations.c.seller_id == t.c.seller_id)
                & (schema.conversations.c.marketplace_id == eq_value(v))
            )
        ),
    },
    sorts={"receivedAt": "received_at", "id": "id"},
    default_sort=("receivedAt", True),
)


def eq_value(v: Any) -> str:
    from relay.api.core import MethodError

    if not isinstance(v, str):
        raise MethodError("invalidArguments", "filter value must be a string")
    return v


register_read_methods("Message", SPEC)


def apply_patch(current: set[str], patch: dict[str, Any]) -> set[str] | dict[str, Any]:
    """New keyword set, or a SetError."""
    new = set(current)
    for key, value in patch.items():
        if key == "keywords":
            if not isinstance(value, dict) or not all(v is True for v in value.values()):
                return set_error("invalidProperties", properties=["keywords"])
            new = set(value)
        elif key.startswith("keywords/"):
            kw = key[len("keywords/") :]
            if value is True:
                new.add(kw)
            elif value is None or value is False:
                new.discard(kw)
            else:
                return set_error("invalidPatch", properties=[key])
        else:
            return set_error("invalidProperties", "only keywords can change", properties=[key])
    unknown = sorted(new - KEYWORDS)
    if unknown:
        return set_error("invalidProperties", "unknown keyword", properties=["keywords"])
    return new


@method("Message/set")
def set_(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.check_account(args)
    create, patches, destroy = set_ops(ctx, args)
    t = schema.messages
    updated: dict[str, Any] = {}
    not_updated: dict[str, Any] = {}
    with ctx.writing() as conn:
        old = check_if_in_state(conn, ctx, args, "Message")
        ch = Changes(conn, ctx.seller_id)
        refresh: set[str] = set()
        for mid, patch in patches.items():
            row = conn.execute(
                select(t.c.keywords, t.c.conversation_id, t.c.direction).where(
                    (t.c.seller_id == ctx.seller_id) & (t.c.id == mid)
                )
            ).first()
            if row is None:
                not_updated[mid] = set_error("notFound")
                continue
            if not isinstance(patch, dict):
                not_updated[mid] = set_error("invalidPatch")
                continue
            current = set(json.loads(row.keywords))
            new = apply_patch(current, patch)
            if isinstance(new, dict):
                not_updated[mid] = new
                continue
            if new != current:
                conn.execute(
                    update(t)
                    .where((t.c.seller_id == ctx.seller_id) & (t.c.id == mid))
                    .values(keywords=dumps(sorted(new)))
                )
                ch.updated("Message", mid)
                if Keyword.NO_RESPONSE_NEEDED in (new ^ current):
                    refresh.add(row.conversation_id)
            updated[mid] = None
        for cid in sorted(refresh):
            threads.refresh(conn, ch, cid)
        ch.flush()
        new_state = type_state(conn, ctx.seller_id, "Message")[0]
    if ch.types:
        ctx.changed.add(ctx.seller_id)
    result: dict[str, Any] = {
        "accountId": ctx.account_id,
        "oldState": str(old),
        "newState": str(new_state),
        "created": None,
        "updated": updated or None,
        "destroyed": None,
    }
    if create:
        result["notCreated"] = {
            k: set_error("forbidden", "send with Submission/set") for k in create
        }
    if not_updated:
        result["notUpdated"] = not_updated
    if destroy:
        result["notDestroyed"] = {
            k: set_error("forbidden", "the relay keeps a copy of everything")
            for k in destroy
            if isinstance(k, str)
        }
    return result
