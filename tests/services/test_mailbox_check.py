"""The mailbox connection test against a real Dovecot and a real SMTP receiver on loopback:
each failure is named by its step and kind, with the server's own words."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mailservers import (  # type: ignore[import-not-found]
    PASSWORD,
    USER,
    Dovecot,
    SmtpReceiver,
    closed_port,
    dovecot,
    dovecot_tls,
    make_certificate,
    smtp_receiver,
)

from app.domain.mail_providers import find_provider, provider_for
from app.services.mailbox_check import (
    STEPS,
    Endpoint,
    MailboxError,
    MailboxOffline,
    MailboxRejected,
    MailboxUnauthorized,
    StepResult,
    check_blocking,
    check_endpoints,
    check_mailbox,
)

__all__ = ["closed_port", "dovecot", "dovecot_tls", "smtp_receiver"]  # fixtures used below


def fails(imap_url: str, smtp_url: str, password: str = PASSWORD, **kw: object) -> MailboxError:
    steps: list[StepResult] = []
    with pytest.raises(MailboxError) as info:
        check_blocking(imap_url, smtp_url, password, on_step=steps.append, **kw)  # type: ignore[arg-type]
    assert steps[-1] == StepResult(info.value.step, "failed", info.value.detail)
    return info.value


def test_good_settings_pass_every_step(dovecot: Dovecot, smtp_receiver: SmtpReceiver) -> None:
    steps: list[StepResult] = []
    report = check_blocking(
        dovecot.imap_url, smtp_receiver.smtp_url, PASSWORD, on_step=steps.append
    )
    assert [s.step for s in steps] == list(STEPS)
    assert {s.step: s.status for s in steps}["imap.tls"] == "skipped"  # loopback, plain
    assert all(s.status == "ok" for s in steps if not s.step.endswith(".tls"))
    assert report.idle and report.condstore and report.qresync
    assert "CONDSTORE" in steps[STEPS.index("imap.idle")].note
    assert "PLAIN" in report.smtp_auth


def test_wrong_password_is_a_login_failure_in_the_servers_words(
    dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    error = fails(dovecot.imap_url, smtp_receiver.smtp_url, "wrong")
    assert isinstance(error, MailboxUnauthorized)
    assert (error.step, error.kind) == ("imap.login", "login")
    assert "AUTHENTICATIONFAILED" in error.detail
    assert "app password" in str(error)


def test_smtp_refusing_the_password_names_smtp(dovecot: Dovecot) -> None:
    receiver = SmtpReceiver.start(password="another-password")
    try:
        error = fails(dovecot.imap_url, receiver.smtp_url)
    finally:
        receiver.stop()
    assert isinstance(error, MailboxUnauthorized)
    assert (error.step, error.kind) == ("smtp.login", "login")
    assert error.detail.startswith("535")


def test_closed_port_is_a_network_failure(closed_port: int, smtp_receiver: SmtpReceiver) -> None:
    error = fails(f"imap://{USER}@127.0.0.1:{closed_port}", smtp_receiver.smtp_url)
    assert isinstance(error, MailboxOffline)
    assert (error.step, error.kind, error.port) == ("imap.connect", "network", closed_port)
    assert "refused" in error.detail.lower()


def test_closed_smtp_port(dovecot: Dovecot, closed_port: int) -> None:
    error = fails(dovecot.imap_url, f"smtp://{USER}@127.0.0.1:{closed_port}")
    assert (error.step, error.kind) == ("smtp.connect", "network")


def test_unresolvable_host_is_a_dns_failure(smtp_receiver: SmtpReceiver) -> None:
    # .invalid never resolves (RFC 2606): the lookup fails without reaching any server.
    error = fails(f"imaps://{USER}@imap.seller-inbox.invalid:993", smtp_receiver.smtp_url)
    assert isinstance(error, MailboxOffline)
    assert (error.step, error.kind, error.host) == ("imap.dns", "dns", "imap.seller-inbox.invalid")
    assert "imap.seller-inbox.invalid" in str(error)


def test_plain_server_on_a_tls_url_is_a_tls_failure(
    dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    error = fails(f"imaps://{USER}@127.0.0.1:{dovecot.port}", smtp_receiver.smtp_url)
    assert isinstance(error, MailboxRejected)
    assert (error.step, error.kind) == ("imap.tls", "tls")


def test_plain_smtp_on_an_smtps_url_is_a_tls_failure(
    dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    error = fails(dovecot.imap_url, f"smtps://{USER}@127.0.0.1:{smtp_receiver.port}")
    assert (error.step, error.kind) == ("smtp.tls", "tls")


def test_untrusted_certificate_is_named(dovecot_tls: Dovecot, smtp_receiver: SmtpReceiver) -> None:
    error = fails(dovecot_tls.imap_url, smtp_receiver.smtp_url)
    assert (error.step, error.kind) == ("imap.tls", "tls")
    assert "certificate" in error.detail and "self-signed" in error.detail


def test_trusted_certificate_passes_over_tls(
    dovecot_tls: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    context = ssl.create_default_context(cafile=str(dovecot_tls.cert))
    steps: list[StepResult] = []
    check_blocking(
        dovecot_tls.imap_url,
        smtp_receiver.smtp_url,
        PASSWORD,
        on_step=steps.append,
        tls_context=context,
    )
    tls = next(s for s in steps if s.step == "imap.tls")
    assert tls.status == "ok" and tls.note.startswith("TLSv1")


def test_server_without_idle_is_a_warning() -> None:
    # The bridge polls such a server: slower, but it works, so the check goes on to SMTP.
    server = Dovecot.start(extra="imap_capability = IMAP4rev1 SASL-IR LITERAL+ ENABLE")
    receiver = SmtpReceiver.start()
    steps: list[StepResult] = []
    try:
        report = check_blocking(server.imap_url, receiver.smtp_url, PASSWORD, on_step=steps.append)
    finally:
        receiver.stop()
        server.stop()
    assert not report.idle
    assert {s.step: s.status for s in steps}["imap.idle"] == "warning"
    assert steps[-1].step == "smtp.login" and steps[-1].status == "ok"


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word (a hung server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


def test_silent_server_times_out_at_the_step_that_waits(silent_port: int) -> None:
    smtp = f"smtp://{USER}@127.0.0.1:{silent_port}"
    plain = fails(f"imap://{USER}@127.0.0.1:{silent_port}", smtp, timeout=0.3)
    assert (plain.step, plain.kind, plain.detail) == ("imap.connect", "network", "timed out")
    tls = fails(f"imaps://{USER}@127.0.0.1:{silent_port}", smtp, timeout=0.3)
    assert (tls.step, tls.kind) == ("imap.tls", "tls")
    assert "timed out" in tls.detail


def test_known_providers_are_prefilled_by_domain() -> None:
    assert provider_for("Shop@GMAIL.com") == (
        "imaps://Shop@GMAIL.com@imap.gmail.com:993",
        "smtps://Shop@GMAIL.com@smtp.gmail.com:465",
    )
    imap, smtp = provider_for("laden@web.de") or ("", "")
    assert Endpoint.parse(smtp) == Endpoint("smtp", "laden@web.de", "smtp.web.de", 587, "starttls")
    assert Endpoint.parse(imap).tls == "implicit"
    assert provider_for("tienda@mi-dominio.es") is None
    outlook = find_provider("x@hotmail.de")
    assert outlook is not None and outlook.sign_in == "oauth-only"
    for address in ("a@icloud.com", "a@yahoo.co.uk", "a@gmx.de", "a@fastmail.com", "a@t-online.de"):
        found = provider_for(address)
        assert found is not None, address
        assert all(Endpoint.parse(u).tls != "none" for u in found)


@pytest.mark.asyncio
async def test_async_check_reports_steps_on_the_loop_thread(
    dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    loop_thread = threading.get_ident()
    seen: list[tuple[str, bool]] = []
    await check_mailbox(
        dovecot.imap_url,
        smtp_receiver.smtp_url,
        PASSWORD,
        on_step=lambda r: seen.append((r.step, threading.get_ident() == loop_thread)),
    )
    assert [s for s, _ in seen] == list(STEPS)
    assert all(on_loop for _, on_loop in seen)
    await asyncio.sleep(0)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("cert"))


def _starttls(port: int) -> Endpoint:
    # A parsed URL gives loopback plain text; STARTTLS is what any other host gets.
    return Endpoint("smtp", USER, "127.0.0.1", port, "starttls")


def test_starttls_upgrades_then_signs_in(dovecot: Dovecot, certificate: tuple[Path, Path]) -> None:
    receiver = SmtpReceiver.start(starttls=certificate)
    steps: list[StepResult] = []
    try:
        check_endpoints(
            Endpoint.parse(dovecot.imap_url),
            _starttls(receiver.port),
            PASSWORD,
            on_step=steps.append,
            tls_context=ssl.create_default_context(cafile=str(certificate[0])),
        )
    finally:
        receiver.stop()
    tls = next(s for s in steps if s.step == "smtp.tls")
    assert tls.status == "ok" and tls.note.startswith("TLSv1")
    assert steps[-1] == StepResult("smtp.login", "ok", USER)


def test_starttls_with_an_untrusted_certificate(
    dovecot: Dovecot, certificate: tuple[Path, Path]
) -> None:
    receiver = SmtpReceiver.start(starttls=certificate)
    try:
        with pytest.raises(MailboxRejected) as info:
            check_endpoints(Endpoint.parse(dovecot.imap_url), _starttls(receiver.port), PASSWORD)
    finally:
        receiver.stop()
    assert (info.value.step, info.value.kind) == ("smtp.tls", "tls")
    assert "certificate" in info.value.detail


def test_starttls_not_offered(dovecot: Dovecot, smtp_receiver: SmtpReceiver) -> None:
    with pytest.raises(MailboxRejected) as info:
        check_endpoints(Endpoint.parse(dovecot.imap_url), _starttls(smtp_receiver.port), PASSWORD)
    assert (info.value.step, info.value.kind) == ("smtp.tls", "tls")
    assert "STARTTLS" in info.value.detail


def test_a_password_sign_in_cannot_send_is_named(
    dovecot: Dovecot, smtp_receiver: SmtpReceiver
) -> None:
    error = fails(dovecot.imap_url, smtp_receiver.smtp_url, "lösenörd")
    assert isinstance(error, MailboxUnauthorized) and error.step == "imap.login"
    assert "ASCII" in error.detail
