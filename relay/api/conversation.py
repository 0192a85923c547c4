"""Conversation/get, /changes, /query, and /set (update of `snooze` only: conversations grow
through messages)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Table

from app.domain import RESPONSE_WINDOW
from app.domain.snooze import MAX_REASON, SnoozeKind
from relay import schema, threads
from relay.api.common import (
    SetFailure,
    SetHandlers,
    TypeSpec,
    do_set,
    eq_str,
    only,
    register_read_methods,
    update_row,
)
from relay.api.core import Context, MethodError, method
from relay.sanitize import subject_problem
from relay.store import Changes, iso, now, parse_date

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
    "snooze_kind",
    "snoozed_at",
    "snoozed_until",
    "snooze_reason",
)


def serialize(row: Row[Any]) -> dict[str, Any]:
    (cid, mid, bid, alias, oid, subject, initiated, created, last, awaiting, count, preview) = row[
        :12
    ]
    kind, since, until, reason = row[12:]
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
        "snooze": None
        if kind is None
        else {"kind": kind, "since": iso(since), "until": iso(until), "reason": reason},
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
            "snooze",
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


# -- snooze (Conversation/set) -------------------------------------------------------------------

MAX_SNOOZE = timedelta(days=366)  # either way from now


def _snooze_values(value: Any) -> dict[str, Any]:
    """The snooze columns for a `snooze` property value (an object, or null to wake)."""
    if value is None:
        return dict(threads.WAKE)
    if not isinstance(value, dict) or set(value) - {"kind", "until", "reason"}:
        raise SetFailure(
            "invalidProperties", "snooze is {kind, until, reason} or null", properties=["snooze"]
        )
    try:
        kind = SnoozeKind(value.get("kind", SnoozeKind.SNOOZE))
    except ValueError:
        raise SetFailure(
            "invalidProperties", "unknown snooze kind", properties=["snooze/kind"]
        ) from None
    since = now()
    until = value.get("until")
    if until is not None:
        try:
            until = parse_date(until)
        except (ValueError, OverflowError):
            raise SetFailure(
                "invalidProperties", "until: not a date", properties=["snooze/until"]
            ) from None
        # A time already past is accepted: a snooze set offline reaches the relay late, and
        # is then simply over (woken), as it is on the seat that set it.
        if not since - MAX_SNOOZE <= until <= since + MAX_SNOOZE:
            raise SetFailure(
                "invalidProperties", "until must be within a year", properties=["snooze/until"]
            )
    elif kind is SnoozeKind.FOLLOW_UP:
        raise SetFailure(
            "invalidProperties", "a follow-up needs until", properties=["snooze/until"]
        )
    reason = value.get("reason")
    if reason is not None and (
        not isinstance(reason, str) or subject_problem(reason) or len(reason) > MAX_REASON
    ):
        raise SetFailure(
            "invalidProperties", "reason: one line of text", properties=["snooze/reason"]
        )
    return {
        "snooze_kind": kind.value,
        "snoozed_at": since,
        "snoozed_until": until,
        "snooze_reason": reason or None,
    }


def _update(conn: Connection, ch: Changes, conv_id: str, patch: dict[str, Any]) -> dict[str, Any]:
    values = _snooze_values(only(patch, "snooze"))
    update_row(conn, ch, schema.conversations, "Conversation", conv_id, values)
    since = values["snoozed_at"]
    return {"snooze": None if since is None else {"since": iso(since)}}


@method("Conversation/set")
def set_(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return do_set(
        ctx,
        args,
        "Conversation",
        SetHandlers(update=_update, refusal="conversations begin with a message (Submission/set)"),
    )
