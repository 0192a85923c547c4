"""An index of orders by buyer, for the buyer's orders in the details pane.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

The details pane lists the orders of the open conversation's buyer that have no conversation
yet (app.storage.buyer_history); without this index that is a scan of every order.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_buyer", "orders", ["buyer_id"])


def downgrade() -> None:
    op.drop_index("ix_orders_buyer", table_name="orders")
