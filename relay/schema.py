"""Relay tables (SQLAlchemy Core). Created and changed by Alembic revisions (relay/migrations):
a change here needs a new revision (tests compare the migrated schema with this metadata)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# relay_schema_version: 1 was the pre-Alembic create_all schema; 2 means "managed by Alembic,
# see alembic_version" (pre-Alembic relays refuse anything above 1).
SCHEMA_VERSION = 2

metadata = MetaData()

schema_version = Table("relay_schema_version", metadata, Column("version", Integer, nullable=False))

settings = Table(
    "relay_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

sellers = Table(
    "sellers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("modseq", BigInteger, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(10), nullable=False),  # "seller" | "ingest"
    Column("seller_id", Integer, nullable=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("label", String(100), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

marketplaces = Table(
    "marketplaces",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("country", String(2), nullable=False),
    Column("messaging_enabled", Boolean, nullable=False, default=True),
    Column("vacation_from", DateTime(timezone=True), nullable=True),
    Column("vacation_until", DateTime(timezone=True), nullable=True),
    Column("rule_pack", String(64), nullable=False, default="default"),
)

# The real address lives only here and in `optouts`; no seller-facing code selects `email`.
buyers = Table(
    "buyers",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("marketplace_id", String(64), nullable=False),
    Column("email", String(320), nullable=False),
    Column("alias", String(200), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False),
    Column("locale", String(16), nullable=False, default="en"),
    Column("opted_out", Boolean, nullable=False, default=False),
    UniqueConstraint("seller_id", "marketplace_id", "email", name="uq_buyer_identity"),
)

# Addresses a seller sends mail from with their own mail client: `/ingest/seller-mail` knows the
# seller by them (`seller-relay seller-mail add`). An address belongs to one seller.
seller_addresses = Table(
    "seller_addresses",
    metadata,
    Column("email", String(320), primary_key=True),
    Column("seller_id", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_seller_addresses_seller", "seller_id"),
)

optouts = Table(
    "optouts",
    metadata,
    Column("marketplace_id", String(64), primary_key=True),
    Column("email", String(320), primary_key=True),
)

orders = Table(
    "orders",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("marketplace_id", String(64), nullable=False),
    Column("buyer_id", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("placed_at", DateTime(timezone=True), nullable=True),
    Column("items", Text, nullable=False, default="[]"),
)

conversations = Table(
    "conversations",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("marketplace_id", String(64), nullable=False),
    Column("buyer_id", String(32), nullable=False),
    Column("buyer_alias", String(200), nullable=False),
    Column("order_id", String(64), nullable=True),
    Column("subject", String(400), nullable=False),
    Column("buyer_initiated", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_activity", DateTime(timezone=True), nullable=False),
    Column("awaiting_since", DateTime(timezone=True), nullable=True),
    Column("message_count", Integer, nullable=False, default=0),
    Column("preview", String(200), nullable=False, default=""),
    # Snooze / follow-up (app.domain.snooze): all null when awake. A buyer message after
    # snoozed_at clears them (threads.refresh).
    Column("snooze_kind", String(16), nullable=True),
    Column("snoozed_at", DateTime(timezone=True), nullable=True),
    Column("snoozed_until", DateTime(timezone=True), nullable=True),
    Column("snooze_reason", String(200), nullable=True),
    # The sort columns ride along so SQLite's planner picks this over ix_conv_activity for a
    # buyer's conversations (migration 0002 says why).
    Index("ix_conv_buyer", "seller_id", "buyer_id", "last_activity", "id"),
    Index("ix_conv_activity", "seller_id", "last_activity", "id"),
)

messages = Table(
    "messages",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("conversation_id", String(32), nullable=False),
    Column("direction", String(8), nullable=False),
    Column("subject", String(400), nullable=False),
    Column("body_text", Text, nullable=False),
    Column("body_html", Text, nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("keywords", Text, nullable=False, default="[]"),
    Column("attachments", Text, nullable=False, default="[]"),
    Column("submission_id", String(32), nullable=True),
    Column("delivered", Boolean, nullable=True),
    Column("notice", String(32), nullable=True),
    # The notice as data, for the seller's language: {"code": "buyerOptedOut", "params": {…}}.
    Column("notice_params", Text, nullable=True),
    Column("external_id", String(200), nullable=True),
    Index("ix_msg_conv", "seller_id", "conversation_id", "received_at", "id"),
    Index("ix_msg_time", "seller_id", "received_at", "id"),
    UniqueConstraint("seller_id", "external_id", name="uq_msg_external"),
)

submissions = Table(
    "submissions",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("client_submission_id", String(128), nullable=False),
    Column("conversation_id", String(32), nullable=False),
    Column("message_id", String(32), nullable=False),
    Column("undo_status", String(16), nullable=False),
    Column("delivery_status", String(16), nullable=False),
    Column("reject_reason", Text, nullable=True),
    Column("removed_attachments", Text, nullable=False, default="[]"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("seller_id", "client_submission_id", name="uq_client_submission"),
)

blobs = Table(
    "blobs",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("media_type", String(100), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

idempotency = Table(
    "idempotency_keys",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("key", String(128), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # "inflight" | "done"
    Column("response", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# One row per object: the modseq of its last change. Paging over unique modseqs is exact.
changes = Table(
    "changes",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("type", String(32), primary_key=True),
    Column("object_id", String(64), primary_key=True),
    Column("modseq", BigInteger, nullable=False),
    Column("created_modseq", BigInteger, nullable=False),
    Column("destroyed", Boolean, nullable=False, default=False),
    Index("ix_changes_seq", "seller_id", "type", "modseq"),
)

type_states = Table(
    "type_states",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("type", String(32), primary_key=True),
    Column("modseq", BigInteger, nullable=False),
    Column("pruned_modseq", BigInteger, nullable=False, default=0),
)

# -- the mailbox bridge (relay/mailbridge, migration 0003) -------------------------------------
# A seller's own mailbox: IMAP in, SMTP out. The password is never here (relay.mailbridge.secrets).
mailboxes = Table(
    "mailboxes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seller_id", Integer, nullable=False),
    Column("address", String(320), nullable=False, unique=True),
    Column("imap_url", String(500), nullable=False),
    Column("smtp_url", String(500), nullable=False),
    Column("folders", Text, nullable=False, default='["INBOX"]'),  # JSON list
    Column("sent_folder", String(200), nullable=True),
    # The seller's own server's Authentication-Results id: only its results count (0006).
    Column("authserv_id", String(200), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # What the bridge last reported (MailboxState); not a protocol object.
    Column("connected", Boolean, nullable=False, default=False),
    Column("last_fetch_at", DateTime(timezone=True), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("error_kind", String(16), nullable=True),
    Index("ix_mailboxes_seller", "seller_id"),
)

# Per folder: where the next fetch starts. Advanced in the transaction that stores its mail.
mail_cursors = Table(
    "mail_cursors",
    metadata,
    Column("mailbox_id", Integer, primary_key=True),
    Column("folder", String(200), primary_key=True),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("uidnext", BigInteger, nullable=False),
    Column("highestmodseq", BigInteger, nullable=True),  # NULL: the server has no CONDSTORE
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Every mail the bridge has applied (or skipped), by its Message-ID (or content hash when it has
# none): a refetch after a crash or a UIDVALIDITY change finds it here and adds nothing.
mail_seen = Table(
    "mail_seen",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("mail_key", String(300), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("mailbox_id", Integer, nullable=False),
    Column("folder", String(200), nullable=False),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("uid", BigInteger, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("object_id", String(32), nullable=True),  # the relay message it became, if any
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Index("ix_mail_seen_fp", "seller_id", "fingerprint"),
)

# A bridged buyer: which mailbox their mail came through and their latest full alias (replies
# go there; the `+case` part changes per case).
mail_routes = Table(
    "mail_routes",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("buyer_id", String(32), primary_key=True),
    Column("mailbox_id", Integer, nullable=False),
    Column("alias", String(320), nullable=False),
    Column("alias_at", DateTime(timezone=True), nullable=False),
)

# Replies the bridge delivers by SMTP, one per Submission: queued -> sending -> sent, or failed /
# attention. `sending` is committed before DATA: found after a crash, it means "maybe sent".
mail_outbox = Table(
    "mail_outbox",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("submission_id", String(32), primary_key=True),
    Column("mailbox_id", Integer, nullable=False),
    Column("message_id", String(250), nullable=False),  # the mail's Message-ID, without <>
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("not_before", DateTime(timezone=True), nullable=True),
    Column("detail", Text, nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_mail_outbox_state", "mailbox_id", "state"),
    UniqueConstraint("message_id", name="uq_mail_outbox_msgid"),
)

# Marketplace notices that belong to no conversation (their own lane; `mailbox notices`).
mail_notices = Table(
    "mail_notices",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("mailbox_id", Integer, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("subject", String(400), nullable=False),
    Column("body_text", Text, nullable=False),
    Column("order_id", String(64), nullable=True),
    Column("status", String(64), nullable=True),
    Column("trusted", Boolean, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_mail_notices_time", "seller_id", "received_at"),
)

# Reply templates, shared by every seat of the account (app.domain.templates). `name_key` is the
# case-folded name: two templates cannot differ only in case. `findings`: the rules check of
# each text at save time (JSON list of {language, rule, severity}).
templates = Table(
    "templates",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("name", String(80), nullable=False),
    Column("name_key", String(80), nullable=False),
    Column("contact_reason", String(32), nullable=False),
    Column("texts", Text, nullable=False),
    Column("findings", Text, nullable=False, default="[]"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("seller_id", "name_key", name="uq_template_name"),
)

# Internal notes on a conversation: never sent, never shown to a buyer.
notes = Table(
    "notes",
    metadata,
    Column("seller_id", Integer, primary_key=True),
    Column("id", String(32), primary_key=True),
    Column("conversation_id", String(32), nullable=False),
    Column("body", Text, nullable=False),
    Column("author", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_notes_conv", "seller_id", "conversation_id", "created_at", "id"),
)
