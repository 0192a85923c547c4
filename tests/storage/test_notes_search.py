"""The seller's internal notes are found by the search box (storage revision 0004: notes_fts,
kept in step by triggers): by word and prefix, diacritics folded, with the marketplace
filter, in the count, and gone once the note is edited or deleted."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.storage import queries, schema
from app.storage.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
N = schema.notes
C = schema.conversations


def _note(store: Store, cid: int, body: str) -> int:
    with store.write() as conn:
        key = conn.execute(
            N.insert().values(
                conversation_id=cid, body=body, author="anna", created_at=NOW, updated_at=NOW
            )
        ).inserted_primary_key
    assert key is not None
    return int(key[0])


def _found(store: Store, text: str, marketplace: str | None = None) -> list[int]:
    with store.read() as conn:
        return sorted(r.id for r in queries.search_threads(conn, text, 500, marketplace).rows)


def test_a_note_finds_its_conversation(inbox: Store) -> None:
    with inbox.read() as conn:
        rows = conn.execute(select(C.c.id, C.c.marketplace_id).order_by(C.c.id)).all()
    (one, mkt), (two, _) = rows[3], rows[20]
    assert _found(inbox, "werkstatt") == []
    first = _note(inbox, one, "Gravur: Werkstatt fragt nach, Schriftart prüfen")
    _note(inbox, one, "Werkstätten-Rückruf am Montag")  # two notes: listed once
    _note(inbox, two, "Ersatz über DHL geschickt")
    assert _found(inbox, "werkstatt") == [one]
    assert _found(inbox, "Werkst") == [one]  # the last word as a prefix, as you type
    assert _found(inbox, "prufen schrift") == [one]  # diacritics folded, any order
    assert _found(inbox, "werkstatt", mkt) == [one]
    other = next(m for _, m in rows if m != mkt)
    assert _found(inbox, "werkstatt", other) == []
    with inbox.read() as conn:
        assert queries.count_search(conn, "werkstatt") == 1
        assert queries.count_search(conn, "dhl") >= 1
    # Edited or deleted: the index follows in the same transaction.
    with inbox.write() as conn:
        conn.execute(N.update().where(N.c.id == first).values(body="Kunde angerufen"))
    assert _found(inbox, "schriftart") == [] and _found(inbox, "angerufen") == [one]
    with inbox.write() as conn:
        conn.execute(N.delete().where(N.c.conversation_id == one))
    assert _found(inbox, "werkstatt") == [] and _found(inbox, "angerufen") == []
    with inbox.read() as conn:
        conn.exec_driver_sql("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
