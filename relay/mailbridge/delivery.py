"""What happens to a bridged reply after the relay accepted it: queued for SMTP, sent, failed,
delayed, or in need of the seller's attention. Shared by the SMTP sender (outbound) and by the
mail that reports on it (apply: marketplace "not delivered" notices, delivery reports).

Submission.deliveryStatus in a bridged account (docs/protocol.md):
  queued    accepted by the relay, waiting for the bridge to send it by SMTP
  delivered the seller's mail server accepted it (SMTP 250)
  pending   a delivery report said the server is still trying (4.x.x)
  failed    the mail server refused it, a delivery report said 5.x.x, or the marketplace
            said it was not delivered (rejectReason says which)
  attention the relay cannot tell whether it went out (a crash or a dropped connection after
            the mail's data was sent, and no copy in the Sent folder): never resent blindly
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select, update

from app.domain import Keyword
from relay import schema, threads
from relay.api.submission import system_message
from relay.mailbridge.outbox import QUEUED, outbound_message_id, queue, route
from relay.store import Changes, dumps, now

__all__ = ["QUEUED", "outbound_message_id", "queue", "route"]

SENDING, SENT, FAILED, ATTENTION = "sending", "sent", "failed", "attention"


def _submission(conn: Connection, seller_id: int, submission_id: str) -> Any:
    s = schema.submissions.c
    return conn.execute(
        select(schema.submissions).where((s.seller_id == seller_id) & (s.id == submission_id))
    ).one()


def _set_outbox(conn: Connection, seller_id: int, submission_id: str, **values: Any) -> None:
    o = schema.mail_outbox.c
    conn.execute(
        update(schema.mail_outbox)
        .where((o.seller_id == seller_id) & (o.submission_id == submission_id))
        .values(updated_at=now(), **values)
    )


def _set_submission(
    conn: Connection, ch: Changes, sub: Any, status: str, reason: dict[str, Any] | None
) -> None:
    s = schema.submissions.c
    conn.execute(
        update(schema.submissions)
        .where((s.seller_id == ch.seller_id) & (s.id == sub.id))
        .values(delivery_status=status, reject_reason=dumps(reason) if reason else None)
    )
    ch.updated("Submission", sub.id)


def _set_delivered(conn: Connection, ch: Changes, message_id: str, delivered: bool) -> None:
    m = schema.messages.c
    conn.execute(
        update(schema.messages)
        .where((m.seller_id == ch.seller_id) & (m.id == message_id))
        .values(delivered=delivered)
    )
    ch.updated("Message", message_id)


def _mark_answered(conn: Connection, ch: Changes, conversation_id: str) -> None:
    m = schema.messages.c
    rows = conn.execute(
        select(m.id, m.keywords).where(
            (m.seller_id == ch.seller_id)
            & (m.conversation_id == conversation_id)
            & (m.direction == "in")
            & m.keywords.not_like(f'%"{Keyword.ANSWERED.value}"%')
        )
    ).all()
    for row in rows:
        kws = sorted({*json.loads(row.keywords), Keyword.ANSWERED.value})
        conn.execute(
            update(schema.messages)
            .where((m.seller_id == ch.seller_id) & (m.id == row.id))
            .values(keywords=dumps(kws))
        )
        ch.updated("Message", row.id)


def mark_sent(conn: Connection, ch: Changes, submission_id: str, detail: str = "") -> None:
    """SMTP accepted the mail (or a copy was found in Sent): delivered; the clock stops."""
    sub = _submission(conn, ch.seller_id, submission_id)
    _set_outbox(conn, ch.seller_id, submission_id, state=SENT, detail=detail or None)
    if sub.delivery_status in ("queued", "attention"):
        _set_submission(conn, ch, sub, "delivered", None)
        _set_delivered(conn, ch, sub.message_id, True)
        _mark_answered(conn, ch, sub.conversation_id)
        threads.refresh(conn, ch, sub.conversation_id)


def notice_of(reason: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A failed delivery's notice code and parameters, from its reject reason: the status and
    the server's own words (not ours to translate)."""
    params = {k: reason[k] for k in ("status", "description") if reason.get(k)}
    return str(reason["type"]), params


def mark_failed(
    conn: Connection,
    ch: Changes,
    submission_id: str,
    reason: dict[str, Any],
    notice_text: str,
) -> None:
    """The mail was refused or bounced: failed, a bounce notice, the clock runs again."""
    sub = _submission(conn, ch.seller_id, submission_id)
    _set_outbox(conn, ch.seller_id, submission_id, state=FAILED, detail=dumps(reason))
    if sub.delivery_status == "failed":
        return  # a second report of the same failure
    _set_submission(conn, ch, sub, "failed", reason)
    _set_delivered(conn, ch, sub.message_id, False)
    m = schema.messages.c
    subject = conn.execute(
        select(m.subject).where((m.seller_id == ch.seller_id) & (m.id == sub.message_id))
    ).scalar()
    system_message(
        conn,
        ch,
        sub.conversation_id,
        f"Not delivered: {subject}",
        notice_text,
        "bounce",
        [],
        *notice_of(reason),
    )
    threads.refresh(conn, ch, sub.conversation_id)


def mark_pending(conn: Connection, ch: Changes, submission_id: str, status: str) -> None:
    """A delivery report said the server is still trying (4.x.x): pending, with a notice."""
    sub = _submission(conn, ch.seller_id, submission_id)
    _set_outbox(conn, ch.seller_id, submission_id, detail=f"delayed {status}")
    if sub.delivery_status != "delivered":
        return
    _set_submission(conn, ch, sub, "pending", {"type": "delayed", "status": status})
    system_message(
        conn,
        ch,
        sub.conversation_id,
        "Delivery delayed",
        f"Your mail server reports a delay ({status}) and keeps trying to deliver your reply. "
        "Nothing to do yet; a later report will say if it fails.",
        "delayed",
        [],
        "delayed",
        {"status": status},
    )
    threads.refresh(conn, ch, sub.conversation_id)


def mark_attention(conn: Connection, ch: Changes, submission_id: str, why: str) -> None:
    """Whether the mail went out is unknown: the seller decides (never resent blindly)."""
    sub = _submission(conn, ch.seller_id, submission_id)
    _set_outbox(conn, ch.seller_id, submission_id, state=ATTENTION, detail=why)
    if sub.delivery_status == "attention":
        return  # said once
    _set_submission(conn, ch, sub, "attention", {"type": "deliveryUnknown", "description": why})
    # The seller hears of it in the conversation (clients do not follow Submissions).
    system_message(
        conn, ch, sub.conversation_id, "Delivery unknown", why, "attention", [], "deliveryUnknown"
    )
    threads.refresh(conn, ch, sub.conversation_id)
