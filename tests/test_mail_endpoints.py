"""Mail server URLs: one parser for the app's connection test and the relay's stored mailboxes,
so a mailbox that passes the test is never refused when it is saved (and the other way round)."""

from __future__ import annotations

import pytest

from app.domain.mail_endpoints import BadMailboxUrl, Endpoint
from relay.mailbridge.accounts import MailboxError, MailboxSettings, validate


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "imaps://a@b.example@imap.gmail.com",
            Endpoint("imaps", "a@b.example", "imap.gmail.com", 993, "implicit"),
        ),
        (
            "smtp://a@b.example@SMTP.Example.com/",
            Endpoint("smtp", "a@b.example", "smtp.example.com", 587, "starttls"),
        ),
        (
            "smtps://a%40b.example@smtp.example.com:2465",
            Endpoint("smtps", "a@b.example", "smtp.example.com", 2465, "implicit"),
        ),
        ("imap://u@127.0.0.1:1143", Endpoint("imap", "u", "127.0.0.1", 1143, "none")),
        ("smtp://u@localhost:25", Endpoint("smtp", "u", "localhost", 25, "none")),
        ("imap://u@[::1]:1143", Endpoint("imap", "u", "::1", 1143, "none")),
    ],
)
def test_urls_and_their_round_trip(url: str, expected: Endpoint) -> None:
    found = Endpoint.parse(url)
    assert found == expected
    assert Endpoint.parse(found.url) == found
    assert found.protocol == expected.scheme.rstrip("s")


@pytest.mark.parametrize(
    "url",
    [
        "imap://u@imap.example.com",  # plain text over the network
        "pop3://u@example.com",
        "imaps://",
        "imaps://imap.example.com",  # no login name
        "imaps://u@h:99999",
        "imaps://u@h:0",
        "imaps://u@h:port",
        "imaps://u:secret@imap.example.com",  # a password in the URL
        "imaps://u@imap.example.com/INBOX",
        "imaps://u@imap.example.com?x=1",
        "imaps://u@",
    ],
)
def test_bad_urls_are_refused_by_the_app_and_the_relay_alike(url: str) -> None:
    with pytest.raises(BadMailboxUrl):
        Endpoint.parse(url)
    with pytest.raises(MailboxError):
        validate(MailboxSettings("s", "shop@example.com", url, "smtps://u@smtp.example.com"))


def test_the_kind_must_match() -> None:
    with pytest.raises(BadMailboxUrl, match="imap URL must start with imaps:// or imap://"):
        Endpoint.parse("smtps://u@smtp.example.com", "imap")
    assert Endpoint.parse("smtps://u@smtp.example.com", "smtp").protocol == "smtp"


def test_the_relay_keeps_what_the_app_tested() -> None:
    imap, smtp = (
        "imaps://shop@example.com@imap.example.com:993",
        "smtp://shop@example.com@smtp.example.com",
    )
    address, i, s = validate(MailboxSettings("s", "Shop@Example.com", imap, smtp))
    assert (address, i, s) == ("shop@example.com", Endpoint.parse(imap), Endpoint.parse(smtp))
