"""Read paths the window needs, each one index seek at seller scale.

The thread list's SQL (keyset pages, counts, search) lives in ``threads``, free of SQLAlchemy
so the window can also run it on a plain sqlite3 connection; the functions here run it on a
SQLAlchemy connection for everyone else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from app.domain import Direction, OrderKind
from app.storage import schema, threads
from app.storage.fts import Run
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
from app.storage.schema import attachments, buyers, conversations, messages, orders
from app.storage.threads import SearchCursor, SearchResults
from app.storage.timestamps import from_ms

_c = conversations.c
_b = buyers.c
_o = orders.c


def _run(conn: Connection) -> Run:
    def run(sql: str, params: Sequence[Any]) -> Iterable[Sequence[Any]]:
        return conn.exec_driver_sql(sql, tuple(params))

    return run


def thread_page(
    conn: Connection, flt: ThreadFilter, after: ThreadKey | None = None, limit: int = PAGE_SIZE
) -> list[ThreadRow]:
    """One page of the thread list after ``after`` (None: the first page)."""
    return threads.page(_run(conn), flt, after, limit)


def thread(conn: Connection, conversation_id: int) -> ThreadRow | None:
    found = threads.by_ids(_run(conn), [conversation_id])
    return found[0] if found else None


def count_threads(conn: Connection, flt: ThreadFilter) -> int:
    return threads.count(_run(conn), flt)


def search_threads(
    conn: Connection,
    user_text: str,
    limit: int = PAGE_SIZE,
    marketplace_id: str | None = None,
    after: SearchCursor | None = None,
) -> SearchResults:
    """Conversations whose messages contain the words (diacritics folded, the last one as a
    prefix once it has two letters) or whose order number contains the text, newest match
    first; ``after``: the previous page's ``more``."""
    return threads.search(_run(conn), user_text, limit, marketplace_id, after)


def count_search(conn: Connection, user_text: str, marketplace_id: str | None = None) -> int:
    return threads.search_count(_run(conn), user_text, marketplace_id)


def conversation_messages(conn: Connection, conversation_id: int) -> list[MessageView]:
    """The messages of one conversation, oldest first, with their attachments."""
    m = messages.c
    a = attachments.c
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
            m.notice,
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
            json.loads(r.notice) if r.notice else None,
        )
        for r in rows
    ]


def marketplaces(conn: Connection) -> list[MarketplaceInfo]:
    mp = schema.marketplaces.c
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
    m = messages.c
    found = conn.execute(select(func.coalesce(func.max(m.id), 0)).where(m.direction == "in"))
    return int(found.scalar_one())


def message_headline(conn: Connection, message_id: int) -> tuple[str, str] | None:
    """(buyer display name, conversation subject) of a message, for a notification."""
    m = messages.c
    row = conn.execute(
        select(_b.display_name, _c.subject)
        .select_from(messages)
        .join(conversations, _c.id == m.conversation_id)
        .join(buyers, _b.id == _c.buyer_id)
        .where(m.id == message_id)
    ).first()
    return None if row is None else (str(row[0]), str(row[1]))


__all__ = [
    "PAGE_SIZE",
    "AttachmentInfo",
    "ConversationDetails",
    "MarketplaceInfo",
    "MessageView",
    "OrderInfo",
    "SearchCursor",
    "SearchResults",
    "ThreadFilter",
    "ThreadKey",
    "ThreadRow",
    "ThreadSort",
    "conversation_details",
    "conversation_messages",
    "count_search",
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
