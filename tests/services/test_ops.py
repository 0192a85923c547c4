"""The operations layer: writes publish what they changed after committing, the newest query
of a key wins, one failure policy (seller's errors apart from bugs), and ``idle``."""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

import pytest

from app.services.ops import Changes, Ops
from app.services.store_worker import StoreWorker
from app.storage.errors import DiskFull
from app.storage.store import Store


def describe(exc: BaseException) -> str | None:
    return f"seller: {exc}" if isinstance(exc, DiskFull) else None


def make_ops(worker: StoreWorker) -> tuple[Ops, list[str], list[BaseException]]:
    told: list[str] = []
    bugs: list[BaseException] = []
    ops = Ops(worker, describe=describe, on_user_error=told.append, on_bug=bugs.append)
    return ops, told, bugs


@pytest.mark.asyncio
async def test_a_write_publishes_its_changes_after_it_committed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    ops, _told, bugs = make_ops(worker)
    seen: list[tuple[Changes, int]] = []

    def count() -> int:
        with store.read() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM marketplaces").scalar_one())

    # A subscriber reads the store when told: the write must be visible by then.
    ops.subscribe(lambda changes: seen.append((changes, count())))

    def write() -> tuple[str, Changes]:
        with store.write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO marketplaces (id, name, country, messaging_enabled, rule_pack) "
                "VALUES ('amazon.se', 'Amazon.se', 'SE', 1, 'default')"
            )
        return "done", Changes(marketplaces=True)

    try:
        before = count()
        result = await ops.write(write)
        await ops.idle()
    finally:
        worker.shutdown()
        store.close()
    assert result == "done" and not bugs
    assert [(c.marketplaces, n) for c, n in seen] == [(True, before + 1)]


@pytest.mark.asyncio
async def test_only_the_newest_query_of_a_key_is_delivered() -> None:
    worker = StoreWorker()
    ops, _told, bugs = make_ops(worker)
    release_first = threading.Event()
    delivered: list[str] = []
    cancels: list[int] = []

    def slow() -> str:
        release_first.wait(10)
        return "old"

    try:
        ops.query("search", slow, done=delivered.append)
        await asyncio.sleep(0.05)  # the first one is running on its thread...
        newest = ops.query(
            "search", lambda: "new", done=delivered.append, cancel=lambda: cancels.append(1)
        )
        await newest
        release_first.set()  # ...and finishes after the newer one
        await ops.idle()
    finally:
        worker.shutdown()
    assert delivered == ["new"] and cancels == [1] and not bugs


@pytest.mark.asyncio
async def test_a_seller_error_is_told_and_a_bug_is_logged_with_its_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    worker = StoreWorker()
    ops, told, bugs = make_ops(worker)

    async def full() -> None:
        raise DiskFull(tmp_path)

    async def broken() -> None:
        raise KeyError("a bug")

    try:
        with caplog.at_level(logging.INFO, logger="app.services.ops"):
            ops.run(full())
            ops.run(broken())
            ops.read(lambda: 1 / 0)
            await ops.idle()
    finally:
        worker.shutdown()
    assert told == [f"seller: {DiskFull(tmp_path)}"]
    assert [type(b) for b in bugs] == [KeyError, ZeroDivisionError]
    tracebacks = [r for r in caplog.records if r.exc_info]
    assert len(tracebacks) == 2 and all(r.levelno == logging.ERROR for r in tracebacks)


@pytest.mark.asyncio
async def test_idle_waits_for_work_started_by_work() -> None:
    worker = StoreWorker()
    ops, _told, bugs = make_ops(worker)
    done: list[str] = []

    async def inner() -> None:
        await asyncio.sleep(0.05)
        done.append("inner")

    async def outer() -> None:
        await asyncio.sleep(0.05)
        ops.run(inner())
        done.append("outer")

    try:
        ops.run(outer())
        await ops.idle()
    finally:
        worker.shutdown()
    assert done == ["outer", "inner"] and not bugs


@pytest.mark.asyncio
async def test_a_broken_subscriber_does_not_starve_the_others() -> None:
    worker = StoreWorker()
    ops, _told, bugs = make_ops(worker)
    seen: list[Changes] = []
    ops.subscribe(lambda _c: [][0])
    ops.subscribe(seen.append)
    try:
        ops.publish(Changes(marketplaces=True))
    finally:
        worker.shutdown()
    assert len(seen) == 1 and [type(b) for b in bugs] == [IndexError]


@pytest.mark.asyncio
async def test_nothing_starts_after_close(recwarn: pytest.WarningsRecorder) -> None:
    """A timer firing as the window closes (the search box's) must not start a task that
    would outlive the loop; its work is closed, not left "never awaited"."""
    import gc

    worker = StoreWorker()
    try:
        ops, _told, bugs = make_ops(worker)
        ran: list[str] = []

        async def work() -> None:
            ran.append("ran")

        await ops.aclose()
        assert ops.run(work()) is None and ops.read(lambda: "x") is None
        assert ops.write(lambda: Changes()) is None
        await asyncio.sleep(0.05)
        gc.collect()
        assert ran == [] and bugs == [] and not ops.tasks
        assert not [w for w in recwarn if "never awaited" in str(w.message)]
    finally:
        worker.shutdown()
