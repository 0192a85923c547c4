"""The relay schema as of the switch to Alembic (what `metadata.create_all` made until then).

Revision ID: 0001
Revises:
Create Date: 2026-11-23

A database made by a pre-Alembic relay is adopted by running this revision on it: only the
tables it lacks are created (a database from before `seller_addresses` existed gets that
table, as create_all would have done), then it is stamped. `relay_schema_version` moves to 2:
pre-Alembic relays know only 1 and refuse the database instead of writing to it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

MANAGED_BY_ALEMBIC = 2  # relay_schema_version from now on; pre-Alembic relays refuse > 1


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "blobs" not in existing:
        op.create_table(
            "blobs",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("media_type", sa.String(length=100), nullable=False),
            sa.Column("size", sa.BigInteger(), nullable=False),
            sa.Column("sha256", sa.String(length=64), nullable=False),
            sa.Column("data", sa.LargeBinary(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "id"),
        )
    if "buyers" not in existing:
        op.create_table(
            "buyers",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("marketplace_id", sa.String(length=64), nullable=False),
            sa.Column("email", sa.String(length=320), nullable=False),
            sa.Column("alias", sa.String(length=200), nullable=False),
            sa.Column("display_name", sa.String(length=100), nullable=False),
            sa.Column("locale", sa.String(length=16), nullable=False),
            sa.Column("opted_out", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "id"),
            sa.UniqueConstraint("alias"),
            sa.UniqueConstraint("seller_id", "marketplace_id", "email", name="uq_buyer_identity"),
        )
    if "changes" not in existing:
        op.create_table(
            "changes",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("type", sa.String(length=32), nullable=False),
            sa.Column("object_id", sa.String(length=64), nullable=False),
            sa.Column("modseq", sa.BigInteger(), nullable=False),
            sa.Column("created_modseq", sa.BigInteger(), nullable=False),
            sa.Column("destroyed", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "type", "object_id"),
        )
        op.create_index("ix_changes_seq", "changes", ["seller_id", "type", "modseq"], unique=False)
    if "conversations" not in existing:
        op.create_table(
            "conversations",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("marketplace_id", sa.String(length=64), nullable=False),
            sa.Column("buyer_id", sa.String(length=32), nullable=False),
            sa.Column("buyer_alias", sa.String(length=200), nullable=False),
            sa.Column("order_id", sa.String(length=64), nullable=True),
            sa.Column("subject", sa.String(length=400), nullable=False),
            sa.Column("buyer_initiated", sa.Boolean(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("last_activity", sa.DateTime(timezone=True), nullable=False),
            sa.Column("awaiting_since", sa.DateTime(timezone=True), nullable=True),
            sa.Column("message_count", sa.Integer(), nullable=False),
            sa.Column("preview", sa.String(length=200), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "id"),
        )
        op.create_index("ix_conv_buyer", "conversations", ["seller_id", "buyer_id"], unique=False)
    if "idempotency_keys" not in existing:
        op.create_table(
            "idempotency_keys",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("key", sa.String(length=128), nullable=False),
            sa.Column("request_hash", sa.String(length=64), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("response", sa.Text(), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "key"),
        )
    if "marketplaces" not in existing:
        op.create_table(
            "marketplaces",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=64), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.Column("country", sa.String(length=2), nullable=False),
            sa.Column("messaging_enabled", sa.Boolean(), nullable=False),
            sa.Column("vacation_from", sa.DateTime(timezone=True), nullable=True),
            sa.Column("vacation_until", sa.DateTime(timezone=True), nullable=True),
            sa.Column("rule_pack", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "id"),
        )
    if "messages" not in existing:
        op.create_table(
            "messages",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("conversation_id", sa.String(length=32), nullable=False),
            sa.Column("direction", sa.String(length=8), nullable=False),
            sa.Column("subject", sa.String(length=400), nullable=False),
            sa.Column("body_text", sa.Text(), nullable=False),
            sa.Column("body_html", sa.Text(), nullable=True),
            sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("keywords", sa.Text(), nullable=False),
            sa.Column("attachments", sa.Text(), nullable=False),
            sa.Column("submission_id", sa.String(length=32), nullable=True),
            sa.Column("delivered", sa.Boolean(), nullable=True),
            sa.Column("notice", sa.String(length=32), nullable=True),
            sa.Column("external_id", sa.String(length=200), nullable=True),
            sa.PrimaryKeyConstraint("seller_id", "id"),
            sa.UniqueConstraint("seller_id", "external_id", name="uq_msg_external"),
        )
        op.create_index(
            "ix_msg_conv", "messages", ["seller_id", "conversation_id", "received_at"], unique=False
        )
    if "optouts" not in existing:
        op.create_table(
            "optouts",
            sa.Column("marketplace_id", sa.String(length=64), nullable=False),
            sa.Column("email", sa.String(length=320), nullable=False),
            sa.PrimaryKeyConstraint("marketplace_id", "email"),
        )
    if "orders" not in existing:
        op.create_table(
            "orders",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=64), nullable=False),
            sa.Column("marketplace_id", sa.String(length=64), nullable=False),
            sa.Column("buyer_id", sa.String(length=32), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("placed_at", sa.DateTime(timezone=True), nullable=True),
            sa.Column("items", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "id"),
        )
    if "relay_schema_version" not in existing:
        op.create_table("relay_schema_version", sa.Column("version", sa.Integer(), nullable=False))
    if "relay_settings" not in existing:
        op.create_table(
            "relay_settings",
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        )
    if "seller_addresses" not in existing:
        op.create_table(
            "seller_addresses",
            sa.Column("email", sa.String(length=320), nullable=False),
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("email"),
        )
        op.create_index(
            "ix_seller_addresses_seller", "seller_addresses", ["seller_id"], unique=False
        )
    if "sellers" not in existing:
        op.create_table(
            "sellers",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.Column("modseq", sa.BigInteger(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("name"),
        )
    if "submissions" not in existing:
        op.create_table(
            "submissions",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("client_submission_id", sa.String(length=128), nullable=False),
            sa.Column("conversation_id", sa.String(length=32), nullable=False),
            sa.Column("message_id", sa.String(length=32), nullable=False),
            sa.Column("undo_status", sa.String(length=16), nullable=False),
            sa.Column("delivery_status", sa.String(length=16), nullable=False),
            sa.Column("reject_reason", sa.Text(), nullable=True),
            sa.Column("removed_attachments", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "id"),
            sa.UniqueConstraint("seller_id", "client_submission_id", name="uq_client_submission"),
        )
    if "tokens" not in existing:
        op.create_table(
            "tokens",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("kind", sa.String(length=10), nullable=False),
            sa.Column("seller_id", sa.Integer(), nullable=True),
            sa.Column("hash", sa.String(length=64), nullable=False),
            sa.Column("label", sa.String(length=100), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("hash"),
        )
    if "type_states" not in existing:
        op.create_table(
            "type_states",
            sa.Column("seller_id", sa.Integer(), nullable=False),
            sa.Column("type", sa.String(length=32), nullable=False),
            sa.Column("modseq", sa.BigInteger(), nullable=False),
            sa.Column("pruned_modseq", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint("seller_id", "type"),
        )

    version = sa.table("relay_schema_version", sa.column("version", sa.Integer))
    bind = op.get_bind()
    if bind.execute(sa.select(sa.func.count()).select_from(version)).scalar_one():
        op.execute(version.update().values(version=MANAGED_BY_ALEMBIC))
    else:
        op.execute(version.insert().values(version=MANAGED_BY_ALEMBIC))


def downgrade() -> None:
    raise NotImplementedError("the first revision is not downgraded: restore a backup instead")
