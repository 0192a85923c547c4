"""Plain rows the read paths return, free of SQLAlchemy so the window can import them
before the store (and its ~0.5 s of imports) is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain import ConversationStatus, Direction
from app.storage.timestamps import to_ms

PAGE_SIZE = 50


class ThreadSort(StrEnum):
    ACTIVITY = "activity"  # newest activity first
    DEADLINE = "deadline"  # owed answers by deadline, soonest first; then the rest by activity


@dataclass(frozen=True, slots=True)
class ThreadFilter:
    marketplace_id: str | None = None
    status: ConversationStatus = ConversationStatus.ALL
    flagged_only: bool = False
    sort: ThreadSort = ThreadSort.ACTIVITY


@dataclass(frozen=True, slots=True)
class ThreadKey:
    """Where a page ended. ``owed`` marks the deadline-sorted segment of owed answers."""

    sort_ms: int
    id: int
    owed: bool = False


@dataclass(frozen=True, slots=True)
class ThreadRow:
    id: int
    relay_id: str | None
    marketplace_id: str
    buyer_name: str
    buyer_alias: str
    order_number: str | None
    subject: str
    preview: str
    last_activity: datetime
    awaiting_since: datetime | None
    needs_response: bool
    no_response_needed: bool
    unread_count: int
    message_count: int
    flagged: bool

    def key(self, sort: ThreadSort = ThreadSort.ACTIVITY) -> ThreadKey:
        if sort is ThreadSort.DEADLINE and self.needs_response and self.awaiting_since:
            return ThreadKey(to_ms(self.awaiting_since), self.id, owed=True)
        return ThreadKey(to_ms(self.last_activity), self.id)


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    id: int
    name: str
    media_type: str
    size: int
    blob_id: str | None
    sha256: str | None


@dataclass(frozen=True, slots=True)
class MessageView:
    id: int
    relay_id: str | None
    direction: Direction
    subject: str
    body_text: str
    body_html: str | None
    received_at: datetime
    keywords: frozenset[str]
    attachments: tuple[AttachmentInfo, ...]
