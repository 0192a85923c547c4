"""Write paths of the local store (Core statements; callers own the transaction).

Upserts are keyed on what the relay keeps stable (relay ids, aliases, order numbers), so
replaying a sync batch is harmless. After inserting or changing messages, call
``refresh_threads`` in the same transaction: it recomputes the thread list's columns with the
same pure function whoever wrote the messages.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain import Buyer, Direction, Marketplace, Order, ThreadMessage, summarize
from app.storage.schema import attachments as _attachments
from app.storage.schema import (
    buyers,
    marketplaces,
    orders,
    sync_states,
)
from app.storage.schema import conversations as _conv
from app.storage.schema import messages as _msg


def upsert_marketplace(conn: Connection, mp: Marketplace) -> None:
    values = {
        "id": mp.id,
        "name": mp.name,
        "country": mp.country,
        "messaging_enabled": mp.messaging_enabled,
        "vacation_from": mp.vacation_from,
        "vacation_until": mp.vacation_until,
        "rule_pack": mp.rule_pack,
    }
    stmt = sqlite_insert(marketplaces).values(values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"}
        )
    )


def upsert_buyer(conn: Connection, buyer: Buyer, relay_id: str | None = None) -> int:
    values = {
        "relay_id": relay_id,
        "alias": buyer.alias,
        "display_name": buyer.display_name,
        "locale": buyer.locale,
        "opted_out": buyer.opted_out,
    }
    changes = {k: v for k, v in values.items() if k != "alias" and v is not None}
    stmt = sqlite_insert(buyers).values(values)
    stmt = stmt.on_conflict_do_update(index_elements=["alias"], set_=changes)
    conn.execute(stmt)
    found = conn.execute(select(buyers.c.id).where(buyers.c.alias == buyer.alias)).scalar_one()
    return int(found)


def upsert_order(
    conn: Connection, order: Order, buyer_id: int | None, relay_id: str | None = None
) -> int:
    values = {
        "relay_id": relay_id,
        "order_number": order.id,
        "marketplace_id": order.marketplace_id,
        "buyer_id": buyer_id,
        "kind": str(order.kind),
        "placed_at": order.placed_at,
        "items_json": json.dumps(
            [{"sku": i.sku, "title": i.title, "quantity": i.quantity} for i in order.items]
        ),
    }
    keep = ("marketplace_id", "order_number")
    stmt = sqlite_insert(orders).values(values)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keep),
        set_={k: v for k, v in values.items() if k not in keep and v is not None},
    )
    conn.execute(stmt)
    found = conn.execute(
        select(orders.c.id).where(
            orders.c.marketplace_id == order.marketplace_id,
            orders.c.order_number == order.id,
        )
    ).scalar_one()
    return int(found)


def insert_conversation(
    conn: Connection,
    *,
    marketplace_id: str,
    buyer_id: int,
    subject: str,
    started_at: datetime,
    order_id: int | None = None,
    buyer_initiated: bool = True,
    relay_id: str | None = None,
) -> int:
    result = conn.execute(
        insert(_conv).values(
            relay_id=relay_id,
            marketplace_id=marketplace_id,
            buyer_id=buyer_id,
            order_id=order_id,
            subject=subject,
            last_activity=started_at,
            buyer_initiated=buyer_initiated,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def insert_messages(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Bulk insert messages: dicts with conversation_id, direction, subject, body_text,
    received_at and optionally relay_id, body_html, keywords (an iterable of strings)."""
    if not rows:
        return
    prepared = [
        {
            "relay_id": r.get("relay_id"),
            "conversation_id": r["conversation_id"],
            "direction": str(r["direction"]),
            "subject": r.get("subject", ""),
            "body_text": r.get("body_text", ""),
            "body_html": r.get("body_html"),
            "received_at": r["received_at"],
            "keywords": " ".join(sorted(r.get("keywords", ()))),
        }
        for r in rows
    ]
    # Oldest first, so new ids and search keys ascend: FTS5 writes out a segment whenever a
    # key is not above the one before (see app/storage/fts.py).
    prepared.sort(key=lambda r: r["received_at"])
    conn.execute(insert(_msg), prepared)


