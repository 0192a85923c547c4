"""SQLAlchemy 2 models of the local store (one SQLite file per profile).

Rows mirror the relay's objects (``relay_id``) but use integer keys locally: they keep the
keyset indexes small. Conversation columns the thread list sorts and filters on
(``needs_response``, ``last_activity``, ``awaiting_since``…) are denormalized so that a page is
one index seek; writers keep them in step (see ``writes.py``).

The schema itself is created and changed only by the Alembic migrations in ``migrations/``;
these classes describe the head revision and a test checks the two agree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.storage.coltypes import Millis


class Base(DeclarativeBase):
    pass


class MarketplaceRow(Base):
    __tablename__ = "marketplaces"

    id: Mapped[str] = mapped_column(String, primary_key=True)  # "amazon.se"
    name: Mapped[str] = mapped_column(String, nullable=False)
    country: Mapped[str] = mapped_column(String(2), nullable=False, default="")
    messaging_enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    vacation_from: Mapped[datetime | None] = mapped_column(Millis)
    vacation_until: Mapped[datetime | None] = mapped_column(Millis)
    rule_pack: Mapped[str] = mapped_column(String, nullable=False, default="default")


class BuyerRow(Base):
    __tablename__ = "buyers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relay_id: Mapped[str | None] = mapped_column(String, unique=True)
    alias: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String, nullable=False, default="")
    locale: Mapped[str] = mapped_column(String, nullable=False, default="en")
    opted_out: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class OrderRow(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("marketplace_id", "order_number", name="uq_orders_number"),
        CheckConstraint(
            "kind IN ('standard', 'handmade', 'custom', 'wine')", name="ck_orders_kind"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relay_id: Mapped[str | None] = mapped_column(String, unique=True)
    order_number: Mapped[str] = mapped_column(String, nullable=False)
    marketplace_id: Mapped[str] = mapped_column(ForeignKey("marketplaces.id"), nullable=False)
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("buyers.id"))
    kind: Mapped[str] = mapped_column(String, nullable=False, default="standard")
    placed_at: Mapped[datetime | None] = mapped_column(Millis)
    items_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")


class ConversationRow(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        Index("ix_conv_activity", "last_activity", "id"),  # scanned backwards for newest first
        Index("ix_conv_mkt_activity", "marketplace_id", "last_activity", "id"),
        Index("ix_conv_status_activity", "needs_response", "last_activity", "id"),
        Index(
            "ix_conv_mkt_status_activity",
            "marketplace_id",
            "needs_response",
            "last_activity",
            "id",
        ),
        Index("ix_conv_deadline", "needs_response", "awaiting_since", "id"),
        Index(
            "ix_conv_flagged_activity",
            "last_activity",
            "id",
            sqlite_where=text("flagged = 1"),
        ),
        Index("ix_conv_buyer", "buyer_id"),
        Index("ix_conv_order", "order_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relay_id: Mapped[str | None] = mapped_column(String, unique=True)
    marketplace_id: Mapped[str] = mapped_column(ForeignKey("marketplaces.id"), nullable=False)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("buyers.id"), nullable=False)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    subject: Mapped[str] = mapped_column(String, nullable=False, default="")
    preview: Mapped[str] = mapped_column(String, nullable=False, default="")
    last_activity: Mapped[datetime] = mapped_column(Millis, nullable=False)
    # Oldest buyer message not yet answered: the 24-hour clock runs from here.
    awaiting_since: Mapped[datetime | None] = mapped_column(Millis)
    no_response_needed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # awaiting_since IS NOT NULL AND NOT no_response_needed, stored so an index can serve it.
    needs_response: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    buyer_initiated: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    unread_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    message_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class MessageRow(Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_msg_conv_time", "conversation_id", "received_at", "id"),
        # Covering index for search: hit rowid -> conversation without touching the bodies.
        Index("ix_msg_id_conv", "id", "conversation_id"),
        CheckConstraint("direction IN ('in', 'out', 'system')", name="ck_messages_direction"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    relay_id: Mapped[str | None] = mapped_column(String, unique=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    direction: Mapped[str] = mapped_column(String, nullable=False)
    subject: Mapped[str] = mapped_column(String, nullable=False, default="")
    body_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body_html: Mapped[str | None] = mapped_column(Text)  # sanitized before it is stored
    received_at: Mapped[datetime] = mapped_column(Millis, nullable=False)
    keywords: Mapped[str] = mapped_column(String, nullable=False, default="")  # space-separated


class AttachmentRow(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String, nullable=False)
    media_type: Mapped[str] = mapped_column(String, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    blob_id: Mapped[str | None] = mapped_column(String)  # relay blob id
    sha256: Mapped[str | None] = mapped_column(String)  # set once the bytes are in the blob store


class DraftRow(Base):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "conv:<id>" for a reply, "new:<buyer id>:<order id>" for a new message from an order.
    key: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("buyers.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    subject: Mapped[str] = mapped_column(String, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    contact_reason: Mapped[str] = mapped_column(String, nullable=False, default="other")
    important: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    attachments_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    updated_at: Mapped[datetime] = mapped_column(Millis, nullable=False)


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_due", "state", "next_attempt_at"),
        CheckConstraint(
            "state IN ('queued', 'sending', 'sent', 'needs-attention', 'canceled')",
            name="ck_outbox_state",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # UUIDv7, minted when the draft enters the outbox: the Idempotency-Key and the
    # Submission.clientSubmissionId, so a retry after any crash is the same submission.
    idempotency_key: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("buyers.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    marketplace_id: Mapped[str | None] = mapped_column(ForeignKey("marketplaces.id"))
    subject: Mapped[str] = mapped_column(String, nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    contact_reason: Mapped[str] = mapped_column(String, nullable=False, default="other")
    attachments_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    state: Mapped[str] = mapped_column(String, nullable=False, default="queued")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    send_after: Mapped[datetime] = mapped_column(Millis, nullable=False)  # end of undo window
    next_attempt_at: Mapped[datetime | None] = mapped_column(Millis)
    error_type: Mapped[str | None] = mapped_column(String)
    error_detail: Mapped[str | None] = mapped_column(Text)
    submission_id: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(Millis, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(Millis, nullable=False)


class SyncStateRow(Base):
    """Opaque per-type state string from the relay, committed with the upserts it covers."""

    __tablename__ = "sync_states"

    type_name: Mapped[str] = mapped_column(String, primary_key=True)
    state: Mapped[str] = mapped_column(String, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(Millis, nullable=False)


class PendingChangeRow(Base):
    """A change the seller made that the relay has not confirmed yet (offline edits).

    Applied to the local rows at once; re-applied after every sync until the relay has it, so
    a sync never flips a keyword back while its change is still on the way."""

    __tablename__ = "pending_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_name: Mapped[str] = mapped_column(String, nullable=False)  # "Message", "Marketplace"
    relay_id: Mapped[str] = mapped_column(String, nullable=False)
    patch_json: Mapped[str] = mapped_column(Text, nullable=False)  # a JMAP PatchObject
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Millis, nullable=False)


class ResponseMetricsRow(Base):
    """The relay's response metrics per marketplace, as last fetched (shown offline too)."""

    __tablename__ = "response_metrics"

    marketplace_id: Mapped[str] = mapped_column(ForeignKey("marketplaces.id"), primary_key=True)
    windows_json: Mapped[str] = mapped_column(Text, nullable=False)
    computed_at: Mapped[datetime] = mapped_column(Millis, nullable=False)
