"""Start the window under qasync and connect it to the store.

Order matters for the first paint: Qt and the window come up first; SQLAlchemy, Alembic and
the store are imported and opened on the store worker after the window has painted.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from app.storage.lock import ProfileLock
    from app.storage.rows import ThreadKey, ThreadRow
    from app.storage.store import Store
    from app.ui.main_window import MainWindow

os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6


@dataclass
class LaunchOptions:
    profile: Path
    smoke_test: bool = False
    exit_after_paint: bool = False
    screenshot: Path | None = None
    demo_conversations: int = 0  # fill an empty profile with this many generated conversations
    started: float = 0.0


def run(opts: LaunchOptions) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.storage.errors import StoreError
    from app.storage.lock import ProfileLock

    opts.profile.mkdir(parents=True, exist_ok=True)
    lock = ProfileLock(opts.profile / "profile.lock")
    try:
        lock.acquire()
    except StoreError as exc:
        print(f"seller-inbox: {exc}", file=sys.stderr)
        if not _headless():
            app = QApplication.instance() or QApplication(sys.argv)
            QMessageBox.critical(None, "Seller Inbox", str(exc))
        return 3

    import qasync

    from app.ui.main_window import MainWindow

    _install_message_filter()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Seller Inbox")
    app.setOrganizationName("SellerInbox")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow()
    session = _Session(window, opts, lock)
    window.first_painted.connect(session.on_first_paint)
    window.show()
    try:
        with loop:
            code: int = loop.run_until_complete(session.done)
            return code
    finally:
        session.close()


# Platform-plugin chatter that says nothing about our code: the offscreen plugin (smoke
# tests, screenshots) cannot resize native windows and says so on every QMainWindow.
_KNOWN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _install_message_filter() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if message not in _KNOWN_NOISE:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _headless() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")


class _Session:
    """What one window does over its life: open the store after painting, serve pages."""

    def __init__(self, window: MainWindow, opts: LaunchOptions, lock: ProfileLock) -> None:
        from app.services.store_worker import StoreWorker

        self.window = window
        self.opts = opts
        self.lock = lock
        self.worker = StoreWorker()
        self.store: Store | None = None
        self.done: asyncio.Future[int] = asyncio.get_event_loop().create_future()
        self.tasks: set[asyncio.Task[None]] = set()  # strong refs: asyncio keeps weak ones
        window.conversation_selected.connect(self._open_conversation)
        window.search_changed.connect(self._search)
        window.destroyed.connect(lambda: self._finish(0))
        QGuiApplication.instance().lastWindowClosed.connect(lambda: self._finish(0))  # type: ignore[union-attr]

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _finish(self, code: int) -> None:
        if not self.done.done():
            self.done.set_result(code)

    def on_first_paint(self) -> None:
        if self.opts.exit_after_paint:
            print(
                f"first-paint-ms: {(time.perf_counter() - self.opts.started) * 1000:.0f}",
                flush=True,
            )
        self._spawn(self._open_store())

    async def _open_store(self) -> None:
        from app.services.credentials import keyring_status
        from app.storage.errors import StoreError

        keyring = await self.worker.call(keyring_status)
        self.window.keyring_state.setText(keyring.describe())
        try:
            store = await self.worker.call(self._open_blocking)
        except StoreError as exc:
            self.window.show_store_error(str(exc))
            print(f"seller-inbox: {exc}", file=sys.stderr)
            if self.opts.smoke_test or self.opts.exit_after_paint:
                self._finish(4)
            return
        from app.storage import queries

        self.store = store
        with store.read() as conn:
            total = queries.count_threads(conn, queries.ThreadFilter())
        self.window.store_state.setText(
            self.window.tr("%n conversation(s)", "", total) + f" · {self.opts.profile}"
        )
        self.window.show_threads(self._page)
        if self.opts.exit_after_paint:
            print(
                f"inbox-ready-ms: {(time.perf_counter() - self.opts.started) * 1000:.0f}",
                flush=True,
            )
        if self.opts.smoke_test:
            print(keyring.describe())
            print(f"smoke-test: ok ({total} conversations, schema migrated)")
        if self.opts.screenshot is not None:
            self.window.grab().save(str(self.opts.screenshot))
            print(f"screenshot: {self.opts.screenshot}")
        if self.opts.smoke_test or self.opts.exit_after_paint or self.opts.screenshot:
            self._finish(0)

    def _open_blocking(self) -> Store:
        from app.storage.store import Store

        store = Store.open(self.opts.profile, lock=self.lock)
        if self.opts.demo_conversations:
            from app.storage import queries

            with store.read() as conn:
                empty = queries.count_threads(conn, queries.ThreadFilter()) == 0
            if empty:
                from app.demodata.generator import generate

                generate(store, self.opts.demo_conversations, messages_per_conversation=5)
        return store

    def _page(self, after: ThreadKey | None) -> list[ThreadRow]:
        from app.storage import queries

        if self.store is None:
            return []
        with self.store.read() as conn:
            return queries.thread_page(conn, queries.ThreadFilter(), after)

    def _open_conversation(self, conversation_id: int) -> None:
        from app.storage import queries

        if self.store is None:
            return
        with self.store.read() as conn:
            row = queries.thread(conn, conversation_id)
            messages = queries.conversation_messages(conn, conversation_id)
        if row is not None:
            self.window.conversation.show_messages(row.subject, messages)

    def _search(self, text: str) -> None:
        from app.storage import queries

        if self.store is None:
            return
        if not text.strip():
            self.window.model.reset(self._page)
            return
        with self.store.read() as conn:
            found = queries.search_threads(conn, text)
        self.window.model.reset(lambda after: [] if after else found.rows)
        if not found.complete:
            self.window.store_state.setText(
                self.window.tr("Many matches: showing the newest. Add a word to narrow it.")
            )

    def close(self) -> None:
        self.worker.shutdown()
        if self.store is not None:
            self.store.close()
        self.lock.release()


def temporary_profile() -> Path:
    return Path(tempfile.mkdtemp(prefix="seller-inbox-smoke-"))
