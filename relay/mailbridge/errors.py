"""IMAP and SMTP failures in the few words a seller (and MailboxState) can act on."""

from __future__ import annotations

import imaplib
import smtplib
import socket
import ssl

from imapclient import exceptions as imap_exc

KINDS = ("dns", "tls", "login", "no-idle", "network", "server")


class MailError(Exception):
    """A mail server problem: `kind` is one of KINDS, the message says what failed."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def classify(exc: BaseException, server: str) -> MailError:
    """The MailError for an exception raised while talking to `server` ("imap.example.com")."""
    if isinstance(exc, MailError):
        return exc
    if isinstance(exc, socket.gaierror):
        return MailError("dns", f"{server}: the name does not resolve ({exc.strerror or exc})")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            "tls", f"{server}: its TLS certificate is not valid ({exc.verify_message})"
        )
    if isinstance(exc, ssl.SSLError):
        return MailError("tls", f"{server}: TLS failed ({exc.reason or exc})")
    if isinstance(exc, imap_exc.LoginError | smtplib.SMTPAuthenticationError):
        return MailError("login", f"{server}: the login name or password was refused")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError("tls", f"{server}: {exc}")
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError("network", f"{server}: no answer (timed out)")
    if isinstance(exc, ConnectionRefusedError):
        return MailError("network", f"{server}: the connection was refused")
    if isinstance(exc, imaplib.IMAP4.abort | smtplib.SMTPServerDisconnected | EOFError):
        return MailError("network", f"{server}: the connection was dropped ({exc})")
    if isinstance(exc, OSError):
        return MailError("network", f"{server}: {exc.strerror or exc}")
    if isinstance(exc, imaplib.IMAP4.error | smtplib.SMTPException):
        return MailError("server", f"{server}: the server answered with an error ({exc})")
    return MailError("server", f"{server}: {type(exc).__name__}: {exc}")
