"""Relay mail parsing: the corpus in mail_corpus/ (expected.json) and hostile input.

Each corpus mail is a complete .eml as a seller's mailbox would hold it; expected.json says,
per file, what parse_mail must make of it. Keys that an entry leaves out are not checked.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

import pytest

from relay.mailbridge.addresses import relay_alias
from relay.mailbridge.authresults import verdict
from relay.mailbridge.markers import between_markers, classify_label, strip_quoted
from relay.mailbridge.parse import MailKind, ParsedMail, fingerprint, parse_mail, thread_key

CORPUS = Path(__file__).parent / "mail_corpus"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text("utf-8"))
# Plain fields compared as they stand.
FIELDS = (
    "marketplace", "alias", "alias_base", "order_id", "language", "refers_to", "status",
    "trusted", "family", "ebay_ref", "buyer_name", "text", "subject",
)  # fmt: skip
# A guard against runaway parsing (quadratic input), not a performance target: the figures
# are in bench/mail_parse.py.
HANG_GUARD_S = 30.0


def test_corpus_is_complete() -> None:
    files = {p.name for p in CORPUS.glob("*.eml")}
    assert files == set(EXPECTED)
    assert len(files) >= 100
    languages = {e.get("language") for e in EXPECTED.values()}
    assert {"en", "de", "es", "sv", "fr", "it", "nl", "pl", "ja"} <= languages
    assert {e["kind"] for e in EXPECTED.values()} == {k.value for k in MailKind}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_mail(name: str) -> None:
    expect = EXPECTED[name]
    mail = parse_mail((CORPUS / name).read_bytes())
    assert mail.kind == expect["kind"], mail.problems
    for key in FIELDS:
        if key in expect:
            assert getattr(mail, key) == expect[key], key
    for piece in expect.get("contains", ()):
        assert piece in mail.text
    if "order_ids" in expect:
        assert list(mail.order_ids) == expect["order_ids"]
    if "in_reply_to" in expect:
        assert list(mail.in_reply_to) == expect["in_reply_to"]
    if "attachments" in expect:
        assert len(mail.attachments) == expect["attachments"]
    if "attachment_names" in expect:
        assert [a.name for a in mail.attachments] == expect["attachment_names"]
    for problem in expect.get("problems_include", ()):
        assert problem in mail.problems
    for piece in expect.get("html_contains", ()):
        assert mail.html is not None and piece in mail.html
    if not name.startswith("malformed-"):
        assert "malformed-mime" not in mail.problems  # the corpus is well-formed mail
    if mail.kind == MailKind.BUYER_MESSAGE:
        assert thread_key(mail) == (mail.marketplace, mail.alias_base, mail.order_id)
        assert mail.date is not None and mail.date.utcoffset() is not None
    if mail.kind == MailKind.IGNORED:
        assert thread_key(mail) is None


def test_attachment_bytes_survive() -> None:
    mail = parse_mail((CORPUS / "it-invoice-request-pdf.eml").read_bytes())
    (pdf,) = mail.attachments
    assert pdf.content_type == "application/pdf"
    assert pdf.data.startswith(b"%PDF-1.4") and pdf.data.rstrip().endswith(b"%%EOF")


def test_fingerprint_ignores_line_endings_only() -> None:
    raw = (CORPUS / "sv-order-question.eml").read_bytes()
    assert parse_mail(raw).fingerprint == parse_mail(raw.replace(b"\r\n", b"\n")).fingerprint
    assert parse_mail(raw).fingerprint != parse_mail(raw + b"x").fingerprint
    assert fingerprint(raw) == parse_mail(raw).fingerprint


def test_authserv_id_picks_the_own_servers_header() -> None:
    raw = (CORPUS / "forged-lower-auth-header-pass.eml").read_bytes()
    raw = raw.replace(
        b"Authentication-Results: mx.seller.example; spf=softfail", b"X-Old: x; spf=softfail", 1
    )
    # Without its own header the topmost one (written by the sender) would be believed...
    assert parse_mail(raw).trusted
    # ...which naming the own server's authserv-id prevents.
    assert not parse_mail(raw, authserv_id="mx.other.example").trusted


# -- hostile input ------------------------------------------------------------------------------


def _buyer_headers() -> bytes:
    return (
        b'From: "B" <abcdefgh12345+c1@marketplace.amazon.de>\r\nTo: s@seller.example\r\n'
        b"Subject: Frage von Amazon-Kunde B\r\nMessage-ID: <a@b>\r\n"
        b"Date: Tue, 15 Sep 2026 08:41:00 +0200\r\nMIME-Version: 1.0\r\n"
    )


def _timed(raw: bytes, **kw: Any) -> ParsedMail:
    start = time.perf_counter()
    mail = parse_mail(raw, **kw)
    assert time.perf_counter() - start < HANG_GUARD_S
    return mail


def test_thirty_megabyte_mail_parses_whole() -> None:
    photo = bytes(range(256)) * (22 * 1024 * 4)  # 22 MiB, ~30 MB as base64
    raw = _buyer_headers() + (
        b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\n'
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"------------- Nachricht: -------------\r\nFoto anbei.\r\n"
        b"------------- Nachricht beenden -------------\r\n--XX\r\n"
        b'Content-Type: image/jpeg\r\nContent-Disposition: attachment; filename="big.jpg"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(photo).replace(b"\n", b"\r\n")
        + b"--XX--\r\n"
    )
    assert len(raw) > 30_000_000
    mail = _timed(raw)
    assert mail.kind == MailKind.BUYER_MESSAGE
    assert mail.text == "Foto anbei."
    assert mail.attachments[0].data == photo


def test_mail_over_the_size_cap_is_truncated_not_refused() -> None:
    raw = _buyer_headers() + b"\r\n------------- Message: -------------\r\nhi\r\n" + b"x" * 5000
    mail = parse_mail(raw, max_size=1000)
    assert mail.kind == MailKind.BUYER_MESSAGE
    assert "truncated" in mail.problems
    assert mail.text.startswith("hi")


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe" * 100_000,
        b"\r\n\r\nonly a body",
        b"From: " + b'"\\' * 5000 + b"\r\n\r\nx",
        b"Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n--\r\n",
        b"From: a@b\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n" + b"--x\r\n" * 50_000,
    ],
    ids=["empty", "binary", "no-headers", "broken-address", "empty-boundary", "only-boundaries"],
)
def test_garbage_never_raises(raw: bytes) -> None:
    mail = _timed(raw)
    assert mail.kind == MailKind.IGNORED
    assert len(mail.fingerprint) == 64


def test_deeply_nested_multiparts() -> None:
    nest = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
        for i in range(20_000)
    )
    mail = _timed(_buyer_headers() + nest + b"Content-Type: text/plain\r\n\r\nhi\r\n")
    assert mail.kind == MailKind.BUYER_MESSAGE
    assert "too-many-parts" in mail.problems


def test_many_parts() -> None:
    parts = b"--XX\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 200_000
    raw = _buyer_headers() + b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n' + parts
    mail = _timed(raw + b"--XX--\r\n")
    assert "too-many-parts" in mail.problems


@pytest.mark.parametrize(
    "header",
    [
        b"Subject: " + b"=?utf-8?q?a?= " * 700_000,
        b"X-Filler: y\r\n" * 1_000_000,
        b"Authentication-Results: " + b"(" * 1_000_000,
        b"References: " + b"<a@b> " * 1_000_000,
    ],
    ids=["long-subject", "many-headers", "nested-comments", "many-references"],
)
def test_huge_headers(header: bytes) -> None:
    raw = _buyer_headers().replace(b"MIME-Version", header.rstrip(b"\r\n") + b"\r\nMIME-Version")
    mail = _timed(raw + b"\r\n------------- Message: -------------\r\nhi\r\n")
    assert mail.kind == MailKind.BUYER_MESSAGE
    assert mail.text == "hi"
    assert len(mail.subject) <= 998 and len(mail.references) <= 50


@pytest.mark.parametrize(
    "body",
    [
        b"-" * 20_000_000,
        b"------x" * 3_000_000,
        b"----- Message: -----\r\n" * 1_000_000,
        b"a@marketplace.amazon." * 1_000_000,
        b"On a b c wrote\r\n" * 1_000_000,
        b"> " * 10_000_000,
        b"a" * 30_000_000,
    ],
    ids=["dashes", "dash-runs", "markers", "alias-fragments", "attributions", "quotes", "one-line"],
)
def test_pathological_bodies_stay_linear(body: bytes) -> None:
    mail = _timed(_buyer_headers() + b"Content-Type: text/plain\r\n\r\n" + body)
    assert mail.kind == MailKind.BUYER_MESSAGE
    assert len(mail.text) <= 1_000_000


def test_generated_mail_round_trip() -> None:
    msg = EmailMessage()
    msg["From"] = '"Erika" <k2x9q4w1ab3cd7e+5b7e2c19-3d4a@marketplace.amazon.de>'
    msg["To"] = "support@seller.example"
    msg["Subject"] = "Frage von Amazon-Kunde Erika (Bestellung: 302-5550123-4567890)"
    msg["Date"] = "Tue, 15 Sep 2026 08:41:00 +0200"
    msg.set_content(
        "------------- Nachricht: -------------\nDas Paket kam beschädigt an.\n"
        "------------- Nachricht beenden -------------\n",
        cte="quoted-printable",
    )
    mail = parse_mail(msg.as_bytes(policy=SMTP))
    assert mail.text == "Das Paket kam beschädigt an."
    assert "no-message-id" in mail.problems
    assert thread_key(mail) == (
        "amazon.de",
        "k2x9q4w1ab3cd7e@marketplace.amazon.de",
        "302-5550123-4567890",
    )


# -- the rules in isolation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "result"),
    [
        (["mx; dmarc=pass header.from=amazon.de"], "pass"),
        (["mx; dmarc=pass header.from=amazon.de.example.net"], "fail"),
        (["mx; spf=pass smtp.mailfrom=x@eu-west-1.amazonses.com; dmarc=fail"], "fail"),
        (["mx; dkim=pass header.d=amazon.co.uk"], "pass"),
        (["mx; dkim=pass header.i=@members.ebay.de"], "pass"),
        (["mx; dkim=pass header.d=example.net; spf=pass smtp.mailfrom=a@example.net"], "fail"),
        (["mx (comment; dmarc=pass); spf=none; dkim=none"], "fail"),
        (["mx; dmarc=fail", "mx; dmarc=pass header.from=amazon.de"], "fail"),
        ([], "missing"),
    ],
)
def test_authentication_results_verdict(headers: list[str], result: str) -> None:
    assert verdict(headers) == result


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("AbC12345XyZ+0f3c-9b1d@Marketplace.Amazon.co.uk", "abc12345xyz@marketplace.amazon.co.uk"),
        ("abc12345xyz@marketplace.amazon.com.mx", "abc12345xyz@marketplace.amazon.com.mx"),
        ("abc12345xyz@marketplace.amazon.de.example.net", None),
        ("abc12345xyz@marketplace.amazon.xx", None),
        ("john.doe@marketplace.amazon.de", None),
        ("donotreply@amazon.de", None),
        ("a1b2c3d4e5f60718293a@members.ebay.de", "a1b2c3d4e5f60718293a@members.ebay.de"),
        ("not-hex-at-all-xx@members.ebay.de", None),
    ],
)
def test_relay_alias_shapes(address: str, expected: str | None) -> None:
    alias = relay_alias(address)
    assert (alias.base if alias else None) == expected


def test_separator_labels() -> None:
    assert classify_label(" End message / Fin du message ") == ("end", ("en", "fr"))
    assert classify_label("Mensaje:") == ("start", ("es",))
    assert classify_label("Original Message") == ("quote", ())
    assert classify_label("Ein ganz neues Etikett") == ("unknown", ())
    # The buyer's words sit between the first separator and the first end label, whatever
    # the start label says.
    extract = between_markers("x\n----- Etikett -----\nHej\n----- Avsluta meddelande -----\ny")
    assert extract.text.strip() == "Hej" and extract.languages == ("sv",)


# Pieces that broke parsers before: encoded words, boundaries, odd charsets (one with a NUL),
# report parts, markers, aliases.
TOKENS = (
    b"\r\n", b"\n", b"\r\n\r\n", b"=?", b"?=", b"=?utf-8?b?", b"=?x?q?", b"--", b"boundary=",
    b'Content-Type: multipart/mixed; boundary="a"\r\n', b"<", b">", b'"', b"(", b")", b";",
    b"\\", b"\x00", b"\xff", b"@", b"filename*=utf-8''%ff%", b"charset=utf-7", b"charset=idna",
    b"charset=base64", b"charset=a\x00b", b"Content-Transfer-Encoding: base64\r\n",
    b"message/rfc822", b"message/delivery-status", b"text/rfc822-headers", b"Status: 5.",
    b"multipart/report; report-type=delivery-status", b"Final-Recipient: rfc822;",
    b"@marketplace.amazon.de", b"------------- ", b"Date: ", b"From: ", b"Authentication-Results: ",
)  # fmt: skip


def _mutations(raw: bytes, rnd: random.Random, count: int = 30) -> list[bytes]:
    """Damaged copies: cut off, spliced with noise and the pieces above, bytes flipped."""
    damaged = [raw[: rnd.randrange(len(raw))], raw.replace(b"\r\n", b"\n", 40)]
    for _ in range(count):
        mail = bytearray(raw)
        for _ in range(rnd.randrange(1, 10)):
            at = rnd.randrange(len(mail) + 1)
            match rnd.randrange(4):
                case 0:
                    mail[at:at] = rnd.choice(TOKENS)
                case 1:
                    del mail[at : at + rnd.randrange(1, 200)]
                case 2:
                    mail[at:at] = bytes([rnd.randrange(256)])
                case _:
                    mail[at:at] = mail[at : at + rnd.randrange(1, 300)]
        damaged.append(bytes(mail))
    return damaged


@pytest.mark.parametrize("name", sorted(EXPECTED)[::3])
def test_damaged_corpus_mail_needs_no_last_resort(
    name: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Damaged mail is handled by the parser's own rules, not by its catch-all for bugs."""
    rnd = random.Random(name)
    raw = (CORPUS / name).read_bytes()
    with caplog.at_level(logging.WARNING, logger="relay.mailbridge.parse"):
        for damaged in _mutations(raw, rnd):
            mail = parse_mail(damaged)
            assert mail.kind in set(MailKind)
    assert not caplog.records


def test_quoted_history_and_the_buyers_own_lines() -> None:
    own = "Hi,\nOn Monday I wrote:\nthe box was open.\nFrom: Berlin\nTo: Munich\nThanks"
    assert strip_quoted(own) == own
    gmail = own + "\n\nOn Tue, Sep 15, 2026 at 10:03 AM Shop <\nshop@example.test> wrote:\n> x"
    assert strip_quoted(gmail).rstrip() == own
    outlook = own + "\n\nFrom: Shop <shop@example.test>\nSent: Tuesday, 15 September 2026\n"
    assert strip_quoted(outlook).rstrip() == own
