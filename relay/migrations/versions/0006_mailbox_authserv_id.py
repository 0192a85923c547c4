"""Whose sender checks count: a mailbox's own mail server, named by its authserv-id.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

One nullable column: an upgrade writes no row; a mailbox without it keeps reading the topmost
Authentication-Results header (docs/mail.md, Trust; docs/security.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("mailboxes")}
    if "authserv_id" not in have:
        with op.batch_alter_table("mailboxes") as batch:
            batch.add_column(sa.Column("authserv_id", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mailboxes") as batch:
        batch.drop_column("authserv_id")
