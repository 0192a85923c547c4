"""Relay mail parsing: the corpus in mail_corpus/ (expected.json) and hostile input."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

from relay.mailbridge.parse import MailKind, parse_mail, thread_key


def _buyer_mail(body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = '"Erika" <k2x9q4w1ab3cd7e+5b7e2c19-3d4a@marketplace.amazon.de>'
    msg["To"] = "support@seller.example"
    msg["Subject"] = "Frage von Amazon-Kunde Erika (Bestellung: 302-5550123-4567890)"
    msg["Message-ID"] = "<m1@eu-west-1.amazonses.com>"
    msg["Date"] = "Tue, 15 Sep 2026 08:41:00 +0200"
    msg.set_content(body, cte="quoted-printable")
    return msg.as_bytes(policy=SMTP)


def test_buyer_words_between_translated_markers() -> None:
    raw = _buyer_mail(
        "Sie haben eine Nachricht erhalten.\n\n# 302-5550123-4567890:\n"
        "------------- Nachricht: -------------\n\nDas Paket kam beschädigt an.\n\n"
        "------------- Nachricht beenden -------------\n\nCopyright 2026 Amazon\n"
    )
    mail = parse_mail(raw)
    assert mail.kind == MailKind.BUYER_MESSAGE
    assert mail.text == "Das Paket kam beschädigt an."
    assert mail.language == "de"
    assert thread_key(mail) == (
        "amazon.de",
        "k2x9q4w1ab3cd7e@marketplace.amazon.de",
        "302-5550123-4567890",
    )


def test_garbage_is_ignored_not_raised() -> None:
    mail = parse_mail(b"\x00\xff" * 1000)
    assert mail.kind == MailKind.IGNORED
    assert mail.problems
