"""Search against a peer: notmuch (Xapian) on the same messages (issue 16). Prints figures.

    uv run python bench/search_peer.py --profile DIR [--conversations 20000] [--notmuch DIR]
        [--repeat 21]

Builds (or reuses) our profile, writes its messages into a maildir (one thread per
conversation, one folder per marketplace) and indexes it with ``notmuch new``, then times both
sides on the same query set: the first 50 conversations, newest first, warm. Ours runs
in-process on the window's plain sqlite3 reader (``threads.search``, as the search box does);
notmuch runs through its Python bindings in a worker process on the system Python (Debian's
``python3-notmuch2`` is built for it), which times each query itself, so the pipe is not
counted. Queries alternate side by side, one at a time, and each figure is the median of
``--repeat`` runs. Needs Debian's ``notmuch`` and ``python3-notmuch2``; skips with a message
when they are missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
FIRST = 50

# (class, what the seller types, the notmuch query for the same question, marketplace)
# notmuch cannot fold accents or match order-number substrings: it gets the accented word,
# and the order-number query is timed for ours alone.
QUERIES: list[tuple[str, str, str | None, str | None]] = [
    ("rare word", "spülmaschinenfest", "spülmaschinenfest", None),
    ("common word", "paket", "paket", None),
    ("common word", "return", "return", None),
    ("very common word", "the", "the", None),
    ("two words", "wo bleibt", "wo and bleibt", None),
    ("prefix while typing", "wo", "wo*", None),
    ("accent-free word", "ano", "año", None),
    ("marketplace filter", "paket", "folder:amazon.de and paket", "amazon.de"),
    ("order-number substring", "4168", None, None),
]
"""Ours reads the last word as a prefix (search as you type, "paket" also finds "paketet");
notmuch gets the plain word, its cheaper query, except in the prefix class."""

# The worker: notmuch2 only, on the system Python. Reads one JSON query per line, answers the
# milliseconds to the first 50 threads (id, subject, authors, newest date, matched count).
WORKER = r"""
import json, sys, time
import notmuch2
db = notmuch2.Database(sys.argv[1], config=notmuch2.Database.CONFIG.EMPTY)
for line in sys.stdin:
    query = json.loads(line)
    t = time.perf_counter()
    rows = []
    for thread in db.threads(query, sort=notmuch2.Database.SORT.NEWEST_FIRST):
        rows.append((thread.threadid, thread.subject, thread.authors, thread.last, thread.matched))
        if len(rows) == 50:
            break
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps([ms, len(rows)]), flush=True)
"""


def notmuch_missing() -> str | None:
    if shutil.which("notmuch") is None:
        return "the notmuch command is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import notmuch2"], capture_output=True)
    if probe.returncode != 0:
        return "the notmuch2 Python bindings are not installed for the system Python"
    return None


def email_text(row: sqlite3.Row) -> bytes:
    at = datetime.fromtimestamp(row["received_at"] / 1000, UTC)
    sender = (
        f"{row['display_name']} <b{row['buyer_id']}@buyers.bench.example>"
        if row["direction"] == "in"
        else "Seller <seller@bench.example>"
    )
    head = (
        f"From: {sender}\nTo: shop@bench.example\nSubject: {row['subject']}\n"
        f"Date: {format_datetime(at)}\nMessage-ID: <m{row['id']}@bench.example>\n"
        f"References: <c{row['conversation_id']}@bench.example>\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
    )
    return (head + row["body_text"] + "\n").encode()


def build_notmuch(database: Path, target: Path) -> None:
    """One maildir file per message, threaded per conversation, indexed by ``notmuch new``."""
    marker = target / "built.json"
    src = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    src.row_factory = sqlite3.Row
    count = src.execute("SELECT count(*) FROM messages").fetchone()[0]
    if marker.exists() and json.loads(marker.read_text()).get("messages") == count:
        print(f"notmuch: reusing {target} ({count:,} messages)")
        return
    shutil.rmtree(target, ignore_errors=True)
    mail = target / "mail"
    t = time.perf_counter()
    rows = src.execute(
        "SELECT m.id, m.conversation_id, m.direction, m.subject, m.body_text, m.received_at, "
        "c.marketplace_id, c.buyer_id, b.display_name FROM messages m "
        "JOIN conversations c ON c.id = m.conversation_id JOIN buyers b ON b.id = c.buyer_id"
    )
    folders: set[str] = set()
    for row in rows:
        folder = mail / row["marketplace_id"] / "cur"
        if row["marketplace_id"] not in folders:
            for sub in ("cur", "new", "tmp"):
                (folder.parent / sub).mkdir(parents=True, exist_ok=True)
            folders.add(row["marketplace_id"])
        (folder / f"m{row['id']}:2,S").write_bytes(email_text(row))
    src.close()
    config = target / "config"
    config.write_text(
        f"[database]\npath={mail}\n[new]\ntags=\nignore=\n[search]\nexclude_tags=\n"
        "[maildir]\nsynchronize_flags=false\n"
    )
    written = time.perf_counter() - t
    env = {**os.environ, "NOTMUCH_CONFIG": str(config)}
    subprocess.run(["notmuch", "new", "--quiet"], env=env, check=True)
    indexed = time.perf_counter() - t - written
    marker.write_text(json.dumps({"messages": count}))
    print(f"notmuch: {count:,} messages written in {written:.0f} s, indexed in {indexed:.0f} s")


class Peer:
    """The notmuch worker process: one query in, its time to the first 50 threads out."""

    def __init__(self, mail: Path) -> None:
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, "-c", WORKER, str(mail)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def time(self, query: str) -> tuple[float, int]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(query) + "\n")
        self.proc.stdin.flush()
        ms, n = json.loads(self.proc.stdout.readline())
        return float(ms), int(n)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def size_of(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", type=Path, required=True)
    ap.add_argument("--conversations", type=int, default=20_000)
    ap.add_argument("--notmuch", type=Path, help="where the maildir and notmuch index go")
    ap.add_argument("--repeat", type=int, default=21)
    args = ap.parse_args()

    missing = notmuch_missing()
    if missing:
        print(f"search_peer: skipped: {missing} (Debian: apt-get install notmuch python3-notmuch2)")
        return 0

    sys.path.insert(0, str(ROOT))
    from app.demodata.generator import generate
    from app.storage import threads
    from app.storage.rows import ThreadFilter
    from app.storage.store import Store

    store = Store.open(args.profile)
    with store.read_sql() as db:
        have = threads.count(db.execute, ThreadFilter())
    if have < args.conversations:
        generate(store, args.conversations - have, messages_per_conversation=10.0, seed=42)
    nm_dir = args.notmuch or args.profile.parent / f"{args.profile.name}-notmuch"
    build_notmuch(store.profile.database, nm_dir)
    load = os.getloadavg()
    with store.read_sql() as db:
        n_msg = db.execute("SELECT count(*) FROM messages").fetchone()[0]
        ours_mib = sum(p.stat().st_size for p in args.profile.glob("inbox.sqlite3*")) / 2**20
        print(
            f"corpus: {n_msg:,} messages; ours {ours_mib:,.0f} MiB (whole store), notmuch "
            f"index {size_of(nm_dir / 'mail' / '.notmuch'):,.0f} MiB; load average "
            f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
        )
        peer = Peer(nm_dir / "mail")
        try:
            print(f"first {FIRST} conversations newest first, warm, median of {args.repeat}:")
            print(f"  {'class':<24} {'query':<20} {'ours ms':>9} {'notmuch ms':>11} {'ratio':>7}")
            for label, typed, nm_query, marketplace in QUERIES:
                ours_ms: list[float] = []
                peer_ms: list[float] = []
                found = threads.search(db.execute, typed, FIRST, marketplace)
                got = peer.time(nm_query)[1] if nm_query else 0  # warm-up, both sides
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    threads.search(db.execute, typed, FIRST, marketplace)
                    ours_ms.append((time.perf_counter() - t) * 1000)
                    if nm_query:
                        peer_ms.append(peer.time(nm_query)[0])
                ours = statistics.median(ours_ms)
                shown = f"{typed!r}" + (f" in {marketplace}" if marketplace else "")
                if nm_query:
                    theirs = statistics.median(peer_ms)
                    print(
                        f"  {label:<24} {shown:<20} {ours:9.2f} {theirs:11.2f} "
                        f"{ours / theirs:6.2f}x   ({len(found.rows)} / {got} threads)"
                    )
                else:
                    print(f"  {label:<24} {shown:<20} {ours:9.2f} {'-':>11} {'-':>7}")
        finally:
            peer.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
