"""The first-run choice and the connect-my-mailbox dialog: providers pre-filled from the
address, the connection test's steps shown as they pass against a real Dovecot and SMTP
receiver on loopback, and each failure worded for the seller (in their language)."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from mailservers import (  # type: ignore[import-not-found]
    PASSWORD,
    Dovecot,
    SmtpReceiver,
    closed_port,
    dovecot,
    dovecot_tls,
    smtp_receiver,
)
from PySide6.QtWidgets import QPushButton
from ui_testkit import run, until  # type: ignore[import-not-found]

from app.domain.mail_endpoints import Endpoint
from app.services.mailbox_check import STEPS
from app.ui.first_run import FirstRunDialog
from app.ui.mailbox_account import demo_command
from app.ui.mailbox_connect import MARKS, MailboxConnectDialog, MailboxSetup

__all__ = ["closed_port", "dovecot", "dovecot_tls", "smtp_receiver"]  # fixtures used below


@pytest.fixture
def dialog(qtbot: Any, qloop: Any) -> Any:
    # Earlier tests' Qt objects (a closed qasync loop's timers) may sit in reference cycles;
    # collected later by a check's worker thread they would be destroyed in the wrong thread.
    gc.collect()
    d = MailboxConnectDialog("The password will be kept in your system keyring (test).")
    qtbot.addWidget(d)
    d.show()
    yield d
    run(qloop, d.aclose())


def fill_loopback(d: Any, imap_port: int, smtp_port: int, password: str = PASSWORD) -> None:
    d.address.setText("seller@example.test")
    d.imap_host.setText("127.0.0.1")
    d.imap_port.setValue(imap_port)
    d.imap_security.setCurrentIndex(d.imap_security.findData("none"))
    d.smtp_host.setText("127.0.0.1")
    d.smtp_port.setValue(smtp_port)
    d.smtp_security.setCurrentIndex(d.smtp_security.findData("none"))
    d.password.setText(password)


def marks(d: Any) -> dict[str, str]:
    return {step: d.step_marks[step].text() for step in STEPS}


def test_first_run_offers_three_ways_and_says_which(qtbot: Any) -> None:
    d = FirstRunDialog()
    qtbot.addWidget(d)
    d.show()
    assert set(d.buttons) == {"mailbox", "relay", "demo"}
    with qtbot.waitSignal(d.chosen) as got:
        d.buttons["relay"].click()
    assert got.args == ["relay"] and not d.isVisible()
    program, args = demo_command()
    assert args[-1] == "--demo" and program


def test_known_provider_is_prefilled_from_the_address(dialog: Any, qtbot: Any) -> None:
    qtbot.keyClicks(dialog.address, "laden@gmail.com")
    assert dialog.provider.currentText() == "Gmail"
    assert (dialog.imap_host.text(), dialog.imap_port.value()) == ("imap.gmail.com", 993)
    assert (dialog.smtp_host.text(), dialog.smtp_port.value()) == ("smtp.gmail.com", 465)
    assert dialog.smtp_security.currentData() == "tls"
    assert dialog.provider_note.isVisible() and "app password" in dialog.provider_note.text()
    address, imap, smtp = dialog.settings()
    assert Endpoint.parse(imap) == Endpoint("imaps", address, "imap.gmail.com", 993, "implicit")
    assert Endpoint.parse(smtp).tls == "implicit"

    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "shop@web.de")
    assert dialog.provider.currentText() == "WEB.DE"
    assert dialog.smtp_security.currentData() == "starttls" and dialog.smtp_port.value() == 587
    assert not dialog.provider_note.isVisible()

    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "shop@hotmail.de")
    assert "OAuth" in dialog.provider_note.text()  # said before the seller tries a password

    # A custom domain: "Other", and a provider picked by hand stays picked while typing.
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "info@mein-laden.de")
    assert dialog.provider.currentData() == ""
    index = dialog.provider.findData("ionos")
    dialog.provider.setCurrentIndex(index)
    dialog.provider.activated.emit(index)
    qtbot.keyClicks(dialog.address, "x")
    assert dialog.provider.currentData() == "ionos" and dialog.imap_host.text() == "imap.ionos.de"


def test_bad_input_is_explained_before_anything_is_tried(dialog: Any) -> None:
    dialog.test_button.click()
    assert dialog.error.isVisible() and "e-mail address" in dialog.error.text()
    dialog.address.setText("shop@example.com")
    dialog.imap_host.setText("imap.example.com")
    dialog.smtp_host.setText("smtp.example.com")
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("none"))
    dialog.password.setText("x")
    dialog.test_button.click()
    assert "imap.example.com" in dialog.error.text() and "SSL/TLS" in dialog.error.text()
    assert dialog.task is None  # nothing went to the network


def test_good_settings_show_every_step_and_connect(
    dialog: Any, qtbot: Any, qloop: Any, dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    fill_loopback(dialog, dovecot.port, smtp_receiver.port)
    requested: list[MailboxSetup] = []
    dialog.connect_requested.connect(requested.append)

    async def scenario() -> None:
        dialog.test_button.click()
        assert dialog.progress.isVisible() and not dialog.ok.isEnabled()
        await until(lambda: dialog.outcome.isVisible(), what="the test passed")
        assert marks(dialog) == {
            **{s: MARKS["ok"] for s in STEPS},
            "imap.tls": MARKS["skipped"],
            "smtp.tls": MARKS["skipped"],
        }
        assert "CONDSTORE" in dialog.outcome.text() and not dialog.error.isVisible()
        assert dialog.ok.isEnabled()
        dialog.ok.click()  # tested with these settings just now: straight to connecting
        assert requested and not dialog.ok.isEnabled()

    run(qloop, scenario())
    setup = requested[0]
    assert setup.address == "seller@example.test" and setup.password == PASSWORD
    assert setup.imap_url == f"imap://seller@example.test@127.0.0.1:{dovecot.port}"
    assert setup.smtp_url == f"smtp://seller@example.test@127.0.0.1:{smtp_receiver.port}"
    dialog.failed("The relay refused it.")  # the connecting side answers; the dialog stays
    assert dialog.isVisible() and dialog.error.text() == "The relay refused it."
    dialog.done_ok()
    assert not dialog.isVisible() and dialog.password.text() == ""


def _fails(dialog: Any, qloop: Any) -> str:
    async def scenario() -> None:
        dialog.ok.click()  # Connect tests first
        await until(lambda: dialog.task.done(), 20, what="the check ended")
        assert dialog.error.isVisible()
        assert dialog.ok.isEnabled() and not dialog.outcome.isVisible()

    run(qloop, scenario())
    return str(dialog.error.text())


def test_wrong_password_names_the_sign_in_and_quotes_the_server(
    dialog: Any, qloop: Any, dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    requested: list[Any] = []
    dialog.connect_requested.connect(requested.append)
    fill_loopback(dialog, dovecot.port, smtp_receiver.port, password="wrong")
    text = _fails(dialog, qloop)
    assert "refused the sign-in" in text and "app password" in text
    assert "AUTHENTICATIONFAILED" in text  # the server's own words follow
    assert marks(dialog)["imap.login"] == MARKS["failed"]
    assert marks(dialog)["imap.connect"] == MARKS["ok"]
    assert marks(dialog)["smtp.dns"] == MARKS["waiting"]
    assert not requested  # nothing connects on a failed test


def test_closed_port_and_tls_mismatch(
    dialog: Any, qloop: Any, closed_port: int, dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    fill_loopback(dialog, closed_port, smtp_receiver.port)
    text = _fails(dialog, qloop)
    assert f"Cannot reach the IMAP server 127.0.0.1 on port {closed_port}" in text
    assert marks(dialog)["imap.connect"] == MARKS["failed"]

    # SSL/TLS chosen for a server that speaks plain text on that port.
    dialog.imap_port.setValue(dovecot.port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("tls"))
    text = _fails(dialog, qloop)
    assert "secure connection to the IMAP server" in text
    assert marks(dialog)["imap.tls"] == MARKS["failed"]


def test_untrusted_certificate_is_named(
    dialog: Any, qloop: Any, dovecot_tls: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    fill_loopback(dialog, dovecot_tls.port, smtp_receiver.port)
    dialog.imap_security.setCurrentIndex(dialog.imap_security.findData("tls"))
    text = _fails(dialog, qloop)
    assert "secure connection" in text and "certificate" in text


def test_failures_in_german(
    dialog: Any, qloop: Any, language: Any, dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    language("de")
    fill_loopback(dialog, dovecot.port, smtp_receiver.port, password="wrong")
    text = _fails(dialog, qloop)
    assert "Anmeldung" in text and "App-Passwort" in text
    assert "AUTHENTICATIONFAILED" in text


def test_settings_words_each_mailbox_state(qtbot: Any, language: Any) -> None:
    from datetime import UTC, datetime

    from app.ui.mailbox_settings import MailboxStatesBox
    from relay.mailbridge.accounts import MailboxState

    box = MailboxStatesBox()
    qtbot.addWidget(box)
    at = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    box.show_states(
        [
            MailboxState("a@example.com", "me", True, at, None, None),
            MailboxState("b@example.com", "me", False, None, "imap.b.example: refused", "login"),
        ]
    )
    good, bad = box.states["a@example.com"].text(), box.states["b@example.com"].text()
    assert good.startswith("Connected. Last fetched: ") and "\n" not in good
    assert bad.startswith("Not connected. Nothing fetched yet.")
    assert "refused the password" in bad and "imap.b.example: refused" in bad
    reminder = box.findChild(type(box.states["b@example.com"]), "mailbox-reminder-b@example.com")
    assert "b@example.com" in reminder.text() and "Messaging Permissions" in reminder.text()
    with qtbot.waitSignal(box.change_requested) as got:
        box.findChild(QPushButton, "mailbox-change-b@example.com").click()
    assert got.args == ["b@example.com"]

    language("de")
    box = MailboxStatesBox()
    qtbot.addWidget(box)
    box.show_states([MailboxState("b@example.com", "me", False, None, None, "tls")])
    assert box.states["b@example.com"].text().startswith("Nicht verbunden.")
    assert "sichere Verbindung" in box.states["b@example.com"].text()


def test_no_idle_passes_with_a_warning(dialog: Any, qloop: Any) -> None:
    server = Dovecot.start(extra="imap_capability = IMAP4rev1 SASL-IR LITERAL+ ENABLE")
    receiver = SmtpReceiver.start()
    try:
        fill_loopback(dialog, server.port, receiver.port)

        async def scenario() -> None:
            dialog.test_button.click()
            await until(lambda: dialog.task.done(), 20, what="the check ended")

        run(qloop, scenario())
    finally:
        receiver.stop()
        server.stop()
    assert not dialog.error.isVisible() and dialog.outcome.isVisible()
    assert "every minute" in dialog.outcome.text()
    assert marks(dialog)["imap.idle"] == MARKS["warning"]
    assert marks(dialog)["smtp.login"] == MARKS["ok"]
