"""ResponseMetrics/get (computed on request; its state is the Message state) and Core/echo."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from relay import metrics, schema
from relay.api.core import Context, method, want_ids
from relay.store import iso, now, type_state


@method("ResponseMetrics/get")
def get(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.check_account(args)
    ids = want_ids(ctx, args)
    mk = schema.marketplaces.c
    at = now()
    with ctx.reading() as conn:
        state, _ = type_state(conn, ctx.seller_id, "Message")
        mine = [
            r[0]
            for r in conn.execute(
                select(mk.id).where(mk.seller_id == ctx.seller_id).order_by(mk.id)
            )
        ]
        wanted = mine if ids is None else [i for i in ids if i in mine]
        found = metrics.compute(conn, ctx.seller_id, wanted, at)
    for item in found:
        item["computedAt"] = iso(at)
    return {
        "accountId": ctx.account_id,
        "state": str(state),
        "list": found,
        "notFound": [] if ids is None else [i for i in ids if i not in mine],
    }


@method("Core/echo")
def echo(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return args
