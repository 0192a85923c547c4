"""Placeholder values for a conversation (app.services.seller_day.fill_values)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.services.seller_day import fill_values
from app.storage.rows import ConversationDetails


def test_fill_values_for_a_conversation() -> None:
    details = ConversationDetails(
        1,
        "amazon.de",
        2,
        "Jonas M.",
        "x@marketplace.relay.example",
        "de",
        False,
        True,
        order_number="302-1234567-1234567",
        order_placed_at=datetime(2026, 11, 30, tzinfo=UTC),
        order_items=({"title": "Teekanne"}, {"title": "Tassen (4)"}),
    )
    values = fill_values(
        details,
        marketplace_name="Amazon.de",
        seller_name="Nordic Home",
        format_date=lambda d: d.strftime("%d.%m.%Y"),
    )
    assert values == {
        "buyer_first_name": "Jonas",
        "order_id": "302-1234567-1234567",
        "items": "Teekanne, Tassen (4)",
        "order_date": "30.11.2026",
        "marketplace": "Amazon.de",
        "seller_name": "Nordic Home",
    }
