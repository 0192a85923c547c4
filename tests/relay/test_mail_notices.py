"""What the bridge makes of every kind of relay mail: the parse corpus (tests/relay/mail_corpus)
through a real Dovecot into the store, and notices that concern the bridge's own replies."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from mailserver import MailWorld
from sqlalchemy import select

from relay import schema
from relay.api.submission import create_one
from relay.db import Database, open_database
from relay.mailbridge.apply import mail_key
from relay.mailbridge.bridge import fetch_once, send_once
from relay.mailbridge.parse import MailKind, parse_mail
from relay.store import Changes

CORPUS = Path(__file__).parent / "mail_corpus"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text())


@pytest.fixture
def db(db_url: str) -> Any:
    database = open_database(db_url)
    yield database
    database.dispose()


def rows(db: Database, table: Any, *cols: Any, where: Any = None) -> list[Any]:
    q = select(*cols) if cols else select(table)
    if where is not None:
        q = q.where(where)
    with db.reading() as conn:
        return list(conn.execute(q).all())


def test_the_corpus_through_the_bridge(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db)
    names = sorted(EXPECTED)
    raws = [(CORPUS / n).read_bytes() for n in names]
    mail_world.append(*raws)
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == []
    parsed = {n: parse_mail(r) for n, r in zip(names, raws, strict=True)}
    first: dict[str, Any] = {}  # each mail key's first mail, in the order they were appended
    for p in parsed.values():
        first.setdefault(mail_key(p.message_id, p.fingerprint), p)
    buyers = [p for p in first.values() if p.kind is MailKind.BUYER_MESSAGE and p.alias]
    ignored = sum(p.kind is MailKind.IGNORED for p in parsed.values())
    assert tally.buyer_messages == len(buyers)
    assert tally.ignored == ignored
    assert tally.buyer_messages + tally.notices + tally.ignored + tally.duplicates == len(names)
    m = schema.messages.c
    # forged marketplace mail is kept, and flagged
    forged = sum(not p.trusted for p in buyers)
    assert forged >= 2
    assert len(rows(db, schema.messages, m.id, where=m.notice == "untrusted")) == forged
    # a copy of a reply written in Seller Central joins the buyer's conversation, as outbound
    copies = rows(
        db,
        schema.messages,
        m.conversation_id,
        m.direction,
        m.delivered,
        where=m.notice == "sentElsewhere",
    )
    assert len(copies) >= 2 and all(c.direction == "out" and c.delivered for c in copies)
    c = schema.conversations.c
    erika = rows(db, schema.conversations, c.id, where=c.order_id == "302-5550123-4567890")
    assert len(erika) == 1 and erika[0].id in {x.conversation_id for x in copies}
    # a notice about an order without a conversation: its own lane
    lane = rows(db, schema.mail_notices, schema.mail_notices.c.order_id)
    assert "302-8887776-6655443" in {r.order_id for r in lane}
    # nothing twice, never read
    again, _ = fetch_once(db, "alice", mail_world.secrets)
    assert (again.buyer_messages, again.notices) == (0, 0)
    with mail_world.client() as client:
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(client.search(["ALL"]))
    assert len(flags) == len(names) and not any(b"\\Seen" in f for f in flags.values())


def _reply(db: Database, conv: str, n: int) -> str:
    with db.reading() as conn:
        sid = conn.execute(select(schema.conversations.c.seller_id)).scalars().first()
    with db.writing() as conn:
        sent = create_one(
            conn,
            Changes(conn, sid),
            {"clientSubmissionId": f"r{n}", "conversationId": conv, "body": f"Antwort {n}"},
        )
    return str(sent["id"])


def test_reports_about_our_replies(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db)
    mail_world.append((CORPUS / "de-order-with-photo.eml").read_bytes())
    fetch_once(db, "alice", mail_world.secrets)
    m, c = schema.messages.c, schema.conversations.c
    (conv,) = rows(db, schema.conversations, c.id, c.buyer_id)
    (photo,) = rows(db, schema.messages, m.attachments, where=m.direction == "in")
    assert [a["name"] for a in json.loads(photo.attachments)] == ["IMG_2041.jpg"]
    subs = [_reply(db, conv.id, i) for i in range(3)]
    assert send_once(db, "alice", mail_world.secrets)[0] == 3
    sent = {s.submission_id: s.message_id for s in rows(db, schema.mail_outbox)}
    reports = [
        ("dsn-5-7-1-unapproved-sender.eml", "reply-0002@seller.example", subs[0]),
        ("dsn-4-4-1-delayed-full-message.eml", "outbox-7c1e.2@seller.example", subs[1]),
        ("not-delivered-en-opt-out.eml", "reply-0001@seller.example", subs[2]),
    ]
    for name, their_id, sub in reports:
        raw = (CORPUS / name).read_bytes()
        assert their_id.encode() in raw
        mail_world.append(raw.replace(their_id.encode(), sent[sub].encode()))
    tally, _ = fetch_once(db, "alice", mail_world.secrets)
    assert tally.notices == 3
    status = {r.id: (r.delivery_status, r.reject_reason) for r in rows(db, schema.submissions)}
    assert status[subs[0]][0] == "failed" and '"5.7.1"' in status[subs[0]][1]
    assert status[subs[1]][0] == "pending"
    assert status[subs[2]][0] == "failed" and "notDelivered" in status[subs[2]][1]
    notices = Counter(
        r.notice for r in rows(db, schema.messages, m.notice, where=m.direction == "system")
    )
    assert notices["bounce"] == 2 and notices["delayed"] == 1
    coded = {  # each as data too, for the seller's language (status: the report's own code)
        (d["code"], d["params"].get("status"))
        for r in rows(db, schema.messages, m.notice_params, where=m.direction == "system")
        if (d := json.loads(r.notice_params or "null"))
    }
    assert coded == {
        ("deliveryReport", "5.7.1"),
        ("delayed", "4.4.1"),
        ("notDelivered", "opted-out"),
    }
    b = schema.buyers.c
    assert rows(db, schema.buyers, b.opted_out, where=b.id == conv.buyer_id)[0].opted_out is True
    delivered = {
        r.id: r.delivered
        for r in rows(
            db,
            schema.messages,
            m.submission_id.label("id"),
            m.delivered,
            where=m.submission_id.is_not(None),
        )
    }
    # the failed replies answer nothing; the delayed one stands until a report fails it
    assert [delivered[sub] for sub in subs] == [False, True, False]
