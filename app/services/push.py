"""Listen to the relay's push channel (``GET /events``, Server-Sent Events).

Push is only a hint (docs/protocol.md §8): every (re)connect and every ``state`` event just
wakes the sync runner, which asks ``/changes``. Pings are watched: if nothing arrives for two
ping intervals the connection is presumed dead and reopened, with jittered backoff 5 s → 5 min
while the relay stays away. While push is down the runner keeps polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import cast

import httpx

from app.services.connectivity import Backoff
from app.services.relay_client import RelayClient, RelayError

PING_SECONDS = 30


class PushListener:
    def __init__(
        self,
        client: RelayClient,
        on_change: Callable[[], None],
        *,
        ping: int = PING_SECONDS,
        backoff: Backoff | None = None,
        on_status: Callable[[bool], None] | None = None,
    ) -> None:
        self.client = client
        self.on_change = on_change
        self.ping = ping
        self.backoff = backoff or Backoff()
        self.on_status = on_status
        self.connected = False
        self.events_seen = 0

    def _status(self, up: bool) -> None:
        if up != self.connected:
            self.connected = up
            if self.on_status is not None:
                self.on_status(up)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            # Listen in a task so that stopping cancels it at once: the stream is closed by
            # its own context manager instead of being torn down under it by aclose().
            listening = asyncio.ensure_future(self._listen_once(stop))
            stopping = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait([listening, stopping], return_when=asyncio.FIRST_COMPLETED)
            finally:  # also when this task itself is cancelled: leave no orphan behind
                stopping.cancel()
                if not listening.done():
                    listening.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await listening
            if not listening.cancelled():  # its error read even when stopping: none left unseen
                with contextlib.suppress(httpx.HTTPError, OSError, ValueError, RelayError):
                    listening.result()  # dropped, refused, garbled, offline or 401: reconnect
            self._status(False)
            if stop.is_set():
                return
            try:
                await asyncio.wait_for(stop.wait(), timeout=self.backoff.next_delay())
            except TimeoutError:
                continue

    async def _listen_once(self, stop: asyncio.Event) -> None:
        session = self.client.session or await self.client.connect()
        url = (
            session.event_source_url.replace("{types}", "*")
            .replace("{closeafter}", "no")
            .replace("{ping}", str(self.ping))
        )
        # No data for two ping intervals means the connection is gone, whatever TCP thinks.
        timeout = httpx.Timeout(10.0, read=self.ping * 2 + 5)
        async with self.client.stream("GET", url, timeout=timeout) as response:
            # The line iterator is an async generator. qasync installs no async-generator
            # hooks, so one left suspended is finalised later by the garbage collector, outside
            # any running loop, where httpcore's clean-up cannot run (anyio NoEventLoopError).
            # Close it here, inside this task, and the response before the client.
            lines = cast(AsyncGenerator[str, None], response.aiter_lines())
            try:
                response.raise_for_status()
                self._status(True)
                self.backoff.reset()
                self.on_change()  # after every (re)connect, ask /changes: pushes may be missed
                await self._read(lines, stop)
            finally:
                await lines.aclose()
                await response.aclose()

    async def _read(self, lines: AsyncIterator[str], stop: asyncio.Event) -> None:
        event = ""
        async for line in lines:
            if stop.is_set():
                return
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event == "state":
                json.loads(line[5:])  # a StateChange; its content only says "look"
                self.events_seen += 1
                self.on_change()
            elif not line:
                event = ""
