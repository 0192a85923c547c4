"""Note/get, /changes, /query, /set: internal notes on a conversation, shared by the team and
never sent to a buyer (the relay has no path from a note to a message)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, select

from relay import schema
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
from relay.api.core import Context, method
from relay.sanitize import CONTROL_RE, subject_problem
from relay.store import Changes, iso, now

MAX_BODY = 20_000
MAX_AUTHOR = 100


def serialize(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "conversationId": row.conversation_id,
        "body": row.body,
        "author": row.author,
        "createdAt": iso(row.created_at),
        "updatedAt": iso(row.updated_at),
    }


SPEC = TypeSpec(
    name="Note",
    table=schema.notes,
    properties=frozenset({"id", "conversationId", "body", "author", "createdAt", "updatedAt"}),
    serialize=serialize,
    filters={"conversationId": eq_str("conversation_id")},
    sorts={"createdAt": "created_at", "id": "id"},
    default_sort=("createdAt", True),
)
register_read_methods("Note", SPEC)


def _body(value: Any) -> str:
    # Line breaks and tabs are a note's own (CONTROL_RE spares them); other controls are refused.
    if (
        not isinstance(value, str)
        or not value.strip()
        or len(value) > MAX_BODY
        or CONTROL_RE.search(value)
    ):
        raise SetFailure("invalidProperties", f"body: 1-{MAX_BODY} characters", properties=["body"])
    return value


def _create(conn: Connection, ch: Changes, obj: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(obj) - {"conversationId", "body", "author"})
    if unknown:
        raise SetFailure("invalidProperties", "read-only or unknown", properties=unknown)
    body = _body(obj.get("body"))
    author = obj.get("author") or ""
    if not isinstance(author, str) or subject_problem(author) or len(author) > MAX_AUTHOR:
        raise SetFailure("invalidProperties", properties=["author"])
    conv_id = obj.get("conversationId")
    c = schema.conversations.c
    if not isinstance(conv_id, str) or (
        conn.execute(select(c.id).where((c.seller_id == ch.seller_id) & (c.id == conv_id))).scalar()
        is None
    ):
        raise SetFailure("invalidProperties", "no such conversation", properties=["conversationId"])
    nid = ch.new_id("Note")
    at = now()
    conn.execute(
        schema.notes.insert().values(
            seller_id=ch.seller_id,
            id=nid,
            conversation_id=conv_id,
            body=body,
            author=author.strip(),
            created_at=at,
            updated_at=at,
        )
    )
    ch.created("Note", nid)
    return {"id": nid, "createdAt": iso(at), "updatedAt": iso(at), "author": author.strip()}


def _update(conn: Connection, ch: Changes, nid: str, patch: dict[str, Any]) -> dict[str, Any]:
    at = now()
    values = {"body": _body(only(patch, "body")), "updated_at": at}
    update_row(conn, ch, schema.notes, "Note", nid, values)
    return {"updatedAt": iso(at)}


def _destroy(conn: Connection, ch: Changes, nid: str) -> None:
    n = schema.notes.c
    gone = conn.execute(schema.notes.delete().where((n.seller_id == ch.seller_id) & (n.id == nid)))
    if not gone.rowcount:
        raise SetFailure("notFound")
    ch.destroyed("Note", nid)


@method("Note/set")
def set_(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return do_set(ctx, args, "Note", SetHandlers(create=_create, update=_update, destroy=_destroy))