def set_message_keywords(conn: Connection, message_id: int, keywords: Iterable[str]) -> None:
    conn.execute(
        update(_msg).where(_msg.c.id == message_id).values(keywords=" ".join(sorted(set(keywords))))
    )


def refresh_threads(conn: Connection, conversation_ids: Iterable[int]) -> None:
    """Recompute the thread-list columns of these conversations from their messages."""
    ids = sorted(set(conversation_ids))
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        grouped: dict[int, list[ThreadMessage]] = defaultdict(list)
        rows = conn.execute(
            select(
                _msg.c.conversation_id,
                _msg.c.direction,
                _msg.c.received_at,
                _msg.c.body_text,
                _msg.c.keywords,
                _msg.c.notice,
            ).where(_msg.c.conversation_id.in_(chunk))
        )
        for cid, direction, received_at, body, keywords, notice in rows:
            grouped[cid].append(
                ThreadMessage(
                    Direction(direction), received_at, body, frozenset(keywords.split()), notice
                )
            )
        updates = []
        for cid, messages in grouped.items():
            s = summarize(messages)
            updates.append(
                {
                    "b_id": cid,
                    "last_activity": s.last_activity,
                    "awaiting_since": s.awaiting_since,
                    "no_response_needed": s.no_response_needed,
                    "needs_response": s.needs_response,
                    "unread_count": s.unread_count,
                    "message_count": s.message_count,
                    "preview": s.preview,
                    "preview_notice": s.preview_notice,
                    "flagged": s.flagged,
                }
            )
        if updates:
            conn.execute(
                update(_conv).where(_conv.c.id == bindparam("b_id")),
                updates,
            )


def save_sync_state(conn: Connection, type_name: str, state: str, at: datetime) -> None:
    stmt = sqlite_insert(sync_states).values(type_name=type_name, state=state, updated_at=at)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["type_name"], set_={"state": state, "updated_at": at}
        )
    )


def load_sync_states(conn: Connection) -> dict[str, str]:
    return {t: s for t, s in conn.execute(select(sync_states.c.type_name, sync_states.c.state))}


# --- Sync from the relay: rows keyed by relay ids -------------------------------------------


def local_ids(conn: Connection, table: Table, relay_ids: Iterable[str]) -> dict[str, int]:
    """Map relay ids to local ids for the rows that exist."""
    wanted = list(set(relay_ids))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = conn.execute(select(table.c.relay_id, table.c.id).where(table.c.relay_id.in_(chunk)))
        found.update({r: i for r, i in rows})
    return found


def upsert_by_relay_id(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert or update rows by their relay id (one executemany)."""
    if not rows:
        return
    stmt = sqlite_insert(table)
    columns = [k for k in rows[0] if k not in ("id", "relay_id")]
    stmt = stmt.on_conflict_do_update(
        index_elements=["relay_id"], set_={c: stmt.excluded[c] for c in columns}
    )
    conn.execute(stmt, list(rows))


def delete_by_relay_id(conn: Connection, table: Table, relay_ids: Iterable[str]) -> list[int]:
    """Delete rows by relay id; returns the local ids deleted."""
    ids = list(local_ids(conn, table, relay_ids).values())
    for start in range(0, len(ids), 500):
        conn.execute(table.delete().where(table.c.id.in_(ids[start : start + 500])))
    return ids


def delete_relay_rows_not_in(conn: Connection, table: Table, keep: set[str]) -> int:
    """After a full resync: drop synced rows the relay no longer has (local-only rows stay:
    no relay id, or a provisional ``local:`` one until the relay names them)."""
    present = [
        r
        for (r,) in conn.execute(select(table.c.relay_id).where(table.c.relay_id.is_not(None)))
        if not r.startswith("local:")
    ]
    gone = [r for r in present if r not in keep]
    delete_by_relay_id(conn, table, gone)
    return len(gone)


def replace_attachments(
    conn: Connection, message_id: int, attachments: Sequence[Mapping[str, Any]]
) -> None:
    conn.execute(_attachments.delete().where(_attachments.c.message_id == message_id))
    if attachments:
        conn.execute(insert(_attachments), [{"message_id": message_id, **a} for a in attachments])
