"""The bridge's SMTP outbox, as the send path (relay.api.submission.deliver) sees it: is this
buyer bridged, and queue a reply for the bridge. Kept apart from `delivery` so the send path
imports nothing of the bridge's runtime."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, select

from relay import schema
from relay.store import now

QUEUED = "queued"


def outbound_message_id(seller_id: int, client_submission_id: str, address: str) -> str:
    """The Message-ID (without <>) of a submission's mail: the same for every attempt, so a
    copy already in the Sent folder is found by it."""
    digest = hashlib.sha256(f"{seller_id}:{client_submission_id}".encode()).hexdigest()[:40]
    return f"{digest}.seller-relay@{address.rpartition('@')[2] or 'localhost'}"


def route(conn: Connection, seller_id: int, buyer_id: str) -> Any:
    """The bridged buyer's mailbox and latest alias, or None (not a bridged buyer)."""
    r = schema.mail_routes.c
    return conn.execute(
        select(r.mailbox_id, r.alias).where((r.seller_id == seller_id) & (r.buyer_id == buyer_id))
    ).first()


def queue(
    conn: Connection,
    seller_id: int,
    submission_id: str,
    client_submission_id: str,
    mailbox_id: int,
) -> None:
    """Put a just-created Submission in the bridge's SMTP outbox (same transaction)."""
    address = conn.execute(
        select(schema.mailboxes.c.address).where(schema.mailboxes.c.id == mailbox_id)
    ).scalar_one()
    conn.execute(
        schema.mail_outbox.insert().values(
            seller_id=seller_id,
            submission_id=submission_id,
            mailbox_id=mailbox_id,
            message_id=outbound_message_id(seller_id, client_submission_id, address),
            state=QUEUED,
            attempts=0,
            updated_at=now(),
        )
    )
