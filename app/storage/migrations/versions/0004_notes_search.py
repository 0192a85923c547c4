"""Internal notes in the search: a full-text index over the notes' bodies, kept in step by
triggers like the messages' (app/storage/threads.py finds a conversation by its notes).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

A new index filled from the notes table (a team's notes: thousands at most), so the upgrade
takes milliseconds.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen at this revision: a later change to the index needs a revision of its own.
_NOTES_FTS = (
    """CREATE VIRTUAL TABLE notes_fts USING fts5(
        body, content='notes', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END""",
    """CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO notes_fts(rowid, body) VALUES (new.id, new.body);
    END""",
    "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    for statement in _NOTES_FTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("notes_fts_au", "notes_fts_ad", "notes_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS notes_fts")
