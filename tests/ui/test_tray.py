"""A buyer writes (on a real relay): the window decides to notify and, where the platform
has a tray, shows the notification on it. The offscreen platform has no tray, so the tray
here is a real QSystemTrayIcon that also records what it was asked to show."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon
from ui_testkit import UiRelay, UiSession, buyer_writes, go_live, row_of_buyer, run, until  # type: ignore[import-not-found]  # type: ignore[import-not-found]

from app.ui.tray import Notification, app_icon, decide, make_tray


class RecordingTray(QSystemTrayIcon):
    def __init__(self, parent: Any) -> None:
        super().__init__(app_icon(), parent)
        self.shown: list[tuple[str, str]] = []

    def showMessage(self, title: str, body: str, *args: Any) -> None:  # type: ignore[override]
        self.shown.append((title, body))
        super().showMessage(title, body, *args)


def test_the_decision_to_notify() -> None:
    hl = ("Åsa L.", "Fel färg")
    assert decide(12, 10, hl, enabled=True) == Notification(
        "New message from Åsa L.", "Fel färg", 12
    )
    assert decide(12, 10, hl, enabled=False) is None  # notifications off in Settings
    assert decide(12, 0, hl, enabled=True) is None  # first download: history, not news
    assert decide(10, 10, hl, enabled=True) is None  # already announced
    assert decide(12, 10, None, enabled=True) is None  # gone (deleted meanwhile)


def test_buyer_text_reaches_the_notification_inert() -> None:
    # Notification servers read markup: a buyer's name or subject must not become a tag, a
    # link or a remote image, nor spoof a second line with controls or line breaks.
    hl = ('<b>Eve</b> & "Co"', 'Hi <img src="http://127.0.0.1:9/t.png">\n\u202eevil\tnow')
    note = decide(12, 10, hl, enabled=True)
    assert note is not None
    for text in (note.title, note.body):
        assert not {"<", ">", "&", "\n", "\t", "\u202e"} & set(text)
    assert note.title == 'New message from \u2039b\u203aEve\u2039/b\u203a \uff06 "Co"'
    assert note.body.endswith("evil now")
    long = decide(12, 10, ("A" * 500, "word " * 100), enabled=True)
    assert (
        long is not None
        and len(long.body) <= 160
        and len(long.title) < 100
        and long.body.endswith("\u2026")
    )
    # Emoji sequences joined by ZWJ stay whole.
    family = decide(
        12, 10, ("Ann", "Thanks \U0001f468\u200d\U0001f469\u200d\U0001f467"), enabled=True
    )
    assert family is not None and "\u200d" in family.body


def test_no_tray_offscreen_is_not_an_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    assert QSystemTrayIcon.isSystemTrayAvailable() or make_tray(window) is None


def test_a_new_buyer_message_leads_to_a_tray_notification(
    qtbot, qloop, ui_relay: UiRelay, ui_session: UiSession
) -> None:  # type: ignore[no-untyped-def]
    window, session = ui_session.window, ui_session.session
    trays: list[RecordingTray] = []

    def tray_factory(parent: Any) -> RecordingTray:
        trays.append(RecordingTray(parent))
        return trays[-1]

    session.notifier.tray_factory = tray_factory
    notes: list[Notification] = []
    session.notifier.notified.connect(notes.append)

    async def scenario() -> None:
        # Fill the inbox first: the initial download of history notifies nobody.
        await go_live(session, ui_relay)
        await until(lambda: window.model.rowCount() > 5)
        assert notes == [] and trays == []

        buyer_writes(
            ui_relay.db_url, marketplace_id="amazon.de", email="tray.case@buyers.example",
            name="Tilo Tray", subject="Rechnung fehlt", text="Bitte schicken Sie die Rechnung.",
        )  # fmt: skip
        await until(lambda: bool(notes), 20, "a notification")
        assert notes[0].title == "New message from Tilo Tray"
        assert notes[0].body == "Rechnung fehlt"
        assert [t.shown for t in trays] == [[("New message from Tilo Tray", "Rechnung fehlt")]]

        # Notifications off (Settings): the next buyer message is synced, not announced.
        ui_session.settings.setValue("notifications/enabled", "false")
        buyer_writes(
            ui_relay.db_url, marketplace_id="amazon.de", email="quiet.case@buyers.example",
            name="Quinn Quiet", subject="Leise", text="Nur eine Frage.",
        )  # fmt: skip
        await until(lambda: row_of_buyer(window, "Quinn Quiet") is not None, 20)
        assert len(notes) == 1 and len(trays[0].shown) == 1

    run(qloop, scenario())
