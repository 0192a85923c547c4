"""A window's own-mailbox account: the first-run choice, the connect dialog, the password
(keyring, or this session only) and the solo relay with its bridge (``app.ui.solo``).

The session calls ``go_live`` at start (True when the profile is a solo one and the relay is
up), ``offer_first_run`` when the profile has no account at all, and ``stop`` at the end.
Dialogs open with ``show()`` and answer by signal: no nested event loops.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QProcess

if TYPE_CHECKING:
    from app.services.credentials import KeyringStatus
    from app.services.mailbox_secrets import MailboxPasswords
    from app.ui.mailbox_connect import MailboxConnectDialog, MailboxSetup
    from app.ui.mailbox_settings import MailboxStatesBox
    from app.ui.solo import SoloRelay


def demo_command() -> tuple[str, list[str]]:
    """How to start this program again in demo mode (its own profile)."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: the executable is the app
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "app.cli", "--demo"]


def keyring_note(secure: bool, backend: str) -> str:
    if secure:
        return QCoreApplication.translate(
            "MailboxAccount", "The password will be kept in your system keyring (%1)."
        ).replace("%1", backend)
    return QCoreApplication.translate(
        "MailboxAccount",
        "No secure keyring on this computer (%1): the password is kept for this session only, "
        "and you enter it again next time.",
    ).replace("%1", backend)


