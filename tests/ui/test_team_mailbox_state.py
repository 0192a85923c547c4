"""A seat on a team relay sees the relay's mailbox bridge in Settings: each mailbox's state as
the bridge last reported it (Mailbox/get), without the controls of a solo profile (the server
holds the settings), and nothing at all when the relay reads no mailbox."""

from __future__ import annotations

from typing import Any

from ui_testkit import UiRelay, UiSession, go_live, run, until  # type: ignore[import-not-found]

from app.ui.mailbox_settings import MailboxStatesBox
from relay.db import open_database
from relay.mailbridge.accounts import MailboxSettings, add_mailbox, load_mailboxes, report


def _settings_box(session: Any) -> MailboxStatesBox:
    session.show_settings()
    box = session.settings_dialog.findChild(MailboxStatesBox)
    assert box is not None
    return box


def test_a_team_seat_sees_the_relays_mailbox_state(
    qtbot: Any, qloop: Any, empty_relay: UiRelay, ui_session: UiSession
) -> None:
    session = ui_session.session

    async def scenario() -> None:
        await go_live(session, empty_relay)
        box = _settings_box(session)
        await session.ops.idle()
        assert box.isHidden()  # a relay without a bridge: nothing to say
        session.settings_dialog.close()
        session.settings_dialog = None

        db = open_database(empty_relay.db_url)
        try:
            add_mailbox(
                db,
                MailboxSettings(
                    "demo", "shop@example.com", "imaps://shop@example.com@imap.example.com",
                    "smtps://shop@example.com@smtp.example.com",
                ),
            )  # fmt: skip
            (mailbox,) = load_mailboxes(db, "demo")
            report(
                db, mailbox.id, connected=False, error="[AUTHENTICATIONFAILED]", error_kind="login"
            )
        finally:
            db.dispose()
        box = _settings_box(session)
        await until(lambda: "shop@example.com" in box.states, what="the team's mailbox state")
        assert not box.isHidden() and box.title() == "Your team's mailbox"
        text = box.states["shop@example.com"].text()
        assert text.startswith("Not connected.") and "refused the password" in text
        assert "[AUTHENTICATIONFAILED]" in text
        assert box.findChild(
            type(box.states["shop@example.com"]), "mailbox-reminder-shop@example.com"
        )
        # The server holds the settings: no "Change…" that would open a solo connect dialog.
        assert not [
            b for b in box.findChildren(object) if b.objectName().startswith("mailbox-change-")
        ]
        session.settings_dialog.close()

    run(qloop, scenario())
