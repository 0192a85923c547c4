"""A new message to a buyer, started from an order (order → buyer → compose → send), goes
through the outbox to a real relay and reaches the buyer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ui_testkit import UiRelay, UiSession, buyer_writes, go_live, open_buyer, run, until  # type: ignore[import-not-found]  # type: ignore[import-not-found]

from app.domain import ContactReason, OutboxState
from app.ui.new_message import NewMessageWindow

EMAIL = "new.message@buyers.example"


def _order(relay: UiRelay) -> None:
    from relay.simulate import DirectBuyerSide

    side = DirectBuyerSide(relay.db_url)
    try:
        side.order(
            {
                "seller": "demo", "marketplaceId": "amazon.com", "orderId": "114-7777777-1234567",
                "kind": "standard",
                "placedAt": (datetime.now(UTC) - timedelta(days=2)).isoformat(),
                "buyer": {"email": EMAIL, "name": "Nora Newmsg", "locale": "en"},
                "items": [{"sku": "SKU-1", "title": "Blue mug", "quantity": 2}],
            }
        )  # fmt: skip
    finally:
        side.close()


def _mailbox(relay: UiRelay) -> list[dict]:  # type: ignore[type-arg]
    from relay.simulate import DirectBuyerSide

    side = DirectBuyerSide(relay.db_url)
    try:
        return list(side.mailbox("amazon.com", EMAIL)["messages"])
    finally:
        side.close()


def test_new_message_from_an_order_reaches_the_buyer(
    qtbot, qloop, ui_relay: UiRelay, ui_session: UiSession
) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    ui_session.settings.setValue("outbox/undo_seconds", 1)

    async def scenario() -> None:
        _order(ui_relay)
        buyer_writes(
            ui_relay.db_url, marketplace_id="amazon.com", email=EMAIL, name="Nora Newmsg",
            subject="Order question", text="Is my order packed yet?",
            order_id="114-7777777-1234567",
        )  # fmt: skip
        await go_live(session, ui_relay)
        await open_buyer(window, "Nora Newmsg")
        await until(lambda: window.details.new_button.isEnabled())
        assert window.details.fields["order"].text() == "114-7777777-1234567"

        window.details.new_button.click()
        await until(lambda: bool(window.findChildren(NewMessageWindow)), what="the window")
        [win] = window.findChildren(NewMessageWindow)
        assert win.isVisible() and "Nora Newmsg" in win.windowTitle()
        await until(lambda: win.composer._draft is not None, what="its draft")
        assert win.composer._draft.order_id is not None  # type: ignore[union-attr]
        assert win.composer._draft.conversation_id is None  # type: ignore[union-attr]
        win.composer.subject.setText("Your blue mugs")
        win.composer.reason.setCurrentIndex(
            win.composer.reason.findData(str(ContactReason.DELIVERY_SCHEDULING))
        )
        win.composer.body.setPlainText(
            "Hello Nora, your two blue mugs ship on Friday. Would Monday delivery suit you?"
        )
        assert win.composer.send_button.isEnabled(), win.composer.send_button.toolTip()
        win.composer.send_button.click()

        # Into the outbox (the undo bar shows), then out to the relay and the buyer.
        await until(lambda: not win.isVisible(), what="the window closed on send")
        await until(lambda: window.undo_bar.isVisible())
        await until(lambda: bool(_mailbox(ui_relay)), 30, "the buyer received it")
        [got] = _mailbox(ui_relay)
        assert got["subject"] == "Your blue mugs"
        assert "two blue mugs ship on Friday" in got["bodyText"]

        from app.storage.drafts import outbox_items

        def sent() -> list[object]:
            with session.store.read() as conn:
                return outbox_items(conn, (OutboxState.SENT,))

        await until(lambda: len(sent()) == 1, what="the outbox item marked sent")

    run(qloop, scenario())
