"""A seller's day: snooze columns on conversations, reply templates and internal notes, each
synced with the relay (docs/protocol.md: Template, Note, Conversation's snooze).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

New tables and nullable columns only: no row is rewritten, so the upgrade takes milliseconds
on any mailbox size.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SNOOZE = (
    ("snooze_kind", sa.String()),
    ("snoozed_at", sa.Integer()),
    ("snoozed_until", sa.Integer()),
    ("snooze_reason", sa.String()),
)


def upgrade() -> None:
    for name, type_ in SNOOZE:
        op.add_column("conversations", sa.Column(name, type_, nullable=True))
    op.create_index(
        "ix_conv_snoozed",
        "conversations",
        ["snoozed_until"],
        sqlite_where=sa.text("snooze_kind IS NOT NULL"),
    )
    op.create_table(
        "templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("relay_id", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("contact_reason", sa.String(), nullable=False),
        sa.Column("texts_json", sa.Text(), nullable=False),
        sa.Column("findings_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("relay_id"),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("relay_id", sa.String(), nullable=True),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("relay_id"),
    )
    op.create_index("ix_notes_conv_time", "notes", ["conversation_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_notes_conv_time", table_name="notes")
    op.drop_table("notes")
    op.drop_table("templates")
    op.drop_index("ix_conv_snoozed", table_name="conversations")
    for name, _ in reversed(SNOOZE):
        op.drop_column("conversations", name)
