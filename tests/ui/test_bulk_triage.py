"""Bulk triage in the real window against a real relay: Shift/Ctrl-click and Shift+arrows
select several (none open, no composer, the bulk pane instead), Ctrl+A selects every
conversation of the view (also rows not loaded yet), one action runs over all of them and
reaches the relay, and Ctrl+Z takes it back."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    assert_one_conversation,
    go_live,
    run,
    until,
)

from app.storage import threads

Key = Qt.Key
Mod = Qt.KeyboardModifier


def flags(window: Any) -> dict[int, bool]:
    rows = (window.model.thread_at(i) for i in range(window.model.rowCount()))
    return {r.id: r.flagged for r in rows}


def test_select_several_act_once_and_undo(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, ui_relay: UiRelay, ui_session: UiSession
) -> None:
    w, s = ui_session.window, ui_session.session
    w.activateWindow()
    qtbot.waitActive(w)

    def press(key: Key, mods: Mod = Mod.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget() or w, key, mods)

    def click(row: int, mods: Mod = Mod.NoModifier) -> None:
        rect = w.threads.visualRect(w.model.index(row, 3))
        qtbot.mouseClick(w.threads.viewport(), Qt.MouseButton.LeftButton, mods, rect.center())

    async def scenario() -> None:
        await go_live(s, ui_relay)
        await until(lambda: w.model.rowCount() > 6)
        await s.ops.idle()
        click(1)
        await until(lambda: w.composer.draft_conversation() == w.model.thread_at(1).id)
        assert not w.many
        w.threads.setFocus()
        press(Key.Key_Down, Mod.ShiftModifier)
        press(Key.Key_Down, Mod.ShiftModifier)
        click(5, Mod.ControlModifier)
        await s.ops.idle()
        assert w.many and w.bulk.isVisible()
        assert w.bulk.title.text().startswith("4 conversation")
        assert_one_conversation(w, s)  # none open, no draft, nothing to send to
        picked = [w.model.thread_at(i).id for i in (1, 2, 3, 5)]
        # Some of them unread: the seller marks them read with the key.
        for cid in picked[:2]:
            await s.current.mark_read(cid, False)
        await s.ops.idle()
        press(Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier)
        await until(
            lambda: w.bulk.status.text().startswith("Mark read: 4 conversation"), what="done"
        )
        rows = {w.model.thread_at(i).id: w.model.thread_at(i) for i in range(w.model.rowCount())}
        assert all(rows[c].unread_count == 0 for c in picked)
        # The refreshed list keeps the same four selected.
        selected = {
            w.model.thread_at(i.row()).id for i in w.threads.selectionModel().selectedRows()
        }
        assert selected == set(picked) and w.bulk.title.text().startswith("4 ")
        assert w.actions_by_name["undo-send"].isEnabled()
        assert w.actions_by_name["undo-send"].text().startswith("Undo Mark read (4 ")
        await until(lambda: not s.live.local_changes.pending_count(), 20, "on the relay")
        # Ctrl+Z: back as they were (two unread again), and the relay hears of it too.
        press(Key.Key_Z, Mod.ControlModifier)
        await until(lambda: "Undone" in w.bulk.status.text(), what="undone")
        rows = {w.model.thread_at(i).id: w.model.thread_at(i) for i in range(w.model.rowCount())}
        assert [bool(rows[c].unread_count) for c in picked[:2]] == [True, True]
        assert not w.actions_by_name["undo-send"].isEnabled()
        await until(lambda: not s.live.local_changes.pending_count(), 20, "undo on the relay")
        assert_one_conversation(w, s)
        # One click opens one conversation again: the composer comes back for it.
        click(4)
        await until(lambda: w.composer.draft_conversation() == w.model.thread_at(4).id)
        assert not w.many and w.conversation.isVisible()
        assert_one_conversation(w, s)

    run(qloop, scenario())


def test_ctrl_a_means_every_conversation_of_the_view(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    ui_relay: UiRelay,
    ui_session: UiSession,
    monkeypatch: Any,
) -> None:
    w, s = ui_session.window, ui_session.session
    page = threads.page
    monkeypatch.setattr(threads, "page", lambda run, flt, after=None: page(run, flt, after, 3))

    async def scenario() -> None:
        await go_live(s, ui_relay)
        w.actions_by_name["view-needs-response"].trigger()
        await s.ops.idle()
        owed = s.inbox.count()
        assert owed > 3 and w.model.rowCount() == 3  # the rest not loaded yet
        w.threads.setFocus()
        w.actions_by_name["select-all"].trigger()
        assert w.many and w.bulk.title.text().startswith(f"{owed} conversation")
        assert "also those not loaded" in w.bulk.scope.text()
        assert_one_conversation(w, s)
        w.model.fetchMore()  # scrolling down: the new rows are selected too
        assert len(w.threads.selectionModel().selectedRows()) == w.model.rowCount() > 3
        w.bulk.buttons[("$noResponseNeeded", True)].click()
        await until(lambda: w.model.rowCount() == 0, what="all answered away")
        await s.ops.idle()
        assert w.bulk.status.text().startswith(f"No response needed: {owed} conversation")
        assert s.inbox.count() == 0
        assert_one_conversation(w, s)
        await until(lambda: not s.live.local_changes.pending_count(), 20, "on the relay")
        w.bulk.undo_button.click()
        await until(lambda: s.inbox.count() == owed, what="all owed again")
        # Snooze them all from the pane's menu: they leave the view until tomorrow.
        await s.ops.idle()
        w.threads.setFocus()
        w.actions_by_name["select-all"].trigger()
        menu = s.bulk.snooze_menu
        menu.aboutToShow.emit()
        [a for a in menu.actions() if not a.isSeparator()][1].trigger()  # tomorrow morning
        await until(lambda: s.inbox.count() == 0, what="all snoozed")
        await s.ops.idle()
        assert "falls due before the snooze ends" in w.bulk.status.text()

    run(qloop, scenario())


def test_a_failure_half_way_is_reported_once_and_what_was_done_can_be_undone(
    qtbot: Any,
    qloop: asyncio.AbstractEventLoop,
    ui_relay: UiRelay,
    ui_session: UiSession,
    monkeypatch: Any,
) -> None:
    from app.services import bulk as bulk_service
    from app.storage.errors import DiskFull

    w, s = ui_session.window, ui_session.session
    monkeypatch.setattr(bulk_service, "CHUNK", 2)
    write = bulk_service.Bulk._write
    calls = []

    def second_fails(self: Any, chunk: Any, step: Any) -> Any:
        calls.append(chunk)
        if len(calls) == 2:
            raise DiskFull("disk full")
        return write(self, chunk, step)

    monkeypatch.setattr(bulk_service.Bulk, "_write", second_fails)
    shown: list[str] = []
    w.statusBar().messageChanged.connect(lambda text: text and shown.append(text))

    async def scenario() -> None:
        await go_live(s, ui_relay)
        await until(lambda: w.model.rowCount() > 6)
        await s.ops.idle()
        w.threads.setFocus()
        w.actions_by_name["select-all"].trigger()
        total = s.inbox.count()
        before = flags(w)
        w.bulk.buttons[("$flagged", True)].click()
        await until(lambda: "stopped" in w.bulk.status.text(), what="the failure shown")
        await s.ops.idle()
        assert f"after 2 of {total}" in w.bulk.status.text()
        assert "disk is full" in w.bulk.status.text()
        assert not shown, "reported once: in the pane, not in the status bar too"
        assert flags(w) != before  # the first chunk was done
        assert w.bulk.undo_button.isVisible()
        w.bulk.undo_button.click()
        await until(lambda: "Undone" in w.bulk.status.text(), what="the done part undone")
        await s.ops.idle()
        assert flags(w) == before

    run(qloop, scenario())


def test_ctrl_a_in_a_search_selects_every_result_also_those_not_loaded(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, empty_relay: UiRelay, ui_session: UiSession
) -> None:
    """Issue 17: Ctrl+A in a search selects all its results under the filter, named by the
    search (ids from a query when the action starts), not the rows loaded, nor the first
    1,000: the pane counts them, and an action reaches every one."""
    from app.storage.rows import PAGE_SIZE
    from relay.simulate import DirectBuyerSide, message_body

    w, s = ui_session.window, ui_session.session
    wanted = PAGE_SIZE + 12  # more results than the first page loads
    side = DirectBuyerSide(empty_relay.db_url)
    try:
        for n in range(wanted):
            side.message(
                message_body(
                    seller="demo", marketplace_id="amazon.de", email=f"b{n}@buyers.example",
                    name=f"Käufer {n}", subject="Frage", text=f"Wo ist die Lieferung {n}, das Paket?",
                    locale="de",
                )
            )  # fmt: skip
        side.message(
            message_body(
                seller="demo", marketplace_id="amazon.de", email="other@buyers.example",
                name="Anderer", subject="Rechnung", text="Bitte eine Rechnung für das Paket.", locale="de",
            )
        )  # fmt: skip
    finally:
        side.close()

    def flagged() -> int:
        with s.store.read() as conn:
            return int(
                conn.exec_driver_sql("SELECT count(*) FROM conversations WHERE flagged").scalar()
            )

    async def scenario() -> None:
        await go_live(s, empty_relay)
        await until(lambda: w.model.rowCount() > 6)
        w.search.setText("lieferung")
        await until(lambda: s.inbox.results is not None and w.model.rowCount() > 1)
        await s.ops.idle()
        loaded = w.model.rowCount()
        assert loaded < wanted  # the rest is not loaded
        w.threads.setFocus()
        w.actions_by_name["select-all"].trigger()
        assert w.many and s.bulk.search == "lieferung"
        assert w.model.rowCount() == loaded  # selected by the query, not by loading rows
        await s.ops.idle()
        assert w.bulk.title.text().startswith(f"{wanted} conversation")
        assert "Every result of this search" in w.bulk.scope.text()
        w.bulk.buttons[("$flagged", True)].click()
        await until(lambda: "Flag" in w.bulk.status.text() and not s.bulk.running, what="done")
        await s.ops.idle()
        assert flagged() == wanted  # every result, none of the others
        # Under the list's filter: with Flagged only, "paket" selects the flagged results,
        # not the other buyer's conversation it also finds.
        w.filters.flagged.setChecked(True)
        w.search.setText("paket")
        await until(lambda: s.inbox.results is not None and s.inbox.results.text == "paket")
        await until(lambda: w.model.rowCount() > 1, what="the flagged results")
        await s.ops.idle()
        w.threads.setFocus()
        w.actions_by_name["select-all"].trigger()
        await s.ops.idle()
        assert w.bulk.title.text().startswith(f"{wanted} conversation")
        w.bulk.buttons[("$flagged", False)].click()
        await until(lambda: not s.bulk.running and flagged() == 0, what="all unflagged")

    run(qloop, scenario())
