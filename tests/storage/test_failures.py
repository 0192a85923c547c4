"""A full disk and a killed process: clear errors, nothing half-written, no corruption."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.demodata.generator import generate
from app.storage.errors import DiskFull
from app.storage.store import Store

KILL_ROUNDS = int(os.environ.get("SELLER_INBOX_KILL_ROUNDS", "100"))


def test_a_full_disk_is_reported_and_loses_nothing_already_stored(tinyfs) -> None:  # type: ignore[no-untyped-def]
    fs = tinyfs.make("3m")
    store = Store.open(fs / "p")
    try:
        generate(store, 20, seed=1)
        with store.read() as conn:
            kept = conn.exec_driver_sql("SELECT count(*) FROM messages").scalar()
        with pytest.raises(DiskFull, match=r"disk .* is full"):
            generate(store, 50_000, seed=2)  # far more than 3 MB
        with store.read() as conn:
            after = conn.exec_driver_sql("SELECT count(*) FROM messages").scalar()
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # Whole batches only: the failing transaction left nothing behind.
        assert after >= kept
    finally:
        store.close()
    reopened = Store.open(fs / "p")
    reopened.close()


_WRITER = textwrap.dedent(
    """
    import sys, random
    from datetime import UTC, datetime, timedelta
    from app.storage.store import Store
    from app.storage import writes
    from app.domain import Buyer, Marketplace
    store = Store.open(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    with store.write() as conn:
        writes.upsert_marketplace(conn, Marketplace("amazon.se", "Amazon.se", "SE"))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        with store.write() as conn:
            b = writes.upsert_buyer(conn, Buyer(f"k{sys.argv[2]}-{n}@m.example", "Åsa", "sv"))
            cid = writes.insert_conversation(
                conn, marketplace_id="amazon.se", buyer_id=b, subject="Hej",
                started_at=datetime.now(UTC))
            writes.insert_messages(conn, [
                {"conversation_id": cid, "direction": "in", "subject": "Hej",
                 "body_text": "När får jag mitt paket? " * rng.randint(1, 200),
                 "received_at": datetime.now(UTC) - timedelta(minutes=i)}
                for i in range(rng.randint(1, 30))])
            writes.refresh_threads(conn, [cid])
    """
)


def test_kill_9_mid_write_never_corrupts_the_store(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    Store.open(profile).close()
    rng = random.Random(1234)
    for round_no in range(KILL_ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(profile), str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    with sqlite3.connect(profile / "inbox.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # Every conversation committed came with its messages and its summary (one transaction).
        orphans = db.execute(
            "SELECT count(*) FROM conversations c WHERE message_count = 0 "
            "OR message_count != (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)"
        ).fetchone()[0]
        assert orphans == 0
        db.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
    # ...and the app still opens it.
    Store.open(profile).close()
