"""Keyboard triage and saved views in the real window against a real relay: Alt+Down/Up and
J/K to the next/previous conversation needing a response (or to the Needs response view, and
there to its end, which they say), a key for
each sort, and a saved view ("overdue on .de") that comes back with Ctrl+6, kept in the
settings and shown in the View menu and under F1."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_testkit import UiRelay, UiSession, go_live, run, until  # type: ignore[import-not-found]

from app.storage.rows import ThreadSort

Key = Qt.Key
Mod = Qt.KeyboardModifier


def test_j_and_k_go_to_the_answers_owed_and_the_sorts_have_keys(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, ui_relay: UiRelay, ui_session: UiSession
) -> None:
    w, s = ui_session.window, ui_session.session
    w.activateWindow()
    qtbot.waitActive(w)

    def press(key: Key, mods: Mod = Mod.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget() or w, key, mods)

    def row() -> int:
        return w.threads.currentIndex().row()

    async def scenario() -> None:
        await go_live(s, ui_relay)
        await until(lambda: w.model.rowCount() > 6)
        await s.ops.idle()
        owed = [i for i in range(w.model.rowCount()) if w.model.thread_at(i).needs_response]
        start = next(i for i in range(w.model.rowCount()) if i not in owed and i < owed[-1])
        w.select_row(start)
        w.threads.setFocus()
        press(Key.Key_J)
        assert row() == next(i for i in owed if i > start)
        # Alt+Down/Up do the same: over the ones that owe nothing (issue 17).
        w.select_row(start)
        w.threads.setFocus()
        press(Key.Key_Down, Mod.AltModifier)
        assert row() == next(i for i in owed if i > start)
        press(Key.Key_K)
        before = [i for i in owed if i < row()]
        press(Key.Key_J)
        press(Key.Key_K)
        assert row() == (before[-1] if before else row())
        await s.ops.idle()
        # Where nothing is owed (Waiting on buyer), J jumps to the Needs response view.
        w.actions_by_name["view-waiting"].trigger()
        await s.ops.idle()
        w.threads.setFocus()
        press(Key.Key_J)
        await s.ops.idle()
        assert w.filters.status_key() == "needs-response"
        first = row()
        press(Key.Key_J)
        assert row() == first + 1  # in that view J steps through the list
        press(Key.Key_Down, Mod.AltModifier)  # and so do Alt+Down/Up
        assert row() == first + 2
        press(Key.Key_Up, Mod.AltModifier)
        assert row() == first + 1
        # At the end of the view they stop and say so.
        while w.model.canFetchMore():
            w.model.fetchMore()
        last = w.model.rowCount() - 1
        w.select_row(last)
        await s.ops.idle()
        w.threads.setFocus()
        press(Key.Key_Down, Mod.AltModifier)
        assert row() == last
        assert w.statusBar().currentMessage() == "No more conversations need a response below."
        w.select_row(0)
        await s.ops.idle()
        w.threads.setFocus()
        press(Key.Key_K)
        assert row() == 0
        assert w.statusBar().currentMessage() == "No more conversations need a response above."
        # The sorts.
        press(Key.Key_D, Mod.ControlModifier | Mod.ShiftModifier)
        await s.ops.idle()
        assert w.filters.current().sort is ThreadSort.DEADLINE
        dues = [w.model.thread_at(i).awaiting_since for i in range(w.model.rowCount())]
        assert dues == sorted(dues)
        press(Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
        await s.ops.idle()
        assert w.filters.current().sort is ThreadSort.ACTIVITY
        # Typing a j in the search box is a j, not a jump.
        w.search.setFocus()
        press(Key.Key_J)
        assert w.search.text() == "j"

    run(qloop, scenario())


def test_a_saved_view_comes_back_with_its_key(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, ui_relay: UiRelay, ui_session: UiSession
) -> None:
    w, s = ui_session.window, ui_session.session
    w.activateWindow()
    qtbot.waitActive(w)

    async def scenario() -> None:
        await go_live(s, ui_relay)
        await until(lambda: w.model.rowCount() > 6)
        bar = w.filters
        bar.show_status("needs-response")
        bar.marketplace.setCurrentIndex(bar.marketplace.findData("amazon.de"))
        bar.show_sort(ThreadSort.DEADLINE)
        await s.ops.idle()
        wanted = [w.model.thread_at(i).id for i in range(w.model.rowCount())]
        assert wanted
        w.actions_by_name["save-view"].trigger()
        dialog = s.views.dialog
        assert "amazon.de" in dialog.textValue()  # a name suggested from the view
        dialog.setTextValue("Overdue on .de")
        dialog.accept()
        assert w.actions_by_name["saved-view-1"].text() == "Overdue on .de"
        assert w.actions_by_name["saved-view-1"].isVisible()
        assert not w.actions_by_name["saved-view-2"].isVisible()
        w.actions_by_name["view-all"].trigger()
        bar.marketplace.setCurrentIndex(0)
        await s.ops.idle()
        assert w.model.rowCount() > len(wanted)
        w.activateWindow()  # the name dialog had the focus
        await until(lambda: QApplication.activeWindow() is w, what="the window active again")
        w.threads.setFocus()
        qtbot.keyClick(QApplication.focusWidget() or w, Key.Key_6, Mod.ControlModifier)
        await s.ops.idle()
        assert [w.model.thread_at(i).id for i in range(w.model.rowCount())] == wanted
        assert bar.current().sort is ThreadSort.DEADLINE
        # Kept in the settings: a new window has it; it is in the View menu and under F1.
        from app.ui.prefs import Preferences

        assert Preferences(ui_session.settings, s.ops).saved_views()[0]["name"] == "Overdue on .de"
        view_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
        assert "Overdue on .de" in [a.text() for a in view_menu.actions()]
        w.show_shortcuts()
        rows = dict(w.shortcuts_dialog.rows())
        assert rows["Overdue on .de"] == "Ctrl+6"
        assert rows["Next needing a response"] == "Alt+Down  or  J"
        assert rows["Previous needing a response"] == "Alt+Up  or  K"
        w.shortcuts_dialog.close()
        s.views.delete("Overdue on .de")
        assert not w.actions_by_name["saved-view-1"].isVisible()

    run(qloop, scenario())
