"""Fill a profile's store with N realistic conversations, fast (bulk inserts, explicit ids).

Conversations spread over the last year across the marketplaces in ``corpus.MARKETPLACES``;
buyers mostly write in the marketplace's language. About one in seven still waits for an
answer, some of them overdue, so the 24-hour clock has something to show.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select

from app.demodata.corpus import LOCALES, MARKETPLACES, conversation_script, order_number
from app.domain import Direction, Keyword, Marketplace, ThreadMessage, summarize
from app.storage import schema, writes
from app.storage.fts import search_key
from app.storage.store import Store
from app.storage.timestamps import to_ms

BATCH = 2000  # conversations per transaction


@dataclass(frozen=True, slots=True)
class GenerationReport:
    conversations: int
    messages: int
    seconds: float

    @property
    def messages_per_second(self) -> float:
        return self.messages / self.seconds if self.seconds else float("inf")


def generate(
    store: Store,
    conversations: int,
    *,
    messages_per_conversation: float = 4.0,
    seed: int = 1,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> GenerationReport:
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    started = time.perf_counter()
    with store.write() as conn:
        for mp_id, name, country, _locale in MARKETPLACES:
            writes.upsert_marketplace(conn, Marketplace(mp_id, name, country))
        ids = _next_ids(conn)
    total_messages = 0
    done = 0
    while done < conversations:
        size = min(BATCH, conversations - done)
        with store.write() as conn:
            total_messages += _write_batch(conn, rng, size, messages_per_conversation, now, ids)
        done += size
        if progress is not None:
            progress(done, conversations)
    return GenerationReport(done, total_messages, time.perf_counter() - started)


def _next_ids(conn: Connection) -> dict[str, int]:
    out = {}
    for key, table in (
        ("buyer", schema.buyers),
        ("order", schema.orders),
        ("conv", schema.conversations),
        ("msg", schema.messages),
    ):
        out[key] = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
    return out


def _write_batch(
    conn: Connection,
    rng: random.Random,
    size: int,
    per_conversation: float,
    now: datetime,
    ids: dict[str, int],
) -> int:
    buyers: list[dict[str, Any]] = []
    orders: list[dict[str, Any]] = []
    convs: list[dict[str, Any]] = []
    msgs: list[dict[str, Any]] = []
    for _ in range(size):
        mp_id, _name, _country, main_locale = rng.choice(MARKETPLACES)
        locale = main_locale if rng.random() < 0.8 else rng.choice(LOCALES)
        waiting = rng.random() < 0.15
        target = max(1, round(rng.expovariate(1 / per_conversation)))
        # A waiting conversation's last buyer message is recent: some overdue, most not.
        if waiting:
            end = now - timedelta(minutes=rng.randint(5, 60 * 30))
        else:
            end = now - timedelta(minutes=rng.randint(60, 60 * 24 * 365))
        thread: list[tuple[Direction, str, str]] = []
        first = None
        while len(thread) < target:
            script = conversation_script(rng, locale, answered=True)
            first = first or script
            thread.extend((m.direction, m.subject, m.body) for m in script.messages)
        thread = thread[:target]
        if waiting and thread[-1][0] is not Direction.INBOUND:
            thread.append((Direction.INBOUND, thread[-1][1], thread[0][2]))
        # The last message is at ``end``; earlier ones step back by minutes to days.
        stamps = [end]
        for _ in thread[1:]:
            stamps.append(stamps[-1] - timedelta(minutes=rng.randint(10, 60 * 48)))
        stamps.reverse()
        assert first is not None
        ids["buyer"] += 1
        ids["order"] += 1
        ids["conv"] += 1
        buyer_id, order_id, conv_id = ids["buyer"], ids["order"], ids["conv"]
        buyers.append(
            {
                "id": buyer_id,
                "alias": f"b{buyer_id:07d}.{rng.getrandbits(24):06x}@marketplace.relay.example",
                "display_name": first.buyer_name,
                "locale": locale,
                "opted_out": rng.random() < 0.05,
            }
        )
        orders.append(
            {
                "id": order_id,
                "order_number": order_number(rng),
                "marketplace_id": mp_id,
                "buyer_id": buyer_id,
                "kind": rng.choices(("standard", "handmade", "custom", "wine"), (85, 8, 6, 1))[0],
                "placed_at": stamps[0] - timedelta(days=rng.randint(1, 10)),
                "items_json": json.dumps(
                    [
                        {
                            "sku": f"SKU-{rng.randint(1000, 9999)}",
                            "title": first.product,
                            "quantity": 1,
                        }
                    ]
                ),
            }
        )
        flagged = rng.random() < 0.03
        summary_input = []
        for (direction, subject, body), at in zip(thread, stamps, strict=True):
            keywords = set()
            if direction is Direction.INBOUND and (not waiting or at < end):
                keywords.add(Keyword.SEEN.value)
            if direction is Direction.INBOUND and not waiting and at == end:
                # An old thread that ends on the buyer's word ("thank you!") owes nothing.
                keywords.add(Keyword.NO_RESPONSE_NEEDED.value)
            if flagged and at == end:
                keywords.add(Keyword.FLAGGED.value)
            ids["msg"] += 1
            msgs.append(
                {
                    "id": ids["msg"],
                    "conversation_id": conv_id,
                    "direction": direction.value,
                    "subject": subject,
                    "body_text": body,
                    "body_html": None,
                    "received_at": at,
                    "keywords": " ".join(sorted(keywords)),
                    "relay_id": None,
                }
            )
            summary_input.append(ThreadMessage(direction, at, body, frozenset(keywords)))
        s = summarize(summary_input)
        convs.append(
            {
                "id": conv_id,
                "relay_id": None,
                "marketplace_id": mp_id,
                "buyer_id": buyer_id,
                "order_id": order_id,
                "subject": thread[0][1],
                "preview": s.preview,
                "last_activity": s.last_activity,
                "awaiting_since": s.awaiting_since,
                "no_response_needed": s.no_response_needed,
                "needs_response": s.needs_response,
                "buyer_initiated": True,
                "flagged": s.flagged,
                "unread_count": s.unread_count,
                "message_count": s.message_count,
            }
        )
    conn.execute(insert(schema.buyers), buyers)
    conn.execute(insert(schema.orders), orders)
    conn.execute(insert(schema.conversations), convs)
    # In search-key order: FTS5 writes a segment whenever a key is not above the last one.
    msgs.sort(key=lambda m: search_key(to_ms(m["received_at"]), m["id"]))
    conn.execute(insert(schema.messages), msgs)
    return len(msgs)
