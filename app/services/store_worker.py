"""The single writer: every blocking store call runs on one worker thread.

SQLite allows one writer at a time; funnelling all store work through one thread keeps
writes ordered and keeps the event loop (and so the window) free. Await ``call`` from async
code; the result or the exception comes back on the loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class StoreWorker:
    def __init__(self, name: str = "store-writer") -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    def shutdown(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait)
