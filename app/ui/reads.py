"""Reads the window needs that ``app.storage.queries`` does not offer yet (buyer and order of a
conversation, response metrics). Called after first paint only, on the store's read path.

TODO(storage): move these into ``app.storage.queries`` (``conversation_details``,
``response_metrics``) and delete this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class ConversationDetails:
    conversation_id: int
    marketplace_id: str
    buyer_id: int
    buyer_name: str
    buyer_alias: str
    buyer_locale: str
    buyer_opted_out: bool
    buyer_initiated: bool
    order_id: int | None = None
    order_number: str | None = None
    order_kind: str = "standard"
    order_placed_at: datetime | None = None
    order_items: tuple[dict[str, Any], ...] = field(default=())


def conversation_details(conn: Any, conversation_id: int) -> ConversationDetails | None:
    from app.storage.timestamps import from_ms

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


def response_metrics(conn: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """{marketplace id: {"7": {...}, "30": {...}, "90": {...}}} as the relay computed it."""
    rows = conn.exec_driver_sql("SELECT marketplace_id, windows_json FROM response_metrics")
    return {mid: json.loads(windows) for mid, windows in rows}
