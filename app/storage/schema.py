"""SQLAlchemy Core tables of the local store (one SQLite file per profile).

Rows mirror the relay's objects (``relay_id``) but use integer keys locally: they keep the
keyset indexes small. Conversation columns the thread list sorts and filters on
(``needs_response``, ``last_activity``, ``awaiting_since``…) are denormalized so that a page is
one index seek; writers keep them in step (see ``writes.py``).

Core ``Table`` objects, not declarative ORM classes: nothing here maps rows to objects, and
``import sqlalchemy.orm`` alone costs ~0.25 s of CPU at start-up.

The schema itself is created and changed only by the Alembic migrations in ``migrations/``;
these tables describe the head revision and a test checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from app.storage.coltypes import Millis

metadata = MetaData()


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _relay_id() -> Column[str]:
    return Column("relay_id", String, unique=True)


marketplaces = Table(
    "marketplaces",
    metadata,
    Column("id", String, primary_key=True),  # "amazon.se"
    Column("name", String, nullable=False),
    Column("country", String(2), nullable=False, default=""),
    Column("messaging_enabled", Boolean, nullable=False, default=True),
    Column("vacation_from", Millis),
    Column("vacation_until", Millis),
    Column("rule_pack", String, nullable=False, default="default"),
)

buyers = Table(
    "buyers",
    metadata,
    _id(),
    _relay_id(),
    Column("alias", String, nullable=False, unique=True),
    Column("display_name", String, nullable=False, default=""),
    Column("locale", String, nullable=False, default="en"),
    Column("opted_out", Boolean, nullable=False, default=False),
)

orders = Table(
    "orders",
    metadata,
    _id(),
    _relay_id(),
    Column("order_number", String, nullable=False),
    Column("marketplace_id", ForeignKey("marketplaces.id"), nullable=False),
    Column("buyer_id", ForeignKey("buyers.id")),
    Column("kind", String, nullable=False, default="standard"),
    Column("placed_at", Millis),
    Column("items_json", Text, nullable=False, default="[]"),
    UniqueConstraint("marketplace_id", "order_number", name="uq_orders_number"),
    CheckConstraint("kind IN ('standard', 'handmade', 'custom', 'wine')", name="ck_orders_kind"),
    Index("ix_orders_buyer", "buyer_id"),  # the buyer's orders in the details pane
)

conversations = Table(
    "conversations",
    metadata,
    _id(),
    _relay_id(),
    Column("marketplace_id", ForeignKey("marketplaces.id"), nullable=False),
    Column("buyer_id", ForeignKey("buyers.id"), nullable=False),
    Column("order_id", ForeignKey("orders.id")),
    Column("subject", String, nullable=False, default=""),
    Column("preview", String, nullable=False, default=""),
    Column("last_activity", Millis, nullable=False),
    # Oldest buyer message not yet answered: the 24-hour clock runs from here.
    Column("awaiting_since", Millis),
    Column("no_response_needed", Boolean, nullable=False, default=False),
    # awaiting_since IS NOT NULL AND NOT no_response_needed, stored so an index can serve it.
    Column("needs_response", Boolean, nullable=False, default=False),
    Column("buyer_initiated", Boolean, nullable=False, default=True),
    Column("flagged", Boolean, nullable=False, default=False),
    Column("unread_count", Integer, nullable=False, default=0),
    Column("message_count", Integer, nullable=False, default=0),
    # Snooze / follow-up as the relay has it (app.domain.snooze; all null when awake).
    Column("snooze_kind", String),
    Column("snoozed_at", Millis),
    Column("snoozed_until", Millis),
    Column("snooze_reason", String),
    # The last message's relay notice as data (JSON, like messages.notice) when it is one, so
    # the list words the preview in the window's language (revision 0008).
    Column("preview_notice", Text),
    Index("ix_conv_activity", "last_activity", "id"),  # scanned backwards for newest first
    Index("ix_conv_mkt_activity", "marketplace_id", "last_activity", "id"),
    Index("ix_conv_status_activity", "needs_response", "last_activity", "id"),
    Index("ix_conv_mkt_status_activity", "marketplace_id", "needs_response", "last_activity", "id"),
    Index("ix_conv_deadline", "needs_response", "awaiting_since", "id"),
    Index("ix_conv_flagged_activity", "last_activity", "id", sqlite_where=text("flagged = 1")),
    Index("ix_conv_buyer", "buyer_id"),
    # The few asleep conversations, for the inbox count (threads.count).
    Index("ix_conv_snoozed", "snoozed_until", sqlite_where=text("snooze_kind IS NOT NULL")),
    Index("ix_conv_order", "order_id"),
)

messages = Table(
    "messages",
    metadata,
    _id(),
    _relay_id(),
    Column("conversation_id", ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
    Column("direction", String, nullable=False),
    Column("subject", String, nullable=False, default=""),
    Column("body_text", Text, nullable=False, default=""),
    Column("body_html", Text),  # sanitized before it is stored
    Column("received_at", Millis, nullable=False),
    Column("keywords", String, nullable=False, default=""),  # space-separated
    # A relay notice as data, {"code": …, "params": {…}} (JSON), worded in the window's language
    Column("notice", Text),
    Index("ix_msg_conv_time", "conversation_id", "received_at", "id"),
    # Covering index for search: a match -> its conversation and time, off the bodies.
    Index("ix_msg_search", "id", "conversation_id", "received_at"),
    CheckConstraint("direction IN ('in', 'out', 'system')", name="ck_messages_direction"),
)

attachments = Table(
    "attachments",
    metadata,
    _id(),
    Column(
        "message_id",
        ForeignKey("messages.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("name", String, nullable=False),
    Column("media_type", String, nullable=False),
    Column("size", Integer, nullable=False),
    Column("blob_id", String),  # relay blob id
    Column("sha256", String),  # set once the bytes are in the blob store
)

drafts = Table(
    "drafts",
    metadata,
    _id(),
    # "conv:<id>" for a reply, "new:<buyer id>:<order id>" for a new message from an order.
    Column("key", String, nullable=False, unique=True),
    Column("conversation_id", ForeignKey("conversations.id", ondelete="CASCADE")),
    Column("buyer_id", ForeignKey("buyers.id")),
    Column("order_id", ForeignKey("orders.id")),
    Column("subject", String, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    Column("contact_reason", String, nullable=False, default="other"),
    Column("important", Boolean, nullable=False, default=False),
    Column("attachments_json", Text, nullable=False, default="[]"),
    Column("updated_at", Millis, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    _id(),
    # UUIDv7, minted when the draft enters the outbox: the Idempotency-Key and the
    # Submission.clientSubmissionId, so a retry after any crash is the same submission.
    Column("idempotency_key", String, nullable=False, unique=True),
    Column("conversation_id", ForeignKey("conversations.id", ondelete="SET NULL")),
    Column("buyer_id", ForeignKey("buyers.id")),
    Column("order_id", ForeignKey("orders.id")),
    Column("marketplace_id", ForeignKey("marketplaces.id")),
    Column("subject", String, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    Column("contact_reason", String, nullable=False, default="other"),
    Column("attachments_json", Text, nullable=False, default="[]"),
    Column("state", String, nullable=False, default="queued"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("send_after", Millis, nullable=False),  # end of undo window
    Column("next_attempt_at", Millis),
    Column("error_type", String),
    Column("error_detail", Text),
    Column("submission_id", String),
    Column("created_at", Millis, nullable=False),
    Column("updated_at", Millis, nullable=False),
    Index("ix_outbox_state_due", "state", "next_attempt_at"),
    CheckConstraint(
        "state IN ('queued', 'sending', 'sent', 'needs-attention', 'canceled')",
        name="ck_outbox_state",
    ),
)

# Opaque per-type state string from the relay, committed with the upserts it covers.
sync_states = Table(
    "sync_states",
    metadata,
    Column("type_name", String, primary_key=True),
    Column("state", String, nullable=False),
    Column("updated_at", Millis, nullable=False),
)

# A change the seller made that the relay has not confirmed yet (offline edits). Applied to
# the local rows at once; re-applied after every sync until the relay has it, so a sync never
# flips a keyword back while its change is still on the way.
pending_changes = Table(
    "pending_changes",
    metadata,
    _id(),
    Column("type_name", String, nullable=False),  # "Message", "Marketplace"
    Column("relay_id", String, nullable=False),
    Column("patch_json", Text, nullable=False),  # a JMAP PatchObject
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("created_at", Millis, nullable=False),
)

# The relay's response metrics per marketplace, as last fetched (shown offline too).
response_metrics = Table(
    "response_metrics",
    metadata,
    Column("marketplace_id", ForeignKey("marketplaces.id"), primary_key=True),
    Column("windows_json", Text, nullable=False),
    Column("computed_at", Millis, nullable=False),
)

# Reply templates shared through the relay (docs/protocol.md: Template); read offline.
templates = Table(
    "templates",
    metadata,
    _id(),
    _relay_id(),
    Column("name", String, nullable=False),
    Column("contact_reason", String, nullable=False, default="other"),
    Column("texts_json", Text, nullable=False),  # {language: text}
    Column("findings_json", Text, nullable=False, default="[]"),  # the relay's check at save
    Column("updated_at", Millis, nullable=False),
)

# Internal notes on a conversation (docs/protocol.md: Note): never sent to a buyer.
notes = Table(
    "notes",
    metadata,
    _id(),
    _relay_id(),
    Column("conversation_id", ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
    Column("body", Text, nullable=False),
    Column("author", String, nullable=False, default=""),
    Column("created_at", Millis, nullable=False),
    Column("updated_at", Millis, nullable=False),
    Index("ix_notes_conv_time", "conversation_id", "created_at", "id"),
)
