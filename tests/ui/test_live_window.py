"""End to end: the window and its session against a real relay over loopback."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from ui_testkit import UiRelay, until  # type: ignore[import-not-found]

from app.domain import OutboxState
from app.storage.lock import ProfileLock
from app.ui.app import LaunchOptions
from app.ui.main_window import MainWindow
from app.ui.session import Session


def test_buyer_message_reply_switch_and_outbox(
    qtbot, qloop, ui_relay: UiRelay, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from relay.simulate import DirectBuyerSide, message_body

    profile = tmp_path / "p"
    profile.mkdir()
    lock = ProfileLock(profile / "profile.lock")
    lock.acquire()
    window = MainWindow()
    qtbot.addWidget(window)
    session = Session(window, LaunchOptions(profile=profile), lock)
    window.show()

    async def scenario() -> None:
        await session.open_store()
        assert window.connection.status == "none"  # no account configured
        session.account.start_live(ui_relay.url, ui_relay.token, session_only=True)
        assert session.live is not None
        session.live.outbox.undo_window = __import__("datetime").timedelta(seconds=1)
        await asyncio.wait_for(asyncio.shield(session.first_sync), 20)
        await until(lambda: window.model.rowCount() > 5)
        assert window.connection.status == "session-only"

        # A buyer writes: the conversation shows up, with its clock.
        side = DirectBuyerSide(ui_relay.db_url)
        try:
            side.message(
                message_body(
                    seller="demo", marketplace_id="amazon.se", email="kerstin.ui@buyers.example",
                    name="Kerstin Q.", subject="Trasig kopp", text="Koppen kom trasig, markerzulu",
                )
            )  # fmt: skip
        finally:
            side.close()
        await until(
            lambda: any(
                (window.model.thread_at(i) or 0)
                and window.model.thread_at(i).buyer_name == "Kerstin Q."
                for i in range(window.model.rowCount())
            )
        )  # type: ignore[union-attr]
        row = next(
            i
            for i in range(window.model.rowCount())
            if window.model.thread_at(i).buyer_name == "Kerstin Q."
        )  # type: ignore[union-attr]
        assert window.model.data(window.model.index(row, 6)).endswith("left")
        window.select_row(row)
        await until(
            lambda: (
                window.composer.send_button.toolTip() != ""
                and window.composer._draft is not None
                and window.composer._draft.conversation_id == window.model.thread_at(row).id
            )
        )  # type: ignore[union-attr]

        # The seller replies: a warning appears and clears; a blocked draft cannot be sent.
        window.composer.body.setPlainText("Call me on WhatsApp")
        assert window.composer.findings and not window.composer.send_button.isEnabled()
        window.composer.body.setPlainText("Sorry about that! A new cup is on its way.")
        assert not window.composer.findings and window.composer.send_button.isEnabled()

        # The relay goes away while the reply waits in the outbox, then comes back.
        window.connection.offline.setChecked(True)  # "work offline"
        await until(lambda: session.live.runner.state.reason == "working offline", 10)  # type: ignore[union-attr]
        window.composer.send_button.click()
        await until(lambda: window.undo_bar.isVisible())
        await asyncio.sleep(1.5)
        from app.storage.drafts import outbox_items

        def waiting() -> list[Any]:
            assert session.store is not None
            with session.store.read() as conn:
                return outbox_items(conn, (OutboxState.QUEUED, OutboxState.SENDING))

        assert len(waiting()) == 1  # held while offline
        window.connection.offline.setChecked(False)
        await until(lambda: not waiting(), 20)

        # The switch turns a marketplace off: the status bar and the settings show it.
        session.messaging.set("amazon.es", enabled=False)
        await until(lambda: window.chips.states.get("amazon.es") == "off")
        session.show_settings()
        assert not session.settings_dialog.rows["amazon.es"].enabled.isChecked()
        assert "new buyers cannot" in session.settings_dialog.rows["amazon.es"].state.text()
        session.settings_dialog.close()
        await session.aclose()

    try:
        qloop.run_until_complete(asyncio.wait_for(scenario(), 90))
    finally:
        session.close()
