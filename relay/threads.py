"""Conversation bookkeeping: the 24 h clock, counts and preview, recomputed from its messages."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from app.domain import Direction, Keyword
from relay import schema
from relay.store import Changes, aware


@dataclass(frozen=True)
class Run:
    """Buyer messages answered (or not yet) by one seller reply; the clock starts at the last."""

    conversation_id: str
    marketplace_id: str
    started: datetime
    answered: datetime | None


def runs(messages: Iterable[Any], conversation_id: str, marketplace_id: str) -> list[Run]:
    """`messages` in time order with direction, received_at, keywords, delivered."""
    out: list[Run] = []
    start: datetime | None = None
    for m in messages:
        if m.direction == Direction.INBOUND:
            if Keyword.NO_RESPONSE_NEEDED in json.loads(m.keywords):
                continue
            start = aware(m.received_at)  # a new buyer message restarts the clock
        elif m.direction == Direction.OUTBOUND and m.delivered and start is not None:
            out.append(Run(conversation_id, marketplace_id, start, aware(m.received_at)))
            start = None
    if start is not None:
        out.append(Run(conversation_id, marketplace_id, start, None))
    return out


def refresh(conn: Connection, ch: Changes, conversation_id: str) -> None:
    """Recompute a conversation's derived fields after its messages changed."""
    m = schema.messages.c
    c = schema.conversations.c
    conv = conn.execute(
        select(c.marketplace_id).where((c.seller_id == ch.seller_id) & (c.id == conversation_id))
    ).one()
    msgs = conn.execute(
        select(m.direction, m.received_at, m.keywords, m.delivered, m.body_text)
        .where((m.seller_id == ch.seller_id) & (m.conversation_id == conversation_id))
        .order_by(m.received_at, m.id)
    ).all()
    all_runs = runs(msgs, conversation_id, conv.marketplace_id)
    awaiting = all_runs[-1].started if all_runs and all_runs[-1].answered is None else None
    last = msgs[-1] if msgs else None
    conn.execute(
        update(schema.conversations)
        .where((c.seller_id == ch.seller_id) & (c.id == conversation_id))
        .values(
            awaiting_since=awaiting,
            message_count=len(msgs),
            last_activity=last.received_at if last else c.last_activity,
            preview=" ".join((last.body_text if last else "").split())[:160],
        )
    )
    ch.updated("Conversation", conversation_id)


@dataclass(frozen=True)
class Added:
    """A message just appended to a conversation (for `appended`)."""

    received_at: datetime
    body_text: str
    direction: str
    delivered: bool | None


def appended(conn: Connection, ch: Changes, conv: Any, added: list[Added]) -> None:
    """`refresh` for messages appended after everything already in the conversation, without
    reading its messages again. `conv` is the conversation's row from before; falls back to
    `refresh` when the new messages are not strictly later than all earlier ones."""
    times = [a.received_at for a in added]
    last_before = aware(conv.last_activity)
    if (
        not added
        or last_before is None
        or times[0] <= last_before
        or any(b <= a for a, b in itertools.pairwise(times))
    ):
        refresh(conn, ch, conv.id)
        return
    awaiting = conv.awaiting_since
    for a in added:  # a delivered seller reply ends the running clock (see `runs`)
        if a.direction == Direction.OUTBOUND and a.delivered:
            awaiting = None
    c = schema.conversations.c
    conn.execute(
        update(schema.conversations)
        .where((c.seller_id == ch.seller_id) & (c.id == conv.id))
        .values(
            awaiting_since=awaiting,
            message_count=conv.message_count + len(added),
            last_activity=added[-1].received_at,
            preview=" ".join(added[-1].body_text.split())[:160],
        )
    )
    ch.updated("Conversation", conv.id)
