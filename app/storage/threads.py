"""The thread list's SQL (pages, counts, search), written once and free of SQLAlchemy.

``queries`` runs it on the store's SQLAlchemy connections (``exec_driver_sql``); the window
runs it on a plain sqlite3 connection (``Store.read_sql``): a page costs a fraction of what a
compiled SQLAlchemy statement does, and the first page can be read before SQLAlchemy (~0.4 s
of imports) has loaded. Every function takes ``run(sql, params) -> rows``.

Keyset pagination (never OFFSET): the caller passes the ``ThreadKey`` of the last row it has,
and the next page starts right after it, so page 1,800 costs what page 1 does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain import ConversationStatus
from app.storage.fts import fts_query, like_pattern
from app.storage.rows import PAGE_SIZE, ThreadFilter, ThreadKey, ThreadRow, ThreadSort
from app.storage.timestamps import from_ms

Run = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]

_SELECT = (
    "SELECT c.id, c.relay_id, c.marketplace_id, b.display_name, b.alias, o.order_number, "
    "c.subject, c.preview, c.last_activity, c.awaiting_since, c.needs_response, "
    "c.no_response_needed, c.unread_count, c.message_count, c.flagged "
    "FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
    "LEFT JOIN orders o ON o.id = c.order_id"
)
_NEWEST_FIRST = " ORDER BY c.last_activity DESC, c.id DESC LIMIT ?"
_ID_CHUNK = 500  # under SQLite's bound-parameter limit


def _row(r: Sequence[Any]) -> ThreadRow:
    return ThreadRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        from_ms(r[8]),
        None if r[9] is None else from_ms(r[9]),
        bool(r[10]),
        bool(r[11]),
        r[12],
        r[13],
        bool(r[14]),
    )


def _rows(run: Run, sql: str, params: Sequence[Any]) -> list[ThreadRow]:
    return [_row(r) for r in run(sql, params)]


def _conditions(flt: ThreadFilter) -> tuple[list[str], list[Any]]:
    # "= 1", not "IS 1": the partial flagged index is only used for the term it was built on.
    where: list[str] = []
    params: list[Any] = []
    if flt.marketplace_id is not None:
        where.append("c.marketplace_id = ?")
        params.append(flt.marketplace_id)
    if flt.status is ConversationStatus.NEEDS_RESPONSE:
        where.append("c.needs_response = 1")
    elif flt.status is ConversationStatus.WAITING_ON_BUYER:
        where.append("c.needs_response = 0")
    if flt.flagged_only:
        where.append("c.flagged = 1")
    return where, params


def _where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def page(
    run: Run, flt: ThreadFilter, after: ThreadKey | None = None, limit: int = PAGE_SIZE
) -> list[ThreadRow]:
    """One page of the thread list after ``after`` (None: the first page)."""
    if flt.sort is ThreadSort.DEADLINE and flt.status is not ConversationStatus.WAITING_ON_BUYER:
        return _deadline_page(run, flt, after, limit)
    return _activity_page(run, flt, after, limit, [])


def _activity_page(
    run: Run, flt: ThreadFilter, after: ThreadKey | None, limit: int, extra: list[str]
) -> list[ThreadRow]:
    where, params = _conditions(flt)
    where += extra
    if after is not None:
        where.append("(c.last_activity, c.id) < (?, ?)")
        params += [after.sort_ms, after.id]
    return _rows(run, _SELECT + _where(where) + _NEWEST_FIRST, [*params, limit])


def _deadline_page(
    run: Run, flt: ThreadFilter, after: ThreadKey | None, limit: int
) -> list[ThreadRow]:
    # Segment 1: conversations owing an answer, soonest deadline first (one index range).
    rows: list[ThreadRow] = []
    if after is None or after.owed:
        where, params = _conditions(flt)
        where.append("c.needs_response = 1")
        if after is not None:
            where.append("(c.awaiting_since, c.id) > (?, ?)")
            params += [after.sort_ms, after.id]
        sql = _SELECT + _where(where) + " ORDER BY c.awaiting_since, c.id LIMIT ?"
        rows = _rows(run, sql, [*params, limit])
        if len(rows) == limit or flt.status is ConversationStatus.NEEDS_RESPONSE:
            return rows
        after = None
    # Segment 2: everything else, newest activity first.
    rest = _activity_page(run, flt, after, limit - len(rows), ["c.needs_response = 0"])
    return rows + rest


def count(run: Run, flt: ThreadFilter) -> int:
    where, params = _conditions(flt)
    for (n,) in run("SELECT count(*) FROM conversations c" + _where(where), params):
        return int(n)
    return 0


def by_ids(run: Run, ids: Sequence[int]) -> list[ThreadRow]:
    """The rows of these conversations, in the order of ``ids`` (unknown ids left out)."""
    found: dict[int, ThreadRow] = {}
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        sql = _SELECT + f" WHERE c.id IN ({','.join('?' * len(chunk))})"
        found.update((r.id, r) for r in _rows(run, sql, chunk))
    return [found[i] for i in ids if i in found]


SEARCH_HIT_CAP = 20_000
"""Matching messages ranked per search. Below it results are exact; above it (a word in
every other message) they come from the newest-stored matches, and ``complete`` says so."""


@dataclass(frozen=True, slots=True)
class SearchResults:
    rows: list[ThreadRow]
    complete: bool  # False: too many matches to rank them all; the seller should refine


def search(
    run: Run, user_text: str, limit: int = PAGE_SIZE, marketplace_id: str | None = None
) -> SearchResults:
    """Conversations whose messages contain the words (diacritics folded, the last one as a
    prefix once it has two letters) or whose order number contains the text; newest first."""
    match = fts_query(user_text)
    pattern = like_pattern(user_text)
    if match is None and pattern is None:
        return SearchResults([], True)
    head, hits_count = "", "NULL"
    sources: list[str] = []
    params: list[Any] = []
    if match is not None:
        # One pass over the FTS doclist serves both the ranking and the "too many" count
        # (a materialized CTE); the covering index (id, conversation_id) keeps each hit's
        # lookup off the wide message rows; newest-stored hits first when there are too many.
        head = (
            "WITH hits(id) AS MATERIALIZED (SELECT rowid FROM messages_fts "
            "WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
        )
        params += [match, SEARCH_HIT_CAP + 1]
        hits_count = "(SELECT count(*) FROM hits)"
        sources.append(
            "SELECT m.conversation_id FROM messages m INDEXED BY ix_msg_id_conv "
            "WHERE m.id IN (SELECT id FROM hits ORDER BY id DESC LIMIT ?)"
        )
        params.append(SEARCH_HIT_CAP)
    if pattern is not None:
        sources.append(
            "SELECT c2.id FROM orders_fts JOIN conversations c2 ON c2.order_id = orders_fts.rowid "
            "WHERE orders_fts.order_number LIKE ? ESCAPE '\\'"
        )
        params.append(pattern)
    where = "c.id IN (" + " UNION ".join(sources) + ")"
    if marketplace_id is not None:
        where += " AND c.marketplace_id = ?"
        params.append(marketplace_id)
    sql = f"{head}SELECT c.id, {hits_count} FROM conversations c WHERE {where}" + _NEWEST_FIRST
    found = list(run(sql, [*params, limit]))
    ids = [r[0] for r in found]
    if match is None:
        complete = True
    elif found:
        complete = found[0][1] <= SEARCH_HIT_CAP
    else:  # nothing in this marketplace; were there too many hits elsewhere to rank them?
        count = f"{head}SELECT count(*) FROM hits"
        complete = all(n <= SEARCH_HIT_CAP for (n,) in run(count, params[:2]))
    return SearchResults(by_ids(run, ids), complete)
