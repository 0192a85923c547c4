"""Plain value types of the domain. No I/O, no Qt, no SQLAlchemy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.domain.enums import Direction, Keyword, OrderKind

RESPONSE_WINDOW = timedelta(hours=24)
"""Every buyer message must be answered within 24 hours, weekends included."""


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Marketplace:
    id: str  # e.g. "amazon.se"
    name: str
    country: str  # ISO 3166 alpha-2, for the flag
    messaging_enabled: bool = True
    vacation_from: datetime | None = None
    vacation_until: datetime | None = None
    rule_pack: str = "default"

    def accepts_new_buyers(self, at: datetime) -> bool:
        """Off, or inside the vacation window: new buyers cannot start a conversation."""
        if not self.messaging_enabled:
            return False
        if self.vacation_from is not None and at >= self.vacation_from:
            return self.vacation_until is not None and at >= self.vacation_until
        return True


@dataclass(frozen=True, slots=True)
class Buyer:
    alias: str  # <alias>@marketplace.<relay-domain>; the real address never reaches us
    display_name: str
    locale: str = "en"
    opted_out: bool = False


@dataclass(frozen=True, slots=True)
class OrderItem:
    sku: str
    title: str
    quantity: int = 1


@dataclass(frozen=True, slots=True)
class Order:
    id: str  # the marketplace's order number, e.g. "114-3941689-8772232"
    marketplace_id: str
    kind: OrderKind = OrderKind.STANDARD
    placed_at: datetime | None = None
    items: tuple[OrderItem, ...] = ()


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    name: str
    media_type: str
    size: int
    sha256: str | None = None  # content address in the local blob store
    blob_id: str | None = None  # relay blob id


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    conversation_id: str
    direction: Direction
    subject: str
    body_text: str
    received_at: datetime
    body_html: str | None = None  # sanitized
    keywords: frozenset[Keyword] = frozenset()
    attachments: tuple[AttachmentRef, ...] = ()

    @property
    def seen(self) -> bool:
        return Keyword.SEEN in self.keywords


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    marketplace_id: str
    buyer_alias: str
    subject: str
    last_activity: datetime
    order_id: str | None = None
    buyer_initiated: bool = True
    awaiting_since: datetime | None = None  # oldest unanswered buyer message
    no_response_needed: bool = False
    unread_count: int = 0
    flagged: bool = False
    preview: str = ""

    def deadline(self) -> datetime | None:
        """When the 24-hour answer clock runs out, or None when nothing is owed."""
        if self.awaiting_since is None or self.no_response_needed:
            return None
        return self.awaiting_since + RESPONSE_WINDOW


@dataclass(slots=True)
class Draft:
    """What the seller is writing. Keyed by conversation, or by (buyer, order) for a new message."""

    key: str
    subject: str = ""
    body: str = ""
    contact_reason: str = "other"
    important: bool = False
    attachments: list[AttachmentRef] = field(default_factory=list)
    updated_at: datetime = field(default_factory=utcnow)
