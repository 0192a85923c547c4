"""The mailbox bridge: mailboxes, per-folder cursors, seen mail, buyer routes, the SMTP outbox,
marketplace notices (relay/mailbridge, docs/mail.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mailboxes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(320), nullable=False, unique=True),
        sa.Column("imap_url", sa.String(500), nullable=False),
        sa.Column("smtp_url", sa.String(500), nullable=False),
        sa.Column("folders", sa.Text(), nullable=False),
        sa.Column("sent_folder", sa.String(200), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("connected", sa.Boolean(), nullable=False),
        sa.Column("last_fetch_at", TZ, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("error_kind", sa.String(16), nullable=True),
    )
    op.create_index("ix_mailboxes_seller", "mailboxes", ["seller_id"])
    op.create_table(
        "mail_cursors",
        sa.Column("mailbox_id", sa.Integer(), primary_key=True),
        sa.Column("folder", sa.String(200), primary_key=True),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uidnext", sa.BigInteger(), nullable=False),
        sa.Column("highestmodseq", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "mail_seen",
        sa.Column("seller_id", sa.Integer(), primary_key=True),
        sa.Column("mail_key", sa.String(300), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("mailbox_id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(200), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("object_id", sa.String(32), nullable=True),
        sa.Column("seen_at", TZ, nullable=False),
    )
    op.create_index("ix_mail_seen_fp", "mail_seen", ["seller_id", "fingerprint"])
    op.create_table(
        "mail_routes",
        sa.Column("seller_id", sa.Integer(), primary_key=True),
        sa.Column("buyer_id", sa.String(32), primary_key=True),
        sa.Column("mailbox_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(320), nullable=False),
        sa.Column("alias_at", TZ, nullable=False),
    )
    op.create_table(
        "mail_outbox",
        sa.Column("seller_id", sa.Integer(), primary_key=True),
        sa.Column("submission_id", sa.String(32), primary_key=True),
        sa.Column("mailbox_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(250), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", TZ, nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
        sa.UniqueConstraint("message_id", name="uq_mail_outbox_msgid"),
    )
    op.create_index("ix_mail_outbox_state", "mail_outbox", ["mailbox_id", "state"])
    op.create_table(
        "mail_notices",
        sa.Column("seller_id", sa.Integer(), primary_key=True),
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("mailbox_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("order_id", sa.String(64), nullable=True),
        sa.Column("status", sa.String(64), nullable=True),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_index("ix_mail_notices_time", "mail_notices", ["seller_id", "received_at"])


def downgrade() -> None:
    for name in (
        "mail_notices",
        "mail_outbox",
        "mail_routes",
        "mail_seen",
        "mail_cursors",
        "mailboxes",
    ):
        op.drop_table(name)
