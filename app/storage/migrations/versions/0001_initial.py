"""Initial schema: marketplaces, buyers, orders, conversations, messages, attachments,
drafts, outbox, sync states, and the full-text indexes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the FTS DDL as it was at this revision: later changes to app/storage/fts.py
# must come with a migration of their own.
_FTS = (
    """CREATE VIRTUAL TABLE messages_fts USING fts5(
        subject, body_text, content='messages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, subject, body_text)
        VALUES (new.id, new.subject, new.body_text);
    END""",
    """CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, subject, body_text)
        VALUES ('delete', old.id, old.subject, old.body_text);
    END""",
    """CREATE TRIGGER messages_fts_au AFTER UPDATE OF subject, body_text ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, subject, body_text)
        VALUES ('delete', old.id, old.subject, old.body_text);
        INSERT INTO messages_fts(rowid, subject, body_text)
        VALUES (new.id, new.subject, new.body_text);
    END""",
    """CREATE VIRTUAL TABLE orders_fts USING fts5(
        order_number, content='orders', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER orders_fts_ai AFTER INSERT ON orders BEGIN
        INSERT INTO orders_fts(rowid, order_number) VALUES (new.id, new.order_number);
    END""",
    """CREATE TRIGGER orders_fts_ad AFTER DELETE ON orders BEGIN
        INSERT INTO orders_fts(orders_fts, rowid, order_number)
        VALUES ('delete', old.id, old.order_number);
    END""",
    """CREATE TRIGGER orders_fts_au AFTER UPDATE OF order_number ON orders BEGIN
        INSERT INTO orders_fts(orders_fts, rowid, order_number)
        VALUES ('delete', old.id, old.order_number);
        INSERT INTO orders_fts(rowid, order_number) VALUES (new.id, new.order_number);
    END""",
)


def upgrade() -> None:
    op.create_table('buyers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_id', sa.String(), nullable=True),
    sa.Column('alias', sa.String(), nullable=False),
    sa.Column('display_name', sa.String(), nullable=False),
    sa.Column('locale', sa.String(), nullable=False),
    sa.Column('opted_out', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('alias'),
    sa.UniqueConstraint('relay_id')
    )
    op.create_table('marketplaces',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('messaging_enabled', sa.Boolean(), nullable=False),
    sa.Column('vacation_from', sa.Integer(), nullable=True),
    sa.Column('vacation_until', sa.Integer(), nullable=True),
    sa.Column('rule_pack', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sync_states',
    sa.Column('type_name', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('updated_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('type_name')
    )
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_id', sa.String(), nullable=True),
    sa.Column('order_number', sa.String(), nullable=False),
    sa.Column('marketplace_id', sa.String(), nullable=False),
    sa.Column('buyer_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('placed_at', sa.Integer(), nullable=True),
    sa.Column('items_json', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('standard', 'handmade', 'custom', 'wine')", name='ck_orders_kind'),
    sa.ForeignKeyConstraint(['buyer_id'], ['buyers.id'], ),
    sa.ForeignKeyConstraint(['marketplace_id'], ['marketplaces.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('marketplace_id', 'order_number', name='uq_orders_number'),
    sa.UniqueConstraint('relay_id')
    )
    op.create_table('conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_id', sa.String(), nullable=True),
    sa.Column('marketplace_id', sa.String(), nullable=False),
    sa.Column('buyer_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('preview', sa.String(), nullable=False),
    sa.Column('last_activity', sa.Integer(), nullable=False),
    sa.Column('awaiting_since', sa.Integer(), nullable=True),
    sa.Column('no_response_needed', sa.Boolean(), nullable=False),
    sa.Column('needs_response', sa.Boolean(), nullable=False),
    sa.Column('buyer_initiated', sa.Boolean(), nullable=False),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.Column('unread_count', sa.Integer(), nullable=False),
    sa.Column('message_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['buyer_id'], ['buyers.id'], ),
    sa.ForeignKeyConstraint(['marketplace_id'], ['marketplaces.id'], ),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('relay_id')
    )
    op.create_index('ix_conv_activity', 'conversations', ['last_activity', 'id'], unique=False)
    op.create_index('ix_conv_buyer', 'conversations', ['buyer_id'], unique=False)
    op.create_index('ix_conv_deadline', 'conversations', ['needs_response', 'awaiting_since', 'id'], unique=False)
    op.create_index('ix_conv_flagged_activity', 'conversations', ['last_activity', 'id'], unique=False, sqlite_where=sa.text('flagged = 1'))
    op.create_index('ix_conv_mkt_activity', 'conversations', ['marketplace_id', 'last_activity', 'id'], unique=False)
    op.create_index('ix_conv_mkt_status_activity', 'conversations', ['marketplace_id', 'needs_response', 'last_activity', 'id'], unique=False)
    op.create_index('ix_conv_order', 'conversations', ['order_id'], unique=False)
    op.create_index('ix_conv_status_activity', 'conversations', ['needs_response', 'last_activity', 'id'], unique=False)
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('buyer_id', sa.Integer(), nullable=True),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('contact_reason', sa.String(), nullable=False),
    sa.Column('important', sa.Boolean(), nullable=False),
    sa.Column('attachments_json', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['buyer_id'], ['buyers.id'], ),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('relay_id', sa.String(), nullable=True),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('received_at', sa.Integer(), nullable=False),
    sa.Column('keywords', sa.String(), nullable=False),
    sa.CheckConstraint("direction IN ('in', 'out', 'system')", name='ck_messages_direction'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('relay_id')
    )
    op.create_index('ix_msg_conv_time', 'messages', ['conversation_id', 'received_at', 'id'], unique=False)
    op.create_index('ix_msg_id_conv', 'messages', ['id', 'conversation_id'], unique=False)
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idempotency_key', sa.String(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=True),
    sa.Column('buyer_id', sa.Integer(), nullable=True),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('marketplace_id', sa.String(), nullable=True),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('contact_reason', sa.String(), nullable=False),
    sa.Column('attachments_json', sa.Text(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('send_after', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.Integer(), nullable=True),
    sa.Column('error_type', sa.String(), nullable=True),
    sa.Column('error_detail', sa.Text(), nullable=True),
    sa.Column('submission_id', sa.String(), nullable=True),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.Integer(), nullable=False),
    sa.CheckConstraint("state IN ('queued', 'sending', 'sent', 'needs-attention', 'canceled')", name='ck_outbox_state'),
    sa.ForeignKeyConstraint(['buyer_id'], ['buyers.id'], ),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['marketplace_id'], ['marketplaces.id'], ),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('idempotency_key')
    )
    op.create_index('ix_outbox_state_due', 'outbox', ['state', 'next_attempt_at'], unique=False)
    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('media_type', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('blob_id', sa.String(), nullable=True),
    sa.Column('sha256', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_attachments_message_id'), 'attachments', ['message_id'], unique=False)
    op.create_table('pending_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type_name', sa.String(), nullable=False),
    sa.Column('relay_id', sa.String(), nullable=False),
    sa.Column('patch_json', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('response_metrics',
    sa.Column('marketplace_id', sa.String(), nullable=False),
    sa.Column('windows_json', sa.Text(), nullable=False),
    sa.Column('computed_at', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['marketplace_id'], ['marketplaces.id'], ),
    sa.PrimaryKeyConstraint('marketplace_id')
    )
    for statement in _FTS:
        op.execute(statement)


def downgrade() -> None:
    for table in ("messages_fts", "orders_fts"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
    for table in (
        "response_metrics", "pending_changes", "attachments", "outbox", "messages", "drafts", "conversations", "orders",
        "sync_states", "marketplaces", "buyers",
    ):
        op.drop_table(table)
