"""Notices as data: a system message's code and parameters beside its English text, so the
clients word it in the seller's language (docs/protocol.md, Message's `noticeCode`).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

One nullable column: an upgrade writes no row; older notices keep their English text only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("messages")}
    if "notice_params" not in have:
        with op.batch_alter_table("messages") as batch:
            batch.add_column(sa.Column("notice_params", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("notice_params")
