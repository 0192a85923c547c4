"""The mailbox bridge against a real Dovecot and SMTP receiver, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from mailserver import MailWorld, buyer_mail
from relay_testkit import RelayUnderTest, make_relay
from sqlalchemy import func, select

from relay import schema
from relay.config import RelayConfig
from relay.db import Database, open_database
from relay.mailbridge.accounts import list_mailboxes
from relay.mailbridge.bridge import fetch_once, send_once
from relay.mailbridge.fetch import read_cursor


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.dispose()


def count(db: Database, table: Any, **where: Any) -> int:
    q = select(func.count()).select_from(table)
    for k, v in where.items():
        q = q.where(table.c[k] == v)
    with db.reading() as conn:
        return int(conn.execute(q).scalar_one())


def test_fetch_is_resumable_idempotent_and_peeks(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db)
    mail_world.append(
        buyer_mail("Wo bleibt mein Paket?"),
        buyer_mail("Noch eine Frage", case="22222222-2222-4333-8444-555555555555"),
        buyer_mail(
            "Andere Bestellung",
            order="302-1234567-0000002",
            case="33333333-2222-4333-8444-555555555555",
        ),
        buyer_mail("Ohne Bestellung", base="zzzzzzzzzzzzzz1", order=None, name="Jonas"),
    )
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == []
    assert tally.line() == "added 4 buyer messages, 0 notices, 3 new conversations"
    assert count(db, schema.messages, direction="in") == 4
    assert count(db, schema.buyers) == 2
    # the latest full alias is the reply address
    with db.reading() as conn:
        alias = conn.execute(select(schema.mail_routes.c.alias)).scalars().all()
    assert sorted(alias)[0].startswith("k2x9q4w1ab3cdzz+33333333")
    # again: nothing new, nothing twice
    tally, _ = fetch_once(db, "alice", mail_world.secrets)
    assert tally.line() == "added 0 buyer messages, 0 notices, 0 new conversations"
    mail_world.append(buyer_mail("Dritte Nachricht"))
    tally, _ = fetch_once(db, "alice", mail_world.secrets)
    assert (tally.buyer_messages, tally.new_conversations) == (1, 0)
    assert count(db, schema.messages, direction="in") == 5
    # never marked read
    with mail_world.client() as c:
        c.select_folder("INBOX", readonly=True)
        flags = c.get_flags(c.search(["ALL"]))
    assert len(flags) == 5 and all(b"\\Seen" not in f for f in flags.values())
    (state,) = list_mailboxes(db, "alice")
    assert state.connected and state.last_fetch_at is not None and state.error_kind is None


def test_uidvalidity_change_duplicates_nothing(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db, folders=("INBOX", "Amazon"))
    with mail_world.client() as c:
        c.create_folder("Amazon")
    mails = [buyer_mail(f"Frage {i}", order=f"302-1234567-000001{i}") for i in range(3)]
    mail_world.append(*mails, folder="Amazon")
    assert fetch_once(db, "alice", mail_world.secrets)[0].buyer_messages == 3
    box_id = int(db.read.connect().execute(select(schema.mailboxes.c.id)).scalar_one())
    before = read_cursor(db, box_id, "Amazon")
    time.sleep(1.1)  # Dovecot's UIDVALIDITY comes from the clock
    with mail_world.client() as c:
        c.delete_folder("Amazon")
        c.create_folder("Amazon")
    # the same mails, in another order, plus a new one; one message without a Message-ID
    mail_world.append(
        *reversed(mails), buyer_mail("Neu", order="302-1234567-0000020"), folder="Amazon"
    )
    tally, _ = fetch_once(db, "alice", mail_world.secrets)
    after = read_cursor(db, box_id, "Amazon")
    assert before is not None and after is not None and after.uidvalidity != before.uidvalidity
    assert (tally.buyer_messages, tally.duplicates) == (1, 3)
    assert count(db, schema.messages, direction="in") == 4


def test_untrusted_and_unknown_password(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db)
    mail_world.append(buyer_mail("Bitte klicken", authenticated=False))
    tally, _ = fetch_once(db, "alice", mail_world.secrets)
    assert tally.buyer_messages == 1
    assert count(db, schema.messages, notice="untrusted") == 1
    from relay.mailbridge.secret_store import EnvSecretStore

    _, failed = fetch_once(db, "alice", EnvSecretStore({}))
    assert [(a, e.kind) for a, e in failed] == [(mail_world.address, "login")]
    (state,) = list_mailboxes(db, "alice")
    assert (state.connected, state.error_kind) == (False, "login")


@pytest.fixture
def bridged_relay(
    db_url: str, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RelayUnderTest]:
    monkeypatch.setenv("SELLER_RELAY_MAIL_PASSWORD", "secret-password")
    cfg = RelayConfig(rate_per_second=10_000, rate_burst=10_000, mail_bridge=True)
    db = open_database(db_url)
    mail_world.connect(db)  # before the relay starts: its bridge picks it up at once
    db.dispose()
    yield from make_relay(db_url, cfg)


def _wait(fn: Any, timeout: float = 10) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        got = fn()
        if got or time.monotonic() > deadline:
            return got
        time.sleep(0.05)


def test_end_to_end_idle_then_reply_once(
    bridged_relay: RelayUnderTest, mail_world: MailWorld
) -> None:
    seller = bridged_relay.seller
    state = seller.ok("Message/changes", {"sinceState": "0"})["newState"]
    time.sleep(1.0)  # the bridge is connected and IDLE
    t0 = time.monotonic()
    mail_world.append(buyer_mail("Ist die Jacke wasserdicht?", message_id="q1"))

    def arrived() -> list[str]:
        return seller.ok("Message/changes", {"sinceState": state})["created"]

    created = _wait(arrived, timeout=5)
    took = time.monotonic() - t0
    assert created, "the buyer's mail did not reach the relay within 5 s"
    assert took < 5
    msg = seller.get_one("Message", created[0])
    assert msg["bodyText"] == "Ist die Jacke wasserdicht?"
    conv = msg["conversationId"]
    sent, refused = seller.send(conversationId=conv, body="**Ja**, sie ist *wasserdicht*.")
    assert refused is None and sent is not None
    assert sent["deliveryStatus"] == "queued"
    got = mail_world.wait_sent(1)
    assert len(got) == 1
    mail = got[0]
    assert (
        mail["To"] == "k2x9q4w1ab3cdzz+11111111-2222-4333-8444-555555555555@marketplace.amazon.de"
    )
    assert mail["From"] == mail_world.address
    assert mail["In-Reply-To"] == "<q1@eu-west-1.amazonses.com>"
    assert mail["Subject"].count("302-1234567-0000001") == 1
    assert mail.get_content_type() == "text/plain"
    assert mail.get_content().strip() == "Ja, sie ist wasserdicht."

    def delivered() -> bool:
        return seller.get_one("Submission", sent["id"])["deliveryStatus"] == "delivered"

    assert _wait(delivered)
    time.sleep(2.5)  # another poll of the sender: still one mail
    assert len(mail_world.smtp.received) == 1
    assert send_once(bridged_relay.db, "alice", mail_world.secrets)[0] == 0


def test_thirty_megabyte_mail(db: Database, mail_world: MailWorld) -> None:
    mail_world.connect(db)
    huge = buyer_mail("Siehe Anhang", attachment=("scan.pdf", b"%PDF-1.4\n" + b"0" * 30_000_000))
    mail_world.append(huge, buyer_mail("Danach", order="302-1234567-0000009"))
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == [] and tally.buyer_messages == 2
    m = schema.messages.c
    with db.reading() as conn:
        big = conn.execute(
            select(m.body_text, m.attachments).where(m.body_text == "Siehe Anhang")
        ).one()
        notes = conn.execute(select(m.notice).where(m.direction == "system")).scalars().all()
    assert big.attachments == "[]" and notes == ["tooLarge"]


def test_mailbox_dropping_the_connection_mid_fetch(
    db: Database, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mailserver import CuttingProxy

    from relay.mailbridge import fetch

    monkeypatch.setattr(fetch, "BATCH_MAILS", 5)
    proxy = CuttingProxy(mail_world.dovecot.port)
    try:
        settings = mail_world.settings()
        from relay.mailbridge.accounts import MailboxSettings, add_mailbox

        add_mailbox(
            db,
            MailboxSettings(
                seller="alice",
                address=settings.address,
                imap_url=f"imap://{settings.address}@127.0.0.1:{proxy.port}",
                smtp_url=settings.smtp_url,
            ),
        )
        mail_world.append(*(buyer_mail(f"Frage {i} " + "x" * 3000) for i in range(40)))
        proxy.server_bytes = 60_000  # about half of the mail, after a few batches
        tally, failed = fetch_once(db, "alice", mail_world.secrets)
        assert proxy.cuts == 1
        assert [e.kind for _, e in failed] == ["network"]
        assert 0 < tally.buyer_messages < 40  # what was committed stays committed
        (state,) = list_mailboxes(db, "alice")
        assert (state.connected, state.error_kind) == (False, "network")
        assert state.last_error and "dropped" in state.last_error
        proxy.server_bytes = None
        rest, failed = fetch_once(db, "alice", mail_world.secrets)
        assert failed == []
        assert tally.buyer_messages + rest.buyer_messages == 40
        assert count(db, schema.messages, direction="in") == 40
    finally:
        proxy.stop()


def _bridged_reply(db: Database, mail_world: MailWorld) -> str:
    from relay.api.submission import create_one
    from relay.store import Changes

    mail_world.append(buyer_mail("Frage"))
    fetch_once(db, "alice", mail_world.secrets)
    with db.reading() as conn:
        sid, conv = conn.execute(
            select(schema.conversations.c.seller_id, schema.conversations.c.id)
        ).one()
    with db.writing() as conn:
        sent = create_one(
            conn,
            Changes(conn, sid),
            {"clientSubmissionId": "r1", "conversationId": conv, "body": "Hallo"},
        )
    return str(sent["id"])


def _status(db: Database, sub: str) -> tuple[str, str | None]:
    s = schema.submissions.c
    with db.reading() as conn:
        row = conn.execute(select(s.delivery_status, s.reject_reason).where(s.id == sub)).one()
    return row.delivery_status, row.reject_reason


def test_refused_reply_fails_with_a_notice(db: Database, mail_world: MailWorld) -> None:
    from mailservers import SmtpReceiver  # type: ignore[import-not-found]

    def refuse(envelope: Any) -> None:
        raise ValueError("sender not allowed")  # aiosmtpd answers 500

    refusing = SmtpReceiver.start(on_data=refuse)
    try:
        world = MailWorld(mail_world.dovecot, refusing, mail_world.address)
        world.connect(db)
        sub = _bridged_reply(db, world)
        assert send_once(db, "alice", world.secrets)[0] == 1
        status, reason = _status(db, sub)
        assert status == "failed" and reason and "smtpRejected" in reason
        assert count(db, schema.messages, notice="bounce") == 1
        assert send_once(db, "alice", world.secrets)[0] == 0  # never tried again
    finally:
        refusing.stop()


def test_drop_during_data_needs_attention_not_a_resend(db: Database, mail_world: MailWorld) -> None:
    from mailserver import CuttingProxy
    from mailservers import SmtpReceiver

    plain = SmtpReceiver.start()  # files nothing in Sent
    proxy = CuttingProxy(plain.port)
    try:
        world = MailWorld(mail_world.dovecot, plain, mail_world.address)
        world.connect(db)
        from relay.mailbridge.accounts import MailboxSettings, add_mailbox

        s = world.settings()
        add_mailbox(
            db,
            MailboxSettings(
                seller="alice",
                address=s.address,
                imap_url=s.imap_url,
                smtp_url=s.smtp_url.replace(f":{plain.port}", f":{proxy.port}"),
            ),
        )
        sub = _bridged_reply(db, world)
        proxy.client_marker = b"\r\n.\r\n"  # the end of the mail's data never arrives
        send_once(db, "alice", world.secrets)
        assert proxy.cuts == 1
        status, reason = _status(db, sub)
        assert status == "attention" and reason and "deliveryUnknown" in reason
        m = schema.messages.c
        with db.reading() as conn:  # and a notice in the conversation, as data
            said = conn.execute(select(m.notice, m.notice_params).where(m.notice == "attention"))
            assert [(n, json.loads(p)["code"]) for n, p in said] == [
                ("attention", "deliveryUnknown")
            ]
        proxy.client_marker = None
        assert send_once(db, "alice", world.secrets)[0] == 0  # not resent blindly
        assert plain.received == []
    finally:
        proxy.stop()
        plain.stop()


DAY = timedelta(days=1)


def _dated(raw: bytes, when: str) -> bytes:
    """A buyer mail with its own Date (buyer_mail writes one fixed Date)."""
    return raw.replace(b"Mon, 07 Dec 2026 01:00:00 +0000", when.encode(), 1)


SUMMARY = (
    schema.conversations.c.id,
    schema.conversations.c.awaiting_since,
    schema.conversations.c.message_count,
    schema.conversations.c.last_activity,
    schema.conversations.c.preview,
    schema.conversations.c.snoozed_at,
)


def _summaries(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.reading() as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(select(*SUMMARY)).all()}


def test_batch_summaries_equal_a_full_recount(
    db: Database, mail_world: MailWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch's shortcuts (a new conversation written with its summary, a later message
    counted without re-reading) leave what threads.refresh computes from the messages: later,
    earlier and same-time mails, across batch boundaries, and a snoozed conversation wakes."""
    from relay import threads
    from relay.mailbridge import fetch
    from relay.store import Changes

    monkeypatch.setattr(fetch, "BATCH_MAILS", 3)
    mail_world.connect(db)
    dates = [
        "Sun, 01 Nov 2026 10:00:00 +0000",
        "Sun, 01 Nov 2026 11:00:00 +0000",  # later: counted without a re-read
        "Sun, 01 Nov 2026 09:00:00 +0000",  # earlier: recounted
        "Sun, 01 Nov 2026 11:00:00 +0000",  # the same time: recounted
        "Sun, 01 Nov 2026 12:00:00 +0100",  # the same time again, in another zone
        "Sun, 01 Nov 2026 14:00:00 +0100",  # later: counted without a re-read
    ]
    mail_world.append(
        *(_dated(buyer_mail(f"Frage {i}"), d) for i, d in enumerate(dates)),
        _dated(buyer_mail("Andere", order="302-1234567-0000009"), dates[0]),
        _dated(buyer_mail("Ohne", base="zzzzzzzzzzzzzz1", order=None), dates[2]),
    )
    tally, failed = fetch_once(db, "alice", mail_world.secrets)
    assert failed == [] and (tally.buyer_messages, tally.new_conversations) == (8, 3)
    written = _summaries(db)
    with db.writing() as conn:
        sid = conn.execute(select(schema.conversations.c.seller_id)).scalars().first()
        ch = Changes(conn, sid)
        for conv in written:
            threads.refresh(conn, ch, conv)
        ch.flush()
    assert _summaries(db) == written
    assert sorted(s[1] for s in written.values()) == [1, 1, 6]
    # A snoozed conversation: the buyer's next mail wakes it (the shortcut steps aside).
    (busy,) = [c for c, s in written.items() if s[1] == 6]
    asleep = datetime(2026, 11, 1, 13, 0, tzinfo=UTC)
    with db.writing() as conn:
        c = schema.conversations.c
        conn.execute(
            schema.conversations.update()
            .where(c.id == busy)
            .values(snooze_kind="until", snoozed_at=asleep, snoozed_until=asleep + DAY * 30)
        )
    mail_world.append(_dated(buyer_mail("Noch da?"), "Mon, 02 Nov 2026 08:00:00 +0000"))
    tally, _ = fetch_once(db, "alice", mail_world.secrets)
    assert tally.buyer_messages == 1
    after = _summaries(db)[busy]
    assert after[1] == 7 and after[4] is None  # counted, awake
