"""Pure types shared by everything: no I/O, no Qt, no SQLAlchemy."""

from app.domain.enums import (
    ContactReason,
    ConversationStatus,
    Direction,
    Keyword,
    OrderKind,
    OutboxState,
)
from app.domain.model import (
    RESPONSE_WINDOW,
    AttachmentRef,
    Buyer,
    Conversation,
    Draft,
    Marketplace,
    Message,
    Order,
    OrderItem,
    utcnow,
)
from app.domain.thread import ThreadMessage, ThreadSummary, summarize

__all__ = [
    "RESPONSE_WINDOW",
    "AttachmentRef",
    "Buyer",
    "ContactReason",
    "Conversation",
    "ConversationStatus",
    "Direction",
    "Draft",
    "Keyword",
    "Marketplace",
    "Message",
    "Order",
    "OrderItem",
    "OrderKind",
    "OutboxState",
    "ThreadMessage",
    "ThreadSummary",
    "summarize",
    "utcnow",
]