class MailboxAccount:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.profile: Path = session.opts.profile
        self.solo: SoloRelay | None = None
        self.passwords: MailboxPasswords | None = None
        self.first_run_dialog: Any = None
        self.connect_dialog: MailboxConnectDialog | None = None

    def configured(self) -> bool:
        from app.ui.solo import is_solo

        return is_solo(self.profile)

    async def _passwords(self) -> MailboxPasswords:
        if self.passwords is None:
            from app.services.credentials import keyring_status
            from app.services.mailbox_secrets import MailboxPasswords

            status: KeyringStatus | None = self.session.account.keyring
            if status is None:
                status = await asyncio.to_thread(keyring_status)
            self.passwords = MailboxPasswords(status)
        return self.passwords

    # --- start-up ------------------------------------------------------------------------

    async def go_live(self) -> bool:
        """Start the profile's relay and sync with it; ask for a password the keyring lacks."""
        if not self.configured():
            return False
        from app.ui import solo

        passwords = await self._passwords()
        await self._start_relay()
        for address, imap, smtp in await asyncio.to_thread(solo.mailbox_urls, self.profile):
            if not await asyncio.to_thread(passwords.get, address):
                self.show_connect(prefill=(address, imap, smtp), ask_again=True)  # session-only
                break
        return True

    async def _start_relay(self) -> None:
        from app.ui import solo

        passwords = await self._passwords()
        await self.session.account.stop_live()
        if self.solo is not None:
            running, self.solo = self.solo, None
            await asyncio.to_thread(running.stop)
        self.solo = await asyncio.to_thread(solo.start_solo, self.profile, passwords)
        self.session.window.sign_in_bar.hide()
        # The token lives in memory only and is minted anew at each start.
        self.session.account.start_live(self.solo.url, self.solo.token, session_only=False)

    # --- first run ---------------------------------------------------------------------

    def offer_first_run(self) -> None:
        from app.ui.first_run import FirstRunDialog

        if self.first_run_dialog is None:
            self.first_run_dialog = FirstRunDialog(self.session.window)
            self.first_run_dialog.chosen.connect(self._chosen)
        _front(self.first_run_dialog)

    def _chosen(self, key: str) -> None:
        if key == "mailbox":
            self.show_connect(show_back=True)
        elif key == "relay":
            self.session.account.prompt_sign_in()
        elif key == "demo":
            program, args = demo_command()
            if QProcess.startDetached(program, args)[0]:
                self.session.window.close()

    # --- the connect dialog --------------------------------------------------------------

    def show_connect(
        self,
        prefill: tuple[str, str, str] | None = None,
        show_back: bool = False,
        ask_again: bool = False,
        address: str = "",
    ) -> None:
        from app.ui.mailbox_connect import MailboxConnectDialog

        if self.connect_dialog is None:
            status = self.session.account.keyring
            note = keyring_note(status.secure, status.backend) if status is not None else ""
            dialog = MailboxConnectDialog(note, self.session.window, show_back=show_back)
            dialog.connect_requested.connect(
                lambda setup: self.session.ops.run(self._connect(dialog, setup))
            )
            dialog.back.connect(self.offer_first_run)
            self.connect_dialog = dialog
        if prefill is not None:
            self.connect_dialog.prefill(*prefill, ask_again=ask_again)
        elif address:
            self.connect_dialog.set_address(address)
        _front(self.connect_dialog)

    async def _connect(self, dialog: MailboxConnectDialog, setup: MailboxSetup) -> None:
        from app.ui import solo
        from relay.mailbridge.accounts import MailboxError

        passwords = await self._passwords()
        try:
            await asyncio.to_thread(
                solo.add_mailbox, self.profile, setup.address, setup.imap_url, setup.smtp_url
            )
        except MailboxError as exc:  # settings the relay refuses; the dialog says why
            dialog.failed(str(exc))
            return
        in_keyring = await asyncio.to_thread(passwords.set, setup.address, setup.password)
        try:
            await self._start_relay()
        except Exception as exc:  # a bug or a broken profile: said in the dialog, then logged
            dialog.failed(
                QCoreApplication.translate(
                    "MailboxAccount", "Could not start the mailbox relay: %1"
                ).replace("%1", str(exc))
            )
            raise
        dialog.done_ok()
        message = (
            QCoreApplication.translate("MailboxAccount", "Connected to %1.")
            if in_keyring
            else QCoreApplication.translate(
                "MailboxAccount", "Connected to %1. The password is kept for this session only."
            )
        )
        self.session.window.statusBar().showMessage(message.replace("%1", setup.address), 10000)
        if self.session.settings_dialog is not None:
            self.session.settings_dialog.close()  # rebuilt with the mailbox next time
            self.session.settings_dialog = None

    # --- Settings -------------------------------------------------------------------------

    def states_box(self) -> MailboxStatesBox | None:
        """Settings' view of the mailboxes: this profile's own (solo), or those a team relay's
        bridge reads (shown only if it has any); None for the demo or while signed out. The
        states are read off the UI thread and filled in when they arrive."""
        from app.ui.mailbox_settings import MailboxStatesBox

        if self.configured():
            box = MailboxStatesBox()
            box.change_requested.connect(
                lambda address: self.session.ops.run(self._change(address))
            )
            self.session.ops.run(self._fill_states(box))
            return box
        live = self.session.live
        if live is None or self.session.account.demo is not None:
            return None
        box = MailboxStatesBox(on_team_relay=True)
        box.hide()
        self.session.ops.run(self._fill_team_states(box, live.client))
        return box

    async def _fill_team_states(self, box: MailboxStatesBox, client: Any) -> None:
        from app.services.relay_client import RelayError
        from app.services.team_mailboxes import team_mailboxes

        try:
            states = await team_mailboxes(client)
        except RelayError:
            return  # offline: the status bar already says so; no stale state here
        with contextlib.suppress(RuntimeError):  # the Settings dialog was closed meanwhile
            if states:
                box.show_states(states)
                box.show()

    async def _fill_states(self, box: MailboxStatesBox) -> None:
        from app.ui import solo

        states = await asyncio.to_thread(solo.mailboxes, self.profile)
        with contextlib.suppress(RuntimeError):  # the Settings dialog was closed meanwhile
            box.show_states(states)

    async def _change(self, address: str) -> None:
        from app.ui import solo

        for found in await asyncio.to_thread(solo.mailbox_urls, self.profile):
            if found[0] == address:
                self.show_connect(prefill=found)

    # --- shutdown ------------------------------------------------------------------------

    async def aclose(self) -> None:
        if self.connect_dialog is not None:
            await self.connect_dialog.aclose()

    def stop(self) -> None:
        if self.solo is not None:
            self.solo.stop()
            self.solo = None


def _front(dialog: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    dialog.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        dialog.raise_()  # the offscreen plugin warns that it cannot
