"""Reads of the seller's own working material: reply templates and a conversation's notes.

Both arrive from the relay by sync (app.services.sync) and are read here, offline too.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from app.storage import schema
from app.storage.rows import NoteInfo, TemplateInfo

_T = schema.templates.c
_N = schema.notes.c


def templates(conn: Connection) -> list[TemplateInfo]:
    """Every template, by name (case-insensitive)."""
    rows = conn.execute(select(schema.templates).order_by(_T.name.collate("NOCASE"), _T.id))
    return [
        TemplateInfo(
            r.id,
            r.relay_id,
            r.name,
            r.contact_reason,
            json.loads(r.texts_json),
            tuple(json.loads(r.findings_json)),
            r.updated_at,
        )
        for r in rows
    ]


def notes(conn: Connection, conversation_id: int) -> list[NoteInfo]:
    """A conversation's notes, oldest first (they read as a running log)."""
    rows = conn.execute(
        select(schema.notes)
        .where(_N.conversation_id == conversation_id)
        .order_by(_N.created_at, _N.id)
    )
    return [
        NoteInfo(r.id, r.relay_id, r.conversation_id, r.body, r.author, r.created_at, r.updated_at)
        for r in rows
    ]
