"""The tests' qasync loop: a task stepped while a test processes Qt events between two runs
of the loop (qtbot.waitUntil, qasync's own pass after run_until_complete) runs inside the
loop, as every task does in the app; it used to run outside it and die there."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from ui_testkit import run  # type: ignore[import-not-found]


def test_a_task_stepped_between_runs_runs_inside_the_loop(
    qtbot: Any, qloop: asyncio.AbstractEventLoop
) -> None:
    stop = asyncio.Event()
    seen: list[asyncio.AbstractEventLoop] = []

    async def poll() -> None:  # the sync runner's shape: wait for a stop or a tick
        while not stop.is_set():
            seen.append(asyncio.get_running_loop())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=0.01)

    task = qloop.create_task(poll())
    run(qloop, asyncio.sleep(0.02))
    before = len(seen)
    qtbot.waitUntil(lambda: len(seen) > before + 2)  # stepped with no run of the loop
    stop.set()
    run(qloop, task)  # raised the RuntimeError of wait_for's get_running_loop() before
    assert set(seen) == {qloop}
