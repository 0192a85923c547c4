"""qasync drives the app's asyncio loop; PySide6 6.12.0 + qasync aborted after a few thousand
iterations (none_dealloc), so keep proving a long run survives on the pinned version."""

from __future__ import annotations

import asyncio
import os

import pytest

ITERATIONS = int(os.environ.get("SELLER_INBOX_QASYNC_ITERATIONS", "100000"))


def test_qasync_survives_100k_sleep0(qapp: object) -> None:
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def spin() -> int:
        for _ in range(ITERATIONS):
            await asyncio.sleep(0)
        return ITERATIONS

    try:
        assert loop.run_until_complete(spin()) == ITERATIONS
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def test_the_pinned_pyside_is_not_the_aborting_one() -> None:
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (6, 9) <= (major, minor) < (6, 12), PySide6.__version__


@pytest.mark.asyncio
async def test_store_worker_runs_off_the_loop_thread_in_order() -> None:
    import threading

    from app.services.store_worker import StoreWorker

    worker = StoreWorker()
    seen: list[tuple[int, str]] = []
    try:
        await asyncio.gather(
            *(
                worker.call(lambda i=i: seen.append((i, threading.current_thread().name)))
                for i in range(50)
            )
        )
        with pytest.raises(ZeroDivisionError):
            await worker.call(lambda: 1 / 0)
    finally:
        worker.shutdown()
    assert [i for i, _ in seen] == list(range(50))
    assert {name for _, name in seen} == {next(iter({n for _, n in seen}))}
    assert all(name.startswith("store-writer") for _, name in seen)
