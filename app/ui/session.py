"""What one window does over its life: open the store after painting, wire the parts that
act on the seller's clicks, and shut everything down in order.

The parts, one concern each, all running their work through one ``Ops`` and following the
``Changes`` it publishes (docs/architecture.md, "The window"):

- ``CurrentConversation`` (``current.py``): the conversation on screen and its actions;
- ``Inbox`` (``inbox.py``): the filter, pages, the count, search, new-message notifications;
- ``Compose`` (``compose.py``): reply drafts, new messages, Send and undo, the outbox;
- ``Account`` (``account.py``): connecting, signing in, the live services;
- ``ConversationFiles`` (``files.py``), ``Messaging`` (``messaging.py``), ``Preferences``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
import time
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from app.services.ops import Ops
from app.ui import menus
from app.ui.account import Account
from app.ui.attachment_previews import AttachmentPreviews
from app.ui.bulk import BulkPart
from app.ui.buyer_history import BuyerHistoryPart
from app.ui.compose import Compose
from app.ui.current import CurrentConversation
from app.ui.dialogs import front
from app.ui.files import ConversationFiles
from app.ui.inbox import Inbox
from app.ui.mailbox_account import MailboxAccount
from app.ui.messaging import Messaging
from app.ui.prefs import Preferences
from app.ui.saved_views import SavedViews
from app.ui.seller_day import SellerDayPart
from app.ui.tray import Notifier
from app.ui.triage_keys import add_triage_keys

if TYPE_CHECKING:
    from app.services.drafts import DraftAutosaver
    from app.services.live import LiveServices
    from app.services.local_changes import LocalChanges
    from app.storage.lock import ProfileLock
    from app.storage.store import Store
    from app.ui.crash import CrashReporter
    from app.ui.main_window import MainWindow
    from app.ui.options import LaunchOptions

log = logging.getLogger(__name__)


class Session:
    def __init__(
        self,
        window: MainWindow,
        opts: LaunchOptions,
        lock: ProfileLock,
        settings: QSettings | None = None,
        crashes: CrashReporter | None = None,
    ) -> None:
        from app.services.store_worker import StoreWorker
        from app.ui.failures import describe

        self.window = window
        self.opts = opts
        self.lock = lock
        self.worker = StoreWorker()
        self.crashes = crashes
        self.ops = Ops(
            self.worker,
            describe=describe,
            on_user_error=lambda text: window.statusBar().showMessage(text, 10_000),
            on_bug=self._bug,
        )
        self.prefs = Preferences(settings, self.ops)
        self.store: Store | None = None
        self.local_changes: LocalChanges | None = None
        self.drafts: DraftAutosaver | None = None
        self.done: asyncio.Future[int] = asyncio.get_event_loop().create_future()
        self.notifier = Notifier(window)
        self.current = CurrentConversation(window, self.ops)
        self.inbox = Inbox(window, self.ops, self.current, self.prefs, self.notifier)
        self.compose = Compose(window, self.ops, self.current)
        self.account = Account(window, self.ops, self.prefs, self.worker)
        self.files = ConversationFiles(window, self.ops, self.worker, opts.profile)
        self.previews = AttachmentPreviews(window, self.ops, self.files)
        self.messaging = Messaging(self.ops, self.inbox)
        self.mailbox = MailboxAccount(self)  # solo mode: the seller's own mailbox
        self.day = SellerDayPart(window, self.ops, self.current)
        self.buyer_history = BuyerHistoryPart(window, self.ops, self.current)
        self.buyer_history.write_about.connect(self.compose.new_message)
        self.bulk = BulkPart(window, self.ops, self.current, self.inbox)  # after the day's keys
        menus.add_view_actions(window)
        add_triage_keys(window.add_action, window.filters)
        self.views = SavedViews(window, self.prefs)
        menus.build(window)  # after every part added its actions
        self.compose.sign_in = self.account.prompt_sign_in
        self.compose.prefs = self.prefs
        self.account.on_live = self._live_changed
        self.metrics_dialog: Any = None
        self.settings_dialog: Any = None
        self._finishing: asyncio.Future[None] | None = None
        self._closing: asyncio.Future[None] | None = None
        window.open_settings.connect(self.show_settings)
        window.open_metrics.connect(lambda: self.ops.run(self.show_metrics()))
        window.chips.clicked.connect(lambda _mid: self.show_settings())
        window.destroyed.connect(lambda: self._finish(0))
        QGuiApplication.instance().lastWindowClosed.connect(lambda: self._finish(0))  # type: ignore[union-attr]
        self.clock_timer = QTimer(window)
        self.clock_timer.setInterval(30_000)  # the 24-hour clocks count down
        self.clock_timer.timeout.connect(self._tick)

    # --- the parts' shared state (read-only views for callers and tests) ---------------

    @property
    def live(self) -> LiveServices | None:
        return self.account.live

    @property
    def current_id(self) -> int | None:
        return self.current.id

    @property
    def first_sync(self) -> asyncio.Future[None]:
        return self.account.first_sync

    def _live_changed(self, live: LiveServices | None) -> None:
        self.compose.live = live
        self.files.live = live
        self.day.live = live

    def _bug(self, exc: BaseException) -> None:
        if self.ops.closed or not shiboken6.isValid(self.window):
            return  # a task stepped while closing (logged): nobody is looking any more
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # stepped by qasync after its loop stopped (logged): no window
            return
        if self.crashes is not None:
            self.crashes.show(exc)
        else:  # tests, one-shot runs: the log has the traceback
            text = QCoreApplication.translate("Session", "Something went wrong: %1")
            self.window.statusBar().showMessage(text.replace("%1", str(exc)), 10_000)
            print(f"seller-inbox: {type(exc).__name__}: {exc}", file=sys.stderr)

    def _finish(self, code: int) -> None:
        """Close the services, then let the loop stop (see ``aclose``)."""
        if self.done.done() or self._finishing is not None:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # the loop is gone already (a test tearing down): nothing runs
            self.done.set_result(code)
            return

        async def finish() -> None:
            try:
                await self.aclose()
            finally:
                if not self.done.done():
                    self.done.set_result(code)

        self._finishing = asyncio.ensure_future(finish())

    def _elapsed_ms(self) -> int:
        return round((time.perf_counter() - self.opts.started) * 1000)

    # --- start-up --------------------------------------------------------------------

    def on_first_paint(self) -> None:
        if self.opts.exit_after_paint:
            print(f"first-paint-ms: {self._elapsed_ms()}", flush=True)
        self.ops.run(self.open_store())

    async def open_store(self) -> None:
        from app.services.credentials import keyring_status
        from app.storage.errors import StoreError

        # The keyring probe (D-Bus, Keychain) runs beside the store opening, not before it.
        keyring_probe = asyncio.ensure_future(asyncio.to_thread(keyring_status))
        try:
            store = await self.worker.call(self._open_blocking)
        except StoreError as exc:
            self.window.show_store_error(str(exc))
            log.warning("store not opened: %s", exc)
            print(f"seller-inbox: {exc}", file=sys.stderr)
            await keyring_probe
            if self.opts.smoke_test or self.opts.exit_after_paint:
                self._finish(4)
            return
        self.store = store
        total = self.inbox.show_first_page(store)
        if self.opts.exit_after_paint:
            print(f"inbox-ready-ms: {self._elapsed_ms()}", flush=True)
        await asyncio.sleep(0)  # paint the first page before the rest of the set-up
        # SQLAlchemy (~0.4 s of imports) loads on the worker, not on the GUI thread.
        await self.worker.call(store.load_engine)
        keyring = await keyring_probe
        self.window.keyring_state.setText(keyring.describe())
        from app.services.drafts import DraftAutosaver
        from app.services.local_changes import LocalChanges

        self.local_changes = LocalChanges(store, self.worker)
        self.drafts = DraftAutosaver(store, self.worker)
        self.account.ready(store, self.local_changes, self.drafts, keyring)
        self.compose.ready(store, self.drafts)
        self.files.store = store
        self.messaging.local_changes = self.local_changes
        self.inbox.ready()
        self.clock_timer.start()
        # What is loaded by now (Qt, the store, SQLAlchemy, the services) lives as long as the
        # window: keep it out of the cyclic GC's full passes, which otherwise walk the whole
        # heap and stalled the window 40-80 ms while scrolling or syncing (bench/ui_bench.py).
        gc.freeze()
        self.current.ready(store, self.local_changes)
        self.day.ready(store, self.local_changes)
        self.buyer_history.ready(store)
        self.bulk.ready(store)
        log.info("inbox open: %d conversations", total)
        if self.opts.smoke_test:
            print(keyring.describe())
            print(f"smoke-test: ok ({total} conversations, schema migrated)")
            self._finish(0)
            return
        if self.opts.exit_after_paint and not self.opts.demo:
            self._finish(0)
            return
        await self._go_live()
        if self.opts.screenshot is not None:
            if self.live is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(self.first_sync), timeout=30)
            await asyncio.sleep(0.3)  # let the refreshed list and the conversation paint
            target = self.mailbox.connect_dialog if self.opts.mailbox is not None else None
            (target or self.window).grab().save(str(self.opts.screenshot))
            print(f"screenshot: {self.opts.screenshot}")
            self._finish(0)
        elif self.opts.exit_after_paint:
            self._finish(0)

    async def _go_live(self) -> None:
        """The demo relay; else the relay in the profile bridging the seller's mailbox; else
        the relay account from Settings; else the first-run choice."""
        if not self.opts.demo and await self.mailbox.go_live():
            self._mailbox_requested()
            return
        connected = await self.account.go_live(self.opts.profile if self.opts.demo else None)
        if not connected and self.opts.first_run and self.opts.mailbox is None:
            self.mailbox.offer_first_run()
        self._mailbox_requested()

    def _mailbox_requested(self) -> None:
        if self.opts.mailbox is not None:  # seller-inbox --mailbox: the connect dialog
            self.mailbox.show_connect(address=self.opts.mailbox)

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

    def _tick(self) -> None:
        self.window.threads.viewport().update()  # the clocks are computed at paint time
        thread = self.window.conversation.shown
        if thread is not None:
            self.window.conversation.update_thread(thread)
        if self.live is not None:
            self.window.connection.set_state(self.live.runner.state)

    # --- dialogs ---------------------------------------------------------------------

    def show_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(
                self.prefs, self.messaging, self.account, self.ops, self.mailbox, self.window
            )
        self.settings_dialog.refresh()
        front(self.settings_dialog)

    async def show_metrics(self) -> None:
        from app.storage.queries import response_metrics
        from app.ui.metrics_view import MetricsDialog

        store = self.store
        assert store is not None

        def read() -> dict[str, Any]:
            with store.read() as conn:
                return response_metrics(conn)

        if self.metrics_dialog is None:
            self.metrics_dialog = MetricsDialog(self.window)
        self.metrics_dialog.set_metrics(await asyncio.to_thread(read))
        front(self.metrics_dialog)

    # --- shutdown --------------------------------------------------------------------

    async def aclose(self) -> None:
        """Stop everything and wait for it; safe to call more than once.

        ``done`` resolves only after this, so the loop stops with no task pending: qasync
        runs Qt's events once more after stopping, outside any running loop, and a task
        stepped there breaks (httpx/anyio find no event loop)."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._aclose())
        await asyncio.shield(self._closing)

    async def _aclose(self) -> None:
        self.ops.closed = True
        self.account.stop_buyer.set()
        if self.drafts is not None:
            try:
                await self.drafts.aclose()
            except Exception:  # never lose the window's close over a draft
                log.error("could not save a draft on close", exc_info=True)
                print("seller-inbox: could not save a draft (see the log)", file=sys.stderr)
        await self.mailbox.aclose()
        await self.account.aclose()
        await self.ops.aclose()

    def close(self) -> None:
        if self.inbox.searcher is not None:
            self.inbox.searcher.close()
        self.worker.shutdown()
        self.account.close()
        self.mailbox.stop()
        if self.store is not None:
            self.store.close()
        self.lock.release()
