"""The services that keep a window live: sync runner, push listener, outbox loop.

Plain asyncio (qasync runs it inside Qt's loop). They report through ``Ops.publish``: the
connection's state, each finished sync, each outbox outcome, as ``Changes`` that the views
follow. A loop that dies of a bug is logged and reported, never left dead in silence.
Tasks are kept in ``self.tasks``: asyncio holds weak refs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.connectivity import ConnectivityState
    from app.services.drafts import DraftAutosaver
    from app.services.local_changes import LocalChanges
    from app.services.ops import Ops
    from app.services.outbox import OutboxSender
    from app.services.relay_client import RelayClient
    from app.services.runner import SyncRunner
    from app.services.store_worker import StoreWorker
    from app.services.sync import SyncReport
    from app.storage.store import Store

log = logging.getLogger(__name__)
OUTBOX_TICK = 1.0  # seconds between outbox passes (the undo window is counted in seconds)


class LiveServices:
    def __init__(
        self,
        store: Store,
        worker: StoreWorker,
        relay_url: str,
        token: str,
        local_changes: LocalChanges,
        drafts: DraftAutosaver,
        ops: Ops,
        *,
        session_only: bool,
        undo_window: timedelta = timedelta(seconds=10),
        poll_interval: float = 30.0,
        ping: int = 30,
    ) -> None:
        from app.services.outbox import OutboxSender
        from app.services.push import PushListener
        from app.services.relay_client import RelayClient
        from app.services.runner import SyncRunner
        from app.services.sync import SyncEngine

        self.relay_url = relay_url
        self.client: RelayClient = RelayClient(relay_url, token)
        self.local_changes = local_changes
        engine = SyncEngine(self.client, store, worker, self.local_changes)
        self.runner: SyncRunner = SyncRunner(
            engine, session_only=session_only, on_state=self._state, poll_interval=poll_interval
        )
        self.push = PushListener(self.client, self.runner.wake, ping=ping, on_status=self._push)
        self.outbox: OutboxSender = OutboxSender(client=self.client, store=store, worker=worker)
        self.outbox.undo_window = undo_window
        self.drafts = drafts
        self.ops = ops
        self.stop = asyncio.Event()
        self._outbox_wake = asyncio.Event()
        self.tasks: set[asyncio.Task[Any]] = set()

    def _push(self, up: bool) -> None:
        self.runner.set_push(up)
        if up:
            self._outbox_wake.set()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self._ended)

    def _ended(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            self.ops.failed(exc)  # a loop that should run until close died: a bug

    def _state(self, state: ConnectivityState) -> None:
        from app.services.ops import Changes

        log.info("connection: %s", state.describe())
        self.ops.publish(Changes(connection=state))

    def start(self) -> None:
        self._spawn(self.runner.run(self.stop, self._synced))
        self._spawn(self.push.run(self.stop))
        self._spawn(self._outbox_loop())

    def _synced(self, report: SyncReport) -> None:
        from app.services.ops import Changes

        self._outbox_wake.set()  # back online: whatever waits in the outbox goes now
        marketplaces = report.of("Marketplace")
        self.ops.publish(
            Changes(
                synced=True,
                any_conversation=bool(report.changed),
                marketplaces=bool(marketplaces.upserted or marketplaces.destroyed),
            )
        )

    def set_work_offline(self, offline: bool) -> None:
        self.runner.work_offline = offline
        self.runner.wake()

    def kick_outbox(self) -> None:
        self._outbox_wake.set()

    async def _outbox_loop(self) -> None:
        while not self.stop.is_set():
            self._outbox_wake.clear()
            if not self.runner.work_offline:
                try:
                    done = await self.outbox.process_due()
                except Exception:  # a store hiccup: logged, tried again on the next tick
                    log.warning("outbox pass failed", exc_info=True)
                    done = []
                if done:
                    from app.services.ops import Changes

                    self.ops.publish(
                        Changes(
                            outbox=tuple(done),
                            conversations=frozenset(
                                i.conversation_id for i in done if i.conversation_id
                            ),
                        )
                    )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._outbox_wake.wait(), timeout=OUTBOX_TICK)

    async def close(self) -> None:
        """Stop every task and wait until each has really finished, then close the client.

        Cancelling is not enough: a cancelled task runs its clean-up on a later loop pass.
        qasync's ``run_until_complete`` processes Qt events once more after the loop has
        stopped, with no running loop set; a task stepped there fails in httpx/anyio
        ("NoEventLoopError", "Task exception was never retrieved"). So nothing may be left
        pending when the loop stops."""
        self.stop.set()
        self._outbox_wake.set()  # the outbox loop leaves at once instead of after its tick
        pending = set(self.tasks)
        if pending:
            _done, pending = await asyncio.wait(pending, timeout=5)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
        await self.client.aclose()
