"""The buyer's other conversations in the details pane, against a real relay: listed with
their orders, opened by a click or by the keyboard through the current conversation, and
refreshed when the buyer writes again."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    open_buyer,
    run,
    until,
)


def _write(relay: UiRelay, name: str, order: str, subject: str) -> None:
    from relay.simulate import DirectBuyerSide

    email = f"{name[0].lower()}@buyers.example"
    side = DirectBuyerSide(relay.db_url)
    try:
        side.order(
            {
                "seller": "demo", "marketplaceId": "amazon.de", "orderId": order,
                "kind": "standard", "placedAt": "2026-11-20T10:00:00+00:00",
                "buyer": {"email": email, "name": name, "locale": "de"},
                "items": [{"sku": "SKU-1", "title": "Tasse", "quantity": 1}],
            }
        )  # fmt: skip
    finally:
        side.close()
    buyer_writes(
        relay.db_url, marketplace_id="amazon.de", email=email,
        name=name, subject=subject, text="Hallo, eine Frage.", locale="de", order_id=order,
    )  # fmt: skip


def test_the_buyers_other_conversations_open_from_the_details(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    _write(empty_relay, "Jonas Weber", "302-1111111-1111111", "Lieferung")
    _write(empty_relay, "Lena Koch", "302-3333333-3333333", "Rechnung")
    panel = s.buyer_history.panel

    async def scenario() -> None:
        await go_live(s, empty_relay)
        lena = await open_buyer(w, "Lena Koch")
        await s.ops.idle()
        assert panel.isVisible() and panel.rows == [] and panel.empty.isVisible()
        jonas = await open_buyer(w, "Jonas Weber")
        await s.ops.idle()
        assert panel.rows == []
        # Jonas writes again about another order: a new thread, listed beside the first.
        _write(empty_relay, "Jonas Weber", "302-2222222-2222222", "Umtausch")
        await until(lambda: len(panel.rows) == 1, 30, "Jonas's other conversation listed")
        other = panel.rows[0]
        assert other.id not in (jonas, lena) and other.order_number == "302-2222222-2222222"
        item = panel.list.item(0)
        assert "Umtausch" in item.text() and "302-2222222-2222222" in item.text()
        # One click opens it through the current conversation; the list follows.
        rect = panel.list.visualItemRect(item)
        QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert s.current_id == other.id
        assert w.conversation.title.text() == "Umtausch"
        await until(lambda: [r.id for r in panel.rows] == [jonas], what="the first one listed")
        # The keyboard: Ctrl+Shift+B to the list, Return opens.
        w.actions_by_name["buyer-history"].trigger()
        assert panel.list.hasFocus() or panel.list.currentRow() == 0
        QTest.keyClick(panel.list, Qt.Key.Key_Return)
        assert s.current_id == jonas
        await until(lambda: [r.id for r in panel.rows] == [other.id], what="back again")

    run(qloop, scenario())
