"""Reads of the seller's own working material: reply templates and a conversation's notes.

Both arrive from the relay by sync (app.services.sync) and are read here, offline too, with
whether an edit of each still waits for the relay or was refused (app.services.shared_edits).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from app.storage import schema
from app.storage.rows import NoteInfo, TemplateInfo

_T = schema.templates.c
_N = schema.notes.c
_P = schema.pending_changes.c


def _waiting(conn: Connection, type_name: str) -> dict[str, str | None]:
    """relay id -> the refusal (None: still to be sent) of each queued edit of a type."""
    rows = conn.execute(select(_P.relay_id, _P.error).where(_P.type_name == type_name))
    return {r: e for r, e in rows}


def templates(conn: Connection) -> list[TemplateInfo]:
    """Every template, by name (case-insensitive)."""
    rows = conn.execute(select(schema.templates).order_by(_T.name.collate("NOCASE"), _T.id))
    waiting = _waiting(conn, "Template")
    return [
        TemplateInfo(
            r.id,
            r.relay_id,
            r.name,
            r.contact_reason,
            json.loads(r.texts_json),
            tuple(json.loads(r.findings_json)),
            r.updated_at,
            r.relay_id in waiting,
            waiting.get(r.relay_id),
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
    waiting = _waiting(conn, "Note")
    return [
        NoteInfo(
            r.id,
            r.relay_id,
            r.conversation_id,
            r.body,
            r.author,
            r.created_at,
            r.updated_at,
            r.relay_id in waiting,
            waiting.get(r.relay_id),
        )
        for r in rows
    ]
