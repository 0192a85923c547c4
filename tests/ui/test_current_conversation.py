"""One current conversation: the list selection, the conversation pane, the details, the
composer and Send always agree, whatever the list does underneath (issue 13's scenario: a
reply takes a conversation out of "Needs response", then the next sync arrives)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    assert_one_conversation,
    buyer_writes,
    go_live,
    open_buyer,
    row_of_buyer,
    run,
    until,
)


def _needs_response(window: object) -> None:
    status = window.filters.status  # type: ignore[attr-defined]
    status.setCurrentIndex(status.findData("needs-response"))


def test_a_sync_after_a_reply_keeps_the_answered_conversation_on_screen(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    for name in ("Anna A.", "Bertil B."):
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.se", email=f"{name[0]}@buyers.example",
            name=name, subject=f"Fråga från {name}", text="Var är mitt paket?",
        )  # fmt: skip

    async def scenario() -> None:
        await go_live(s, empty_relay)
        s.live.outbox.undo_window = timedelta(0)
        _needs_response(w)
        await until(lambda: w.model.rowCount() == 2, what="two conversations need a response")
        anna = await open_buyer(w, "Anna A.")
        assert_one_conversation(w, s)

        # A sync while typing: the draft and the selection stay put.
        w.composer.body.setPlainText("Det är på väg!")
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.se", email="C@buyers.example",
            name="Cecilia C.", subject="Retur", text="Hur returnerar jag?",
        )  # fmt: skip
        await until(lambda: row_of_buyer(w, "Cecilia C.") is not None, what="Cecilia listed")
        assert_one_conversation(w, s)
        assert s.current_id == anna and w.composer.body.toPlainText() == "Det är på väg!"

        # The reply leaves with the next outbox pass and comes back with a sync: Anna no
        # longer needs a response and leaves the list, but stays open.
        w.composer.send_button.click()
        await until(lambda: row_of_buyer(w, "Anna A.") is None, 30, "Anna leaves the list")
        assert s.current_id == anna
        assert_one_conversation(w, s)
        assert w.off_list.isVisible()

        # The next sync (any buyer message) used to select row 0 and move the details and the
        # composer to that buyer while the centre still showed Anna.
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.se", email="D@buyers.example",
            name="David D.", subject="Storlek", text="Finns den i L?",
        )  # fmt: skip
        await until(lambda: row_of_buyer(w, "David D.") is not None, what="David listed")
        await asyncio.sleep(0.2)  # anything the refresh set off has run
        assert s.current_id == anna
        assert_one_conversation(w, s)

        # The seller moves on: the next conversation opens and everything follows it.
        w.actions_by_name["next"].trigger()
        first = w.model.thread_at(0)
        await until(lambda: w.composer.draft_conversation() == first.id, what="next draft")
        assert s.current_id == first.id and not w.off_list.isVisible()
        assert_one_conversation(w, s)

    run(qloop, scenario())


def test_a_draft_for_another_conversation_is_not_sent(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    for name in ("Anna A.", "Bertil B."):
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.se", email=f"{name[0]}@buyers.example",
            name=name, subject="Fråga", text="Hej",
        )  # fmt: skip

    async def scenario() -> None:
        from app.storage.drafts import DraftData, draft_key_for_conversation

        await go_live(s, empty_relay)
        await until(lambda: w.model.rowCount() == 2)
        anna = await open_buyer(w, "Anna A.")
        bertil = next(r.id for i in range(2) if (r := w.model.thread_at(i)) and r.id != anna)
        stray = DraftData(
            key=draft_key_for_conversation(bertil), body="Fel köpare", conversation_id=bertil
        )
        await s.compose.send(stray)
        assert "not the open conversation" in w.statusBar().currentMessage()
        assert not w.undo_bar.isVisible()

    run(qloop, scenario())
