"""Conversation bookkeeping: the 24 h clock, counts and preview, recomputed from its messages."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, String, bindparam, case, null, select, update

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
    c = schema.conversations.c
    # FOR UPDATE, before the messages are read: a writer of the same conversation still running
    # holds the row (threads.appended, or this) until it commits, and the messages are then
    # read with its message among them. Its summary is not overwritten by one that lacks it.
    key = {"sid": ch.seller_id, "cid": conversation_id}
    conv = conn.execute(_LOCK_CONVERSATION, key).one()
    msgs = conn.execute(_MESSAGES, key).all()
    all_runs = runs(msgs, conversation_id, conv.marketplace_id)
    awaiting = all_runs[-1].started if all_runs and all_runs[-1].answered is None else None
    last = msgs[-1] if msgs else None
    values: dict[str, Any] = {
        "awaiting_since": awaiting,
        "message_count": len(msgs),
        "last_activity": last.received_at if last else c.last_activity,
        "preview": " ".join((last.body_text if last else "").split())[:160],
    }
    # every snooze ends when the buyer writes (app.domain.snooze)
    wake = conv.snoozed_at is not None and buyer_wrote_after(msgs, aware(conv.snoozed_at))
    if last is not None and not wake:
        # The common case, through a statement built once (refresh runs for every message the
        # mailbox bridge stores).
        conn.execute(_SUMMARY, {**key, **{"new_" + k: v for k, v in values.items()}})
    else:
        if wake:
            values.update(WAKE)
        conn.execute(
            update(schema.conversations)
            .where((c.seller_id == ch.seller_id) & (c.id == conversation_id))
            .values(**values)
        )
    ch.updated("Conversation", conversation_id)


# Built once: refresh runs for every stored buyer message (the mailbox bridge stores thousands).
_CC, _MC = schema.conversations.c, schema.messages.c
_LOCK_CONVERSATION = (
    select(_CC.marketplace_id, _CC.snoozed_at)
    .where((_CC.seller_id == bindparam("sid")) & (_CC.id == bindparam("cid")))
    .with_for_update()
)
_MESSAGES = (
    select(_MC.direction, _MC.received_at, _MC.keywords, _MC.delivered, _MC.body_text)
    .where((_MC.seller_id == bindparam("sid")) & (_MC.conversation_id == bindparam("cid")))
    .order_by(_MC.received_at, _MC.id)
)

_SUMMARY = (
    update(schema.conversations)
    .where((_CC.seller_id == bindparam("sid")) & (_CC.id == bindparam("cid")))
    .values(
        awaiting_since=bindparam("new_awaiting_since", type_=_CC.awaiting_since.type),
        message_count=bindparam("new_message_count", type_=_CC.message_count.type),
        last_activity=bindparam("new_last_activity", type_=_CC.last_activity.type),
        preview=bindparam("new_preview", type_=_CC.preview.type),
    )
)

# The snooze columns of an awake conversation.
WAKE: dict[str, Any] = {
    "snooze_kind": None,
    "snoozed_at": None,
    "snoozed_until": None,
    "snooze_reason": None,
}


def buyer_wrote_after(messages: Iterable[Any], since: datetime | None) -> bool:
    return since is not None and any(
        m.direction == Direction.INBOUND and (aware(m.received_at) or since) > since
        for m in messages
    )


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
    # A delivered seller reply ends the running clock (see `runs`).
    answered = any(a.direction == Direction.OUTBOUND and a.delivered for a in added)
    # Relative to the row as it is now, not to `conv`: another writer of the conversation may
    # have committed since it was read (the seller's row lock comes later, see Changes.flush).
    # The row lock this UPDATE takes orders them; if that writer's messages are not older than
    # ours, nothing is updated and `refresh` recomputes from the messages.
    res = conn.execute(
        _APPEND,
        {
            "sid": ch.seller_id,
            "cid": conv.id,
            "first": times[0],
            "n": len(added),
            "answered": answered,
            "last": times[-1],
            "preview": " ".join(added[-1].body_text.split())[:160],
        },
    )
    if res.rowcount == 0:
        refresh(conn, ch, conv.id)
        return
    ch.updated("Conversation", conv.id)


_C = schema.conversations.c
_APPEND = (
    update(schema.conversations)
    .where(
        (_C.seller_id == bindparam("sid"))
        & (_C.id == bindparam("cid"))
        & (_C.last_activity < bindparam("first", type_=_C.last_activity.type))
    )
    .values(
        awaiting_since=case(
            (bindparam("answered", type_=Boolean()), null()), else_=_C.awaiting_since
        ),
        message_count=_C.message_count + bindparam("n", type_=Integer()),
        last_activity=bindparam("last", type_=_C.last_activity.type),
        preview=bindparam("preview", type_=String()),
    )
)


def inbound_appended(
    conn: Connection, ch: Changes, conversation_id: str, at: datetime, body_text: str
) -> bool:
    """`refresh` for one buyer message later than everything in an awake conversation,
    without reading its messages: a buyer message restarts the clock (see `runs`), counts one
    more and is the preview. False (nothing written) when the conversation has a message as
    late as this one or is snoozed: the caller refreshes instead. Like `appended`, the UPDATE's
    row lock orders it against other writers of the conversation."""
    res = conn.execute(
        _INBOUND,
        {
            "sid": ch.seller_id,
            "cid": conversation_id,
            "at": at,
            "preview": " ".join(body_text.split())[:160],
        },
    )
    if res.rowcount == 0:
        return False
    ch.updated("Conversation", conversation_id)
    return True


_INBOUND = (
    update(schema.conversations)
    .where(
        (_C.seller_id == bindparam("sid"))
        & (_C.id == bindparam("cid"))
        & (_C.last_activity < bindparam("at", type_=_C.last_activity.type))
        & _C.snoozed_at.is_(None)
    )
    .values(
        awaiting_since=bindparam("at", type_=_C.awaiting_since.type),
        message_count=_C.message_count + 1,
        last_activity=bindparam("at", type_=_C.last_activity.type),
        preview=bindparam("preview", type_=String()),
    )
)
