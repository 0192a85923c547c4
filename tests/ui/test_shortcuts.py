"""Every frequent action has a key, no two actions share one, each key does what it says
(against a real relay, so marking and sending really happen), and F1 lists them all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from ui_testkit import UiRelay, UiSession, go_live, run, until  # type: ignore[import-not-found]  # type: ignore[import-not-found]

from app.domain import OutboxState
from app.ui.main_window import MainWindow

FREQUENT = ("next", "previous", "reply", "send", "search", "read", "flag", "no-response")
# (and "undo-send", Ctrl+Z, enabled only while a send can be taken back)

Key = Qt.Key
Mod = Qt.KeyboardModifier


def test_every_frequent_action_has_a_key_and_no_key_is_shared(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    for name in (*FREQUENT, "new", "outbox", "metrics", "settings", "shortcuts"):
        action = window.actions_by_name[name]
        assert action.shortcuts(), f"{name} has no shortcut"
    # Every action anywhere in the window, with each of its keys: none twice.
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen[text]} and {action.text()}"
            seen[text] = action.text()


def test_the_keys_work(qtbot, qloop, ui_relay: UiRelay, ui_session: UiSession) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    ui_session.settings.setValue("outbox/undo_seconds", 30)  # the send stays undoable here
    window.activateWindow()
    qtbot.waitActive(window)

    def press(key: Key, mods: Mod = Mod.NoModifier) -> None:
        focus = QApplication.focusWidget() or window
        qtbot.keyClick(focus, key, mods)

    def current() -> int:
        return window.threads.currentIndex().row()

    async def scenario() -> None:
        await go_live(session, ui_relay)
        await until(lambda: window.model.rowCount() > 5)
        # Start on a conversation that waits for an answer (so "no response needed" applies).
        start = next(
            i for i in range(window.model.rowCount())
            if (t := window.model.thread_at(i)) is not None and t.needs_response and i > 0
        )  # fmt: skip
        window.select_row(start)
        window.threads.setFocus()
        await until(lambda: window.conversation.shown is not None)

        press(Key.Key_Down, Mod.AltModifier)  # the next one owing an answer
        owed = next(
            i for i in range(start + 1, window.model.rowCount())
            if window.model.thread_at(i).needs_response  # type: ignore[union-attr]
        )  # fmt: skip
        assert current() == owed
        press(Key.Key_Up, Mod.AltModifier)
        assert current() == start
        thread_id = window.model.thread_at(start).id
        await until(lambda: window.composer._draft is not None
                    and window.composer._draft.conversation_id == thread_id)  # fmt: skip

        press(Key.Key_F, Mod.ControlModifier)
        assert window.search.hasFocus()
        press(Key.Key_R, Mod.ControlModifier)
        assert window.composer.body.hasFocus()

        def shown() -> object:
            return window.conversation.shown

        flagged = shown().flagged  # type: ignore[attr-defined]
        press(Key.Key_G, Mod.ControlModifier | Mod.ShiftModifier)
        await until(lambda: shown().flagged != flagged, what="flag toggled")  # type: ignore[attr-defined]

        await until(lambda: shown().unread_count == 0, what="read on opening")  # type: ignore[attr-defined]
        press(Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier)
        await until(lambda: shown().unread_count > 0, what="marked unread")  # type: ignore[attr-defined]
        press(Key.Key_U, Mod.ControlModifier | Mod.ShiftModifier)
        await until(lambda: shown().unread_count == 0, what="marked read")  # type: ignore[attr-defined]

        press(Key.Key_N, Mod.ControlModifier | Mod.ShiftModifier)
        await until(lambda: shown().no_response_needed, what="no response needed")  # type: ignore[attr-defined]

        # Send from the editor: one outbox item, not two (the key is the window's action).
        window.composer.body.setFocus()
        window.composer.body.setPlainText("Thank you, it is on its way.")
        press(Key.Key_Return, Mod.ControlModifier)
        await until(lambda: window.undo_bar.isVisible(), what="sent into the outbox")
        from app.storage.drafts import outbox_items

        with session.store.read() as conn:
            assert len(outbox_items(conn, (OutboxState.QUEUED,))) == 1

        # Ctrl+Z with the cursor still in the composer takes the send back (the editor's own
        # undo does not swallow the key while a send can be undone).
        window.composer.body.setFocus()
        window.composer.body.insertPlainText("P.S.")
        assert window.actions_by_name["undo-send"].isEnabled()
        press(Key.Key_Z, Mod.ControlModifier)
        await until(lambda: "Back in your drafts" in window.undo_bar.label.text(), what="undone")
        await session.ops.idle()
        with session.store.read() as conn:
            assert not outbox_items(conn, (OutboxState.QUEUED,))
        assert window.composer.body.toPlainText() == "Thank you, it is on its way."
        assert not window.actions_by_name["undo-send"].isEnabled()

        press(Key.Key_F1)
        dialog = window.shortcuts_dialog
        assert dialog is not None and dialog.isVisible()
        rows = dict(dialog.rows())
        for name in (*FREQUENT, "undo-send"):
            action = window.actions_by_name[name]
            assert rows[action.text()], name
        assert rows["Undo send"] == QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        assert rows["Keyboard shortcuts"] == "F1  or  Ctrl+/"
        dialog.close()
        press(Key.Key_Slash, Mod.ControlModifier)
        assert dialog.isVisible()

    run(qloop, scenario())
