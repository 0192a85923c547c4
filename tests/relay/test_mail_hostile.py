"""Hostile relay mail through a real Dovecot into the store (the red team's mail attacks).

Every mail below is built to break something: the MIME reader, a name that reaches the
seller's disk or an SMTP header, the trust in a sender. Each must end as a stored buyer message
(problems noted) or a kept notice; none may stop the mailbox, and the plain mail appended after
them must still arrive.
"""

from __future__ import annotations

import argparse
import base64
import json
from collections.abc import Iterator, Sequence
from email import message_from_bytes, policy
from typing import Any

import pytest
from mailserver import MailWorld, buyer_mail
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from relay import schema
from relay.api.submission import create_one
from relay.db import Database, open_database
from relay.mailbridge import apply
from relay.mailbridge.bridge import fetch_once, send_once
from relay.mailbridge.parse import MailKind, parse_mail
from relay.store import Changes

ALIAS = "k2x9q4w1ab3cd7e+5b7e2c19-3d4a@marketplace.amazon.de"
ORDER = "302-5550123-4567890"


def mail(
    n: int, parts: Sequence[bytes] = (), *, head: bytes = b"", text: bytes = b"Hallo"
) -> bytes:
    """A German buyer message (its own Message-ID), with extra headers and MIME parts."""
    out = (
        b'From: "Erika" <' + ALIAS.encode() + b">\r\n"
        b"To: support@seller.example\r\n"
        b"Subject: Frage von Amazon-Kunde Erika (Bestellung: " + ORDER.encode() + b")\r\n"
        b"Date: Mon, 7 Dec 2026 10:00:00 +0000\r\n"
        b"Message-ID: <hostile-" + str(n).encode() + b"@amazonses.example>\r\n" + head
    )
    out += b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n"
    out += b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    out += b"------------- Nachricht: -------------\r\n" + text + b"\r\n"
    out += b"------------- Nachricht beenden -------------\r\n"
    for part in parts:
        out += b"--B\r\n" + part
    return out + b"--B--\r\n"


def attachment(
    disposition: bytes, data: bytes = b"%PDF-1.4\n%%EOF\n", ctype: bytes = b"application/pdf"
) -> bytes:
    return (
        b"Content-Type: "
        + ctype
        + b"\r\nContent-Disposition: attachment; "
        + disposition
        + b"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(data)
        + b"\r\n"
    )


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


def stored(db: Database) -> list[Any]:
    m = schema.messages.c
    with db.reading() as conn:
        return list(conn.execute(select(m.external_id, m.attachments, m.notice, m.body_text)).all())


TNEF = b"\x78\x9f\x3e\x22" + bytes(60)
INNER = (
    b"From: someone@example.net\r\nSubject: Tracking\r\nContent-Type: text/plain\r\n\r\n"
    b"Your parcel is on its way.\r\n"
)
HOSTILE: dict[str, bytes] = {
    "traversal (RFC 2231)": mail(1, [attachment(b"filename*=utf-8''..%2F..%2F.bashrc%2Fa.pdf")]),
    "NUL in the name": mail(2, [attachment(b"filename*=utf-8''a%00b.pdf")]),
    "RTL override": mail(3, [attachment(b"filename*=utf-8''invoice%E2%80%AEfdp.exe")]),
    "CR/LF through an encoded word": mail(
        4,
        [
            attachment(
                b'filename="=?utf-8?b?'
                + base64.b64encode("a\r\nBcc: x@evil.example\u202e.pdf".encode())
                + b'?="'
            )
        ],
    ),
    "a 5,000-character name": mail(5, [attachment(b'filename="' + b"n" * 5000 + b'.pdf"')]),
    "an .exe declared image/png": mail(
        6, [attachment(b"filename=photo.png", b"MZ\x90\x00" + bytes(200), b"image/png")]
    ),
    "TNEF winmail.dat": mail(
        7, [attachment(b"filename=winmail.dat", TNEF, b"application/ms-tnef")]
    ),
    "zero bytes, 2 GB declared": mail(
        8,
        [
            b"Content-Type: image/png; name=a.png\r\nContent-Length: 2147483648\r\n"
            b"Content-Disposition: attachment; size=2147483648\r\n\r\n\r\n"
        ],
    ),
    "broken base64 and QP": mail(
        9,
        [
            b"Content-Type: application/pdf; name=a.pdf\r\nContent-Disposition: attachment\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n!!!!=*=JVBER\r\n",
            b"Content-Type: text/plain; name=b.txt\r\nContent-Disposition: attachment\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=4=\r\n",
        ],
    ),
    "an unknown charset and 8-bit headers": mail(
        10, head=b"X-Note: \xff\xfe\xe4\r\n", text=b"Gr\xfc\xdfe \xff"
    ).replace(b"charset=utf-8", b"charset=x-no-such-7"),
    "encoded-word bomb": mail(11, head=b"Comments: " + b"=?utf-8?q?a?= " * 40_000 + b"\r\n"),
    "a 10 MB part header": mail(
        12, [b'Content-Type: application/pdf; name="' + b"x" * 10_000_000 + b'"\r\n\r\n%PDF-\r\n']
    ),
    "a forwarded mail (message/rfc822)": mail(
        13, [b"Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n" + INNER]
    ),
    "two From headers": mail(14, head=b"From: mallory@evil.example\r\n"),
    "NUL bytes in ids, names and words": mail(
        15,
        [attachment(b'filename="a\x00.pdf"')],
        head=b"In-Reply-To: <x\x00y@example.test>\r\nReferences: <r\x00@example.test>\r\n",
        text=b"Hallo\x00 Welt",
    )
    .replace(b'"Erika"', b'"Er\x00ika"')
    .replace(b"<hostile-15@", b"<hostile-15\x00@"),
}
PLAIN = mail(99, text=b"Wann kommt mein Paket?")


