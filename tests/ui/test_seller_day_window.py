"""A seller's day in the real window against a real relay: templates inserted in the buyer's
language (Ctrl+T and "/"), snooze that takes a conversation out of the list and brings it
back, internal notes, and the "only says thanks" suggestion."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    open_buyer,
    row_of_buyer,
    run,
    until,
)

from app.services.connectivity import Status
from app.services.ops import Changes
from relay.embedded import start_embedded

TEXTS = {
    "en": "Hi {buyer_first_name}, your order {order_id} left our warehouse today.",
    "sv": "Hej {buyer_first_name}! Din order {order_id} lämnade vårt lager i dag.",
}


def _write(relay: UiRelay, name: str, text: str, **extra: object) -> None:
    buyer_writes(
        relay.db_url, marketplace_id="amazon.se", email=f"{name[0].lower()}@buyers.example",
        name=name, subject="Fråga", text=text, locale="sv", **extra,
    )  # fmt: skip


def test_a_template_goes_in_in_the_buyers_language_filled(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    _write(empty_relay, "Åsa Berg", "Var är mitt paket?")

    async def scenario() -> None:
        await go_live(s, empty_relay)
        day = s.day
        # Saved through the Templates dialog, as a seller would.
        w.actions_by_name["templates"].trigger()
        dialog = day.templates_dialog
        dialog.name.setText("Shipped")
        dialog.add_language("en", TEXTS["en"])
        dialog.add_language("sv", TEXTS["sv"])
        dialog.save.click()
        await until(lambda: len(day.templates) == 1, what="the template saved and listed")
        assert not dialog.error.isVisible()
        dialog.close()
        await open_buyer(w, "Åsa Berg")
        w.composer.body.setFocus()
        w.actions_by_name["insert-template"].trigger()
        assert day.picker.isVisible()
        qtbot_key(day.picker.filter, Qt.Key.Key_Return)
        body = w.composer.body.toPlainText()
        assert body.startswith("Hej Åsa! Din order") and "{" not in body
        # "/" and a name at the start of a line finds it too; the "/shi" typed goes.
        w.composer.body.setPlainText("Tack!\n")
        cursor = w.composer.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        w.composer.body.setTextCursor(cursor)
        w.composer.body.insertPlainText("/shi")
        assert day.picker.isVisible() and day.picker.filter.text() == "shi"
        qtbot_key(day.picker.filter, Qt.Key.Key_Return)
        assert w.composer.body.toPlainText().startswith("Tack!\nHej Åsa!")
        assert "/shi" not in w.composer.body.toPlainText()

    run(qloop, scenario())


def qtbot_key(widget: object, key: Qt.Key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key)  # type: ignore[call-overload]


def test_snooze_leaves_the_list_and_a_woken_one_comes_back_with_its_reason(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    for name in ("Anna A.", "Bertil B."):
        _write(empty_relay, name, "Hej, en fråga om storleken.")

    async def scenario() -> None:
        await go_live(s, empty_relay)
        await until(lambda: w.model.rowCount() == 2, what="two conversations")
        anna = await open_buyer(w, "Anna A.")
        anna_relay_id = s.current.row.relay_id
        s.day.snooze_menu.aboutToShow.emit()
        tomorrow = [a for a in s.day.snooze_menu.actions() if not a.isSeparator()][1]
        tomorrow.trigger()
        await until(lambda: row_of_buyer(w, "Anna A.") is None, what="Anna snoozed away")
        assert s.current_id == anna  # still open until the seller moves on
        w.actions_by_name["view-snoozed"].trigger()  # Ctrl+4: what sleeps
        await until(lambda: row_of_buyer(w, "Anna A.") is not None, what="Anna under Snoozed")
        assert w.model.rowCount() == 1
        w.actions_by_name["view-all"].trigger()
        await until(lambda: row_of_buyer(w, "Bertil B.") is not None, what="back to All")
        assert row_of_buyer(w, "Anna A.") is None
        # The relay has it: every seat would hide it.
        await until(lambda: not s.live.local_changes.pending_count(), 20, "snooze on the relay")
        # Snoozed again for a few seconds: it comes back by itself when its time comes, bold
        # (woken), with its reason.
        soon = datetime.now(UTC) + timedelta(seconds=4)
        await s.live.local_changes.set_snooze(
            anna_relay_id, until=soon, reason="Check with the workshop"
        )
        s.ops.publish(Changes(conversations=frozenset({anna}), to_relay=True))
        await until(lambda: row_of_buyer(w, "Anna A.") is not None, 20, "Anna back on time")
        back = w.model.thread_at(row_of_buyer(w, "Anna A."))
        assert back.woken(datetime.now(UTC)) and back.snooze_reason == "Check with the workshop"
        # Opening it ends the snooze for good.
        w.actions_by_name["next"].trigger()
        await open_buyer(w, "Anna A.")
        await until(lambda: s.current.row.snooze_kind is None, what="the snooze ended")

    run(qloop, scenario())


def test_notes_and_the_thanks_suggestion(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    _write(empty_relay, "Carl C.", "Perfekt, tack så mycket!")

    async def scenario() -> None:
        await go_live(s, empty_relay)
        cid = await open_buyer(w, "Carl C.")
        day = s.day
        await until(lambda: day.suggestion.isVisible(), what="the thanks suggestion")
        day.notes.editor.setPlainText("Kunden är nöjd, inget mer att göra.")
        day.notes.save.click()
        await until(lambda: day.notes.cards.count() == 1, what="the note shown")
        with s.store.read() as conn:
            from app.storage import seller_day

            (note,) = seller_day.notes(conn, cid)
        assert note.relay_id and note.author == "demo"
        day.suggest_button.click()
        await until(
            lambda: s.current.row is not None and not s.current.row.needs_response,
            what="no response needed",
        )
        assert not day.suggestion.isVisible()

        # The relay goes away: a note is still saved, shown at once as waiting, and shared
        # when the relay is back (issue 17).
        port = urlparse(empty_relay.url).port
        empty_relay.embedded.stop()
        day.notes.editor.setPlainText("Skrivet utan anslutning.")
        day.notes.save.click()
        await until(lambda: day.notes.cards.count() == 2, what="the offline note shown")
        assert "waiting for the connection" in _note_header(day, 1)
        await until(lambda: s.live.runner.state.status is Status.OFFLINE, 20, "offline")
        assert "waiting for the connection" in _note_header(day, 1)
        empty_relay.embedded = start_embedded(empty_relay.db_url, port=port)
        s.live.runner.wake()  # as its next try would
        await until(lambda: "waiting" not in _note_header(day, 1), 20, "the note shared")
        with s.store.read() as conn:
            from app.storage import seller_day

            assert not seller_day.notes(conn, cid)[1].relay_id.startswith("local:")

    run(qloop, scenario())


def _note_header(day: object, index: int) -> str:
    card = day.notes.cards.itemAt(index).widget()  # type: ignore[attr-defined]
    return str(card.findChild(QLabel, "note-header").text())


def test_every_action_is_in_a_menu(ui_session: UiSession) -> None:
    w = ui_session.window
    in_menus = set()
    for menu_action in w.menuBar().actions():
        menu = menu_action.menu()
        in_menus |= {a for a in menu.actions() if not a.isSeparator()}
    missing = [n for n, a in w.actions_by_name.items() if a not in in_menus]
    assert not missing
    titles = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Conversation", "Help"]
