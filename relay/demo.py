"""`seed_demo`: a realistic multi-marketplace, multilingual relay for the app's demo mode.

Uses the lead's corpus (`app.demodata.corpus`, pure data). Deterministic for a given seed and
idempotent: seeding twice adds nothing (external ids and client submission ids repeat).
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from app.demodata import corpus
from app.domain import Direction, OrderKind
from relay import auth, ingest, schema
from relay.api.submission import Refused, create_one
from relay.config import RelayConfig
from relay.db import Database, open_database
from relay.store import Changes, iso, now

# A minimal valid PDF, attached to a few buyer messages.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def seed_demo(
    db_url: str | Database,
    seller: str = "demo",
    *,
    seed: int = 7,
    per_marketplace: int = 8,
    config: RelayConfig | None = None,
) -> dict[str, Any]:
    """Fill a relay with the demo seller's world; returns counts."""
    db = open_database(db_url) if isinstance(db_url, str) else db_url
    cfg = config or RelayConfig()
    rng = random.Random(seed)
    start = now()
    counts = {"marketplaces": 0, "orders": 0, "messages": 0, "replies": 0, "optedOut": 0}
    with db.writing() as conn:
        auth.ensure_seller(conn, seller)
    try:
        for mid, _name, _country, locale in corpus.MARKETPLACES:
            counts["marketplaces"] += 1
            for i in range(per_marketplace):
                _conversation(db, cfg, rng, seller, mid, locale, i, start, counts)
        _switches(db, seller, start)
        _bounce_example(db, cfg, seller, counts)
        counts["templates"] = _templates(db, seller)
    finally:
        if isinstance(db_url, str):
            db.dispose()
    return counts


def _conversation(
    db: Database,
    cfg: RelayConfig,
    rng: random.Random,
    seller: str,
    mid: str,
    locale: str,
    i: int,
    start: Any,
    counts: dict[str, int],
) -> None:
    # Buyers mostly write in the marketplace's language, some in English.
    lang = locale if rng.random() < 0.8 else "en"
    overdue = i % 4 == 3
    script = corpus.conversation_script(rng, lang, answered=not overdue)
    email = f"{script.buyer_name.split()[0].lower()}.{mid.replace('.', '-')}.{i}@buyers.example"
    order_no = corpus.order_number(rng)
    kind = (
        OrderKind.HANDMADE if i % 5 == 1 else OrderKind.WINE if i % 11 == 7 else OrderKind.STANDARD
    )
    began = start - timedelta(hours=rng.randint(2, 24 * 80))
    if overdue:
        began = start - timedelta(hours=rng.randint(26, 60))
    elif i % 4 == 2:
        began = start - timedelta(hours=rng.randint(1, 5))
    buyer = {"email": email, "name": script.buyer_name, "locale": lang}
    ingest.ingest_order(
        db,
        cfg,
        {
            "seller": seller,
            "marketplaceId": mid,
            "orderId": order_no,
            "kind": kind.value,
            "placedAt": iso(began - timedelta(days=3)),
            "buyer": buyer,
            "items": [
                {"sku": f"SKU-{rng.randint(1000, 9999)}", "title": script.product, "quantity": 1}
            ],
        },
    )
    counts["orders"] += 1
    conv_id = None
    last_in = began
    for n, msg in enumerate(script.messages):
        at = began + timedelta(minutes=msg.after_minutes)
        if at > start:
            break
        if msg.direction == Direction.INBOUND:
            files = [("receipt.pdf", DEMO_PDF)] if i % 6 == 0 and n == 0 else []
            from relay.simulate import message_body

            res = ingest.ingest_message(
                db,
                cfg,
                message_body(
                    seller=seller,
                    marketplace_id=mid,
                    email=email,
                    name=script.buyer_name,
                    text=msg.body,
                    subject=msg.subject,
                    external_id=f"demo-{mid}-{i}-{n}",
                    order_id=order_no,
                    conversation_id=conv_id,
                    locale=lang,
                    files=files,
                    received_at=iso(at),
                ),
            ).body
            conv_id = res["conversationId"]
            last_in = at
            counts["messages"] += 1
        elif conv_id is not None:
            at = max(at, last_in + timedelta(minutes=5))
            if at > start:
                break
            if _reply(db, seller, conv_id, msg.subject, msg.body, f"demo-{mid}-{i}-{n}", at):
                counts["replies"] += 1
    if i % 7 == 4:
        ingest.set_opt_out(db, {"marketplaceId": mid, "email": email, "optedOut": True})
        counts["optedOut"] += 1


