"""A new profile shows an empty list until its first sync; when the sync fills it, the centre
no longer claims "No conversations here" beside a full list, and still opens nothing by
itself (a refresh never changes what is open)."""

from __future__ import annotations

import asyncio

from ui_testkit import UiRelay, UiSession, buyer_writes, go_live, run, until  # type: ignore[import-not-found]


def test_the_first_sync_fills_the_list_and_the_centre_says_what_to_do(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.de", email="erst@buyers.example",
        name="Erna Erst", subject="Frage", text="Hallo, eine Frage.", locale="de",
    )  # fmt: skip

    async def scenario() -> None:
        await s.open_store()
        assert w.model.rowCount() == 0
        assert "No conversations here" in w.conversation.browser.toPlainText()
        await go_live(s, empty_relay)
        await until(lambda: w.model.rowCount() == 1, what="the synced conversation")
        await s.ops.idle()
        text = w.conversation.browser.toPlainText()
        assert "No conversations here" not in text and "Select a conversation" in text
        assert w.current_id is None and w.conversation.shown is None  # nothing opened by itself

    run(qloop, scenario())
