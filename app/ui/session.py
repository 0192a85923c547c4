"""What one window does over its life: open the store after painting, serve pages, keep in
step with the relay, and turn the seller's clicks into service calls.

The window emits signals; this class acts on them. Store reads that the window waits for
(a page, a conversation) are short indexed reads done in place; everything that writes or
talks to the relay runs as an asyncio task (qasync), kept in ``self.tasks``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import shutil
import sys
import time
from collections.abc import Coroutine
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from app.storage.rows import ThreadFilter, ThreadKey, ThreadRow
from app.ui.mailbox_account import MailboxAccount
from app.ui.tray import Notifier

if TYPE_CHECKING:
    from app.services.connectivity import ConnectivityState
    from app.services.drafts import DraftAutosaver
    from app.services.local_changes import LocalChanges
    from app.services.sync import SyncReport
    from app.storage.lock import ProfileLock
    from app.storage.rows import ConversationDetails, DraftData, OutboxItem
    from app.storage.store import Store
    from app.ui.app import LaunchOptions
    from app.ui.demo import DemoRelay, SimulatedBuyer
    from app.ui.live import LiveServices
    from app.ui.main_window import MainWindow

REMOTE_IMAGE_CAP = 2_000_000  # bytes per remote image the seller chose to load


class Session:
    def __init__(
        self,
        window: MainWindow,
        opts: LaunchOptions,
        lock: ProfileLock,
        settings: QSettings | None = None,
    ) -> None:
        from app.services.store_worker import StoreWorker

        self.window = window
        self.opts = opts
        self.lock = lock
        self.settings = settings
        self.worker = StoreWorker()
        self.store: Store | None = None
        self.local_changes: LocalChanges | None = None
        self.drafts: DraftAutosaver | None = None
        self.live: LiveServices | None = None
        self.demo: DemoRelay | None = None
        self.buyer: SimulatedBuyer | None = None
        self.filter = ThreadFilter()
        self.current_id: int | None = None  # the conversation the seller is working on
        self.details: ConversationDetails | None = None  # the current conversation's
        self.newest_inbound = 0
        self.first_sync: asyncio.Future[None] = asyncio.get_event_loop().create_future()
        self.done: asyncio.Future[int] = asyncio.get_event_loop().create_future()
        self.tasks: set[asyncio.Task[Any]] = set()  # strong refs: asyncio keeps weak ones
        self.notifier = Notifier(window)
        self.mailbox = MailboxAccount(self)  # solo mode: the seller's own mailbox
        self.outbox_dialog: Any = None
        self.metrics_dialog: Any = None
        self.settings_dialog: Any = None
        self.sign_in_dialog: Any = None
        self.searcher: Any = None  # app.ui.latest_search.LatestSearch, once the store is open
        self.save_dialog: Any = None
        self.marketplaces: list[Any] = []
        self.stop_buyer = asyncio.Event()
        self._finishing: asyncio.Future[None] | None = None
        self._closing: asyncio.Future[None] | None = None
        w = window
        w.conversation_selected.connect(self.open_conversation)
        w.search_changed.connect(self.search)
        w.filter_changed.connect(self.set_filter)
        w.connection.work_offline_changed.connect(self.set_work_offline)
        w.conversation.mark_read.connect(self._conversation_action(self.mark_read))
        w.conversation.flag.connect(self._conversation_action(self.set_flag))
        w.conversation.no_response_needed.connect(self._conversation_action(self.set_nrn))
        w.conversation.remote_content_requested.connect(
            lambda mid, urls: self._spawn(self.load_remote(mid, urls))
        )
        w.conversation.attachment_requested.connect(
            lambda aid, action: self._spawn(self.attachment(aid, action))
        )
        w.composer.draft_changed.connect(self._draft_edited)
        w.composer.send_requested.connect(lambda d: self._spawn(self.send(d)))
        w.composer.attach_requested.connect(lambda paths: self._spawn(self.attach(paths)))
        w.undo_bar.undo.connect(lambda item_id: self._spawn(self.undo(item_id)))
        w.details.new_message.connect(self.new_message)
        w.open_settings.connect(self.show_settings)
        w.open_outbox.connect(lambda: self._spawn(self.show_outbox()))
        w.open_metrics.connect(lambda: self._spawn(self.show_metrics()))
        w.chips.clicked.connect(lambda _mid: self.show_settings())
        w.sign_in_bar.sign_in.connect(self.prompt_sign_in)
        w.destroyed.connect(lambda: self._finish(0))
        QGuiApplication.instance().lastWindowClosed.connect(lambda: self._finish(0))  # type: ignore[union-attr]
        self.clock_timer = QTimer(window)
        self.clock_timer.setInterval(30_000)  # the 24-hour clocks count down
        self.clock_timer.timeout.connect(self._tick)

    # --- plumbing --------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            print(f"seller-inbox: {type(exc).__name__}: {exc}", file=sys.stderr)
            self.window.statusBar().showMessage(str(exc), 8000)

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
        self._spawn(self._open_store())

    async def _open_store(self) -> None:
        from app.services.credentials import keyring_status
        from app.storage.errors import StoreError

        # The keyring probe (D-Bus, Keychain) runs beside the store opening, not before it.
        keyring_probe = asyncio.ensure_future(asyncio.to_thread(keyring_status))
        try:
            store = await self.worker.call(self._open_blocking)
        except StoreError as exc:
            self.window.show_store_error(str(exc))
            print(f"seller-inbox: {exc}", file=sys.stderr)
            if self.opts.smoke_test or self.opts.exit_after_paint:
                self._finish(4)
            return
        self.store = store
        total = self._count()
        self.window.show_threads(self._page, self.filter.sort, self.current_id)
        if self.opts.exit_after_paint:
            print(f"inbox-ready-ms: {self._elapsed_ms()}", flush=True)
        await asyncio.sleep(0)  # paint the first page before the rest of the set-up
        # SQLAlchemy (~0.4 s of imports) loads on the worker, not on the GUI thread.
        await self.worker.call(store.load_engine)
        keyring = await keyring_probe
        self.window.keyring_state.setText(keyring.describe())
        self.keyring = keyring
        from app.services.drafts import DraftAutosaver
        from app.services.local_changes import LocalChanges

        self.local_changes = LocalChanges(store, self.worker)
        self.drafts = DraftAutosaver(store, self.worker)
        self._refresh_marketplaces()
        self.newest_inbound = self._newest_inbound()
        self.clock_timer.start()
        # What is loaded by now (Qt, the store, SQLAlchemy, the services) lives as long as the
        # window: keep it out of the cyclic GC's full passes, which otherwise walk the whole
        # heap and stalled the window 40-80 ms while scrolling or syncing (bench/ui_bench.py).
        gc.freeze()
        if (thread := self.window.current_thread()) is not None:
            self.open_conversation(thread.id)  # selected before the drafts were ready
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

    async def _go_live(self) -> None:
        """Connect to the relay: the embedded demo one, or the account from Settings."""
        assert self.store is not None
        url, token = None, None
        session_only = False
        if self.opts.demo:
            from app.ui.demo import SimulatedBuyer, start_demo

            self.window.connection.label.setText(
                QCoreApplication.translate("Session", "Starting the demo relay…")
            )
            self.demo = await asyncio.to_thread(start_demo, self.opts.profile)
            url, token = self.demo.url, self.demo.token
            self.buyer = SimulatedBuyer(self.demo.db_url)
            self._spawn(self.buyer.run(self.stop_buyer))
        elif await self.mailbox.go_live():  # the relay in the profile, bridging the mailbox
            return self._mailbox_requested()
        elif self.settings is not None and self.settings.value("relay/url"):
            from app.services.credentials import TokenStore

            url = str(self.settings.value("relay/url"))
            self.tokens = TokenStore(self.keyring)
            token = await asyncio.to_thread(self.tokens.get, url)
            session_only = self.keyring.session_only
        if not url or not token:
            self.window.connection.set_no_account()
            self.window.sign_in_bar.show_no_account()
            if self.opts.first_run and self.opts.mailbox is None:
                self.mailbox.offer_first_run()
            return self._mailbox_requested()
        self.start_live(url, token, session_only=session_only)
        self._mailbox_requested()

    def _mailbox_requested(self) -> None:
        if self.opts.mailbox is not None:  # seller-inbox --mailbox: the connect dialog
            self.mailbox.show_connect(address=self.opts.mailbox)

    def start_live(self, url: str, token: str, *, session_only: bool) -> None:
        from app.ui.live import LiveServices

        assert self.store is not None and self.local_changes and self.drafts
        self.live = LiveServices(
            self.store,
            self.worker,
            url,
            token,
            self.local_changes,
            self.drafts,
            session_only=session_only,
            undo_window=timedelta(seconds=self._undo_seconds()),
            on_state=self._state,
            on_synced=self._synced,
            on_outbox=self._outbox_changed,
        )
        self.live.set_work_offline(self.window.connection.offline.isChecked())
        self.live.start()
        gc.freeze()  # the live services' modules too (see _open_store)

    def _undo_seconds(self) -> int:
        if self.settings is None:
            return 10
        return int(str(self.settings.value("outbox/undo_seconds", 10)))

    # --- reads -----------------------------------------------------------------------

    # The thread list reads through plain sqlite3 (Store.read_sql): no SQLAlchemy needed for
    # the first page, and a page costs a fraction of a compiled statement while scrolling.
    def _count(self) -> int:
        from app.storage import threads

        assert self.store is not None
        with self.store.read_sql() as db:
            total = threads.count(db.execute, ThreadFilter())
        self.window.show_count(total)
        self.window.store_state.setToolTip(str(self.opts.profile))
        return total

    def _page(self, after: ThreadKey | None) -> list[ThreadRow]:
        from app.storage import threads

        if self.store is None:
            return []
        with self.store.read_sql() as db:
            return threads.page(db.execute, self.filter, after)

    def _newest_inbound(self) -> int:
        assert self.store is not None
        from app.storage import queries

        with self.store.read() as conn:
            return queries.newest_inbound_id(conn)

    def _refresh_marketplaces(self) -> None:
        from app.storage import queries

        assert self.store is not None
        with self.store.read() as conn:
            mps = queries.marketplaces(conn)
        self.marketplaces = mps
        self.window.chips.set_marketplaces(mps)
        self.window.filters.set_marketplaces([m.id for m in mps])
        if self.settings_dialog is not None:
            self.settings_dialog.refresh()

    def open_conversation(self, conversation_id: int) -> None:
        """The seller chose a conversation: it becomes the current one, and the list
        selection, the conversation, the details and the composer all show it. Nothing else
        changes the current conversation (a refreshed list only follows it)."""
        if self.store is None or self.local_changes is None:
            return  # still starting: _open_store opens the current one once SQLAlchemy is in
        if conversation_id == self.current_id:
            return
        self.current_id = conversation_id
        # The composer never shows another conversation's draft, not even while this one's
        # loads (the autosaver holds the previous one's unsaved words).
        self.window.composer.clear()
        row = self._show_current()
        if row is None:
            return
        self._spawn(self._open_reply_draft(row))
        if row.unread_count:
            QTimer.singleShot(1500, self.window, lambda: self._auto_read(conversation_id))

    def _show_current(self) -> ThreadRow | None:
        """Paint the current conversation, its details and its place in the list from the
        store (after it was opened, a sync or an edit); the composer keeps its draft."""
        from app.storage import queries

        cid = self.current_id
        row = messages = details = None
        if cid is not None and self.store is not None:
            with self.store.read() as conn:
                row = queries.thread(conn, cid)
                if row is not None:
                    messages = queries.conversation_messages(conn, cid)
                    details = queries.conversation_details(conn, cid)
        if row is None or messages is None:  # gone (or nothing open): nothing is current
            self.current_id = None
            self.details = None
            self.window.follow(None)
            self.window.conversation.show_placeholder(
                QCoreApplication.translate("Session", "Select a conversation")
            )
            self.window.details.show_details(None)
            self.window.composer.clear()
            return None
        self.window.follow(cid)
        self.window.conversation.show_conversation(row, messages)
        self.window.details.show_details(details)
        self.details = details
        return row

    def _auto_read(self, conversation_id: int) -> None:
        if self._closing is not None:
            return  # the window is closing: no new work
        current = self.window.conversation.shown
        if current is not None and current.id == conversation_id and current.unread_count:
            self._spawn(self.mark_read(conversation_id, True))

    def _context(self, details: ConversationDetails, reply: bool) -> Any:
        from app.domain import OrderKind
        from app.policy import PolicyContext, pack_for

        return PolicyContext(
            pack=pack_for(details.marketplace_id),
            buyer_opted_out=details.buyer_opted_out,
            buyer_initiated=reply and details.buyer_initiated,
            order_kind=OrderKind(details.order_kind),
            buyer_locale=details.buyer_locale,
        )

    async def _open_reply_draft(self, row: ThreadRow) -> None:
        from app.storage.drafts import DraftData, draft_key_for_conversation

        assert self.drafts is not None
        key = draft_key_for_conversation(row.id)
        draft = await self.drafts.load(key)
        if self.current_id != row.id or self.details is None:
            return  # the seller moved on while the draft loaded
        if draft is None:
            subject = (
                row.subject
                if row.subject.lower().startswith(("re:", "sv:", "aw:"))
                else f"Re: {row.subject}"
            )
            draft = DraftData(key=key, subject=subject, conversation_id=row.id)
        self.window.composer.open_draft(draft, self._context(self.details, reply=True))

    def _reload_current(self) -> None:
        self.window.refresh_threads()
        self._show_current()

    def search(self, text: str) -> None:
        if self.store is None:
            return
        if self.searcher is None:
            from app.ui.latest_search import LatestSearch

            self.searcher = LatestSearch(self.store)
        if not text.strip():
            self.searcher.cancel()
            self.window.show_threads(self._page, self.filter.sort, self.current_id)
            return
        self._spawn(self._search(self.searcher, text))

    async def _search(self, searcher: Any, text: str) -> None:
        # Off the GUI thread; None when a newer keystroke's search replaced this one.
        found = await searcher.run(text, self.filter.marketplace_id)
        if found is None:
            return
        from app.ui.latest_search import SearchPages

        assert self.store is not None
        marketplace_id = self.filter.marketplace_id
        self.window.show_threads(
            SearchPages(self.store, text, marketplace_id, found), keep=self.current_id
        )

    def set_filter(self, flt: ThreadFilter) -> None:
        self.filter = flt
        if self.window.search.text().strip():
            self.search(self.window.search.text())
        else:
            self.window.show_threads(self._page, flt.sort, self.current_id)

    def _tick(self) -> None:
        self.window.threads.viewport().update()  # the clocks are computed at paint time
        thread = self.window.conversation.shown
        if thread is not None:
            self.window.conversation.update_thread(thread)
        if self.live is not None:
            self.window.connection.set_state(self.live.runner.state)

    # --- sync and connectivity -------------------------------------------------------

    def _state(self, state: ConnectivityState) -> None:
        from app.services.connectivity import Status

        self.window.connection.set_state(state)
        if state.status is Status.UNAUTHORIZED:
            self.window.sign_in_bar.show_unauthorized()
        elif state.status in (Status.ONLINE, Status.SESSION_ONLY):
            self.window.sign_in_bar.hide()

    # --- signing in ------------------------------------------------------------------

    def _relay_url(self) -> str:
        if self.live is not None:
            return self.live.relay_url
        if self.settings is not None:
            return str(self.settings.value("relay/url", "") or "")
        return ""

    def prompt_sign_in(self) -> None:
        """The sign-in dialog, prefilled with the relay in use; it stays open on a refusal."""
        from app.ui.sign_in import SignInDialog

        keyring = getattr(self, "keyring", None)
        if keyring is None:
            note = ""
        elif self.demo is not None:
            note = QCoreApplication.translate(
                "Session", "Demo: the token is kept in the demo folder."
            )
        elif keyring.secure:
            note = QCoreApplication.translate(
                "Session", "Your token will be kept in your system keyring (%1)."
            ).replace("%1", keyring.backend)
        else:
            note = QCoreApplication.translate(
                "Session",
                "No secure keyring on this computer (%1): the token is kept for this session "
                "only, and you sign in again next time.",
            ).replace("%1", keyring.backend)
        if self.sign_in_dialog is None:
            dialog = SignInDialog(self._relay_url(), note, self.window)
            dialog.submitted.connect(
                lambda url, token: self._spawn(self._sign_in_from(dialog, url, token))
            )
            self.sign_in_dialog = dialog
        _front(self.sign_in_dialog)
        self.sign_in_dialog.token.setFocus()

    async def _sign_in_from(self, dialog: Any, url: str, token: str) -> None:
        from app.services.relay_client import RelayError, Unauthorized

        try:
            await self.sign_in(url, token)
        except Unauthorized:
            dialog.failed(
                QCoreApplication.translate(
                    "Session", "The relay refused this token. Check it and try again."
                )
            )
            return
        except RelayError as exc:
            dialog.failed(
                QCoreApplication.translate("Session", "Could not sign in: %1").replace(
                    "%1", str(exc)
                )
            )
            return
        dialog.done_ok()

    async def sign_in(self, url: str, token: str) -> bool:
        """Check the token with the relay, keep it (keyring, or this session only), and sync
        with it from now on. True when the token went to the keyring. Raises
        ``Unauthorized`` when the relay refuses it; an unreachable relay is accepted (the
        runner keeps trying, as for any other outage)."""
        from app.services.credentials import TokenStore, keyring_status
        from app.services.relay_client import Offline, RelayClient

        probe = RelayClient(url, token, timeout=15)
        try:
            await probe.connect()
        except Offline:
            pass
        finally:
            await probe.aclose()
        if self.demo is not None:
            await asyncio.to_thread(self.demo.remember_token, token)
            in_keyring = False
        else:
            if getattr(self, "keyring", None) is None:
                self.keyring = await asyncio.to_thread(keyring_status)
            if getattr(self, "tokens", None) is None:
                self.tokens = TokenStore(self.keyring)
            in_keyring = await asyncio.to_thread(self.tokens.set, url, token)
            if self.settings is not None:
                self.settings.setValue("relay/url", url)
        if self.live is not None:
            old, self.live = self.live, None
            await old.close()
        self.window.sign_in_bar.hide()
        # The demo's token lives in its folder: not a session-only sign-in.
        self.start_live(url, token, session_only=not in_keyring and self.demo is None)
        return in_keyring

    def _synced(self, report: SyncReport) -> None:
        if not self.first_sync.done():
            self.first_sync.set_result(None)
        if not report.changed:
            return
        self._count()
        if report.of("Marketplace").upserted or report.of("Marketplace").destroyed:
            self._refresh_marketplaces()
        self._reload_current()
        newest = self._newest_inbound()
        if newest > self.newest_inbound:
            self._notify_new(newest)
            self.newest_inbound = newest

    def set_work_offline(self, offline: bool) -> None:
        if self.live is not None:
            self.live.set_work_offline(offline)

    # --- keywords --------------------------------------------------------------------

    def _messages_of(self, conversation_id: int) -> list[Any]:
        from app.storage import queries

        assert self.store is not None
        with self.store.read() as conn:
            return list(queries.conversation_messages(conn, conversation_id))

    def _conversation_action(self, action: Any) -> Any:
        """A pane button's handler, bound to the conversation on screen when it was pressed
        (the action runs later, after the seller may have moved on)."""

        def start(on: bool) -> None:
            if self.current_id is not None:
                self._spawn(action(self.current_id, on))

        return start

    async def _keywords(self, changes: list[tuple[str, dict[str, bool]]]) -> None:
        assert self.local_changes is not None
        for relay_id, patch in changes:
            await self.local_changes.set_keywords(relay_id, patch)
        self._reload_current()
        if self.live is not None:
            self.live.runner.wake()  # the relay hears of it on the next sync

    async def mark_read(self, conversation_id: int, read: bool) -> None:
        from app.domain import Direction

        msgs = [
            m
            for m in self._messages_of(conversation_id)
            if m.direction is Direction.INBOUND and m.relay_id
        ]
        if read:
            todo = [(m.relay_id, {"$seen": True}) for m in msgs if "$seen" not in m.keywords]
        else:
            todo = [(msgs[-1].relay_id, {"$seen": False})] if msgs else []
        await self._keywords(todo)

    async def set_flag(self, conversation_id: int, on: bool) -> None:
        msgs = [m for m in self._messages_of(conversation_id) if m.relay_id]
        if on:
            todo = [(msgs[-1].relay_id, {"$flagged": True})] if msgs else []
        else:
            todo = [(m.relay_id, {"$flagged": False}) for m in msgs if "$flagged" in m.keywords]
        await self._keywords(todo)

    async def set_nrn(self, conversation_id: int, on: bool) -> None:
        from app.domain import Direction

        msgs = [m for m in self._messages_of(conversation_id) if m.relay_id]
        # The buyer messages since the seller last wrote: the ones the clock runs for.
        run = []
        for m in reversed(msgs):
            if m.direction is Direction.OUTBOUND:
                break
            if m.direction is Direction.INBOUND:
                run.append(m)
        if not on:
            run = [m for m in msgs if "$noResponseNeeded" in m.keywords]
        await self._keywords([(m.relay_id, {"$noResponseNeeded": on}) for m in run])

    # --- composing and sending -------------------------------------------------------

    def _draft_edited(self, draft: DraftData) -> None:
        if self.drafts is not None:
            self.drafts.edit(draft)

    def new_message(self) -> None:
        from app.ui.new_message import NewMessageWindow

        d = self.details
        if d is None or self.drafts is None:
            return
        win = NewMessageWindow(self.window, d)
        win.composer.draft_changed.connect(self._draft_edited)
        win.composer.send_requested.connect(lambda draft: self._spawn(self.send(draft, win)))
        win.composer.attach_requested.connect(
            lambda paths: self._spawn(self.attach(paths, win.composer))
        )
        self._spawn(self._open_new_draft(win, d))
        win.show()

    async def _open_new_draft(self, win: Any, d: ConversationDetails) -> None:
        from app.storage.drafts import DraftData, draft_key_for_new

        assert self.drafts is not None
        key = draft_key_for_new(d.buyer_id, d.order_id)
        draft = await self.drafts.load(key) or DraftData(
            key=key, buyer_id=d.buyer_id, order_id=d.order_id
        )
        win.composer.open_draft(draft, self._context(d, reply=False))

    async def send(self, draft: DraftData, window: Any = None) -> None:
        assert self.drafts is not None
        if window is None and (
            draft.conversation_id is None or draft.conversation_id != self.current_id
        ):
            # Cannot happen by construction (the composer shows only the current one's
            # draft); refuse rather than answer a buyer who is not on screen.
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Session", "Not sent: this draft is not the open conversation's."
                ),
                8000,
            )
            return
        self.drafts.edit(draft)
        await self.drafts.flush()
        if self.live is None:
            self.prompt_sign_in()  # sending needs a relay account; the draft is kept
            return
        marketplace = self.details.marketplace_id if self.details else None
        if window is not None:
            marketplace = window.details.marketplace_id
        item = await self.live.outbox.send(draft.key, marketplace)
        self.window.undo_bar.start(item.id, item.send_after)
        if window is not None:
            window.close()
        elif draft.conversation_id is not None and draft.conversation_id == self.current_id:
            from app.storage.drafts import DraftData as Fresh

            fresh = Fresh(key=draft.key, subject=draft.subject, conversation_id=self.current_id)
            assert self.details is not None
            self.window.composer.open_draft(fresh, self._context(self.details, reply=True))
        QTimer.singleShot(
            int((item.send_after.timestamp() - time.time()) * 1000) + 50, self.live.kick_outbox
        )

    async def undo(self, item_id: int) -> None:
        if self.live is None:
            return
        draft = await self.live.outbox.undo(item_id)
        if draft is None:
            self.window.undo_bar.finish(
                QCoreApplication.translate("Session", "Too late to undo: already sending")
            )
            return
        self.window.undo_bar.finish(QCoreApplication.translate("Session", "Back in your drafts"))
        if draft.conversation_id == self.current_id and self.details:
            self.window.composer.open_draft(draft, self._context(self.details, reply=True))

    def _outbox_changed(self, items: list[OutboxItem]) -> None:
        from app.domain import OutboxState

        for item in items:
            if item.state is OutboxState.SENT:
                self.window.undo_bar.finish(QCoreApplication.translate("Session", "Sent ✓"))
            elif item.state is OutboxState.NEEDS_ATTENTION:
                self.window.undo_bar.finish(
                    QCoreApplication.translate("Session", "Not sent: %1 (see the outbox)").replace(
                        "%1", item.error_detail or item.error_type or ""
                    )
                )
        if self.outbox_dialog is not None and self.outbox_dialog.isVisible():
            self._spawn(self._fill_outbox())
        if self.live is not None:
            self.live.runner.wake()  # pick up the sent message in the conversation

    async def show_outbox(self) -> None:
        from app.ui.outbox_view import OutboxDialog

        if self.outbox_dialog is None:
            self.outbox_dialog = OutboxDialog(self.window)
            self.outbox_dialog.retry.connect(lambda i: self._spawn(self._retry(i)))
            self.outbox_dialog.undo.connect(lambda i: self._spawn(self.undo(i)))
        await self._fill_outbox()
        _front(self.outbox_dialog)

    async def _fill_outbox(self) -> None:
        from app.domain import OutboxState
        from app.storage.drafts import outbox_items

        assert self.store is not None
        store = self.store

        def read() -> list[OutboxItem]:
            with store.read() as conn:
                return outbox_items(
                    conn, (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.NEEDS_ATTENTION)
                )

        self.outbox_dialog.set_items(await self.worker.call(read))

    async def _retry(self, item_id: int) -> None:
        if self.live is not None:
            await self.live.outbox.retry(item_id)
            self.live.kick_outbox()
            await self._fill_outbox()

    # --- attachments -----------------------------------------------------------------

    async def attach(self, paths: list[str], composer: Any = None) -> None:
        """Check each file by its content, upload the good ones, say in the composer why any
        other was not attached (the rest still go through)."""
        from app.services.attachments import AttachmentRefused, check_file, upload
        from app.services.relay_client import RelayError
        from app.ui.policy_text import refusal_text

        composer = composer or self.window.composer
        mid = self.details.marketplace_id if self.details else None
        refused: list[str] = []
        for p in paths:
            try:
                checked = await asyncio.to_thread(check_file, Path(p), mid)
            except AttachmentRefused as exc:
                refused.append(refusal_text(exc))  # worded in the window's language
                continue
            except OSError as exc:
                refused.append(f"{Path(p).name}: {exc.strerror or exc}")
                continue
            if self.live is None:
                refused.append(
                    QCoreApplication.translate(
                        "Session", "Attachments need a relay account: sign in first."
                    )
                )
                break
            try:
                info = await upload(self.live.client, checked)
            except RelayError as exc:
                refused.append(f"{checked.name}: {exc}")
                continue
            composer.add_attachment({**info, "path": str(p)})
        if refused:
            composer.show_attach_error(
                QCoreApplication.translate("Session", "Not attached: %1").replace(
                    "%1", "\n".join(refused)
                )
            )

    async def attachment(self, attachment_id: int, action: str) -> None:
        from app.services.attachments import (
            OpenRefused,
            export_for_opening,
            fetch,
            safe_export_name,
        )
        from app.storage.profile import Profile
        from app.ui.conversation_pane import attachment_refusal

        if self.live is None or self.store is None:
            return
        path = await fetch(self.live.client, self.store, self.worker, attachment_id)
        name = next(
            (
                a.name
                for m in self.window.conversation.messages
                for a in m.attachments
                if a.id == attachment_id
            ),
            "attachment",
        )
        if action == "save":
            # The relay's name is only a suggestion: no folders, no control characters, so
            # "../x" or a CR/LF cannot put the file outside the folder the seller picks.
            dialog = QFileDialog(
                self.window, QCoreApplication.translate("Session", "Save attachment")
            )
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDirectory(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
            )
            dialog.selectFile(safe_export_name(name))
            dialog.fileSelected.connect(
                lambda target: self._spawn(asyncio.to_thread(shutil.copyfile, path, target))
            )
            self.save_dialog = dialog
            dialog.open()  # not exec(): a nested loop would stall asyncio under qasync
        else:
            exports = Profile(Path(self.opts.profile)).exports
            try:  # a copy named for its sniffed type; scripts and programs are never opened
                export = await asyncio.to_thread(export_for_opening, path, name, exports)
            except OpenRefused as exc:
                self.window.statusBar().showMessage(attachment_refusal(exc), 15000)
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(export)))

    async def load_remote(self, message_id: int, urls: list[str]) -> None:
        import httpx

        images: dict[str, QImage] = {}
        async with httpx.AsyncClient(timeout=10, follow_redirects=False) as client:
            for url in urls[:20]:
                try:
                    response = await client.get(url)
                except httpx.HTTPError:
                    continue
                if response.status_code == 200 and len(response.content) <= REMOTE_IMAGE_CAP:
                    image = QImage.fromData(response.content)
                    if not image.isNull():
                        images[url] = image
        self.window.conversation.allow_remote(message_id, images)

    # --- notifications ---------------------------------------------------------------

    def _notify_new(self, newest: int) -> None:
        from app.storage import queries
        from app.ui.tray import decide

        assert self.store is not None
        with self.store.read() as conn:
            headline = queries.message_headline(conn, newest)
        note = decide(newest, self.newest_inbound, headline, enabled=self._notifications_on())
        if note is not None:
            self.notifier.notify(note)

    def _notifications_on(self) -> bool:
        if self.settings is None:
            return True
        return str(self.settings.value("notifications/enabled", "true")).lower() == "true"

    # --- dialogs ---------------------------------------------------------------------

    def show_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(self, self.window)
        self.settings_dialog.refresh()
        _front(self.settings_dialog)

    def set_messaging(
        self,
        marketplace_id: str,
        *,
        enabled: bool | None = None,
        vacation: tuple[datetime | None, datetime | None] | None = None,
    ) -> None:
        self._spawn(self._set_messaging(marketplace_id, enabled, vacation))

    async def _set_messaging(
        self,
        marketplace_id: str,
        enabled: bool | None,
        vacation: tuple[datetime | None, datetime | None] | None,
    ) -> None:
        assert self.local_changes is not None
        await self.local_changes.set_messaging(marketplace_id, enabled=enabled, vacation=vacation)
        self._refresh_marketplaces()
        if self.live is not None:
            self.live.runner.wake()

    async def show_metrics(self) -> None:
        from app.storage.queries import response_metrics
        from app.ui.metrics_view import MetricsDialog

        assert self.store is not None
        store = self.store

        def read() -> dict[str, Any]:
            with store.read() as conn:
                return response_metrics(conn)

        if self.metrics_dialog is None:
            self.metrics_dialog = MetricsDialog(self.window)
        self.metrics_dialog.set_metrics(await self.worker.call(read))
        _front(self.metrics_dialog)

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
        self.stop_buyer.set()
        if self.drafts is not None:
            try:
                await self.drafts.aclose()
            except Exception as exc:  # never lose the window's close over a draft
                print(f"seller-inbox: could not save a draft: {exc}", file=sys.stderr)
        await self.mailbox.aclose()
        if self.live is not None:
            await self.live.close()
        pending = [t for t in self.tasks if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)

    def close(self) -> None:
        self.worker.shutdown()
        if self.demo is not None:
            self.demo.stop()
        self.mailbox.stop()
        if self.store is not None:
            self.store.close()
        self.lock.release()


def _front(dialog: Any) -> None:
    dialog.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        dialog.raise_()  # the offscreen plugin warns that it cannot
