"""The one way the window runs work and hears what changed (Anki's ``CollectionOp`` /
``QueryOp`` in spirit).

- ``write(fn, …)`` runs a store write on the store worker (the single writer); ``fn`` returns
  the ``Changes`` it made, which are published once it has committed.
- ``read(fn, …)`` runs a store read on a reader thread (WAL: readers never wait for the writer).
- ``query(key, fn, …)`` is a read where only the newest of a key counts: the result of one a
  newer query of the same key replaced is dropped, so a burst never paints stale rows.
- ``run(coro)`` runs service work (the relay, the keyring) as a task.

Every result comes back on the event loop's thread, which under qasync is the UI thread, in
``done``. One failure policy for all of them: an error the seller can act on (``describe``
returns text for it: a full disk, an unreachable relay) goes to ``on_user_error``; anything
else is a bug, logged with its traceback and handed to ``on_bug``.

Views subscribe to ``Changes`` and refresh themselves; services (sync, outbox, connection)
publish through the same ``publish``. ``idle()`` waits until nothing started here is still
running: tests wait on it instead of sleeping. No Qt here: plain asyncio.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from app.services.connectivity import ConnectivityState
    from app.services.store_worker import StoreWorker
    from app.storage.rows import OutboxItem

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation or a service changed; each view decides whether it cares.

    ``conversations`` names the changed ones; ``any_conversation`` says any may have (a sync).
    """

    conversations: frozenset[int] = frozenset()
    any_conversation: bool = False
    drafts: frozenset[str] = frozenset()  # draft keys
    outbox: tuple[OutboxItem, ...] = ()  # items whose state moved (sent, needs attention)
    marketplaces: bool = False  # messaging switches, vacations, the marketplace list
    settings: frozenset[str] = frozenset()  # QSettings keys
    connection: ConnectivityState | None = None  # the relay connection's new state
    synced: bool = False  # a sync finished (even one that changed nothing)
    to_relay: bool = False  # a local change waits for the relay: sync soon

    def touches(self, conversation_id: int | None) -> bool:
        return conversation_id is not None and (
            self.any_conversation or conversation_id in self.conversations
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            conversations=self.conversations | other.conversations,
            any_conversation=self.any_conversation or other.any_conversation,
            drafts=self.drafts | other.drafts,
            outbox=self.outbox + other.outbox,
            marketplaces=self.marketplaces or other.marketplaces,
            settings=self.settings | other.settings,
            connection=other.connection or self.connection,
            synced=self.synced or other.synced,
            to_relay=self.to_relay or other.to_relay,
        )


Subscriber = Callable[[Changes], None]


def _no_description(_exc: BaseException) -> str | None:
    return None


@dataclass
class _Newest:
    seq: int = 0


@dataclass
class Ops:
    worker: StoreWorker
    describe: Callable[[BaseException], str | None] = _no_description
    on_user_error: Callable[[str], None] = lambda _text: None
    on_bug: Callable[[BaseException], None] = lambda _exc: None
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)  # strong refs
    _subscribers: list[Subscriber] = field(default_factory=list)
    _newest: dict[str, _Newest] = field(default_factory=dict)
    closed: bool = False

    # --- changes -----------------------------------------------------------------------

    def subscribe(self, fn: Subscriber) -> Callable[[], None]:
        """Call ``fn`` with every published ``Changes``; returns the unsubscribe."""
        self._subscribers.append(fn)
        return lambda: self._subscribers.remove(fn) if fn in self._subscribers else None

    def publish(self, changes: Changes) -> None:
        for fn in list(self._subscribers):
            try:
                fn(changes)
            except Exception as exc:  # one broken view must not starve the others
                self.failed(exc)

    # --- running work ------------------------------------------------------------------

    def run(
        self,
        work: Awaitable[T],
        *,
        done: Callable[[T], object] | None = None,
        failed: Callable[[BaseException], bool] | None = None,
    ) -> asyncio.Task[T | None] | None:
        """Run ``work`` as a task; ``done`` gets its result. ``failed`` may handle an error
        first (return True when it did), else the failure policy applies.

        After ``aclose`` nothing starts (None): a task started then would outlive the loop,
        e.g. the search box's debounce timer firing as the window closes."""
        if self.closed:
            if inspect.iscoroutine(work):
                work.close()  # never to run, and said so: no "was never awaited"
            log.debug("not started, closing: %r", work)
            return None
        return self._start(self._guard(work, done, failed))

    def write(
        self,
        fn: Callable[P, Changes | tuple[T, Changes]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> asyncio.Task[Any] | None:
        """Run a store write on the worker; publish its ``Changes`` after it committed."""

        async def go() -> Any:
            out = await self.worker.call(fn, *args, **kwargs)
            result, changes = out if isinstance(out, tuple) else (None, out)
            self.publish(changes)
            return result

        return self.run(go())

    def read(
        self, fn: Callable[[], T], *, done: Callable[[T], object] | None = None
    ) -> asyncio.Task[T | None] | None:
        """Run a store read on a reader thread; ``done`` gets the result."""
        return self.run(asyncio.to_thread(fn), done=done)

    def query(
        self,
        key: str,
        fn: Callable[[], T],
        *,
        done: Callable[[T], object],
        cancel: Callable[[], object] | None = None,
    ) -> asyncio.Task[T | None] | None:
        """A read where only the newest query of ``key`` counts. ``cancel`` is called when a
        newer one starts, to interrupt a read still running (sqlite3 interrupt)."""
        newest = self._newest.setdefault(key, _Newest())
        newest.seq += 1
        seq = newest.seq
        if cancel is not None:
            cancel()

        def deliver(result: T) -> None:
            if seq == newest.seq:
                done(result)

        def superseded(_exc: BaseException) -> bool:
            return seq != newest.seq  # an interrupted, replaced read is no failure

        return self.run(asyncio.to_thread(fn), done=deliver, failed=superseded)

    def forget(self, key: str) -> None:
        """Drop whatever the queries of ``key`` still under way return (the box was
        cleared)."""
        self._newest.setdefault(key, _Newest()).seq += 1

    async def idle(self, budget: float = 30.0) -> None:
        """Wait until no operation started here is running (each may have started more)."""
        loop = asyncio.get_running_loop()
        end = loop.time() + budget
        while pending := [t for t in self.tasks if not t.done()]:
            if loop.time() > end:
                raise TimeoutError(f"{len(pending)} operations still running")
            await asyncio.wait(pending, timeout=max(0.0, end - loop.time()))
        await asyncio.sleep(0)  # callbacks scheduled by the last ones

    async def aclose(self) -> None:
        """Cancel what is still running and wait for it (nothing may outlive the loop)."""
        self.closed = True
        pending = [t for t in self.tasks if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)

    # --- the failure policy ------------------------------------------------------------

    def failed(self, exc: BaseException) -> None:
        text = self.describe(exc)
        if text is not None:
            log.info("user error: %s: %s", type(exc).__name__, text)
            self.on_user_error(text)
            return
        log.error("bug", exc_info=(type(exc), exc, exc.__traceback__))
        self.on_bug(exc)

    def _start(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def _guard(
        self,
        work: Awaitable[Any],
        done: Callable[[Any], object] | None,
        failed: Callable[[BaseException], bool] | None,
    ) -> Any:
        try:
            result = await work
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if failed is None or not failed(exc):
                self.failed(exc)
            return None
        if done is not None:
            try:
                done(result)
            except Exception as exc:
                self.failed(exc)
        return result
