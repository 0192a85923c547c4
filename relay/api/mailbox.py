"""Mailbox/get: the seller's own mailboxes as the bridge last reported them (docs/mail.md), so
every seat of a team sees whether buyer mail is flowing and why not.

Read-only, and not a synced type (no ``changes``): the state moves with every fetch, which
would fill the change log; a seat asks when it shows it. Settings and passwords stay with
``seller-relay mailbox`` on the server: the server URLs are not exposed (the login name is
part of them), only the address and the state."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from relay import schema
from relay.api.common import get_answer
from relay.api.core import Context, method, want_ids, want_properties
from relay.store import iso

PROPERTIES = frozenset({"id", "address", "connected", "lastFetchAt", "lastError", "errorKind"})


@method("Mailbox/get")
def get(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.check_account(args)
    ids = want_ids(ctx, args)
    props = want_properties(args, PROPERTIES)
    m = schema.mailboxes.c
    with ctx.reading() as conn:  # a handful a seller: no paging, no ids-only statement
        rows = conn.execute(
            select(schema.mailboxes).where(m.seller_id == ctx.seller_id).order_by(m.id)
        ).all()
    found = [
        {
            "id": str(r.id),
            "address": r.address,
            "connected": bool(r.connected),
            "lastFetchAt": iso(r.last_fetch_at),
            "lastError": r.last_error,
            "errorKind": r.error_kind,
        }
        for r in rows
    ]
    return get_answer(ctx, 0, found, ids, props)
