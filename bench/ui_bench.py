"""Window speed at seller scale (issue 6). Prints one line per figure; asserts nothing.

    uv run seller-inbox generate --profile DIR --conversations 100000 --messages-per-conversation 10
    uv run python bench/ui_bench.py --profile DIR [--launches 7] [--sync-conversations 1000
        --sync-messages 5000] [--skip-sync]

1. Launch (a subprocess per run, warm file cache): first paint and first inbox page painted.
2. In-process, offscreen, the real window and its ``Session`` opened on the profile (the same
   code paths as the app: pages through ``Inbox.page``, conversations through
   ``CurrentConversation.open``, search through the search box and ``Session.search``):
   - scrolling: a frame is a scroll step of 156 rows (pages load on most frames) plus the
     repaint and the events it causes;
   - opening a conversation; keystroke to updated warnings (2 KB draft);
   - search as you type: a key typed into the search box until its results are in the list
     (debounce, search off the GUI thread, list reset and repaint included);
3. Sync: a relay (``relay.bulk_seed`` + ``seller-relay serve``) with a few thousand messages,
   synced into a copy of the profile by the window's live services, while a 1 ms QTimer
   probe records the gaps between event-loop iterations on the GUI thread (a slice over
   50 ms is a visible stall).

The machine is shared: every timed part runs several times; medians, p95 and max are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(len(xs) * 0.95) - 1)]


def pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(len(xs) * q))]


def summary(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.1f} ms, p95 {p95(xs):.1f} ms, max {max(xs):.1f} ms"


def launch(profile: Path) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--profile", str(profile), "--exit-after-paint"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    vals = dict(line.split(": ") for line in out.splitlines() if ": " in line)
    return int(vals["first-paint-ms"]), int(vals["inbox-ready-ms"])


def launches(profile: Path, runs: int) -> None:
    launch(profile)  # warm the file cache
    paints, readies = [], []
    for _ in range(runs):
        paint, ready = launch(profile)
        paints.append(paint)
        readies.append(ready)
    print(
        f"launch ({runs} runs, warm): first paint median {statistics.median(paints):.0f} ms "
        f"(min {min(paints)}, max {max(paints)}); first inbox page median "
        f"{statistics.median(readies):.0f} ms (min {min(readies)}, max {max(readies)}); "
        f"page after paint median {statistics.median(r - p for p, r in zip(paints, readies, strict=True)):.0f} ms"
    )


class StallProbe:
    """Gaps between event-loop iterations on the GUI thread: a 1 ms precise timer records
    the time between its ticks; anything the loop runs in between shows up as a long gap."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self.gc_pauses: list[float] = []  # cyclic GC passes (any thread: they hold the GIL)
        self._gc_start = 0.0
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    def _gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.gc_pauses.append((time.perf_counter() - self._gc_start) * 1000)

    def start(self) -> None:
        self.gaps.clear()
        self.gc_pauses.clear()
        self._last = 0.0
        gc.callbacks.append(self._gc)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.callbacks.remove(self._gc)


async def settle() -> None:
    """Let the Qt loop run what is pending (posted events, zero timers) from inside a task:
    under qasync, processEvents() here would step other tasks re-entrantly."""
    for _ in range(2):
        await asyncio.sleep(0)


async def until(cond: Callable[[], Any], budget: float = 30.0) -> None:
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > budget:
            raise TimeoutError("bench: condition not met")
        await asyncio.sleep(0.001)


async def open_session(profile: Path) -> Any:
    from app.storage.lock import ProfileLock
    from app.ui.app import LaunchOptions
    from app.ui.main_window import MainWindow
    from app.ui.session import Session

    lock = ProfileLock(profile / "profile.lock")
    lock.acquire()
    window = MainWindow()
    window.resize(1280, 800)
    session = Session(window, LaunchOptions(profile=profile), lock)
    window.show()
    await session.open_store()
    return session


