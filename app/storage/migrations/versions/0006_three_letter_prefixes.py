"""A smaller, faster message index: prefix doclists of 3 characters only (not 2 and 3).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

The 2-character prefix doclists cost a fresh store ~15% of its size and ~10% of its write
rate (each token wrote three index entries). A last word of two letters is expanded into the
words it begins instead, as four letters and more are (app/storage/fts.py). The index is
rebuilt from the messages (like 0002: minutes at a million messages).
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copies of the DDL as it is at this revision (0002's, but for the prefix option).
_KEY_NEW = "(((new.received_at >> 26) << 30) | new.id)"
_KEY_OLD = "(((old.received_at >> 26) << 30) | old.id)"


def _index(prefix: str) -> tuple[str, ...]:
    return (
        "DROP TRIGGER messages_fts_ai",
        "DROP TRIGGER messages_fts_ad",
        "DROP TRIGGER messages_fts_au",
        "DROP TABLE messages_fts_terms",
        "DROP TABLE messages_fts",
        f"""CREATE VIRTUAL TABLE messages_fts USING fts5(
            subject, body_text, content='', detail=none, columnsize=0, prefix='{prefix}',
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


def upgrade() -> None:
    for statement in _index("3"):
        op.execute(statement)


def downgrade() -> None:
    for statement in _index("2 3"):
        op.execute(statement)
