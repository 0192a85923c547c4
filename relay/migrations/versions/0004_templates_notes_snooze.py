"""A seller's day: reply templates and internal notes shared by the team, and snooze / follow-up
on conversations (docs/protocol.md: Template, Note, Conversation's `snooze`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

New tables and nullable columns only: an upgrade writes no row, and a relay of revision 0002
never reads the new columns. What exists already is kept (a pre-Alembic database adopted by
0001 was made by `create_all` of the current metadata, as 0002 says).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SNOOZE_COLUMNS = (
    ("snooze_kind", sa.String(length=16)),
    ("snoozed_at", sa.DateTime(timezone=True)),
    ("snoozed_until", sa.DateTime(timezone=True)),
    ("snooze_reason", sa.String(length=200)),
)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    have = {c["name"] for c in inspector.get_columns("conversations")}
    missing = [(name, type_) for name, type_ in SNOOZE_COLUMNS if name not in have]
    if missing:
        with op.batch_alter_table("conversations") as batch:
            for name, type_ in missing:
                batch.add_column(sa.Column(name, type_, nullable=True))
    tables = set(inspector.get_table_names())
    if "templates" not in tables:
        _create_templates()
    if "notes" not in tables:
        _create_notes()


def _create_templates() -> None:
    op.create_table(
        "templates",
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("contact_reason", sa.String(length=32), nullable=False),
        sa.Column("texts", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seller_id", "id"),
        sa.UniqueConstraint("seller_id", "name_key", name="uq_template_name"),
    )


def _create_notes() -> None:
    op.create_table(
        "notes",
        sa.Column("seller_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seller_id", "id"),
    )
    op.create_index("ix_notes_conv", "notes", ["seller_id", "conversation_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_notes_conv", table_name="notes")
    op.drop_table("notes")
    op.drop_table("templates")
    with op.batch_alter_table("conversations") as batch:
        for name, _ in reversed(SNOOZE_COLUMNS):
            batch.drop_column(name)
