"""Indexes behind the newest-first reads: Conversation/query by lastActivity, Message/query by
receivedAt.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Without them every first page sorted the seller's whole mailbox: at 1M messages the newest 100
messages took ~200 ms and the newest 100 conversations ~26 ms on SQLite; with them, under 1 ms.
`id` is the tie-break of both sorts, so it is in the index too (no temporary B-tree).

SQLite's planner (no statistics) then prefers an index that yields the sort order over one with
a more selective equality: a conversation's messages (`conversationId` filter, sorted by
`receivedAt`) took 1.2 s through `ix_msg_time`. So the filter indexes `ix_msg_conv` and
`ix_conv_buyer` carry the sort columns too, and win again (< 1 ms).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_conv_activity", "conversations", ["seller_id", "last_activity", "id"]),
    ("ix_msg_time", "messages", ["seller_id", "received_at", "id"]),
    ("ix_conv_buyer", "conversations", ["seller_id", "buyer_id", "last_activity", "id"]),
    ("ix_msg_conv", "messages", ["seller_id", "conversation_id", "received_at", "id"]),
)
BEFORE = (
    ("ix_conv_buyer", "conversations", ["seller_id", "buyer_id"]),
    ("ix_msg_conv", "messages", ["seller_id", "conversation_id", "received_at"]),
)


def upgrade() -> None:
    _ensure(INDEXES)


def downgrade() -> None:
    for name, table, _ in INDEXES[:2]:
        op.drop_index(name, table_name=table)
    _ensure(BEFORE)


def _ensure(indexes: tuple[tuple[str, str, list[str]], ...]) -> None:
    """Create or redefine each index unless it already has exactly these columns (a database
    adopted from create_all by a relay that knew this schema has them)."""
    inspector = sa.inspect(op.get_bind())
    for name, table, columns in indexes:
        found = {ix["name"]: ix["column_names"] for ix in inspector.get_indexes(table)}
        if found.get(name) == columns:
            continue
        if name in found:
            op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
