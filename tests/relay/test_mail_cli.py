"""`seller-relay mailbox ...` as a seller runs it, and kill -9 of the bridge while it fetches and
while it sends (SELLER_RELAY_MAIL_KILLS kills per test, default 10; the documented run is 100):
no buyer message lost or duplicated, no reply sent twice."""

from __future__ import annotations

import os
import random
import stat
import subprocess
import sys
from collections import Counter
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from mailserver import MailWorld, buyer_mail
from mailservers import PASSWORD  # type: ignore[import-not-found]
from sqlalchemy import func, select

from relay import schema
from relay.api.submission import create_one
from relay.db import Database, open_database
from relay.mailbridge.bridge import fetch_once
from relay.store import Changes

KILLS = int(os.environ.get("SELLER_RELAY_MAIL_KILLS", "10"))


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SELLER_RELAY_MAIL_PASSWORD")}
    env["SELLER_RELAY_SECRETS_FILE"] = str(tmp_path / "secrets" / "mail-secrets.json")
    env["SELLER_RELAY_MAIL_PASSWORD"] = PASSWORD
    return env


def cli(db_url: str, env: dict[str, str], *args: str) -> list[str]:
    return [sys.executable, "-m", "relay.cli", "mailbox", *args, "--db", db_url]


def run(db_url: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli(db_url, env, *args), env=env, capture_output=True, text=True, timeout=120
    )


def test_add_list_fetch_remove(tmp_path: Path, mail_world: MailWorld) -> None:
    url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    env = cli_env(tmp_path)
    s = mail_world.settings()
    bad = run(
        url,
        env,
        "add",
        "--seller",
        "alice",
        "--address",
        s.address,
        "--imap-url",
        f"imap://{s.address}@imap.example.com",
        "--smtp-url",
        s.smtp_url,
    )
    assert bad.returncode == 1 and "loopback" in bad.stderr
    added_args = [
        "add",
        "--seller",
        "alice",
        "--address",
        s.address,
        "--imap-url",
        s.imap_url,
        "--smtp-url",
        s.smtp_url,
    ]
    added = run(url, env, *added_args)
    assert added.returncode == 0, added.stderr
    secrets = Path(env["SELLER_RELAY_SECRETS_FILE"])
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
    assert PASSWORD.encode() not in (tmp_path / "relay.sqlite3").read_bytes()
    mail_world.append(buyer_mail("Eins"), buyer_mail("Zwei", order="302-1234567-0000002"))
    fetched = run(url, env, "fetch", "--seller", "alice", "--once")
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout.strip().splitlines()[-1] == (
        "added 2 buyer messages, 0 notices, 2 new conversations"
    )
    again = run(url, env, "fetch", "--seller", "alice", "--once")
    assert again.stdout.strip().splitlines()[-1] == (
        "added 0 buyer messages, 0 notices, 0 new conversations"
    )
    listed = run(url, env, "list")
    assert f"alice\t{s.address}\tconnected\tlast fetch 20" in listed.stdout
    tested = run(url, env, "test", "--address", s.address)
    assert tested.returncode == 0, tested.stderr
    assert "imap ok" in tested.stdout and "IDLE" in tested.stdout and "smtp ok" in tested.stdout
    # which server's sender checks count: the one the newest mails name, once the seller says so
    assert "newest mails: mx.seller.example (2 mails)" in tested.stdout
    assert "--authserv-id" in tested.stdout
    named = [*added_args, "--authserv-id", "mx.seller.example"]
    assert run(url, env, *named).returncode == 0
    tested = run(url, env, "test", "--address", s.address)
    assert "only mx.seller.example's count" in tested.stdout
    refused = run(url, env, *added_args, "--authserv-id", "mx; dmarc=pass")
    assert refused.returncode == 1 and "authserv_id" in refused.stderr
    assert run(url, env, "remove", "--address", s.address).returncode == 0
    assert s.address not in secrets.read_text()
    assert run(url, env, "list").stdout == ""


def notice_mail(i: int) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = "Amazon.de <seller-notification@amazon.de>"
    msg["To"] = "support@seller.example"
    msg["Subject"] = f"Ihre Auszahlung {i} wurde veranlasst"
    msg["Date"] = "Mon, 07 Dec 2026 01:00:00 +0000"
    msg["Message-ID"] = f"<notice-{i}@amazon.de>"
    msg["Authentication-Results"] = (
        "mx.seller.example; dkim=pass header.d=amazon.de; dmarc=pass header.from=amazon.de"
    )
    msg.set_content(f"Auszahlung {i}.")
    return msg.as_bytes()


