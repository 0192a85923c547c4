"""What a conversation's messages say about it: the 24-hour clock, unread count, preview.

One pure function, used by every writer of the local store (sync, the dataset generator) so
the thread list's denormalized columns mean the same thing whoever wrote them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import Direction, Keyword

PREVIEW_CHARS = 140


@dataclass(frozen=True, slots=True)
class ThreadMessage:
    direction: Direction
    received_at: datetime
    body_text: str
    keywords: frozenset[str] = frozenset()
    # A relay notice as data (stored JSON, {"code": …, "params": {…}}): the window words it.
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    last_activity: datetime
    awaiting_since: datetime | None
    no_response_needed: bool
    unread_count: int
    message_count: int
    preview: str
    flagged: bool = False  # any message carries $flagged
    # The last message's notice, when it is a relay notice: the list words its preview from
    # this in the window's language (``preview`` is the relay's English, for anything else).
    preview_notice: str | None = None

    @property
    def needs_response(self) -> bool:
        return self.awaiting_since is not None and not self.no_response_needed


def preview_of(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def summarize(messages: Iterable[ThreadMessage]) -> ThreadSummary:
    """Summarize a conversation's messages (any order).

    The clock follows the relay's rule (docs/protocol.md §6): buyer messages form a run that
    the seller's next message answers; the run's clock starts at its *latest* buyer message, so
    a new buyer message restarts it. Buyer messages marked "no response needed" are left out;
    if every unanswered one is marked, the conversation shows as "no response needed". Relay
    notices change nothing.
    """
    # Ties in time are broken on content so the answer never depends on the order given.
    ordered = sorted(
        messages,
        key=lambda m: (
            m.received_at,
            str(m.direction),
            m.body_text,
            sorted(m.keywords),
            m.notice or "",
        ),
    )
    if not ordered:
        raise ValueError("a conversation has at least one message")
    pending: list[ThreadMessage] = []
    unread = 0
    for msg in ordered:
        if msg.direction == Direction.OUTBOUND:
            pending.clear()
        elif msg.direction == Direction.INBOUND:
            pending.append(msg)
            if Keyword.SEEN not in msg.keywords:
                unread += 1
    owed = [m for m in pending if Keyword.NO_RESPONSE_NEEDED not in m.keywords]
    last = ordered[-1]
    return ThreadSummary(
        last_activity=last.received_at,
        awaiting_since=owed[-1].received_at if owed else None,
        no_response_needed=bool(pending) and not owed,
        unread_count=unread,
        message_count=len(ordered),
        preview=preview_of(last.body_text),
        flagged=any(Keyword.FLAGGED in m.keywords for m in ordered),
        preview_notice=last.notice,
    )
