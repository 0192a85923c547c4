"""Solo-seller mode end to end: a profile without an account offers the first-run choice;
"Connect my mailbox" tests a real Dovecot and SMTP receiver on loopback, starts the relay in
the profile with its mail bridge, keeps the password out of every file (this machine has no
secure keyring: session-only, and the window says so), and Settings shows the mailbox's state,
the approved-sender reminder and that the messaging switches are Amazon's. The next start asks
for the session-only password again."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mailservers import (  # type: ignore[import-not-found]
    PASSWORD,
    USER,
    Dovecot,
    SmtpReceiver,
    dovecot,
    smtp_receiver,
)
from ui_testkit import open_buyer, run, until  # type: ignore[import-not-found]

from app.ui.mailbox_settings import MailboxStatesBox, MarketplaceSwitchesNote
from app.ui.solo import is_solo

__all__ = ["dovecot", "smtp_receiver"]  # fixtures used below
ALIAS = "q7w3e9r2t5y8u1i+0a1b2c3d-0000-4000-8000-000000000001"


def buyer_mail() -> bytes:
    """A buyer's message as Amazon's relay delivers it (docs/mail.md has the shape)."""
    from email.message import EmailMessage
    from email.policy import SMTP

    msg = EmailMessage(policy=SMTP)
    msg["From"] = f'"Erika Muster" <{ALIAS}@marketplace.amazon.de>'
    msg["To"] = USER
    msg["Subject"] = "Frage von Amazon-Kunde Erika Muster (Bestellung: 302-7654321-0000009)"
    msg["Date"] = "Mon, 07 Dec 2026 01:00:00 +0000"
    msg["Message-ID"] = "<solo-e2e-1@eu-west-1.amazonses.com>"
    msg["Authentication-Results"] = (
        "mx.example.test; dkim=pass header.d=amazon.com; spf=pass smtp.mailfrom=amazonses.com; "
        "dmarc=pass header.from=amazon.com"
    )
    msg.set_content(
        "Sie haben eine Nachricht erhalten.\n\n# 302-7654321-0000009:\n1 / Regenjacke\n\n"
        "------------- Nachricht: -------------\n\nIst die Jacke wasserdicht?\n\n"
        "------------- Ende der Nachricht -------------\n"
    )
    return msg.as_bytes()


def _session(tmp_path: Path, qtbot: Any) -> Any:
    from PySide6.QtCore import QSettings

    from app.storage.lock import ProfileLock
    from app.ui.app import LaunchOptions
    from app.ui.main_window import MainWindow
    from app.ui.session import Session

    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    lock = ProfileLock(profile / "profile.lock")
    lock.acquire()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    session = Session(window, LaunchOptions(profile=profile, first_run=True), lock, settings)
    window.show()
    return session


@pytest.fixture
def sessions(qtbot: Any, qloop: Any, tmp_path: Path) -> Iterator[Any]:
    """Make sessions on one profile, one after the other; each is closed at the end."""
    gc.collect()  # see test_mailbox_connect: no stray Qt objects for worker threads to free
    made: list[Any] = []

    def make() -> Any:
        if made:  # one window per profile at a time: close the one before
            close(made.pop())
        made.append(_session(tmp_path, qtbot))
        return made[-1]

    def close(session: Any) -> None:
        run(qloop, asyncio.wait_for(session.aclose(), 30))
        session.close()

    yield make
    for session in made:
        close(session)


def test_first_run_connects_my_mailbox_and_runs_the_bridge(
    sessions: Any, qloop: Any, tmp_path: Path, dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    session = sessions()
    profile = tmp_path / "profile"

    async def connect() -> None:
        await session.open_store()
        first = session.mailbox.first_run_dialog
        assert first is not None and first.isVisible()
        assert session.window.sign_in_bar.isVisible()  # not connected, and it says so
        first.buttons["mailbox"].click()
        dialog = session.mailbox.connect_dialog
        assert dialog is not None and dialog.isVisible() and not first.isVisible()
        assert "session only" in dialog.keyring.text()  # no secure keyring on this machine
        dialog.address.setText(USER)
        for protocol, port in (("imap", dovecot.port), ("smtp", smtp_receiver.port)):
            getattr(dialog, f"{protocol}_host").setText("127.0.0.1")
            getattr(dialog, f"{protocol}_port").setValue(port)
            security = getattr(dialog, f"{protocol}_security")
            security.setCurrentIndex(security.findData("none"))
        dialog.password.setText(PASSWORD)
        dialog.ok.click()
        await until(lambda: not dialog.isVisible(), 40, what="connected")
        assert "session only" in session.window.statusBar().currentMessage()
        assert is_solo(profile) and session.mailbox.solo is not None
        assert session.live is not None and session.live.relay_url == session.mailbox.solo.url
        assert not session.window.sign_in_bar.isVisible()
        await until(lambda: session.window.connection.status == "online", 30, what="synced")

        # Settings: the mailbox as the bridge reports it, the reminder, Amazon's switches.
        session.show_settings()
        settings = session.settings_dialog
        box = settings.findChild(MailboxStatesBox)
        await until(lambda: USER in box.states, what="the mailbox state read")
        reminder = settings.findChild(type(box.states[USER]), f"mailbox-reminder-{USER}")
        assert USER in reminder.text() and "Messaging Permissions" in reminder.text()
        await until(
            lambda: _reread(session, box) and box.states[USER].text().startswith("Connected."),
            30,
            what="the bridge connected",
        )
        assert settings.findChild(MarketplaceSwitchesNote) is not None
        assert not settings.rows  # no messaging switches the relay could not honour
        # The app signs in to its own relay: no team relay URL or token to type over it.
        assert settings.url.text() == session.mailbox.solo.url
        assert not settings.url.isEnabled() and not settings.token.isEnabled()
        assert not settings.connect_button.isEnabled()
        assert "reads and answers your mail" in settings.account_state.text()
        settings.close()

        # A buyer writes through Amazon: the mail lands in the mailbox, the window shows it;
        # the reply typed there leaves through the seller's SMTP server, once, to the alias.
        session.prefs.set_undo_seconds(0)
        await asyncio.to_thread(dovecot.append, buyer_mail())
        await open_buyer(session.window, "Erika Muster", 20)
        composer = session.window.composer
        composer.body.setPlainText("Die Jacke ist wasserdicht, viele Grüße!")
        composer.send_button.click()
        await until(lambda: smtp_receiver.received, 30, what="the reply delivered")
        await asyncio.sleep(2)  # nothing more arrives
        assert len(smtp_receiver.received) == 1
        sent = smtp_receiver.received[0]
        assert sent.rcpt_tos == [f"{ALIAS}@marketplace.amazon.de"]
        assert b"Die Jacke ist wasserdicht" in sent.content

    run(qloop, connect(), budget=120)
    # The password went to memory only: no file in the profile holds it.
    files = [p for p in profile.rglob("*") if p.is_file()]
    assert any(p.name == "mailbox-relay.sqlite3" for p in files)
    for path in files:
        assert PASSWORD.encode() not in path.read_bytes(), path
    assert session.mailbox.passwords.get(USER) == PASSWORD

    # Next start: the relay is the profile's; the session-only password is asked for again.
    again = sessions()

    async def restart() -> None:
        await again.open_store()
        assert again.mailbox.first_run_dialog is None  # it has an account now
        dialog = again.mailbox.connect_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.address.text() == USER and dialog.imap_port.value() == dovecot.port
        assert "again" in dialog.error.text()

    run(qloop, restart(), budget=60)


_last_read: dict[int, float] = {}


def _reread(session: Any, box: MailboxStatesBox) -> bool:
    """Ask for fresh states about once a second (the box shows what it was given)."""
    now = asyncio.get_event_loop().time()
    if now - _last_read.get(id(box), 0.0) > 1.0:
        _last_read[id(box)] = now
        session.ops.run(session.mailbox._fill_states(box))
    return True


def test_first_run_team_relay_is_the_sign_in_path(sessions: Any, qloop: Any) -> None:
    session = sessions()

    async def scenario() -> None:
        await session.open_store()
        session.mailbox.first_run_dialog.buttons["relay"].click()
        assert (
            session.account.sign_in_dialog is not None
            and session.account.sign_in_dialog.isVisible()
        )
        assert session.mailbox.connect_dialog is None and not session.mailbox.configured()

    run(qloop, scenario())
