"""Revision 0008: the thread list's preview of a relay notice carries its code, and notices
stored before codes existed (before revision 0005) get theirs back from the relay's English."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.storage import migrate, threads
from app.storage.store import Store

GOLDEN = Path(__file__).parents[1] / "fixtures" / "golden"
OPTED_OUT = (
    "Your message was not delivered: this buyer has opted out of unsolicited messages. "
    "Replies in a conversation the buyer started, critical messages marked [Important], and "
    "messages about handmade, custom or wine orders still reach them."
)
REMOVED = (
    "The relay removed attachments that do not comply with the marketplace's rules:\n"
    "- setup.exe: file type application/x-msdownload is not allowed\n"
    "- big: scan.pdf: over the 7 MB limit per message"
)
UNKNOWN = "The relay says something this build has never heard of."


def migration() -> ModuleType:
    path = migrate.MIGRATIONS_DIR / "versions" / "0008_preview_notices.py"
    spec = importlib.util.spec_from_file_location("preview_notices_0008", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def add_message(db: sqlite3.Connection, conversation_id: int, direction: str, text: str) -> int:
    """A message after every other one, as a client of that revision synced it."""
    at = db.execute("SELECT max(received_at) FROM messages").fetchone()[0] + 60_000
    cur = db.execute(
        "INSERT INTO messages (conversation_id, direction, subject, body_text, received_at, "
        "keywords) VALUES (?, ?, 'Not delivered', ?, ?, '')",
        (conversation_id, direction, text, at),
    )
    db.execute(
        "UPDATE conversations SET last_activity = ?, preview = ? WHERE id = ?",
        (at, " ".join(text.split())[:140], conversation_id),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def test_an_old_profiles_notices_get_their_codes_and_the_list_its_preview(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    shutil.copy(GOLDEN / "schema-0004.sqlite3", profile / "inbox.sqlite3")  # before codes
    with sqlite3.connect(profile / "inbox.sqlite3") as db:
        opted = add_message(db, 1, "system", OPTED_OUT)  # last in its conversation
        unknown = add_message(db, 2, "system", UNKNOWN)  # last, but no template matches
        removed = add_message(db, 3, "system", REMOVED)
        add_message(db, 3, "in", "Did you get my photos?")  # a buyer message after the notice
    store = Store.open(profile)
    try:
        with store.read() as conn:
            notices = dict(
                conn.exec_driver_sql(
                    "SELECT id, notice FROM messages WHERE direction = 'system'"
                ).fetchall()
            )
            assert json.loads(notices[opted]) == {"code": "buyerOptedOut", "params": {}}
            assert notices[unknown] is None  # stays English, as before
            assert json.loads(notices[removed]) == {
                "code": "attachmentsRemoved",
                "params": {
                    "files": [
                        {"name": "setup.exe", "type": "application/x-msdownload", "reason": "type"},
                        {"name": "big: scan.pdf", "reason": "size"},
                    ],
                    "maxBytes": 7 * 1024 * 1024,
                },
            }
        with store.read_sql() as db:
            rows = {r.id: r for r in threads.by_ids(db.execute, [1, 2, 3])}
    finally:
        store.close()
    assert rows[1].preview_notice == {"code": "buyerOptedOut", "params": {}}
    assert rows[1].preview.startswith("Your message was not delivered")
    assert rows[2].preview_notice is None and rows[2].preview.startswith("The relay says")
    assert rows[3].preview_notice is None and rows[3].preview == "Did you get my photos?"


def test_a_notice_with_its_code_gives_the_preview_its_code_on_upgrade(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    shutil.copy(GOLDEN / "schema-0007.sqlite3", profile / "inbox.sqlite3")
    code = {"code": "delayed", "params": {"status": "4.4.1"}}
    with sqlite3.connect(profile / "inbox.sqlite3") as db:
        mid = add_message(db, 5, "system", "Words a newer relay chose.")
        db.execute("UPDATE messages SET notice = ? WHERE id = ?", (json.dumps(code), mid))
    store = Store.open(profile)
    try:
        with store.read_sql() as db:
            [row] = threads.by_ids(db.execute, [5])
    finally:
        store.close()
    assert row.preview_notice == code


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        (OPTED_OUT, "buyerOptedOut", {}),
        (
            "The marketplace did not deliver your reply (5.1.1). The buyer may have opted out "
            "of messages; replies in a conversation the buyer started and critical messages "
            "marked [Important] still reach them.",
            "notDelivered",
            {"status": "5.1.1"},
        ),
        (
            "The marketplace did not deliver your reply. The buyer may have opted out of "
            "messages; replies in a conversation the buyer started and critical messages "
            "marked [Important] still reach them.",
            "notDelivered",
            {},
        ),
        (
            "Your mail server could not deliver your reply (5.7.1). If it says the sender is "
            "not allowed, add your address under Messaging Permissions in Seller Central.",
            "deliveryReport",
            {"status": "5.7.1"},
        ),
        (
            "Your mail server refused your reply (550 5.7.1 Sender (x) not allowed). If it "
            "says the sender is not allowed, check the address you send from.",
            "smtpRejected",
            {"status": "550", "description": "5.7.1 Sender (x) not allowed"},
        ),
        (
            "Your mail server reports a delay (4.4.7) and keeps trying to deliver your reply. "
            "Nothing to do yet; a later report will say if it fails.",
            "delayed",
            {"status": "4.4.7"},
        ),
        (
            "The connection to your mail server broke while this reply was being handed over, "
            "and no copy is in your Sent folder: check your mail program before sending it "
            "again.",
            "deliveryUnknown",
            {},
        ),
        (
            "This mail claims to come from the marketplace, but your mail server's sender "
            "checks (SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or "
            "attachments, and check the conversation in Seller Central before you answer.",
            "untrusted",
            {},
        ),
        (
            "This mail was too large to import whole (over 25 MB): its text is shown as far as "
            "it was read, its attachments were not imported. Open it in your mail program.",
            "tooLarge",
            {},
        ),
    ],
)
def test_each_relay_template_is_recognised(text: str, code: str, params: dict[str, Any]) -> None:
    assert migration().recover(text) == {"code": code, "params": params}


@pytest.mark.parametrize(
    "text",
    [
        UNKNOWN,
        OPTED_OUT + " And one more sentence.",
        "The relay removed attachments that do not comply with the marketplace's rules:",
        REMOVED + "\nsomething else",
        "Your mail server reports a delay and keeps trying to deliver your reply.",
    ],
)
def test_anything_else_keeps_its_text(text: str) -> None:
    assert migration().recover(text) is None


def test_the_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from app.storage.engine import make_engine

    profile = tmp_path / "p"
    profile.mkdir()
    shutil.copy(GOLDEN / "schema-0007.sqlite3", profile / "inbox.sqlite3")
    with sqlite3.connect(profile / "inbox.sqlite3") as db:
        add_message(db, 5, "system", OPTED_OUT)
    Store.open(profile).close()
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    engine = make_engine(profile / "inbox.sqlite3")
    try:
        for target, want in (("0007", None), ("0008", '{"code": "buyerOptedOut"')):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                (command.downgrade if target == "0007" else command.upgrade)(cfg, target)
            with engine.connect() as conn:
                columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(conversations)")]
                assert ("preview_notice" in columns) == (want is not None)
                if want:
                    got = conn.exec_driver_sql(
                        "SELECT preview_notice FROM conversations WHERE id = 5"
                    ).scalar()
                    assert got.startswith(want)
                conn.exec_driver_sql(
                    "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"
                )
    finally:
        engine.dispose()
