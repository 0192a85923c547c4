"""Search by time: the message index's rowids follow the time a message arrived, so a search
walks the newest matches first and stops at a page of conversations; the index keeps no
positions or text (``detail=none``, contentless) and keeps 2 and 3 character prefixes; the
covering index for search carries the message time. See app/storage/fts.py.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copies of the DDL as it is at this revision: later changes to app/storage/fts.py
# must come with a migration of their own. The key: (received_at >> 26) << 30 | id.
_KEY_NEW = "(((new.received_at >> 26) << 30) | new.id)"
_KEY_OLD = "(((old.received_at >> 26) << 30) | old.id)"
_UP = (
    "DROP TRIGGER messages_fts_ai",
    "DROP TRIGGER messages_fts_ad",
    "DROP TRIGGER messages_fts_au",
    "DROP TABLE messages_fts",
    "DROP INDEX ix_msg_id_conv",
    "CREATE INDEX ix_msg_search ON messages (id, conversation_id, received_at)",
    """CREATE VIRTUAL TABLE messages_fts USING fts5(
        subject, body_text, content='', detail=none, columnsize=0, prefix='2 3',
        tokenize='unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE messages_fts_terms USING fts5vocab(messages_fts, 'row')",
    f"""CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN
        SELECT RAISE(ABORT, 'message id too large for the search index')
        WHERE new.id > 1073741823;
        INSERT INTO messages_fts(rowid, subject, body_text)
        VALUES ({_KEY_NEW}, new.subject, new.body_text);
    END""",
    f"""CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, subject, body_text)
        VALUES ('delete', {_KEY_OLD}, old.subject, old.body_text);
    END""",
    f"""CREATE TRIGGER messages_fts_au AFTER UPDATE OF id, subject, body_text, received_at
        ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, subject, body_text)
        VALUES ('delete', {_KEY_OLD}, old.subject, old.body_text);
        INSERT INTO messages_fts(rowid, subject, body_text)
        VALUES ({_KEY_NEW}, new.subject, new.body_text);
    END""",
    """INSERT INTO messages_fts(rowid, subject, body_text)
        SELECT ((received_at >> 26) << 30) | id, subject, body_text FROM messages""",
    "INSERT INTO messages_fts(messages_fts) VALUES ('optimize')",
)

# 0001's index, triggers and table, rebuilt from the messages.
_DOWN = (
    "DROP TRIGGER messages_fts_ai",
    "DROP TRIGGER messages_fts_ad",
    "DROP TRIGGER messages_fts_au",
    "DROP TABLE messages_fts_terms",
    "DROP TABLE messages_fts",
    "DROP INDEX ix_msg_search",
    "CREATE INDEX ix_msg_id_conv ON messages (id, conversation_id)",
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
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    for statement in _UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in _DOWN:
        op.execute(statement)
