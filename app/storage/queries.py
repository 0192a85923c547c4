"""Read paths the window needs, each one index seek at seller scale.

Thread pages use keyset pagination (never OFFSET): the caller passes the ``ThreadKey`` of the
last row it has, and the next page starts right after it, so page 1,800 costs what page 1 does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, literal, select, text, tuple_

from app.domain import ConversationStatus, Direction, OrderKind
from app.storage.fts import fts_query, like_pattern
from app.storage.rows import (
    PAGE_SIZE,
    AttachmentInfo,
    ConversationDetails,
    MarketplaceInfo,
    MessageView,
    OrderInfo,
    ThreadFilter,
    ThreadKey,
    ThreadRow,
    ThreadSort,
)
from app.storage.schema import (
    AttachmentRow,
    BuyerRow,
    ConversationRow,
    MarketplaceRow,
    MessageRow,
    OrderRow,
)
from app.storage.timestamps import from_ms

_c = ConversationRow.__table__.c
_b = BuyerRow.__table__.c
_o = OrderRow.__table__.c


_THREAD_COLUMNS = (
    _c.id,
    _c.relay_id,
    _c.marketplace_id,
    _b.display_name,
    _b.alias,
    _o.order_number,
    _c.subject,
    _c.preview,
    _c.last_activity,
    _c.awaiting_since,
    _c.needs_response,
    _c.no_response_needed,
    _c.unread_count,
    _c.message_count,
    _c.flagged,
)


def _thread_select() -> Select[Any]:
    return (
        select(*_THREAD_COLUMNS)
        .select_from(ConversationRow.__table__)
        .join(BuyerRow.__table__, _b.id == _c.buyer_id)
        .outerjoin(OrderRow.__table__, _o.id == _c.order_id)
    )


def _rows(conn: Connection, stmt: Select[Any]) -> list[ThreadRow]:
    return [ThreadRow(*row) for row in conn.execute(stmt)]


def _filtered(flt: ThreadFilter, stmt: Select[Any]) -> Select[Any]:
    if flt.marketplace_id is not None:
        stmt = stmt.where(_c.marketplace_id == flt.marketplace_id)
    if flt.status is ConversationStatus.NEEDS_RESPONSE:
        stmt = stmt.where(_c.needs_response.is_(True))
    elif flt.status is ConversationStatus.WAITING_ON_BUYER:
        stmt = stmt.where(_c.needs_response.is_(False))
    if flt.flagged_only:
        stmt = stmt.where(_c.flagged.is_(True))
    return stmt


def thread_page(
    conn: Connection, flt: ThreadFilter, after: ThreadKey | None = None, limit: int = PAGE_SIZE
) -> list[ThreadRow]:
    """One page of the thread list after ``after`` (None: the first page)."""
    if flt.sort is ThreadSort.DEADLINE and flt.status is not ConversationStatus.WAITING_ON_BUYER:
        return _deadline_page(conn, flt, after, limit)
    stmt = _filtered(flt, _thread_select())
    if after is not None:
        stmt = stmt.where(
            tuple_(_c.last_activity, _c.id) < tuple_(literal(after.sort_ms), literal(after.id))
        )
    stmt = stmt.order_by(_c.last_activity.desc(), _c.id.desc()).limit(limit)
    return _rows(conn, stmt)


def _deadline_page(
    conn: Connection, flt: ThreadFilter, after: ThreadKey | None, limit: int
) -> list[ThreadRow]:
    # Segment 1: conversations owing an answer, soonest deadline first (one index range).
    rows: list[ThreadRow] = []
    if after is None or after.owed:
        owed = _filtered(flt, _thread_select()).where(_c.needs_response.is_(True))
        if after is not None:
            owed = owed.where(
                tuple_(_c.awaiting_since, _c.id) > tuple_(literal(after.sort_ms), literal(after.id))
            )
        owed = owed.order_by(_c.awaiting_since, _c.id).limit(limit)
        rows = _rows(conn, owed)
        if len(rows) == limit or flt.status is ConversationStatus.NEEDS_RESPONSE:
            return rows
        after = None
    # Segment 2: everything else, newest activity first.
    rest = _filtered(flt, _thread_select()).where(_c.needs_response.is_(False))
    if after is not None:
        rest = rest.where(
            tuple_(_c.last_activity, _c.id) < tuple_(literal(after.sort_ms), literal(after.id))
        )
    rest = rest.order_by(_c.last_activity.desc(), _c.id.desc()).limit(limit - len(rows))
    return rows + _rows(conn, rest)


def thread(conn: Connection, conversation_id: int) -> ThreadRow | None:
    found = _rows(conn, _thread_select().where(_c.id == conversation_id))
    return found[0] if found else None


def count_threads(conn: Connection, flt: ThreadFilter) -> int:
    stmt = _filtered(flt, select(func.count()).select_from(ConversationRow.__table__))
    return int(conn.execute(stmt).scalar_one())


def conversation_messages(conn: Connection, conversation_id: int) -> list[MessageView]:
    """The messages of one conversation, oldest first, with their attachments."""
    m = MessageRow.__table__.c
    a = AttachmentRow.__table__.c
    rows = conn.execute(
        select(
            m.id,
            m.relay_id,
            m.direction,
            m.subject,
            m.body_text,
            m.body_html,
            m.received_at,
            m.keywords,
        )
        .where(m.conversation_id == conversation_id)
        .order_by(m.received_at, m.id)
    ).all()
    by_message: dict[int, list[AttachmentInfo]] = {}
    if rows:
        found = conn.execute(
            select(a.message_id, a.id, a.name, a.media_type, a.size, a.blob_id, a.sha256)
            .where(a.message_id.in_([r.id for r in rows]))
            .order_by(a.id)
        )
        for message_id, *info in found:
            by_message.setdefault(message_id, []).append(AttachmentInfo(*info))
    return [
        MessageView(
            r.id,
            r.relay_id,
            Direction(r.direction),
            r.subject,
            r.body_text,
            r.body_html,
            r.received_at,
            frozenset(r.keywords.split()),
            tuple(by_message.get(r.id, ())),
        )
        for r in rows
    ]


SEARCH_HIT_CAP = 20_000
"""Matching messages ranked per search. Below it results are exact; above it (a word in
every other message) they come from the newest-stored matches, and ``complete`` says so."""


@dataclass(frozen=True, slots=True)
class SearchResults:
    rows: list[ThreadRow]
    complete: bool  # False: too many matches to rank them all; the seller should refine


def search_threads(
    conn: Connection,
    user_text: str,
    limit: int = PAGE_SIZE,
    marketplace_id: str | None = None,
) -> SearchResults:
    """Conversations whose messages contain the words (diacritics folded, last word as a
    prefix) or whose order number contains the text; newest activity first."""
    match = fts_query(user_text)
    pattern = like_pattern(user_text)
    if match is None and pattern is None:
        return SearchResults([], True)
    complete = True
    sources = []
    params: dict[str, Any] = {"cap": SEARCH_HIT_CAP, "n": limit}
    if match is not None:
        params["q"] = match
        hits = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT rowid FROM messages_fts "
                "WHERE messages_fts MATCH :q LIMIT :cap + 1)"
            ),
            params,
        ).scalar_one()
        complete = hits <= SEARCH_HIT_CAP
        # The covering index (id, conversation_id) keeps each hit's lookup off the wide
        # message rows; newest-stored hits first when there are too many to rank.
        sources.append(
            "SELECT m.conversation_id FROM messages m INDEXED BY ix_msg_id_conv "
            "WHERE m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :cap)"
        )
    if pattern is not None:
        params["p"] = pattern
        sources.append(
            "SELECT c2.id FROM orders_fts JOIN conversations c2 ON c2.order_id = orders_fts.rowid "
            "WHERE orders_fts.order_number LIKE :p ESCAPE '\\'"
        )
    where = "c.id IN (" + " UNION ".join(sources) + ")"
    if marketplace_id is not None:
        where += " AND c.marketplace_id = :mp"
        params["mp"] = marketplace_id
    ids = [
        r[0]
        for r in conn.execute(
            text(
                f"SELECT c.id FROM conversations c WHERE {where} "
                "ORDER BY c.last_activity DESC, c.id DESC LIMIT :n"
            ),
            params,
        )
    ]
    if not ids:
        return SearchResults([], complete)
    found = {r.id: r for r in _rows(conn, _thread_select().where(_c.id.in_(ids)))}
    return SearchResults([found[i] for i in ids if i in found], complete)


def marketplaces(conn: Connection) -> list[MarketplaceInfo]:
    mp = MarketplaceRow.__table__.c
    rows = conn.execute(
        select(
            mp.id, mp.name, mp.country, mp.messaging_enabled, mp.vacation_from, mp.vacation_until
        ).order_by(mp.id)
    )
    return [MarketplaceInfo(*r) for r in rows]


def order(conn: Connection, order_id: int) -> OrderInfo | None:
    row = conn.execute(
        select(
            _o.id, _o.order_number, _o.marketplace_id, _o.kind, _o.placed_at, _o.items_json
        ).where(_o.id == order_id)
    ).first()
    if row is None:
        return None
    return OrderInfo(row[0], row[1], row[2], OrderKind(row[3]), row[4], tuple(json.loads(row[5])))


def conversation_details(conn: Connection, conversation_id: int) -> ConversationDetails | None:
    row = conn.exec_driver_sql(
        "SELECT c.id, c.marketplace_id, b.id, b.display_name, b.alias, b.locale, b.opted_out, "
        "c.buyer_initiated, o.id, o.order_number, o.kind, o.placed_at, o.items_json "
        "FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "LEFT JOIN orders o ON o.id = c.order_id WHERE c.id = ?",
        (conversation_id,),
    ).first()
    if row is None:
        return None
    return ConversationDetails(
        conversation_id=row[0],
        marketplace_id=row[1],
        buyer_id=row[2],
        buyer_name=row[3],
        buyer_alias=row[4],
        buyer_locale=row[5],
        buyer_opted_out=bool(row[6]),
        buyer_initiated=bool(row[7]),
        order_id=row[8],
        order_number=row[9],
        order_kind=row[10] or "standard",
        order_placed_at=from_ms(row[11]) if row[11] is not None else None,
        order_items=tuple(json.loads(row[12] or "[]")),
    )


def response_metrics(conn: Connection) -> dict[str, dict[str, dict[str, Any]]]:
    """{marketplace id: {"7": {...}, "30": {...}, "90": {...}}} as the relay computed it."""
    rows = conn.exec_driver_sql("SELECT marketplace_id, windows_json FROM response_metrics")
    return {mid: json.loads(windows) for mid, windows in rows}


def newest_inbound_id(conn: Connection) -> int:
    """The id of the newest buyer message stored (0 when none): "did a buyer just write?"."""
    m = MessageRow.__table__.c
    found = conn.execute(select(func.coalesce(func.max(m.id), 0)).where(m.direction == "in"))
    return int(found.scalar_one())


def message_headline(conn: Connection, message_id: int) -> tuple[str, str] | None:
    """(buyer display name, conversation subject) of a message, for a notification."""
    m = MessageRow.__table__.c
    row = conn.execute(
        select(_b.display_name, _c.subject)
        .select_from(MessageRow.__table__)
        .join(ConversationRow.__table__, _c.id == m.conversation_id)
        .join(BuyerRow.__table__, _b.id == _c.buyer_id)
        .where(m.id == message_id)
    ).first()
    return None if row is None else (str(row[0]), str(row[1]))


__all__ = [
    "PAGE_SIZE",
    "SEARCH_HIT_CAP",
    "AttachmentInfo",
    "ConversationDetails",
    "MarketplaceInfo",
    "MessageView",
    "OrderInfo",
    "SearchResults",
    "ThreadFilter",
    "ThreadKey",
    "ThreadRow",
    "ThreadSort",
    "conversation_details",
    "conversation_messages",
    "count_threads",
    "marketplaces",
    "message_headline",
    "newest_inbound_id",
    "order",
    "response_metrics",
    "search_threads",
    "thread",
    "thread_page",
]
