"""Template/get, /changes, /query, /set: reply templates shared by every seat of the account.

A template is checked by the rules engine when it is saved (each text filled with sample
values, in the default pack): the findings are stored with it and returned as `findings`, so a
template that breaks the rules is flagged before anyone uses it. Saving is not refused for
them: a team may keep a draft template; the composer checks the filled text again.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Row, func, select, update

from app.domain import ContactReason
from app.domain import templates as tpl
from app.policy.templates import template_findings
from relay import schema
from relay.api.common import (
    SetFailure,
    SetHandlers,
    TypeSpec,
    do_set,
    register_read_methods,
)
from relay.api.core import Context, method
from relay.sanitize import subject_problem
from relay.store import Changes, dumps, iso, now

MAX_TEMPLATES = 500
PROPERTIES = frozenset(
    {"id", "name", "contactReason", "texts", "findings", "createdAt", "updatedAt"}
)
WRITABLE = frozenset({"name", "contactReason", "texts"})


def serialize(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "contactReason": row.contact_reason,
        "texts": json.loads(row.texts),
        "findings": json.loads(row.findings),
        "createdAt": iso(row.created_at),
        "updatedAt": iso(row.updated_at),
    }


SPEC = TypeSpec(
    name="Template",
    table=schema.templates,
    properties=PROPERTIES,
    serialize=serialize,
    sorts={"name": "name_key", "updatedAt": "updated_at", "id": "id"},
    default_sort=("name", True),
)
register_read_methods("Template", SPEC)


def _fields(obj: dict[str, Any], current: Row[Any] | None) -> dict[str, Any]:
    """Validated column values for a create (`current` None) or an update patch."""
    unknown = sorted(set(obj) - WRITABLE)
    if unknown:
        raise SetFailure("invalidProperties", "read-only or unknown", properties=unknown)
    name = obj.get("name", current.name if current is not None else None)
    texts = obj.get("texts", json.loads(current.texts) if current is not None else None)
    reason = obj.get("contactReason", current.contact_reason if current is not None else "other")
    bad: list[str] = []
    if not isinstance(name, str) or subject_problem(name):
        bad.append("name")
    if not isinstance(texts, dict):
        bad.append("texts")
    if bad or not isinstance(name, str) or not isinstance(texts, dict):
        raise SetFailure("invalidProperties", properties=bad)
    bad = tpl.validate(name, texts)
    try:
        contact_reason = ContactReason(reason)
    except ValueError:
        bad.append("contactReason")
    if bad:
        raise SetFailure(
            "invalidProperties",
            "texts: 1-12 languages (e.g. en, es-MX), non-empty, at most 10,000 characters, "
            f"placeholders only {', '.join('{' + p + '}' for p in tpl.PLACEHOLDERS)}"
            if "texts" in bad
            else "",
            properties=bad,
        )
    return {
        "name": name.strip(),
        "name_key": name.strip().casefold()[:80],
        "contact_reason": contact_reason.value,
        "texts": dumps(texts),
        "findings": dumps(template_findings(texts, contact_reason)),
        "updated_at": now(),
    }


def _name_taken(conn: Connection, seller_id: int, key: str, other_than: str | None) -> bool:
    t = schema.templates.c
    found = conn.execute(
        select(t.id).where((t.seller_id == seller_id) & (t.name_key == key))
    ).scalar()
    return found is not None and found != other_than


def create(conn: Connection, ch: Changes, obj: dict[str, Any]) -> dict[str, Any]:
    """Create one template (`Template/set` create; the demo seeds its own with it)."""
    t = schema.templates
    values = _fields(obj, None)
    if _name_taken(conn, ch.seller_id, values["name_key"], None):
        raise SetFailure("alreadyExists", "a template has that name", properties=["name"])
    count = conn.execute(
        select(func.count()).select_from(t).where(t.c.seller_id == ch.seller_id)
    ).scalar_one()
    if count >= MAX_TEMPLATES:
        raise SetFailure("overQuota", f"at most {MAX_TEMPLATES} templates")
    tid = ch.new_id("Template")
    conn.execute(
        t.insert().values(seller_id=ch.seller_id, id=tid, created_at=values["updated_at"], **values)
    )
    ch.created("Template", tid)
    return {
        "id": tid,
        "findings": json.loads(values["findings"]),
        "createdAt": iso(values["updated_at"]),
    }


def _row(conn: Connection, seller_id: int, tid: str) -> Row[Any]:
    t = schema.templates
    row = conn.execute(select(t).where((t.c.seller_id == seller_id) & (t.c.id == tid))).first()
    if row is None:
        raise SetFailure("notFound")
    return row


def _update(conn: Connection, ch: Changes, tid: str, patch: dict[str, Any]) -> dict[str, Any]:
    t = schema.templates
    values = _fields(patch, _row(conn, ch.seller_id, tid))
    if _name_taken(conn, ch.seller_id, values["name_key"], tid):
        raise SetFailure("alreadyExists", "a template has that name", properties=["name"])
    conn.execute(
        update(t).where((t.c.seller_id == ch.seller_id) & (t.c.id == tid)).values(**values)
    )
    ch.updated("Template", tid)
    return {"findings": json.loads(values["findings"]), "updatedAt": iso(values["updated_at"])}


def _destroy(conn: Connection, ch: Changes, tid: str) -> None:
    t = schema.templates
    _row(conn, ch.seller_id, tid)
    conn.execute(t.delete().where((t.c.seller_id == ch.seller_id) & (t.c.id == tid)))
    ch.destroyed("Template", tid)


@method("Template/set")
def set_(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return do_set(
        ctx, args, "Template", SetHandlers(create=create, update=_update, destroy=_destroy)
    )
