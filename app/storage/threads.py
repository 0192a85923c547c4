"""The thread list's SQL (pages, counts, search), written once and free of SQLAlchemy.

``queries`` runs it on the store's SQLAlchemy connections (``exec_driver_sql``); the window
runs it on a plain sqlite3 connection (``Store.read_sql``): a page costs a fraction of what a
compiled SQLAlchemy statement does, and the first page can be read before SQLAlchemy (~0.4 s
of imports) has loaded. Every function takes ``run(sql, params) -> rows``.

Keyset pagination (never OFFSET): the caller passes the ``ThreadKey`` of the last row it has,
and the next page starts right after it, so page 1,800 costs what page 1 does.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.domain import ConversationStatus
from app.storage.fts import (
    BUCKET_BITS,
    ID_MASK,
    Run,
    bucket,
    fts_query,
    message_id,
    order_number_query,
    search_key,
)
from app.storage.rows import PAGE_SIZE, ThreadFilter, ThreadKey, ThreadRow, ThreadSort
from app.storage.timestamps import from_ms

_SELECT = (
    "SELECT c.id, c.relay_id, c.marketplace_id, b.display_name, b.alias, o.order_number, "
    "c.subject, c.preview, c.last_activity, c.awaiting_since, c.needs_response, "
    "c.no_response_needed, c.unread_count, c.message_count, c.flagged, "
    "c.snooze_kind, c.snoozed_until, c.snooze_reason, c.preview_notice "
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
        r[15],
        None if r[16] is None else from_ms(r[16]),
        r[17],
        json.loads(r[18]) if r[18] else None,
    )


def _rows(run: Run, sql: str, params: Sequence[Any]) -> list[ThreadRow]:
    return [_row(r) for r in run(sql, params)]


def _conditions(flt: ThreadFilter, *, snoozed: bool = True) -> tuple[list[str], list[Any]]:
    """The filter as SQL terms on ``c``; ``snoozed`` False leaves out asleep/awake (a
    search's results show both)."""
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
    if snoozed:
        where.append(_SNOOZED if flt.snoozed else _AWAKE)
        params.append(now_ms())
    return where, params


def now_ms() -> int:
    """The clock a snooze is compared with (a test may replace it)."""
    return int(time.time() * 1000)


# Asleep: snoozed until the buyer replies (no end) or until a time still to come.
_ASLEEP = "c.snooze_kind IS NOT NULL AND (c.snoozed_until IS NULL OR c.snoozed_until > ?)"
_SNOOZED = f"({_ASLEEP})"
_AWAKE = f"NOT ({_ASLEEP})"


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


def next_wake(run: Run) -> int | None:
    """When the next timed snooze ends (ms), for the window to bring it back on time."""
    sql = (
        "SELECT min(c.snoozed_until) FROM conversations c "
        "WHERE c.snooze_kind IS NOT NULL AND c.snoozed_until > ?"
    )
    for (at,) in run(sql, [now_ms()]):
        return None if at is None else int(at)
    return None


def count(run: Run, flt: ThreadFilter) -> int:
    where, params = _conditions(flt)
    if flt.snoozed:
        return _count(run, where, params)
    # Everything matching less what is asleep: the first is an index count, the second a
    # range of the small partial index ix_conv_snoozed (a NOT over every row would read the
    # whole table at 100k conversations).
    where[-1] = _SNOOZED
    return _count(run, where[:-1], params[:-1]) - _count(run, where, params)


def _count(run: Run, where: list[str], params: list[Any]) -> int:
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


@dataclass(frozen=True, slots=True)
class SearchCursor:
    """Where a search page ended: the last conversation's place in the order, and every
    conversation shown so far (a later match of one of them must not show it again)."""

    before: tuple[int, int]
    shown: frozenset[int]


@dataclass(frozen=True, slots=True)
class SearchResults:
    rows: list[ThreadRow]
    more: SearchCursor | None  # where the next page starts; None when there is no more


def search(
    run: Run,
    user_text: str,
    limit: int = PAGE_SIZE,
    marketplace_id: str | None = None,
    after: SearchCursor | None = None,
) -> SearchResults:
    """Conversations whose messages or internal notes contain the words (diacritics folded,
    the last one as a prefix once it has two letters) or whose order number contains the text.

    Ordered by their newest matching message, newest first (as notmuch orders threads); a
    conversation found by its order number or a note counts as matching at its last activity. Every
    match is reachable: pass ``more`` back as ``after`` for the next page."""
    match = fts_query(user_text, run)
    by_number = order_number_query(user_text)
    by_note = fts_query(user_text)  # notes: few, so no expansion of a long last word
    if not match and by_number is None and not by_note:
        return SearchResults([], None)
    shown = after.shown if after is not None else frozenset()
    found: dict[int, tuple[int, int]] = {}  # conversation -> (matched at ms, tie-break)
    complete = True
    if match:
        complete = _walk(run, match, limit, marketplace_id, after, shown, found)
    # Found by their order number or by the seller's notes: matching at their last activity.
    for source, query in ((_BY_ORDER_NUMBER, by_number), (_BY_NOTE, by_note)):
        if not query:
            continue
        others = _by_index(run, source, query, limit, marketplace_id, after, shown)
        complete = complete and len(others) < limit
        for cid, at in others:
            found[cid] = max(found.get(cid, (at, 0)), (at, ID_MASK + 1))
    ranked = sorted(found.items(), key=lambda item: (item[1], item[0]), reverse=True)
    page = ranked[:limit]
    more = None
    if page and (len(ranked) > limit or not complete):
        more = SearchCursor(page[-1][1], shown | {cid for cid, _ in page})
    return SearchResults(by_ids(run, [cid for cid, _ in page]), more)


# Hits newest bucket first; the covering index maps a message to its conversation and time.
_HITS = (
    "SELECT f.rowid, m.conversation_id, m.received_at FROM messages_fts f "
    "JOIN messages m INDEXED BY ix_msg_search ON m.id = (f.rowid & {mask}) "
    "{join}WHERE messages_fts MATCH ? {where}ORDER BY f.rowid DESC"
)


def _walk(
    run: Run,
    match: str,
    limit: int,
    marketplace_id: str | None,
    after: SearchCursor | None,
    shown: frozenset[int],
    found: dict[int, tuple[int, int]],
) -> bool:
    """Add the conversations of the newest matches to ``found`` until it holds ``limit``
    (whole buckets: within one, keys follow ids, not time). False if matches remain."""
    join, where = "", ""
    params: list[Any] = [match]
    if marketplace_id is not None:
        join = "JOIN conversations c ON c.id = m.conversation_id "
        where = "AND c.marketplace_id = ? "
        params.append(marketplace_id)
    if after is not None:  # nothing newer than the cursor's bucket can be unseen
        where += "AND f.rowid < ? "
        params.append(search_key(((after.before[0] >> BUCKET_BITS) + 1) << BUCKET_BITS, 0))
    sql = _HITS.format(mask=ID_MASK, join=join, where=where)
    current: int | None = None
    pending: list[tuple[int, int, int]] = []  # (received ms, message id, conversation)

    def settle() -> None:
        pending.sort(reverse=True)
        for at, mid, cid in pending:
            if (
                cid not in found
                and cid not in shown
                and (after is None or (at, mid) < after.before)
            ):
                found[cid] = (at, mid)
        pending.clear()

    for key, cid, at in run(sql, params):
        b = bucket(key)
        if b != current:
            settle()
            if len(found) >= limit:
                return False
            current = b
        pending.append((at, message_id(key), cid))
    settle()
    return True


_BY_ORDER_NUMBER = (
    "FROM orders_fts JOIN conversations c ON c.order_id = orders_fts.rowid WHERE orders_fts MATCH ?"
)
# Notes are the seller's own words (few: a team's, not the buyers'): their index keeps no
# search keys, and a conversation with several matching notes is listed once.
_BY_NOTE = (
    "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
    "JOIN conversations c ON c.id = n.conversation_id WHERE notes_fts MATCH ?"
)


def _by_index(
    run: Run,
    source: str,
    query: str,
    limit: int,
    marketplace_id: str | None,
    after: SearchCursor | None,
    shown: frozenset[int],
) -> list[tuple[int, int]]:
    """(conversation, last activity ms) of the newest ``limit`` conversations not yet shown
    that ``source`` (``_BY_ORDER_NUMBER``, ``_BY_NOTE``) finds for ``query``."""
    sql = "SELECT c.id, c.last_activity " + source
    params: list[Any] = [query]
    if marketplace_id is not None:
        sql += " AND c.marketplace_id = ?"
        params.append(marketplace_id)
    if after is not None:
        sql += " AND c.last_activity <= ?"
        params.append(after.before[0])
    sql += " ORDER BY c.last_activity DESC, c.id DESC"
    out: list[tuple[int, int]] = []
    for cid, at in run(sql, params):
        if cid in shown or (out and out[-1][0] == cid):
            continue
        out.append((cid, at))
        if len(out) == limit:
            break
    return out


def _matching(run: Run, user_text: str) -> tuple[str, list[Any]]:
    """``search``'s matches as one ``UNION`` of conversation ids and its parameters ("" when
    the text finds nothing)."""
    match = fts_query(user_text, run)
    by_number = order_number_query(user_text)
    sources: list[str] = []
    params: list[Any] = []
    if match:
        sources.append(
            "SELECT m.conversation_id FROM messages_fts f JOIN messages m INDEXED BY "
            f"ix_msg_search ON m.id = (f.rowid & {ID_MASK}) WHERE messages_fts MATCH ?"
        )
        params.append(match)
    if by_number is not None:
        sources.append("SELECT c.id " + _BY_ORDER_NUMBER)
        params.append(by_number)
    if note := fts_query(user_text):
        sources.append("SELECT c.id " + _BY_NOTE)
        params.append(note)
    return " UNION ".join(sources), params


def search_count(run: Run, user_text: str, marketplace_id: str | None = None) -> int:
    """How many conversations ``search`` finds in all (every match is counted: ask only
    when the number is shown)."""
    union, params = _matching(run, user_text)
    if not union:
        return 0
    sql = "SELECT count(*) FROM conversations cc WHERE cc.id IN (" + union + ")"
    if marketplace_id is not None:
        sql += " AND cc.marketplace_id = ?"
        params.append(marketplace_id)
    for (n,) in run(sql, params):
        return int(n)
    return 0


def search_ids(run: Run, user_text: str, flt: ThreadFilter) -> list[int]:
    """Every conversation ``search`` finds that the list's filter shows (marketplace, status,
    Flagged; a search shows snoozed ones too), in id order: Ctrl+A in a search, read when a
    bulk action starts, so no result row needs loading."""
    union, params = _matching(run, user_text)
    if not union:
        return []
    where, more = _conditions(flt, snoozed=False)
    sql = (
        "SELECT c.id FROM conversations c WHERE c.id IN (" + union + ")"
        + "".join(f" AND {w}" for w in where)
        + " ORDER BY c.id"
    )  # fmt: skip
    return [int(r[0]) for r in run(sql, [*params, *more])]


def ids(run: Run, flt: ThreadFilter) -> list[int]:
    """Every conversation the filter lists (a bulk action over "all of this view"), in id
    order: a plain table scan (the activity index would cost a row lookup each, 6x slower at
    100k), and a chunk's messages lie together in ix_msg_conv_time."""
    where, params = _conditions(flt)
    sql = "SELECT c.id FROM conversations c" + _where(where) + " ORDER BY c.id"
    return [int(r[0]) for r in run(sql, params)]