def test_hostile_mail_is_kept_flagged_and_never_stops_the_mailbox(
    db: Database, mail_world: MailWorld
) -> None:
    mail_world.connect(db)
    mail_world.append(*HOSTILE.values(), PLAIN)
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == []
    assert tally.buyer_messages == len(HOSTILE) + 1, tally.line()
    messages = stored(db)
    assert "<hostile-99@amazonses.example>" in {row.external_id for row in messages}  # the last
    names = [att["name"] for row in messages for att in json.loads(row.attachments or "[]")]
    removed = [row.body_text for row in messages if row.notice == "attachmentRemoved"]
    for name in names:
        assert name and len(name) <= 120, name
        assert not set(name) & {"/", "\\", "\0", "\r", "\n", "\u202e"}, name
        assert not name.startswith("."), name
    assert "invoicefdp.exe" in names  # shown as it is (a PDF; opened only as .pdf)
    assert "photo.png" not in names  # a program declared image/png: removed, and said so
    assert any("photo.png" in t for t in removed), removed
    assert "n" * 116 + ".pdf" in names  # cut to 120 characters, its type kept
    # the forwarded mail is a file of the message, kept or removed by content: never unseen
    assert any("Tracking" in n for n in names) or any("Tracking" in t for t in removed)
    forged = parse_mail(HOSTILE["two From headers"])
    assert not forged.trusted and "duplicate-from" in forged.problems
    m = schema.messages.c
    with db.reading() as conn:
        untrusted = conn.execute(select(m.id).where(m.notice == "untrusted")).all()
    assert len(untrusted) == 1


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_mail_parses_quickly_and_keeps_the_words(name: str) -> None:
    parsed = parse_mail(HOSTILE[name])
    assert parsed.kind is MailKind.BUYER_MESSAGE
    assert parsed.alias == ALIAS and parsed.order_id == ORDER
    assert parsed.text.startswith(("Hallo", "Gr")), parsed.text


def _failing_on(monkeypatch: pytest.MonkeyPatch, word: str, error: Exception) -> None:
    """Storing a mail whose words contain `word` raises `error` (a bug nothing foresaw)."""
    real = apply.Applier._buyer_message

    def storing(self: apply.Applier, key: str, p: Any) -> str | None:
        if word in p.text:
            raise error
        return real(self, key, p)

    monkeypatch.setattr(apply.Applier, "_buyer_message", storing)


