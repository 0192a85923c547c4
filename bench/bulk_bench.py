"""Bulk triage at seller scale (issue 17). Prints figures; asserts nothing.

    uv run python bench/bulk_bench.py [--conversations 100000] [--profile DIR]
    uv run python bench/bulk_bench.py --search order [--search paket ...]  (only Ctrl+A in a search)

On a generated profile (every message given a relay id, as after a sync) it marks every
conversation of the inbox read through `app.services.bulk` (Ctrl+A, "Mark read"), undoes it,
snoozes them all and undoes that; for each: the time, the chunks' median and slowest
transaction, and the slowest thread-list page read by another thread meanwhile (the window
reads pages while an action runs). Also how many relay requests the queue takes.

With ``--search``: only what Ctrl+A in a search costs, the ids of every result
(``threads.search_ids``, as ``Bulk.resolve`` reads them when an action starts and the pane
counts them) beside ``threads.search_count`` (the count the window already shows): medians of
five runs each.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).parents[1]))

from app.demodata.generator import generate
from app.domain import Keyword
from app.domain.snooze import SnoozeKind
from app.services.bulk import Bulk, BulkRun, Selection
from app.services.local_changes import _batches
from app.services.store_worker import StoreWorker
from app.storage import threads
from app.storage.rows import ThreadFilter
from app.storage.store import Store


def prepare(store: Store, n: int) -> None:
    with store.read() as conn:
        have = conn.exec_driver_sql("SELECT count(*) FROM conversations").scalar()
    if not have:
        t = time.perf_counter()
        generate(store, n, messages_per_conversation=5)
        print(f"generated {n} conversations in {time.perf_counter() - t:.0f} s")
    with store.write() as conn:  # as if synced: the relay knows every message
        conn.exec_driver_sql("UPDATE messages SET relay_id = 'M' || id WHERE relay_id IS NULL")
        conn.exec_driver_sql("UPDATE conversations SET relay_id = 'C' || id WHERE relay_id IS NULL")
        conn.exec_driver_sql("DELETE FROM pending_changes")


class PageReader:
    """Reads the first thread page every 20 ms, as the window does while the seller looks."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.samples: list[float] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            t = time.perf_counter()
            with self.store.read_sql() as db:
                threads.page(db.execute, ThreadFilter())
            self.samples.append((time.perf_counter() - t) * 1000)
            time.sleep(0.02)

    def __enter__(self) -> PageReader:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        self.thread.join()


async def main(args: argparse.Namespace) -> None:
    store = Store.open(args.profile)
    worker = StoreWorker()
    store.load_engine()
    prepare(store, args.conversations)
    bulk = Bulk(store, worker)
    if args.search:
        for word in args.search:
            search_figures(store, bulk, word)
        worker.shutdown()
        store.close()
        return
    if args.chunk:
        from app.services import bulk as bulk_module

        bulk_module.CHUNK = args.chunk
    t = time.perf_counter()
    ids = bulk.resolve(Selection(all_of=ThreadFilter()))
    print(
        f"resolve 'all of the inbox': {len(ids)} ids in {(time.perf_counter() - t) * 1000:.0f} ms"
    )

    async def measure(name: str, work: object) -> None:
        marks: list[float] = []
        last = time.perf_counter()

        def progress(_done: int, _total: int) -> None:
            nonlocal last
            now = time.perf_counter()
            marks.append((now - last) * 1000)
            last = now

        with PageReader(store) as reader:
            t0 = time.perf_counter()
            await work(progress)  # type: ignore[operator]
            total = time.perf_counter() - t0
        print(
            f"{name}: {total:.1f} s; chunk median {statistics.median(marks):.0f} ms, "
            f"slowest {max(marks):.0f} ms ({len(marks)} chunks); page read while it ran: "
            f"median {statistics.median(reader.samples):.1f} ms, "
            f"slowest {max(reader.samples):.1f} ms"
        )

    run = BulkRun()
    await measure("mark read", lambda p: bulk.triage(run, ids, Keyword.SEEN, True, p))
    queued = await worker.call(_queued, store)
    requests = _batches(queued, 100, 32)
    print(
        f"  queued {len(queued)} patches ({len(run.undo)} to undo): {len(requests)} relay requests"
    )
    await measure("undo mark read", lambda p: bulk.undo(run, p))
    run = BulkRun()
    week = datetime.now(UTC) + timedelta(days=7)
    await measure("snooze", lambda p: bulk.snooze(run, ids, week, SnoozeKind.SNOOZE, None, p))
    await measure("undo snooze", lambda p: bulk.undo(run, p))
    with store.write() as conn:
        conn.exec_driver_sql("DELETE FROM pending_changes")
    worker.shutdown()
    store.close()


T = TypeVar("T")


def _median_ms(fn: Callable[[], T]) -> tuple[float, T]:
    """The median of five calls' times, and the last call's result."""
    times = []
    for _ in range(5):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def search_figures(store: Store, bulk: Bulk, word: str) -> None:
    ids_ms, ids = _median_ms(lambda: bulk.resolve(Selection(all_of=ThreadFilter(), search=word)))
    with store.read_sql() as db:
        count_ms, count = _median_ms(lambda: threads.search_count(db.execute, word))
    print(
        f"Ctrl+A in a search for {word!r}: {len(ids)} ids in {ids_ms:.0f} ms median "
        f"(search_count {count} in {count_ms:.0f} ms)"
    )


def _queued(store: Store) -> list[tuple[int, str, str, dict[str, object]]]:
    from app.services.local_changes import LocalChanges

    return LocalChanges(store, None)._queued()  # type: ignore[arg-type]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--profile", type=Path, default=Path("/tmp/bulk-bench"))
    parser.add_argument("--chunk", type=int, default=0, help="conversations a transaction")
    parser.add_argument("--search", action="append", help="only Ctrl+A in a search for this")
    asyncio.run(main(parser.parse_args()))
