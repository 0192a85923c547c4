"""The relay account: connecting at start (the demo relay, or the account in Settings),
signing in (the bar, its dialog, Settings' account tab), and the live services that keep the
window in step with the relay while signed in.

The services report through ``Ops.publish``: connection states, syncs, outbox outcomes. This
class shows the connection and the sign-in bar; the list, the conversation and the composer
follow the same ``Changes`` on their own.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.services.credentials import KeyringStatus, TokenStore
    from app.services.drafts import DraftAutosaver
    from app.services.live import LiveServices
    from app.services.local_changes import LocalChanges
    from app.services.ops import Changes, Ops
    from app.services.store_worker import StoreWorker
    from app.storage.store import Store
    from app.ui.demo import DemoRelay, SimulatedBuyer
    from app.ui.main_window import MainWindow
    from app.ui.prefs import Preferences


class Account:
    def __init__(
        self, window: MainWindow, ops: Ops, prefs: Preferences, worker: StoreWorker
    ) -> None:
        self.window = window
        self.ops = ops
        self.prefs = prefs
        self.worker = worker
        self.store: Store | None = None
        self.local_changes: LocalChanges | None = None
        self.drafts: DraftAutosaver | None = None
        self.live: LiveServices | None = None
        self.demo: DemoRelay | None = None
        self.buyer: SimulatedBuyer | None = None
        self.stop_buyer = asyncio.Event()
        self.buyer_task: asyncio.Future[None] | None = None
        self.keyring: KeyringStatus | None = None
        self.tokens: TokenStore | None = None
        self.sign_in_dialog: Any = None
        self.first_sync: asyncio.Future[None] = asyncio.get_event_loop().create_future()
        self.on_live: Callable[[LiveServices | None], None] = lambda _live: None
        window.sign_in_bar.sign_in.connect(self.prompt_sign_in)
        window.connection.work_offline_changed.connect(self.set_work_offline)
        ops.subscribe(self._changed)

    def ready(
        self,
        store: Store,
        local_changes: LocalChanges,
        drafts: DraftAutosaver,
        keyring: KeyringStatus,
    ) -> None:
        self.store, self.local_changes, self.drafts = store, local_changes, drafts
        self.keyring = keyring

    # --- connecting ------------------------------------------------------------------

    async def go_live(self, demo_profile: Path | None) -> bool:
        """Connect to the relay: the embedded demo one, or the account from Settings. False
        when there is no account (the sign-in bar says so)."""
        url, token, session_only = None, None, False
        if demo_profile is not None:
            from app.ui.demo import SimulatedBuyer, start_demo

            self.window.connection.label.setText(
                QCoreApplication.translate("Session", "Starting the demo relay…")
            )
            self.demo = await asyncio.to_thread(start_demo, demo_profile)
            url, token = self.demo.url, self.demo.token
            self.buyer = SimulatedBuyer(self.demo.db_url)
            # Runs until the window closes: not an operation (``Ops.idle`` would never end).
            self.buyer_task = asyncio.ensure_future(self.buyer.run(self.stop_buyer))
        elif self.prefs.relay_url():
            url = self.prefs.relay_url()
            tokens = self._tokens()
            token = await asyncio.to_thread(tokens.get, url)
            session_only = bool(self.keyring and self.keyring.session_only)
        if not url or not token:
            self.window.connection.set_no_account()
            self.window.sign_in_bar.show_no_account()
            return False
        self.start_live(url, token, session_only=session_only)
        return True

    def start_live(self, url: str, token: str, *, session_only: bool) -> None:
        from app.services.live import LiveServices

        assert self.store is not None and self.local_changes and self.drafts
        self.live = LiveServices(
            self.store,
            self.worker,
            url,
            token,
            self.local_changes,
            self.drafts,
            self.ops,
            session_only=session_only,
            undo_window=timedelta(seconds=self.prefs.undo_seconds()),
        )
        self.live.set_work_offline(self.window.connection.offline.isChecked())
        self.live.start()
        self.on_live(self.live)
        gc.freeze()  # the live services' modules too (see Session.open_store)

    async def stop_live(self) -> None:
        """End the live services (before starting them with another relay or token)."""
        if self.live is not None:
            old, self.live = self.live, None
            self.on_live(None)
            await old.close()

    def set_work_offline(self, offline: bool) -> None:
        if self.live is not None:
            self.live.set_work_offline(offline)

    def wake(self) -> None:
        """Sync soon: a local change is waiting for the relay."""
        if self.live is not None:
            self.live.runner.wake()

    def _changed(self, changes: Changes) -> None:
        from app.services.connectivity import Status
        from app.ui.prefs import UNDO_SECONDS

        if changes.synced and not self.first_sync.done():
            self.first_sync.set_result(None)
        state = changes.connection
        if state is not None:
            self.window.connection.set_state(state)
            if state.status is Status.UNAUTHORIZED:
                self.window.sign_in_bar.show_unauthorized()
            elif state.status in (Status.ONLINE, Status.SESSION_ONLY):
                self.window.sign_in_bar.hide()
        if UNDO_SECONDS in changes.settings and self.live is not None:
            self.live.outbox.undo_window = timedelta(seconds=self.prefs.undo_seconds())
        if changes.outbox or changes.to_relay:
            self.wake()  # a local edit goes to the relay; a sent message comes back from it

    # --- signing in ------------------------------------------------------------------

    def relay_url(self) -> str:
        return self.live.relay_url if self.live is not None else self.prefs.relay_url()

    def _tokens(self) -> TokenStore:
        from app.services.credentials import TokenStore

        assert self.keyring is not None
        if self.tokens is None:
            self.tokens = TokenStore(self.keyring)
        return self.tokens

    def prompt_sign_in(self) -> None:
        """The sign-in dialog, prefilled with the relay in use; it stays open on a refusal."""
        from app.ui.dialogs import front
        from app.ui.sign_in import SignInDialog

        keyring = self.keyring
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
            dialog = SignInDialog(self.relay_url(), note, self.window)
            dialog.submitted.connect(
                lambda url, token: self.ops.run(self._sign_in_from(dialog, url, token))
            )
            self.sign_in_dialog = dialog
        front(self.sign_in_dialog)
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
        from app.services.credentials import keyring_status
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
            if self.keyring is None:
                self.keyring = await asyncio.to_thread(keyring_status)
            in_keyring = await asyncio.to_thread(self._tokens().set, url, token)
            self.prefs.set_relay_url(url)
        await self.stop_live()
        self.window.sign_in_bar.hide()
        # The demo's token lives in its folder: not a session-only sign-in.
        self.start_live(url, token, session_only=not in_keyring and self.demo is None)
        return in_keyring

    # --- shutdown --------------------------------------------------------------------

    async def aclose(self) -> None:
        self.stop_buyer.set()
        if self.buyer_task is not None:
            await asyncio.wait([self.buyer_task], timeout=5)
        if self.live is not None:
            await self.live.close()

    def close(self) -> None:
        if self.demo is not None:
            self.demo.stop()
