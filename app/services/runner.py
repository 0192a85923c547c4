"""Keep syncing: after start, after every failure (with backoff), and on a poll interval.

Owns the connectivity state the window shows. Push (SSE) will call ``wake`` when the relay
says something changed; until then, and whenever push is down, polling keeps the store within
a poll interval of the relay.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from app.services.connectivity import Backoff, ConnectivityState, Status
from app.services.relay_client import Offline, RequestRejected, RetryLater, Unauthorized
from app.services.sync import SyncEngine, SyncReport
from app.storage.errors import StoreError

StateListener = Callable[[ConnectivityState], None]
log = logging.getLogger(__name__)


class SyncRunner:
    def __init__(
        self,
        engine: SyncEngine,
        *,
        session_only: bool = False,
        poll_interval: float = 30.0,
        push_poll_interval: float = 300.0,
        backoff: Backoff | None = None,
        on_state: StateListener | None = None,
    ) -> None:
        self.engine = engine
        self.session_only = session_only
        self.poll_interval = poll_interval  # while push is down: the 60 s delivery budget
        self.push_poll_interval = push_poll_interval  # a safety net while push is up
        self.push_up = False
        self.backoff = backoff or Backoff()
        self.on_state = on_state
        self.work_offline = False
        self.state = ConnectivityState(Status.CONNECTING)
        self._wake = asyncio.Event()

    def _set(self, state: ConnectivityState) -> None:
        self.state = state
        if self.on_state is not None:
            self.on_state(state)

    def set_push(self, up: bool) -> None:
        self.push_up = up
        if not up:
            self.wake()  # fall back to polling at once, starting with a sync now

    def _idle_delay(self) -> float:
        return self.push_poll_interval if self.push_up else self.poll_interval

    def wake(self) -> None:
        """Sync now (a push said something changed, or the seller asked)."""
        self._wake.set()

    async def sync_once(self) -> tuple[SyncReport | None, float]:
        """One sync; returns its report (None on failure) and how long to wait next."""
        if self.work_offline:
            self._set(ConnectivityState(Status.OFFLINE, "working offline"))
            return None, self._idle_delay()
        if self.state.status not in (Status.ONLINE, Status.SESSION_ONLY):  # no flicker
            self._set(ConnectivityState(Status.CONNECTING))
        try:
            report = await self.engine.sync()
        except Unauthorized as exc:
            self._set(ConnectivityState(Status.UNAUTHORIZED, str(exc)))
            return None, self.poll_interval
        except (Offline, RetryLater) as exc:
            hint = exc.retry_after if isinstance(exc, RetryLater) else None
            delay = self.backoff.next_delay(hint)
            when = datetime.now(UTC) + timedelta(seconds=delay)
            self._set(ConnectivityState(Status.OFFLINE, str(exc), when))
            return None, delay
        except RequestRejected as exc:
            # A bug on one side or the other; retrying the same request will not help soon.
            delay = self.backoff.next_delay()
            when = datetime.now(UTC) + timedelta(seconds=delay)
            self._set(ConnectivityState(Status.OFFLINE, str(exc), when))
            return None, delay
        except StoreError as exc:
            # A full disk, a read-only folder: the loop keeps going (it resumes where it
            # stopped once there is room) and the status says why nothing new arrives.
            return None, self._stalled(str(exc))
        except Exception as exc:  # a bug: logged with its traceback; never "Online" while dead
            log.error("sync failed", exc_info=True)
            return None, self._stalled(f"{type(exc).__name__}: {exc}")
        self.backoff.reset()
        online = Status.SESSION_ONLY if self.session_only else Status.ONLINE
        self._set(ConnectivityState(online))
        return report, self._idle_delay()

    def _stalled(self, reason: str) -> float:
        delay = self.backoff.next_delay()
        when = datetime.now(UTC) + timedelta(seconds=delay)
        log.warning("sync stalled: %s (next try in %.0f s)", reason, delay)
        self._set(ConnectivityState(Status.STALLED, reason, when))
        return delay

    async def run(
        self, stop: asyncio.Event, on_report: Callable[[SyncReport], None] | None = None
    ) -> None:
        while not stop.is_set():
            # Cleared before the sync, not after: a wake that arrives while syncing must
            # cause another sync, or the change it announced waits for the next poll.
            self._wake.clear()
            report, delay = await self.sync_once()
            if report is not None and on_report is not None:
                on_report(report)
            if self.state.status is Status.UNAUTHORIZED:
                await stop.wait()  # nothing to do until the seller signs in again
                return
            waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED), timeout=delay
                )
            for w in waiters:
                w.cancel()
