"""The bridge's mail servers: the suite's Dovecot and SMTP receiver (tests/mailservers.py) with
a fresh mailbox per test, and a receiver that files what it accepts into the sender's Sent
folder, as Gmail and Microsoft 365 do (what the bridge checks after a crash while sending)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from imapclient import IMAPClient
from mailservers import PASSWORD, USER, Dovecot, SmtpReceiver  # type: ignore[import-not-found]

from relay.db import Database
from relay.mailbridge.accounts import MailboxSettings, add_mailbox
from relay.mailbridge.secret_store import EnvSecretStore


@dataclass
class MailWorld:
    """One seller's mailbox on the shared Dovecot, and an SMTP receiver for its replies."""

    dovecot: Dovecot
    smtp: SmtpReceiver
    address: str

    def client(self) -> IMAPClient:
        c = IMAPClient("127.0.0.1", port=self.dovecot.port, ssl=False, timeout=30)
        c.login(self.address, PASSWORD)
        return c

    def append(self, *raws: bytes, folder: str = "INBOX") -> None:
        with self.client() as c:
            for raw in raws:
                c.append(folder, raw)

    def settings(self, seller: str = "alice", **kw: Any) -> MailboxSettings:
        return MailboxSettings(
            seller=seller,
            address=self.address,
            imap_url=f"imap://{self.address}@127.0.0.1:{self.dovecot.port}",
            smtp_url=f"smtp://{USER}@127.0.0.1:{self.smtp.port}",
            **kw,
        )

    def connect(self, db: Database, seller: str = "alice", **kw: Any) -> None:
        add_mailbox(db, self.settings(seller, **kw))

    @property
    def secrets(self) -> EnvSecretStore:
        return EnvSecretStore({"SELLER_RELAY_MAIL_PASSWORD": PASSWORD})

    def sent_mail(self) -> list[EmailMessage]:
        out = []
        for env in self.smtp.received:
            msg = message_from_bytes(env.original_content or env.content, policy=policy.default)
            out.append(msg)  # type: ignore[arg-type]
        return out

    def wait_sent(self, n: int, timeout: float = 10) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.smtp.received) < n and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.sent_mail()


@pytest.fixture(scope="session")
def bridge_dovecot() -> Iterator[Dovecot]:
    server = Dovecot.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mail_world(bridge_dovecot: Dovecot) -> Iterator[MailWorld]:
    address = f"u{uuid.uuid4().hex[:10]}@example.test"
    bridge_dovecot.add_user(address)
    deadline = time.monotonic() + 10
    while True:  # Dovecot re-reads its passwd-file a moment later
        try:
            with IMAPClient("127.0.0.1", port=bridge_dovecot.port, ssl=False, timeout=30) as c:
                c.login(address, PASSWORD)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)

    def file_in_sent(envelope: Any) -> None:
        with IMAPClient("127.0.0.1", port=bridge_dovecot.port, ssl=False, timeout=30) as c:
            c.login(address, PASSWORD)
            c.append("Sent", bytes(envelope.original_content or envelope.content))

    smtp = SmtpReceiver.start(on_data=file_in_sent)
    try:
        yield MailWorld(bridge_dovecot, smtp, address)
    finally:
        smtp.stop()


def buyer_mail(
    text: str,
    *,
    base: str = "k2x9q4w1ab3cdzz",
    case: str | None = "11111111-2222-4333-8444-555555555555",
    order: str | None = "302-1234567-0000001",
    name: str = "Erika",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    tld: str = "de",
    authenticated: bool = True,
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    """A buyer's mail as Amazon's relay delivers it (the shape of docs/mail.md)."""
    msg = EmailMessage(policy=policy.SMTP)
    alias = f"{base}+{case}" if case else base
    msg["From"] = f'"{name}" <{alias}@marketplace.amazon.{tld}>'
    msg["To"] = "support@seller.example"
    msg["Subject"] = f"Frage von Amazon-Kunde {name}" + (f" (Bestellung: {order})" if order else "")
    msg["Date"] = "Mon, 07 Dec 2026 01:00:00 +0000"
    msg["Message-ID"] = f"<{message_id or uuid.uuid4().hex}@eu-west-1.amazonses.com>"
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    if authenticated:
        msg["Authentication-Results"] = (
            "mx.seller.example; dkim=pass header.d=amazon.com; spf=pass "
            "smtp.mailfrom=amazonses.com; dmarc=pass header.from=amazon.com"
        )
    else:
        msg["Authentication-Results"] = (
            "mx.seller.example; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=amazon.de"
        )
    head = f"# {order}:\n1 / Regenjacke [ASIN: B0TESTAS02]\n\n" if order else ""
    msg.set_content(
        f"Sie haben eine Nachricht erhalten.\n\n{head}"
        f"------------- Nachricht: -------------\n\n{text}\n\n"
        "------------- Ende der Nachricht -------------\n\n"
        "SPC-EUAmazon-0000000000000002\n"
    )
    if attachment is not None:
        fname, data = attachment
        maintype, subtype = ("image", "png") if fname.endswith(".png") else ("application", "pdf")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
    return msg.as_bytes()


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 in front of a real server that can drop a connection part way:
    after `server_bytes` bytes from the server, or once the client has sent `client_marker`
    (which is then never forwarded). With neither set it just forwards."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.server_bytes: int | None = None
        self.client_marker: bytes | None = None
        self.cuts = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # stopped
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        pair = (client, upstream)

        def close() -> None:
            for s in pair:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

        def pump(src: socket.socket, dst: socket.socket, downstream: bool) -> None:
            seen, tail = 0, b""
            try:
                while data := src.recv(65536):
                    seen += len(data)
                    tail = (tail + data)[-4096:]
                    if downstream and self.server_bytes is not None and seen > self.server_bytes:
                        self.cuts += 1
                        break
                    if not downstream and self.client_marker and self.client_marker in tail:
                        self.cuts += 1
                        break
                    dst.sendall(data)
            except OSError:
                pass
            close()

        threading.Thread(target=pump, args=(upstream, client, True), daemon=True).start()
        pump(client, upstream, False)

    def stop(self) -> None:
        self._listener.close()
