"""Closed vocabularies of the domain, shared by the app, the policy engine and the relay."""

from __future__ import annotations

from enum import StrEnum


class OrderKind(StrEnum):
    STANDARD = "standard"
    HANDMADE = "handmade"
    CUSTOM = "custom"
    WINE = "wine"

    @property
    def exempt_from_opt_out(self) -> bool:
        """Opt-out never applies to handmade, custom or wine orders (product brief)."""
        return self is not OrderKind.STANDARD


class Direction(StrEnum):
    INBOUND = "in"  # buyer -> seller
    OUTBOUND = "out"  # seller -> buyer
    SYSTEM = "system"  # relay notices: bounces, removed attachments, refusals


class ContactReason(StrEnum):
    SHIPPING_PROBLEM = "shipping-problem"
    CUSTOMIZATION = "customization"
    DELIVERY_SCHEDULING = "delivery-scheduling"
    OUT_OF_STOCK = "out-of-stock"
    SHIPPING_CONFIRMATION = "shipping-confirmation"
    PRODUCT_MANUAL = "product-manual"
    REVIEW_REQUEST = "review-request"
    OTHER = "other"

    @property
    def critical(self) -> bool:
        """Critical reasons still reach a buyer who opted out."""
        return self in _CRITICAL


_CRITICAL = frozenset(
    {ContactReason.SHIPPING_PROBLEM, ContactReason.CUSTOMIZATION, ContactReason.DELIVERY_SCHEDULING}
)


class Keyword(StrEnum):
    SEEN = "$seen"
    FLAGGED = "$flagged"
    ANSWERED = "$answered"
    NO_RESPONSE_NEEDED = "$noResponseNeeded"


class ConversationStatus(StrEnum):
    """What the seller owes a conversation; drives the thread-list filter."""

    NEEDS_RESPONSE = "needs-response"  # last buyer message unanswered
    WAITING_ON_BUYER = "waiting-on-buyer"  # seller spoke last, or no response needed
    ALL = "all"


class OutboxState(StrEnum):
    QUEUED = "queued"  # waiting for the undo window / connectivity
    SENDING = "sending"  # a POST may be in flight; retry with the same key
    SENT = "sent"  # the relay answered with a submission
    NEEDS_ATTENTION = "needs-attention"  # the relay refused; the seller must act
    CANCELED = "canceled"  # undone within the undo window