def test_a_mail_that_cannot_be_stored_is_quarantined_not_retried_forever(
    db: Database, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail_world.connect(db)
    _failing_on(monkeypatch, "poison", KeyError("a bug"))
    mail_world.append(buyer_mail("first"), buyer_mail("poison"), buyer_mail("third"))
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == []
    assert (tally.buyer_messages, tally.quarantined) == (2, 1), tally.line()
    assert "1 not imported" in tally.line()
    n = schema.mail_notices.c
    with db.reading() as conn:
        lane = conn.execute(select(n.kind, n.body_text)).all()
    assert len(lane) == 1 and lane[0].kind == "quarantined"
    assert "could not be imported (KeyError)" in lane[0].body_text
    assert "folder INBOX, UID 2" in lane[0].body_text and "poison" in lane[0].body_text
    again, failed = fetch_once(db, "alice", mail_world.secrets)  # not tried again and again
    assert failed == [] and again.quarantined == 0 and again.buyer_messages == 0


def test_a_database_failure_is_not_blamed_on_the_mail(
    db: Database, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail_world.connect(db)
    _failing_on(monkeypatch, "poison", OperationalError("INSERT", {}, Exception("disk full")))
    mail_world.append(buyer_mail("first"), buyer_mail("poison"))
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert len(failed) == 1 and tally.quarantined == 0  # the batch waits for the next try
    monkeypatch.undo()
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == [] and tally.buyer_messages == 2


def test_a_reply_that_cannot_be_composed_fails_alone(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db)
    mail_world.append(buyer_mail("Frage"))
    fetch_once(db, "alice", mail_world.secrets)
    c, m, s = schema.conversations.c, schema.messages.c, schema.submissions.c
    with db.reading() as conn:
        sid, conv = conn.execute(select(c.seller_id, c.id)).one()
    subs = []
    for n in ("r1", "r2"):
        with db.writing() as conn:
            spec = {"clientSubmissionId": n, "conversationId": conv, "body": f"Antwort {n}"}
            subs.append(create_one(conn, Changes(conn, sid), spec))
    with db.writing() as conn:  # the first reply's stored files are damaged
        conn.execute(
            update(schema.messages)
            .where(m.id == subs[0]["messageId"])
            .values(attachments="not json")
        )
    done, failed = send_once(db, "alice", mail_world.secrets)
    assert failed == [] and done == 2
    assert len(mail_world.wait_sent(1)) == 1  # the second went out
    with db.reading() as conn:
        states = dict(conn.execute(select(s.id, s.delivery_status)).all())
        notices = conn.execute(select(m.notice_params).where(m.notice == "bounce")).all()
    assert states == {subs[0]["id"]: "failed", subs[1]["id"]: "delivered"}
    assert len(notices) == 1 and "notComposed" in notices[0].notice_params
    assert "JSONDecodeError" in notices[0].notice_params


def _forged(text: str, own_server: bool) -> bytes:
    """A mail from a relay alias whose only 'passing' results the sender wrote itself."""
    msg = message_from_bytes(buyer_mail(text), policy=policy.SMTP)
    del msg["Authentication-Results"]
    raw = msg.as_bytes()
    forged = b"Authentication-Results: mx.forger.example; dmarc=pass header.from=amazon.de\r\n"
    if own_server:  # the seller's server checked too, and says so on top
        forged = (
            b"Authentication-Results: mx.seller.example; dmarc=fail header.from=amazon.de\r\n"
            + forged
        )
    return forged + raw


@pytest.mark.parametrize(
    "own_server", [True, False], ids=["server adds results", "server adds none"]
)
def test_a_forged_sender_check_counts_only_when_no_server_is_named(
    db: Database, mail_world: MailWorld, own_server: bool
) -> None:
    mail_world.connect(db, authserv_id="MX.Seller.Example")
    genuine = buyer_mail("echt")  # mx.seller.example; dmarc=pass (the shape of tests/relay)
    mail_world.append(genuine, _forged("gefälscht", own_server))
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == [] and tally.buyer_messages == 2
    m = schema.messages.c
    with db.reading() as conn:
        untrusted = conn.execute(select(m.id).where(m.notice == "untrusted")).all()
    assert len(untrusted) == 1  # the forged one only
    # without the server named, the sender's own header is the topmost when the server
    # writes none: the documented limit (docs/security.md, The trust in relay mail)
    assert parse_mail(_forged("x", own_server)).trusted is (not own_server)


def test_control_bytes_in_a_buyers_ids_never_reach_a_reply(
    db: Database, mail_world: MailWorld
) -> None:
    mail_world.connect(db)
    raw = buyer_mail("Frage", message_id="ok-first")
    mail_world.append(raw)
    hostile = buyer_mail("Noch eine Frage", message_id="x")
    hostile = hostile.replace(b"Message-ID: <x@", b"Message-ID: <b\x01d\x7f@")
    hostile = hostile.replace(
        b"Subject:", b"References: <ok-first@eu-west-1.amazonses.com> <r\x00e\x1bf@x>\r\nSubject:"
    )
    mail_world.append(hostile)
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == [] and tally.buyer_messages == 2
    parsed = parse_mail(hostile)
    assert parsed.message_id is None and "no-message-id" in parsed.problems
    assert parsed.references == ("ok-first@eu-west-1.amazonses.com",)
    c = schema.conversations.c
    with db.reading() as conn:
        sid, conv = conn.execute(select(c.seller_id, c.id)).one()
    with db.writing() as conn:
        spec = {"clientSubmissionId": "r1", "conversationId": conv, "body": "Antwort"}
        create_one(conn, Changes(conn, sid), spec)
    assert send_once(db, "alice", mail_world.secrets) == (1, [])
    sent = mail_world.smtp.received[0]
    head = bytes(sent.original_content or sent.content).split(b"\r\n\r\n")[0]
    assert b"In-Reply-To: <ok-first@eu-west-1.amazonses.com>" in head
    assert not any((b < 0x20 and b not in b"\r\n\t") or b == 0x7F for b in head), head


def test_line_breaks_in_a_buyers_subject_and_name_never_split_a_reply_header(
    db: Database, mail_world: MailWorld
) -> None:
    mail_world.connect(db)
    evil = base64.b64encode(b"Frage\r\nBcc: mallory@evil.example\r\n\r\nbody").decode()
    name = base64.b64encode(b"Erika\r\nCc: mallory@evil.example").decode()
    raw = buyer_mail("Hallo", message_id="crlf")
    raw = raw.replace(
        b"Subject: Frage von Amazon-Kunde Erika", f"Subject: =?utf-8?b?{evil}?=".encode()
    )
    raw = raw.replace(b'From: "Erika"', f"From: =?utf-8?b?{name}?=".encode())
    mail_world.append(raw)
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == [] and tally.buyer_messages == 1
    c = schema.conversations.c
    with db.reading() as conn:
        sid, conv, subject = conn.execute(select(c.seller_id, c.id, c.subject)).one()
    assert "\n" not in subject and "\r" not in subject
    with db.writing() as conn:  # no subject given: "Re: " and the buyer's
        spec = {"clientSubmissionId": "r1", "conversationId": conv, "body": "Antwort"}
        create_one(conn, Changes(conn, sid), spec)
    assert send_once(db, "alice", mail_world.secrets) == (1, [])
    envelope = mail_world.smtp.received[0]
    assert envelope.rcpt_tos == [
        "k2x9q4w1ab3cdzz+11111111-2222-4333-8444-555555555555@marketplace.amazon.de"
    ]
    sent = mail_world.sent_mail()[0]
    assert sent["Bcc"] is None and sent["Cc"] is None
    assert sent["Subject"].startswith("Re: Frage Bcc: ")  # one line, the address redacted
    assert sent.get_content().strip() == "Antwort"


def test_a_mail_the_parser_cannot_read_is_quarantined_not_ignored(
    db: Database,
    mail_world: MailWorld,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from relay.mailbridge import parse

    real = parse._parse

    def failing(raw: bytes, *args: Any) -> Any:
        if b"poison" in raw:
            raise RecursionError("a bug nothing foresaw")
        return real(raw, *args)

    monkeypatch.setattr(parse, "_parse", failing)
    mail_world.connect(db)
    mail_world.append(buyer_mail("first"), buyer_mail("poison"))
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == []
    assert (tally.buyer_messages, tally.ignored, tally.quarantined) == (1, 0, 1), tally.line()
    n = schema.mail_notices.c
    with db.reading() as conn:
        lane = conn.execute(select(n.kind, n.subject, n.body_text)).one()
    assert lane.kind == "quarantined" and lane.subject.startswith("Frage von Amazon-Kunde")
    assert "could not be imported (the relay could not read it)" in lane.body_text
    from relay.mailbridge.cli import _notices

    _notices(db, argparse.Namespace(seller="alice", limit=10))  # seller-relay mailbox notices
    assert "folder INBOX, UID 2" in capsys.readouterr().out