async def close_session(session: Any) -> None:
    await session.aclose()
    session.close()
    session.window.deleteLater()


async def in_window(profile: Path, rounds: int, search_only: bool = False) -> None:
    from app.policy import PolicyContext, load_pack
    from app.storage import queries
    from app.storage.drafts import DraftData

    session = await open_session(profile)
    if search_only:
        await search_as_you_type(session, rounds)
        await close_session(session)
        return
    w = session.window
    store = session.store
    # Only APIs older builds have too (queries, store.read), so the bench runs on them.
    with store.read() as conn:
        total = queries.count_threads(conn, queries.ThreadFilter())

    frames: list[float] = []
    for _ in range(rounds):
        w.show_threads(session.inbox.page)
        await settle()
        bar = w.threads.verticalScrollBar()
        for _ in range(400):
            t = time.perf_counter()
            bar.setValue(bar.value() + 3 * w.threads.verticalHeader().defaultSectionSize())
            w.threads.viewport().repaint()
            await settle()  # the relayout and repaint the inserted page causes
            frames.append((time.perf_counter() - t) * 1000)
    print(
        f"scroll ({total:,} conversations, {w.model.rowCount():,} rows paged in, "
        f"{len(frames)} frames): {summary(frames)}"
    )

    opens: list[float] = []
    for _ in range(rounds):
        for i in range(0, 200, 4):
            row = w.model.thread_at(i)
            assert row is not None
            t = time.perf_counter()
            session.current.open(row.id)
            w.conversation.repaint()
            w.details.repaint()
            opens.append((time.perf_counter() - t) * 1000)
            await settle()  # the reply draft it opens loads on the worker
    print(f"open conversation ({len(opens)} opens): {summary(opens)}")

    w.composer.open_draft(
        DraftData(key="conv:1", conversation_id=1),
        PolicyContext(pack=load_pack("amazon.com"), buyer_initiated=True),
    )
    text = (
        "Thanks for your order! The parcel left our warehouse today and should arrive soon. " * 24
    )[:2000]
    keys: list[float] = []
    for _ in range(rounds):
        w.composer.body.setPlainText(text)
        for ch in "Write to me at seller@example.com or call for a discount":
            t = time.perf_counter()
            w.composer.body.insertPlainText(ch)
            keys.append((time.perf_counter() - t) * 1000)
    print(
        f"keystroke to warnings (2 KB draft, {len(keys)} keys): {summary(keys)}, "
        f"{len(w.composer.findings)} findings"
    )

    await search_as_you_type(session, rounds)
    await close_session(session)


async def search_as_you_type(session: Any, rounds: int) -> None:
    """Type each query key by key, pausing after each until its results are in the list;
    a latency runs from the key to the list reset with the right rows, painted."""
    from app.storage import queries

    w = session.window
    typed_queries = ("where is", "bestell", "paket", "ano", "123-45", "the")
    want: dict[str, list[int]] = {}
    with session.store.read() as conn:
        for q in typed_queries:
            for n in range(1, len(q) + 1):
                want[q[:n]] = [r.id for r in queries.search_threads(conn, q[:n]).rows]
    resets: list[float] = []
    w.model.modelReset.connect(lambda: resets.append(time.perf_counter()))

    def shown() -> list[int]:
        return [r.id for i in range(w.model.rowCount()) if (r := w.model.thread_at(i))]

    latencies: list[float] = []
    per_key: list[tuple[float, int, str]] = []  # (ms, round, what the box held)
    cpu = time.process_time()  # every thread's: the searches, the counts, the window
    for rnd in range(1, rounds + 1):
        for q in typed_queries:
            w.search.clear()
            await until(lambda: not w.search.text() and w.model.rowCount() > 0)
            await asyncio.sleep(0.1)
            for ch in q:
                typed = w.search.text() + ch
                resets.clear()
                t = time.perf_counter()
                w.search.insert(ch)
                if not typed.strip():
                    continue  # a space: the same search
                expected = want[typed]
                await until(lambda expected=expected: bool(resets) and shown() == expected)  # type: ignore[misc]
                w.threads.viewport().repaint()
                latencies.append((time.perf_counter() - t) * 1000)
                per_key.append((latencies[-1], rnd, typed))
    w.search.clear()
    cpu = time.process_time() - cpu
    print(
        f"search as you type ({len(latencies)} keys, debounce included): {summary(latencies)}; "
        f"process CPU {cpu:.2f} s"
    )
    slowest = sorted(per_key, reverse=True)[:8]
    print("  slowest keys: " + ", ".join(f"{k!r} {ms:.1f} ms (round {r})" for ms, r, k in slowest))


