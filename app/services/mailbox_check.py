"""Test a mailbox's IMAP and SMTP settings one step at a time and say which step failed.

The steps, in order: IMAP DNS, TCP connect, TLS (handshake and certificate), login, IDLE
(CONDSTORE/QRESYNC noted); then SMTP DNS, connect, TLS (implicit or STARTTLS), AUTH. A server
without IDLE is a warning, not a failure: the bridge then polls (new mail within a minute, not
seconds), and the report says so (``idle``, step status ``warning``). The first failure ends
the check with a ``MailboxError`` in the project's small vocabulary, each with one
action (as ``relay_client`` does for the relay):

- ``MailboxOffline`` (kind ``dns`` or ``network``): the server cannot be reached — check the
  name, the port, the network;
- ``MailboxRetryLater`` (kind ``server``): the server is busy (IMAP ``[UNAVAILABLE]``, SMTP 4xx);
- ``MailboxUnauthorized`` (kind ``login``): the server refused the address or password;
- ``MailboxRejected`` (kind ``tls`` or ``server``): these settings cannot work with this
  server (no TLS on that port, a bad certificate, no AUTH).

The kinds are the bridge's ``MailboxState.error_kind`` words. ``str(error)`` is English for
logs and the CLI; the window words it from ``step``, ``kind`` and ``detail`` in its language.

Blocking I/O (stdlib ``imaplib``/``smtplib`` on sockets this module opens, so each step is
timed and named): ``check_mailbox`` runs it on a thread and reports steps on the event loop.
Plain ``imap://`` and ``smtp://`` without STARTTLS are accepted only for loopback hosts.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from app.domain.mail_endpoints import Endpoint

Status = Literal["ok", "failed", "skipped", "warning"]
STEPS = (
    "imap.dns",
    "imap.connect",
    "imap.tls",
    "imap.login",
    "imap.idle",
    "smtp.dns",
    "smtp.connect",
    "smtp.tls",
    "smtp.login",
)
# imaplib's LOGIN and smtplib's AUTH send ASCII only (as the bridge's libraries do).
NON_ASCII = "the address or password has characters other than ASCII, which sign-in cannot send"
DEFAULT_TIMEOUT = 15.0  # seconds per network step; a provider that slow is effectively down


@dataclass(frozen=True, slots=True)
class StepResult:
    step: str  # one of STEPS
    status: Status
    note: str = ""  # e.g. the address connected to, the TLS version, "CONDSTORE"


@dataclass
class CheckReport:
    steps: list[StepResult] = field(default_factory=list)
    idle: bool = False
    condstore: bool = False
    qresync: bool = False
    smtp_auth: tuple[str, ...] = ()


class MailboxError(Exception):
    """A step failed. ``step`` is one of STEPS, ``kind`` the bridge's error kind, ``detail``
    the server's or the system's own words (shown after the explanation)."""

    kind = "server"

    def __init__(self, step: str, host: str, port: int, detail: str = "", kind: str = "") -> None:
        self.step = step
        self.host = host
        self.port = port
        self.detail = detail.strip()
        if kind:
            self.kind = kind
        super().__init__(self.explain())

    @property
    def protocol(self) -> str:
        return self.step.partition(".")[0].upper()

    def explain(self) -> str:
        where = f"{self.host}:{self.port}"
        text = {
            "dns": f"Cannot find the {self.protocol} server {self.host}: check its name.",
            "network": f"Cannot reach the {self.protocol} server {where}: check the port and "
            "your network.",
            "tls": f"The secure connection to {where} failed: check the port and that the "
            "server offers TLS there.",
            "login": f"The {self.protocol} server {self.host} refused the sign-in: check the "
            "address and password (many providers want an app password).",
            "server": f"The {self.protocol} server {where} answered unexpectedly.",
        }.get(self.kind, f"The {self.protocol} server {where} failed.")
        return f"{text} ({self.detail})" if self.detail else text


class MailboxOffline(MailboxError):
    kind = "network"


class MailboxRetryLater(MailboxError):
    kind = "server"


class MailboxUnauthorized(MailboxError):
    kind = "login"


class MailboxRejected(MailboxError):
    kind = "server"


OnStep = Callable[[StepResult], None]


def default_tls_context() -> ssl.SSLContext:
    """The system's trusted roots plus certifi's (python.org builds on macOS have none)."""
    context = ssl.create_default_context()
    with contextlib.suppress(ImportError, OSError):
        import certifi

        context.load_verify_locations(certifi.where())
    return context


class _Checker:
    def __init__(
        self, on_step: OnStep | None, timeout: float, context: ssl.SSLContext | None
    ) -> None:
        self.report = CheckReport()
        self.on_step = on_step
        self.timeout = timeout
        self.context = context or default_tls_context()

    def emit(self, step: str, status: Status, note: str = "") -> None:
        result = StepResult(step, status, note)
        self.report.steps.append(result)
        if self.on_step is not None:
            self.on_step(result)

    def fail(self, error: MailboxError) -> MailboxError:
        self.emit(error.step, "failed", error.detail)
        return error

    # --- the socket steps both protocols share ------------------------------------------

    def open(self, ep: Endpoint) -> socket.socket:
        """DNS, TCP connect, and TLS when the URL asks for it from the first byte."""
        p = ep.protocol
        try:
            infos = socket.getaddrinfo(ep.host, ep.port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            detail = getattr(exc, "strerror", None) or str(exc)
            raise self.fail(MailboxOffline(f"{p}.dns", ep.host, ep.port, detail, "dns")) from None
        self.emit(f"{p}.dns", "ok", str(infos[0][4][0]))
        sock = self._connect(ep, infos)
        self.emit(f"{p}.connect", "ok", f"{ep.host}:{ep.port}")
        if ep.tls == "implicit":
            return self.wrap(ep, sock)
        return sock

    def _connect(self, ep: Endpoint, infos: list[tuple]) -> socket.socket:  # type: ignore[type-arg]
        last: OSError | None = None
        for family, kind, proto, _name, address in infos:
            sock = socket.socket(family, kind, proto)
            sock.settimeout(self.timeout)
            try:
                sock.connect(address)
                return sock
            except OSError as exc:
                sock.close()
                last = exc
        detail = "timed out" if isinstance(last, TimeoutError) else _os_words(last)
        raise self.fail(MailboxOffline(f"{ep.protocol}.connect", ep.host, ep.port, detail))

    def wrap(self, ep: Endpoint, sock: socket.socket) -> ssl.SSLSocket:
        step = f"{ep.protocol}.tls"
        try:
            tls = self.context.wrap_socket(sock, server_hostname=ep.host)
        except ssl.SSLCertVerificationError as exc:
            sock.close()
            detail = f"certificate: {exc.verify_message}"
            raise self.fail(MailboxRejected(step, ep.host, ep.port, detail, "tls")) from None
        except ssl.SSLError as exc:
            sock.close()
            detail = exc.reason or str(exc)
            raise self.fail(MailboxRejected(step, ep.host, ep.port, detail, "tls")) from None
        except TimeoutError:
            sock.close()
            detail = "no TLS answer (timed out): is this a plain-text port?"
            raise self.fail(MailboxRejected(step, ep.host, ep.port, detail, "tls")) from None
        except OSError as exc:
            sock.close()
            detail = f"the server closed the connection during the TLS handshake ({_os_words(exc)})"
            raise self.fail(MailboxRejected(step, ep.host, ep.port, detail, "tls")) from None
        self.emit(step, "ok", str(tls.version() or ""))
        return tls

    # --- IMAP ----------------------------------------------------------------------------

    def imap(self, ep: Endpoint, password: str) -> None:
        checker = self

        class Imap(imaplib.IMAP4):
            # imaplib opens its own socket; this hook lets each step be timed and named.
            def _create_socket(self, timeout: float | None) -> socket.socket:
                return checker.open(ep)

        try:
            conn = Imap(ep.host, ep.port, timeout=self.timeout)
        except MailboxError:
            raise
        except (imaplib.IMAP4.error, OSError, EOFError) as exc:
            raise self.fail(
                _imap_error("imap.tls" if ep.tls == "implicit" else "imap.connect", ep, exc)
            ) from None
        if ep.tls == "none":
            self.emit("imap.tls", "skipped", "loopback: plain text")
        try:
            self._imap_session(conn, ep, password)
        finally:
            with contextlib.suppress(Exception):
                conn.logout()

    def _imap_session(self, conn: imaplib.IMAP4, ep: Endpoint, password: str) -> None:
        if "LOGINDISABLED" in conn.capabilities:
            detail = "the server refuses passwords on this connection (LOGINDISABLED)"
            raise self.fail(MailboxRejected("imap.login", ep.host, ep.port, detail, "tls"))
        try:
            conn.login(ep.user, password)
        except UnicodeEncodeError:
            raise self.fail(
                MailboxUnauthorized("imap.login", ep.host, ep.port, NON_ASCII)
            ) from None
        except (imaplib.IMAP4.abort, OSError, EOFError) as exc:
            raise self.fail(_imap_error("imap.login", ep, exc)) from None
        except imaplib.IMAP4.error as exc:
            words = _imap_words(exc)
            if "[UNAVAILABLE]" in words.upper():
                raise self.fail(MailboxRetryLater("imap.login", ep.host, ep.port, words)) from None
            raise self.fail(MailboxUnauthorized("imap.login", ep.host, ep.port, words)) from None
        self.emit("imap.login", "ok", ep.user)
        try:
            # Servers send more capabilities after login than before; ask again.
            _typ, data = conn.capability()
        except (imaplib.IMAP4.error, OSError, EOFError) as exc:
            raise self.fail(_imap_error("imap.idle", ep, exc)) from None
        caps = set(
            b" ".join(d for d in data if isinstance(d, bytes))
            .decode(errors="replace")
            .upper()
            .split()
        )
        r = self.report
        r.idle, r.condstore, r.qresync = "IDLE" in caps, "CONDSTORE" in caps, "QRESYNC" in caps
        if not r.idle:
            self.emit("imap.idle", "warning", "no IDLE: new mail is polled")
            return
        self.emit("imap.idle", "ok", " ".join(n for n in ("CONDSTORE", "QRESYNC") if n in caps))

    # --- SMTP ----------------------------------------------------------------------------

    def smtp(self, ep: Endpoint, password: str) -> None:
        checker = self

        class Smtp(smtplib.SMTP):
            # As for IMAP: smtplib's own socket hook, so DNS/connect/TLS are separate steps.
            def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
                return checker.open(ep)

        conn = Smtp(timeout=self.timeout)
        # STARTTLS checks the certificate against _host, which only __init__(host) sets (and
        # that would connect before this check could name the steps).
        setattr(conn, "_host", ep.host)  # noqa: B010
        try:
            self._smtp_session(conn, ep, password)
        finally:
            with contextlib.suppress(Exception):
                conn.quit()
            conn.close()

    def _smtp_session(self, conn: smtplib.SMTP, ep: Endpoint, password: str) -> None:
        first = "smtp.tls" if ep.tls == "implicit" else "smtp.connect"
        try:
            conn.connect(ep.host, ep.port)
            conn.ehlo_or_helo_if_needed()
        except MailboxError:
            raise
        except (smtplib.SMTPException, OSError) as exc:
            raise self.fail(_smtp_error(first, ep, exc)) from None
        if ep.tls == "starttls":
            if not conn.has_extn("starttls"):
                detail = "the server does not offer STARTTLS on this port"
                raise self.fail(MailboxRejected("smtp.tls", ep.host, ep.port, detail, "tls"))
            try:
                conn.starttls(context=self.context)
                conn.ehlo()
            except ssl.SSLCertVerificationError as exc:
                detail = f"certificate: {exc.verify_message}"
                raise self.fail(
                    MailboxRejected("smtp.tls", ep.host, ep.port, detail, "tls")
                ) from None
            except ssl.SSLError as exc:
                detail = exc.reason or str(exc)
                raise self.fail(
                    MailboxRejected("smtp.tls", ep.host, ep.port, detail, "tls")
                ) from None
            except (smtplib.SMTPException, OSError) as exc:
                raise self.fail(_smtp_error("smtp.tls", ep, exc, kind="tls")) from None
            sock = conn.sock
            self.emit(
                "smtp.tls", "ok", str(sock.version() if isinstance(sock, ssl.SSLSocket) else "")
            )
        elif ep.tls == "none":
            self.emit("smtp.tls", "skipped", "loopback: plain text")
        if not conn.has_extn("auth"):
            detail = "the server offers no sign-in (AUTH) on this port"
            raise self.fail(MailboxRejected("smtp.login", ep.host, ep.port, detail))
        offered = tuple(conn.esmtp_features.get("auth", "").upper().split())
        self.report.smtp_auth = offered
        # One mechanism, as mail clients do: smtplib.login would try the next after a
        # refusal, and some servers never answer that second try.
        mechanism = next((m for m in ("PLAIN", "LOGIN") if m in offered), None)
        if mechanism is None:
            detail = f"the server offers neither AUTH PLAIN nor LOGIN ({' '.join(offered)})"
            raise self.fail(MailboxRejected("smtp.login", ep.host, ep.port, detail))
        conn.user, conn.password = ep.user, password
        try:
            conn.auth(mechanism, getattr(conn, f"auth_{mechanism.lower()}"))
        except UnicodeEncodeError:
            raise self.fail(
                MailboxUnauthorized("smtp.login", ep.host, ep.port, NON_ASCII)
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            words = _smtp_words(exc.smtp_code, exc.smtp_error)
            cls = MailboxRetryLater if 400 <= exc.smtp_code < 500 else MailboxUnauthorized
            raise self.fail(cls("smtp.login", ep.host, ep.port, words)) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise self.fail(_smtp_error("smtp.login", ep, exc)) from None
        self.emit("smtp.login", "ok", ep.user)


def _os_words(exc: BaseException | None) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) if exc else ""


def _imap_words(exc: BaseException) -> str:
    # imaplib puts the server's line in as bytes: "b'[AUTHENTICATIONFAILED] …'".
    arg = exc.args[0] if exc.args else ""
    if isinstance(arg, bytes):
        return arg.decode(errors="replace")
    text = str(arg)
    if text.startswith(("b'", 'b"')) and text.endswith(text[1]):
        return text[2:-1]
    return text


def _imap_error(step: str, ep: Endpoint, exc: BaseException) -> MailboxError:
    if isinstance(exc, OSError | EOFError | imaplib.IMAP4.abort):
        words = (
            _os_words(exc) if isinstance(exc, OSError) else _imap_words(exc) or "connection closed"
        )
        if step == "imap.tls":
            return MailboxRejected(step, ep.host, ep.port, words, "tls")
        return MailboxOffline(step, ep.host, ep.port, words)
    words = _imap_words(exc)
    if "UNAVAILABLE" in words.upper() or "BYE" in words.upper():
        return MailboxRetryLater(step, ep.host, ep.port, words)
    return MailboxRejected(step, ep.host, ep.port, words)


def _smtp_words(code: int, message: bytes | str) -> str:
    text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
    return f"{code} {text}".strip()


def _smtp_error(step: str, ep: Endpoint, exc: BaseException, kind: str = "") -> MailboxError:
    if isinstance(exc, smtplib.SMTPResponseException):
        words = _smtp_words(exc.smtp_code, exc.smtp_error)
        if 400 <= exc.smtp_code < 500:
            return MailboxRetryLater(step, ep.host, ep.port, words)
        return MailboxRejected(step, ep.host, ep.port, words, kind)
    if isinstance(exc, smtplib.SMTPServerDisconnected | OSError):
        words = _os_words(exc) if isinstance(exc, OSError) else str(exc) or "connection closed"
        return MailboxOffline(step, ep.host, ep.port, words, kind)
    return MailboxRejected(step, ep.host, ep.port, str(exc), kind)


def check_blocking(
    imap_url: str,
    smtp_url: str,
    password: str,
    *,
    on_step: OnStep | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    tls_context: ssl.SSLContext | None = None,
) -> CheckReport:
    """Run every step; raise the first failure. Blocking: call it off the event loop.
    ``BadMailboxUrl`` when a URL is malformed (nothing was tried)."""
    return check_endpoints(
        Endpoint.parse(imap_url, "imap"),
        Endpoint.parse(smtp_url, "smtp"),
        password,
        on_step=on_step,
        timeout=timeout,
        tls_context=tls_context,
    )


def check_endpoints(
    imap: Endpoint,
    smtp: Endpoint,
    password: str,
    *,
    on_step: OnStep | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    tls_context: ssl.SSLContext | None = None,
) -> CheckReport:
    """``check_blocking`` for parsed endpoints (whose ``tls`` is taken as given)."""
    checker = _Checker(on_step, timeout, tls_context)
    checker.imap(imap, password)
    checker.smtp(smtp, password)
    return checker.report


async def check_mailbox(
    imap_url: str,
    smtp_url: str,
    password: str,
    *,
    on_step: OnStep | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    tls_context: ssl.SSLContext | None = None,
) -> CheckReport:
    """``check_blocking`` on a thread; ``on_step`` is called on the event loop's thread.
    If the caller is cancelled the thread still ends within its timeouts, reporting nothing."""
    loop = asyncio.get_running_loop()
    live = True

    def report(result: StepResult) -> None:
        if on_step is not None and live:
            loop.call_soon_threadsafe(lambda: on_step(result) if live else None)

    try:
        return await asyncio.to_thread(
            check_blocking,
            imap_url,
            smtp_url,
            password,
            on_step=report,
            timeout=timeout,
            tls_context=tls_context,
        )
    finally:
        live = False
