"""The buyer's other conversations and orders in the details pane, against a real relay: the
conversations listed with their orders, opened by a click or by the keyboard through the
current conversation, and refreshed when the buyer writes again; the orders no conversation
is about listed, and a message about one started from the list."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    open_buyer,
    run,
    until,
)

from app.domain import OutboxState


def _order(
    relay: UiRelay, name: str, order: str, placed: str = "2026-11-20", title: str = "Tasse"
) -> None:
    from relay.simulate import DirectBuyerSide

    side = DirectBuyerSide(relay.db_url)
    try:
        side.order(
            {
                "seller": "demo", "marketplaceId": "amazon.de", "orderId": order,
                "kind": "standard", "placedAt": f"{placed}T10:00:00+00:00",
                "buyer": {"email": f"{name[0].lower()}@buyers.example", "name": name,
                          "locale": "de"},
                "items": [{"sku": "SKU-1", "title": title, "quantity": 1}],
            }
        )  # fmt: skip
    finally:
        side.close()


def _write(relay: UiRelay, name: str, order: str, subject: str) -> None:
    email = f"{name[0].lower()}@buyers.example"
    _order(relay, name, order)
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


def test_the_buyers_orders_without_a_conversation_start_a_message(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    from app.ui.new_message import NewMessageWindow

    s, w = ui_session.session, ui_session.window
    # Three orders; the buyer wrote about the first. Another buyer's order is never listed.
    _write(empty_relay, "Jonas Weber", "302-1111111-1111111", "Lieferung")
    _order(empty_relay, "Jonas Weber", "302-2222222-2222222", "2026-11-21", "Teller")
    _order(empty_relay, "Jonas Weber", "302-4444444-4444444", "2026-11-22", "Kanne")
    _order(empty_relay, "Lena Koch", "302-3333333-3333333", "2026-11-23")
    orders = s.buyer_history.orders

    async def scenario() -> None:
        await go_live(s, empty_relay)
        await open_buyer(w, "Jonas Weber")
        await until(lambda: len(orders.rows) == 2, what="Jonas's two other orders listed")
        numbers = [r.order.order_number for r in orders.rows]
        assert numbers == ["302-4444444-4444444", "302-2222222-2222222"]  # newest first
        assert orders.isVisible()
        first = orders.list.item(0).text()
        assert "302-4444444-4444444" in first and "Kanne" in first
        # The keyboard: Ctrl+Shift+B goes to the orders when there is no other conversation.
        w.actions_by_name["buyer-history"].trigger()
        assert orders.list.currentRow() == 0
        orders.list.setCurrentRow(1)
        QTest.keyClick(orders.list, Qt.Key.Key_Return)
        await until(lambda: bool(w.findChildren(NewMessageWindow)), what="the new message window")
        [win] = w.findChildren(NewMessageWindow)
        assert win.details.order_number == "302-2222222-2222222"
        await until(lambda: win.composer._draft is not None, what="its draft")
        assert win.composer._draft.order_id == orders.rows[1].order.id  # type: ignore[union-attr]
        win.close()
        # Lena has an order she wrote nothing about, but no conversation to open: never shown.
        assert all(r.order.order_number != "302-3333333-3333333" for r in orders.rows)
        # Jonas writes about the newest order: it leaves the list, refreshed by the sync.
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.de", email="j@buyers.example",
            name="Jonas Weber", subject="Kanne", text="Wo bleibt die Kanne?", locale="de",
            order_id="302-4444444-4444444",
        )  # fmt: skip
        await until(
            lambda: [r.order.order_number for r in orders.rows] == ["302-2222222-2222222"],
            30,
            "the order written about left the list",
        )

    run(qloop, scenario())


def _case_alias(relay: UiRelay, email: str, of: str) -> str:
    """Make ``email``'s buyer another +case alias of ``of``'s, as the mail bridge names a new
    case of the same buyer (app.domain.buyers.alias_base)."""
    from sqlalchemy import select, update

    from relay import schema
    from relay.db import open_database

    db = open_database(relay.db_url)
    b = schema.buyers.c
    try:
        with db.writing() as conn:
            base = conn.execute(select(b.alias).where(b.email == of)).scalar_one()
            local, _, domain = base.partition("@")
            alias = f"{local}+case-2@{domain}"
            conn.execute(update(schema.buyers).where(b.email == email).values(alias=alias))
        return alias
    finally:
        db.dispose()


def test_a_message_about_another_aliass_order_says_where_it_goes_and_goes_there(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    """Issue 17: an order of the buyer's other +case alias, written about from the details:
    the new message's To line names that alias (not the open conversation's), and the message
    is sent to it."""
    from app.storage.drafts import outbox_items
    from app.ui.new_message import NewMessageWindow
    from relay.simulate import DirectBuyerSide

    s, w = ui_session.session, ui_session.window
    ui_session.settings.setValue("outbox/undo_seconds", 1)
    _write(empty_relay, "Jonas Weber", "302-1111111-1111111", "Lieferung")
    side = DirectBuyerSide(empty_relay.db_url)
    try:
        side.order(
            {
                "seller": "demo", "marketplaceId": "amazon.de", "orderId": "302-5555555-5555555",
                "kind": "standard", "placedAt": "2026-11-24T10:00:00+00:00",
                "buyer": {"email": "jonas.case2@buyers.example", "name": "J. Weber",
                          "locale": "en"},
                "items": [{"sku": "SKU-1", "title": "Kanne", "quantity": 1}],
            }
        )  # fmt: skip
    finally:
        side.close()
    alias = _case_alias(empty_relay, "jonas.case2@buyers.example", "j@buyers.example")
    orders = s.buyer_history.orders

    async def scenario() -> None:
        await go_live(s, empty_relay)
        jonas = await open_buyer(w, "Jonas Weber")
        await until(lambda: len(orders.rows) == 1, what="the other alias's order listed")
        assert s.current.details.buyer_alias != alias  # type: ignore[union-attr]
        assert alias in orders.list.item(0).toolTip()
        orders.list.setCurrentRow(0)
        QTest.keyClick(orders.list, Qt.Key.Key_Return)
        await until(lambda: bool(w.findChildren(NewMessageWindow)), what="the new message window")
        [win] = w.findChildren(NewMessageWindow)
        to = win.findChild(QLabel, "conversation-subtitle").text()
        assert to.startswith(f"To J. Weber <{alias}>") and "302-5555555-5555555" in to
        assert "Jonas Weber" not in to
        await until(lambda: win.composer._draft is not None, what="its draft")
        draft = win.composer._draft
        assert draft.buyer_id == orders.rows[0].buyer_id == win.details.buyer_id  # type: ignore[union-attr]
        win.composer.subject.setText("Your jug")
        win.composer.body.setPlainText("Hello, your jug ships on Friday.")
        win.composer.send_button.click()
        await until(lambda: not win.isVisible(), what="the window closed on send")

        def sent() -> list[object]:
            with s.store.read() as conn:
                return outbox_items(conn, (OutboxState.SENT,))

        await until(lambda: len(sent()) == 1, 30, "sent")
        # The relay sent it to the order's alias, and the current conversation is untouched.
        side = DirectBuyerSide(empty_relay.db_url)
        try:
            got = side.mailbox("amazon.de", "jonas.case2@buyers.example")["messages"]
            assert [m["subject"] for m in got] == ["Your jug"]
            assert not side.mailbox("amazon.de", "j@buyers.example")["messages"]
        finally:
            side.close()
        assert s.current_id == jonas

    run(qloop, scenario())