def _reply(
    db: Database, seller: str, conv_id: str, subject: str, body: str, csid: str, at: Any
) -> bool:
    with db.writing() as conn:
        sid = auth.seller_id_by_name(conn, seller)
        assert sid is not None
        nested = conn.begin_nested()
        try:
            create_one(
                conn,
                Changes(conn, sid),
                {
                    "clientSubmissionId": csid,
                    "conversationId": conv_id,
                    "subject": subject,
                    "body": body,
                    "contactReason": "other",
                },
                at=at,
            )
            nested.commit()
            return True
        except Refused:
            nested.rollback()
            return False


def _templates(db: Database, seller: str) -> int:
    """Three templates a seller would write first, in en/sv/es/de (relay.demo_templates);
    those already there (a second seeding) are kept as they are."""
    from relay.api import template
    from relay.demo_templates import TEMPLATES as items

    with db.writing() as conn:
        sid = auth.seller_id_by_name(conn, seller)
        assert sid is not None
        ch = Changes(conn, sid)
        t = schema.templates.c
        have = set(conn.execute(select(t.name_key).where(t.seller_id == sid)).scalars())
        for item in items:
            if item["name"].casefold() not in have:
                template.create(conn, ch, item)
        ch.flush()
    return len(items)


def _switches(db: Database, seller: str, start: Any) -> None:
    """amazon.de has a vacation scheduled next week; amazon.co.uk has messaging off."""
    t = schema.marketplaces.c
    with db.writing() as conn:
        sid = auth.seller_id_by_name(conn, seller)
        assert sid is not None
        ch = Changes(conn, sid)
        conn.execute(
            update(schema.marketplaces)
            .where((t.seller_id == sid) & (t.id == "amazon.de"))
            .values(
                vacation_from=start + timedelta(days=7), vacation_until=start + timedelta(days=14)
            )
        )
        ch.updated("Marketplace", "amazon.de")
        conn.execute(
            update(schema.marketplaces)
            .where((t.seller_id == sid) & (t.id == "amazon.co.uk"))
            .values(messaging_enabled=False)
        )
        ch.updated("Marketplace", "amazon.co.uk")
        ch.flush()


def _bounce_example(db: Database, cfg: RelayConfig, seller: str, counts: dict[str, int]) -> None:
    """An opted-out buyer with a standard order, and the seller's shipping confirmation bounced."""
    email = "opted.out.demo@buyers.example"
    res = ingest.ingest_order(
        db,
        cfg,
        {
            "seller": seller,
            "marketplaceId": "amazon.com",
            "orderId": "111-0000001-0000001",
            "kind": "standard",
            "buyer": {"email": email, "name": "Pat R.", "locale": "en"},
            "items": [{"sku": "SKU-0001", "title": "ceramic mug", "quantity": 2}],
        },
    ).body
    ingest.set_opt_out(db, {"marketplaceId": "amazon.com", "email": email, "optedOut": True})
    counts["optedOut"] += 1
    with db.writing() as conn:
        sid = auth.seller_id_by_name(conn, seller)
        assert sid is not None
        nested = conn.begin_nested()
        try:
            create_one(
                conn,
                Changes(conn, sid),
                {
                    "clientSubmissionId": "demo-bounce-1",
                    "buyerId": res["buyerId"],
                    "orderId": "111-0000001-0000001",
                    "subject": "Your order has shipped",
                    "body": "Your mugs are on their way.",
                    "contactReason": "shipping-confirmation",
                },
            )
            nested.commit()
        except Refused:
            nested.rollback()