def without_message_id(raw: bytes) -> bytes:
    msg = message_from_bytes(raw, policy=policy.SMTP)
    del msg["Message-ID"]
    return msg.as_bytes()


def kill_after(cmd: list[str], env: dict[str, str], seconds: float) -> None:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()  # SIGKILL: no cleanup, no rollback by us
        proc.wait(timeout=30)


@pytest.mark.slow
def test_kill_while_fetching(db_url: str, tmp_path: Path, mail_world: MailWorld) -> None:
    db = open_database(db_url)
    mail_world.connect(db)
    buyers = [
        buyer_mail(f"Frage {i}", base=f"b{i % 7:014d}", order=f"302-1234567-{i % 23:07d}")
        for i in range(120)
    ]
    bare = [without_message_id(buyer_mail(f"Ohne Kennung {i}", order=None)) for i in range(10)]
    notices = [notice_mail(i) for i in range(10)]
    mail_world.append(*buyers[:60], *bare, *notices, *buyers[60:], *buyers[:10])  # 10 again
    env = cli_env(tmp_path) | {"SELLER_RELAY_MAIL_BATCH": "7"}
    cmd = cli(db_url, env, "fetch", "--seller", "alice", "--once")
    rng = random.Random(11)
    for _ in range(KILLS):
        kill_after(cmd, env, rng.uniform(0.3, 2.5))
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with db.reading() as conn:
        m = schema.messages.c
        texts = conn.execute(select(m.body_text).where(m.direction == "in")).scalars().all()
        lane = conn.execute(select(func.count()).select_from(schema.mail_notices)).scalar()
        seen = conn.execute(select(func.count()).select_from(schema.mail_seen)).scalar()
    db.dispose()
    want = [f"Frage {i}" for i in range(120)] + [f"Ohne Kennung {i}" for i in range(10)]
    assert sorted(texts) == sorted(want)  # none lost, none twice
    assert (lane, seen) == (10, 140)


def _queue_replies(db: Database, n: int) -> list[str]:
    with db.reading() as conn:
        sid, conv = conn.execute(
            select(schema.conversations.c.seller_id, schema.conversations.c.id)
        ).one()
    ids = []
    for i in range(n):
        with db.writing() as conn:
            sent = create_one(
                conn,
                Changes(conn, sid),
                {
                    "clientSubmissionId": f"reply-{i}",
                    "conversationId": conv,
                    "body": f"Antwort {i}",
                    "contactReason": "other",
                },
            )
        assert sent["deliveryStatus"] == "queued"
        ids.append(sent["id"])
    return ids


@pytest.mark.slow
def test_kill_while_sending(db_url: str, tmp_path: Path, mail_world: MailWorld) -> None:
    db = open_database(db_url)
    mail_world.connect(db)
    mail_world.append(buyer_mail("Wann kommt es?"))
    fetch_once(db, "alice", mail_world.secrets)
    subs = _queue_replies(db, 25)
    env = cli_env(tmp_path)
    cmd = cli(db_url, env, "send", "--seller", "alice", "--once")
    rng = random.Random(12)
    for _ in range(KILLS):
        kill_after(cmd, env, rng.uniform(0.3, 2.0))
    for _ in range(3):  # settle what the kills left
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    received = Counter(m["Message-ID"].strip() for m in mail_world.sent_mail())
    assert all(n == 1 for n in received.values()), received  # no reply sent twice
    with db.reading() as conn:
        o, s = schema.mail_outbox.c, schema.submissions.c
        rows = conn.execute(
            select(o.message_id, s.delivery_status).join(
                schema.submissions, (s.seller_id == o.seller_id) & (s.id == o.submission_id)
            )
        ).all()
    db.dispose()
    assert len(rows) == len(subs)
    for mid, status in rows:
        assert status in ("delivered", "attention"), status
        if status == "delivered":
            assert received[f"<{mid}>"] == 1
    delivered = sum(status == "delivered" for _, status in rows)
    assert delivered >= len(subs) - KILLS  # at most one in doubt per kill