async def sync_probe(profile: Path, conversations: int, messages: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from sync_bench import RelayProcess, _seed  # the relay set-up the sync bench uses

    from relay import auth
    from relay.db import open_database

    tmp = Path(tempfile.mkdtemp(prefix="ui-bench-sync-"))
    try:
        copy = tmp / "profile"
        copy.mkdir()
        shutil.copy(
            profile / "inbox.sqlite3", copy / "inbox.sqlite3"
        )  # the seller's file stays as it is
        relay_db = tmp / "relay.sqlite3"
        _seed(relay_db, conversations, messages)
        db = open_database(str(relay_db))
        token = auth.create_token(db, "demo", "ui bench")
        db.dispose()
        relay = RelayProcess(relay_db)
        try:
            relay.wait_ready(token)
            session = await open_session(copy)
            probe = StallProbe()
            synced: list[Any] = []
            probe.start()
            session.account.start_live(relay.url, token, session_only=True)

            session.ops.subscribe(
                lambda changes: synced.append(changes) if changes.synced else None
            )
            t = time.perf_counter()
            await until(
                lambda: any(c.any_conversation for c in synced) and session.first_sync.done(), 300
            )
            # Sync goes on page by page; wait for the store to hold every message.
            await until(lambda: _local_messages(session) >= messages, 600)
            took = time.perf_counter() - t
            await asyncio.sleep(0.5)
            probe.stop()
            gaps = probe.gaps
            print(
                f"sync of {conversations:,} conversations / {messages:,} messages into the "
                f"100k profile with the window open ({took:.1f} s, {len(synced)} sync rounds): "
                f"GUI-thread gaps max {max(gaps):.1f} ms, p99 {pct(gaps, 0.99):.1f} ms, "
                f"over 50 ms: {sum(g > 50 for g in gaps)} of {len(gaps)}; longest GC pass "
                f"{max(probe.gc_pauses, default=0):.1f} ms"
            )
            await close_session(session)
        finally:
            relay.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _local_messages(session: Any) -> int:
    with session.store.read() as conn:
        sql = "SELECT count(*) FROM messages WHERE relay_id IS NOT NULL"
        return int(conn.exec_driver_sql(sql).scalar() or 0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", type=Path, required=True)
    ap.add_argument("--launches", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3, help="repeats of each in-window part")
    ap.add_argument("--sync-conversations", type=int, default=1000)
    ap.add_argument("--sync-messages", type=int, default=5000)
    ap.add_argument("--skip-launch", action="store_true")
    ap.add_argument("--skip-sync", action="store_true")
    ap.add_argument("--search-only", action="store_true", help="of the in-window parts")
    args = ap.parse_args()
    if sys.dont_write_bytecode:
        print(
            "note: PYTHONDONTWRITEBYTECODE is set, so every import compiles from source "
            "(an installed app has .pyc files): launch and first-use figures are pessimistic"
        )
    if not args.skip_launch:
        launches(args.profile, args.launches)

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(in_window(args.profile, args.rounds, args.search_only))
        if not args.skip_sync:
            loop.run_until_complete(
                sync_probe(args.profile, args.sync_conversations, args.sync_messages)
            )


if __name__ == "__main__":
    main()
