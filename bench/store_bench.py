"""Local-store benchmarks at seller scale (issue 2). Prints figures; asserts nothing.

    uv run python bench/store_bench.py [--conversations 100000] [--messages 10] [--profile DIR]

Generates (or reuses) a profile of N conversations x M messages, then reports: generation
throughput, file size, thread pages (first, at depth 90% of the inbox, filtered), opening a
conversation of about 50 messages, one-word and order-number search, and launch to first
painted window / first inbox page (median of several cold-ish process starts).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from app.demodata.generator import generate
from app.domain import Buyer, ConversationStatus, Marketplace
from app.storage import queries, threads, writes
from app.storage.queries import ThreadFilter, ThreadSort
from app.storage.store import Store

REPEAT = 30


def timed(fn, repeat: int = REPEAT) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def line(label: str, median: float, p95: float, target: str = "") -> None:
    print(f"  {label:<46} median {median:8.2f} ms   p95 {p95:8.2f} ms   {target}")


def page_at_depth(store: Store, flt: ThreadFilter, depth: int):  # type: ignore[no-untyped-def]
    """The key of the row at ``depth``, found by walking pages once (setup, not timed)."""
    after = None
    seen = 0
    with store.read() as conn:
        while seen < depth:
            page = queries.thread_page(conn, flt, after, limit=min(1000, depth - seen))
            if not page:
                break
            seen += len(page)
            after = page[-1].key(flt.sort)
    return after


def add_long_conversation(store: Store) -> int:
    now = datetime.now(UTC)
    with store.write() as conn:
        writes.upsert_marketplace(conn, Marketplace("amazon.se", "Amazon.se", "SE"))
        buyer = writes.upsert_buyer(conn, Buyer("bench-long@m.example", "Bench", "sv"))
        cid = writes.insert_conversation(
            conn, marketplace_id="amazon.se", buyer_id=buyer, subject="Lång tråd", started_at=now
        )
        writes.insert_messages(
            conn,
            [
                {
                    "conversation_id": cid,
                    "direction": "in" if i % 2 else "out",
                    "subject": "Lång",
                    "body_text": "Hej! När kommer paketet? " * 20,
                    "received_at": now - timedelta(minutes=50 - i),
                }
                for i in range(50)
            ],
        )
        writes.refresh_threads(conn, [cid])
    return cid


def launch_times(profile: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    paint, ready = [], []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "app.cli", "--profile", str(profile), "--exit-after-paint"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        wall = (time.perf_counter() - t) * 1000
        figures = dict(ln.split(": ") for ln in proc.stdout.splitlines() if "-ms: " in ln)
        paint.append(float(figures["first-paint-ms"]))
        ready.append(float(figures["inbox-ready-ms"]))
        del wall
    return paint, ready


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conversations", type=int, default=100_000)
    ap.add_argument("--messages", type=float, default=10.0, help="per conversation, mean")
    ap.add_argument("--profile", type=Path, default=Path(__file__).parent / "out" / "profile")
    args = ap.parse_args()

    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"SQLite {__import__('sqlite3').sqlite_version}"
    )
    store = Store.open(args.profile)
    with store.read() as conn:
        have = queries.count_threads(conn, ThreadFilter())
    if have < args.conversations:
        report = generate(
            store, args.conversations - have, messages_per_conversation=args.messages, seed=42
        )
        print(
            f"generation: {report.conversations:,} conversations, {report.messages:,} "
            f"messages in {report.seconds:.1f} s = {report.messages_per_second:,.0f} msg/s "
            "(incl. FTS and trigram indexes)"
        )
    with store.read() as conn:
        n_conv = queries.count_threads(conn, ThreadFilter())
        n_msg = conn.exec_driver_sql("SELECT count(*) FROM messages").scalar()
    size = sum(p.stat().st_size for p in args.profile.glob("inbox.sqlite3*"))
    print(f"profile: {n_conv:,} conversations, {n_msg:,} messages, {size / 2**20:,.0f} MiB")
    long_id = add_long_conversation(store)

    print("thread list (keyset pages of 50, SQL only):")
    cases = [
        ("first page, all, by activity", ThreadFilter(), 0),
        ("page at depth 90k, all, by activity", ThreadFilter(), int(n_conv * 0.9)),
        (
            "first page, needs response, by deadline",
            ThreadFilter(status=ConversationStatus.NEEDS_RESPONSE, sort=ThreadSort.DEADLINE),
            0,
        ),
        (
            "first page, amazon.se, waiting on buyer",
            ThreadFilter(marketplace_id="amazon.se", status=ConversationStatus.WAITING_ON_BUYER),
            0,
        ),
        ("first page, flagged", ThreadFilter(flagged_only=True), 0),
    ]
    with store.read() as conn, store.read_sql() as db:
        for label, flt, depth in cases:
            after = page_at_depth(store, flt, depth) if depth else None
            med, p95 = timed(lambda flt=flt, after=after: queries.thread_page(conn, flt, after))
            line(label, med, p95, "(target <= 5 ms)")
            # The window's path: the same SQL on a plain sqlite3 reader (Store.read_sql).
            med, p95 = timed(lambda flt=flt, after=after: threads.page(db.execute, flt, after))
            line("  the same, window's plain sqlite3 reader", med, p95)
        med, p95 = timed(lambda: queries.conversation_messages(conn, long_id))
        line("open a conversation of 50 messages", med, p95, "(target <= 20 ms)")
        print("search, first 50 results (every match reachable page by page):")
        for label, typed in [
            ("one word, common ('paket')", "paket"),
            ("one word, rare ('spülmaschinenfest')", "spülmaschinenfest"),
            ("one word, folded ('ano' finds 'año')", "ano"),
            ("two words as typed ('wo bleibt')", "wo bleibt"),
            ("very common word ('the')", "the"),
            ("order-number substring ('4168')", "4168"),
        ]:
            med, p95 = timed(lambda typed=typed: queries.search_threads(conn, typed), repeat=15)
            line(label, med, p95, "(target <= 50 ms)")
        first = queries.search_threads(conn, "the")
        med, p95 = timed(lambda: queries.search_threads(conn, "the", after=first.more), repeat=15)
        line("  the next page of 'the'", med, p95)
        med, p95 = timed(lambda: queries.count_search(conn, "the"), repeat=5)
        n = queries.count_search(conn, "the")
        line(f"  counting all of 'the' ({n:,} conversations)", med, p95, "(only when shown)")
    store.close()

    paint, ready = launch_times(args.profile)
    print("launch (process start to ..., median of 5, offscreen):")
    print(
        f"  first painted window                            median {statistics.median(paint):6.0f} ms"
        f"   (target <= 1000 ms)"
    )
    print(
        f"  store open + first inbox page shown             median {statistics.median(ready):6.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
