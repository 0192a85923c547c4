"""Reads of the seller's own working material: reply templates and a conversation's notes.

Both arrive from the relay by sync (app.services.sync) and are read here, offline too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from app.storage import schema

_T = schema.templates.c
_N = schema.notes.c


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: int
    relay_id: str | None
    name: str
    contact_reason: str
    texts: dict[str, str]  # language -> text
    findings: tuple[dict[str, Any], ...]  # {language, rule, severity}: the relay's check at save
    updated_at: datetime

    def flagged(self, language: str | None = None) -> bool:
        """The rules check found something (in `language`, or in any text)."""
        return any(language is None or f.get("language") == language for f in self.findings)


@dataclass(frozen=True, slots=True)
class NoteInfo:
    id: int
    relay_id: str | None
    conversation_id: int
    body: str
    author: str
    created_at: datetime
    updated_at: datetime


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
