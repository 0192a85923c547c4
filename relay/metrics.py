"""Response metrics: late-response rate and average response time over 7/30/90 days."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from app.domain import RESPONSE_WINDOW
from relay import schema
from relay.threads import Run, runs

WINDOWS = (7, 30, 90)


def account_runs(conn: Connection, seller_id: int, since: datetime) -> list[Run]:
    c = schema.conversations.c
    m = schema.messages.c
    convs = {
        r.id: r.marketplace_id
        for r in conn.execute(
            select(c.id, c.marketplace_id).where(
                (c.seller_id == seller_id) & (c.last_activity >= since)
            )
        )
    }
    if not convs:
        return []
    rows = conn.execute(
        select(m.conversation_id, m.direction, m.received_at, m.keywords, m.delivered)
        .where((m.seller_id == seller_id) & m.conversation_id.in_(list(convs)))
        .order_by(m.conversation_id, m.received_at, m.id)
    ).all()
    by_conv: dict[str, list[Any]] = {}
    for r in rows:
        by_conv.setdefault(r.conversation_id, []).append(r)
    out: list[Run] = []
    for cid, msgs in by_conv.items():
        out.extend(runs(msgs, cid, convs[cid]))
    return out


def window(all_runs: list[Run], at: datetime, days: int) -> dict[str, Any]:
    start = at - timedelta(days=days)
    answered = answered_late = overdue = pending = 0
    total_seconds = 0.0
    for run in all_runs:
        if run.started < start:
            continue
        if run.answered is not None:
            answered += 1
            delay = run.answered - run.started
            total_seconds += delay.total_seconds()
            answered_late += delay > RESPONSE_WINDOW
        elif at - run.started > RESPONSE_WINDOW:
            overdue += 1
        else:
            pending += 1
    late = answered_late + overdue
    denominator = answered + overdue
    return {
        "lateRate": round(late / denominator, 4) if denominator else 0.0,
        "averageResponseSeconds": round(total_seconds / answered) if answered else None,
        "answered": answered,
        "late": late,
        "pending": pending,
    }


def compute(
    conn: Connection, seller_id: int, marketplace_ids: list[str], at: datetime
) -> list[dict[str, Any]]:
    all_runs = account_runs(conn, seller_id, at - timedelta(days=max(WINDOWS) + 1))
    out = []
    for mid in marketplace_ids:
        mine = [r for r in all_runs if r.marketplace_id == mid]
        out.append(
            {
                "id": mid,
                "marketplaceId": mid,
                "windows": {str(d): window(mine, at, d) for d in WINDOWS},
            }
        )
    return out
