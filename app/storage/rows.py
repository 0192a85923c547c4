"""Plain rows the read paths return, free of SQLAlchemy so the window can import them
before the store (and its ~0.5 s of imports) is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain import ConversationStatus, Direction, OrderKind, OutboxState
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
    # False: the inbox (conversations asleep now are left out); True: only those asleep.
    snoozed: bool = False


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
    # Snooze as stored (app.domain.snooze); a row in the list is awake or woken by time.
    snooze_kind: str | None = None
    snoozed_until: datetime | None = None
    snooze_reason: str | None = None
    # The preview is a relay notice: its code and parameters, worded in the window's language
    # (``preview`` is then the relay's English text).
    preview_notice: dict[str, Any] | None = None

    def woken(self, now: datetime) -> bool:
        """Back from a snooze whose time came, not yet opened: shown bold with its reason."""
        return self.snooze_kind is not None and (
            self.snoozed_until is not None and self.snoozed_until <= now
        )

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
    notice: dict[str, Any] | None = None  # a relay notice as data: {"code": …, "params": {…}}


@dataclass(frozen=True, slots=True)
class MarketplaceInfo:
    id: str
    name: str
    country: str
    messaging_enabled: bool
    vacation_from: datetime | None
    vacation_until: datetime | None


@dataclass(frozen=True, slots=True)
class OrderInfo:
    id: int
    order_number: str
    marketplace_id: str
    kind: OrderKind
    placed_at: datetime | None
    items: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class ConversationDetails:
    conversation_id: int
    marketplace_id: str
    buyer_id: int
    buyer_name: str
    buyer_alias: str
    buyer_locale: str
    buyer_opted_out: bool
    buyer_initiated: bool
    order_id: int | None = None
    order_number: str | None = None
    order_kind: str = "standard"
    order_placed_at: datetime | None = None
    order_items: tuple[dict[str, Any], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class DraftData:
    key: str  # "conv:<local id>" or "new:<buyer id>:<order id>"
    subject: str = ""
    body: str = ""
    contact_reason: str = "other"
    important: bool = False
    attachments: tuple[dict[str, Any], ...] = ()
    conversation_id: int | None = None
    buyer_id: int | None = None
    order_id: int | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    idempotency_key: str
    state: OutboxState
    conversation_id: int | None
    buyer_id: int | None
    order_id: int | None
    marketplace_id: str | None
    subject: str
    body: str
    contact_reason: str
    attachments: tuple[dict[str, Any], ...]
    attempts: int
    send_after: datetime
    next_attempt_at: datetime | None
    error_type: str | None
    error_detail: str | None
    submission_id: str | None
    draft_key: str


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: int
    relay_id: str | None
    name: str
    contact_reason: str
    texts: dict[str, str]  # language -> text
    findings: tuple[dict[str, Any], ...]  # {language, rule, severity}: the relay's check at save
    updated_at: datetime
    pending: bool = False  # an edit waits for the relay (app.services.shared_edits)
    refused: str | None = None  # the relay refused the last edit: its SetError type

    def flagged(self, language: str | None = None) -> bool:
        """The rules check found something (in `language`, or in any text)."""
        return any(language is None or f.get("language") == language for f in self.findings)


@dataclass(frozen=True, slots=True)
class NoteInfo:
    id: int
    relay_id: str | None
    conversation_id: int
    body: str
    author: str
    created_at: datetime
    updated_at: datetime
    pending: bool = False  # an edit waits for the relay (app.services.shared_edits)
    refused: str | None = None  # the relay refused the last edit: its SetError type
