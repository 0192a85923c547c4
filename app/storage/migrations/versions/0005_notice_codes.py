"""Relay notices as data: a system message's code and parameters (JSON) beside its English
text, so the window words it in its own language (docs/protocol.md, Message's `noticeCode`).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

One nullable column: no row is rewritten; notices synced before keep their English text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("messages", sa.Column("notice", sa.Text(), nullable=True))


def downgrade() -> None:
    # Not a batch (copy-and-rename) operation: that would drop the search triggers on messages.
    op.drop_column("messages", "notice")
