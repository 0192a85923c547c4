"""Connect my mailbox: the address, its IMAP and SMTP servers (pre-filled for the common
providers), the password, and a connection test that shows each step and says exactly which
one failed.

The dialog runs the check (``app.services.mailbox_check``, on a thread) as an asyncio task and
shows its steps as they pass. "Connect" tests first; when every step passed it emits
``connect_requested`` with a ``MailboxSetup`` and waits for ``done_ok()`` or ``failed(text)``
from whoever keeps the password and starts the bridge (``app.ui.mailbox_account``). The fields
are `mailbox_form.py`, the step list and the failures' wording `mailbox_steps.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.mail_endpoints import BadMailboxUrl
from app.services.mailbox_check import STEPS, CheckReport, MailboxError, StepResult, check_mailbox
from app.ui.mailbox_form import MailboxForm
from app.ui.mailbox_steps import MARKS, StepList, failure_text
from app.ui.theme import error_colour

__all__ = ["MARKS", "MailboxConnectDialog", "MailboxSetup", "failure_text"]

Checker = Callable[..., Awaitable[CheckReport]]


@dataclass(frozen=True)
class MailboxSetup:
    address: str
    imap_url: str
    smtp_url: str
    password: str


class MailboxConnectDialog(QDialog):
    connect_requested = Signal(object)  # MailboxSetup, once every step passed
    back = Signal()  # to the first-run choice

    def __init__(
        self,
        keyring_note: str = "",
        parent: QWidget | None = None,
        check: Checker = check_mailbox,
        show_back: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailbox-connect-dialog")
        self.setWindowTitle(self.tr("Connect your mailbox"))
        self.setMinimumWidth(600)
        self.check = check
        self.task: asyncio.Task[Any] | None = None
        # The settings (and password) the last passing test was for: Connect needs no retest.
        self.passed: tuple[str, ...] | None = None
        self.report: CheckReport | None = None
        intro = QLabel(
            self.tr(
                "Seller Inbox reads buyer messages from the mailbox Amazon writes to, and "
                "sends your replies from it. Use the address you approved in Seller Central."
            )
        )
        intro.setWordWrap(True)
        self.form = MailboxForm(keyring_note)
        # The fields, under the names callers and tests know.
        self.address = self.form.address
        self.provider = self.form.provider
        self.provider_note = self.form.provider_note
        self.login = self.form.login
        self.password = self.form.password
        self.keyring = self.form.keyring
        self.imap_host = self.form.imap_host
        self.imap_port = self.form.imap_port
        self.imap_security = self.form.imap_security
        self.smtp_host = self.form.smtp_host
        self.smtp_port = self.form.smtp_port
        self.smtp_security = self.form.smtp_security

        self.progress = QProgressBar()
        self.progress.setObjectName("mailbox-progress")
        self.progress.setRange(0, len(STEPS))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.steps = StepList()
        self.step_marks, self.step_notes = self.steps.marks, self.steps.notes
        self.steps.hide()
        self.outcome = QLabel()
        self.outcome.setObjectName("mailbox-result")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.error = QLabel()
        self.error.setObjectName("mailbox-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{error_colour()};font-weight:600")
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.test_button = self.buttons.addButton(
            self.tr("Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.setObjectName("mailbox-test")
        self.ok = self.buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("mailbox-connect")
        self.ok.setDefault(True)
        self.back_button: QPushButton | None = None
        if show_back:
            self.back_button = self.buttons.addButton(
                self.tr("Back"), QDialogButtonBox.ButtonRole.ResetRole
            )
            self.back_button.clicked.connect(self._back)
        self.test_button.clicked.connect(lambda: self._start(connect=False))
        self.ok.clicked.connect(lambda: self._start(connect=True))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.steps)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.address.setFocus()

    # --- pre-filling ---------------------------------------------------------------------

    def set_address(self, address: str) -> None:
        self.form.set_address(address)

    def prefill(self, address: str, imap_url: str, smtp_url: str, ask_again: bool = False) -> None:
        """Show stored settings; ``ask_again``: the password was kept for one session only."""
        self.form.prefill(address, imap_url, smtp_url)
        self.passed = None
        if ask_again:
            self._show_error(
                self.tr(
                    "Enter the password for %1 again: it was kept for the last session only."
                ).replace("%1", address)
            )
        self.password.setFocus()

    # --- the check -------------------------------------------------------------------------

    def settings(self) -> tuple[str, str, str]:
        """(address, imap_url, smtp_url) from the fields; ValueError with a text to show."""
        return self.form.settings()

    def _start(self, connect: bool) -> None:
        if self.task is not None and not self.task.done():
            return
        try:
            address, imap, smtp = self.settings()
        except ValueError as exc:
            self._show_error(str(exc))
            return
        password = self.password.text()
        if not password:
            self._show_error(self.tr("Enter the password (or app password)."))
            return
        if connect and self.passed == (address, imap, smtp, password):
            self._connect(address, imap, smtp, password)  # tested just now with these settings
            return
        self._reset()
        self.task = asyncio.ensure_future(self._run(address, imap, smtp, password, connect))

    def _reset(self) -> None:
        """Busy, with every step waiting: shown at once, before the check's first step."""
        self.error.hide()
        self.outcome.hide()
        self.passed = None
        self._busy(True)
        self.steps.reset()
        self.steps.show()
        self.progress.setValue(0)
        self.progress.show()

    async def _run(self, address: str, imap: str, smtp: str, password: str, connect: bool) -> None:
        try:
            report = await self.check(imap, smtp, password, on_step=self._step)
        except MailboxError as exc:
            self._busy(False)
            self._show_error(failure_text(exc))
            return
        except BadMailboxUrl as exc:
            self._busy(False)
            self._show_error(str(exc))
            return
        self._busy(False)
        self.passed, self.report = (address, imap, smtp, password), report
        extras = [
            n for n, on in (("CONDSTORE", report.condstore), ("QRESYNC", report.qresync)) if on
        ]
        text = self.tr("Every check passed: Seller Inbox can read and send mail with this mailbox.")
        if extras:
            text += " " + self.tr("The server also offers %1.").replace("%1", ", ".join(extras))
        if not report.idle:
            text += " " + self.tr(
                "But the server does not offer IMAP IDLE: Seller Inbox checks for new mail "
                "every minute instead of within seconds."
            )
        self.outcome.setText(text)
        self.outcome.show()
        if connect:
            self._connect(address, imap, smtp, password)

    def _step(self, result: StepResult) -> None:
        self.progress.setValue(self.steps.show_result(result))

    def _connect(self, address: str, imap: str, smtp: str, password: str) -> None:
        self._busy(True)
        self.ok.setText(self.tr("Connecting…"))
        self.connect_requested.emit(MailboxSetup(address, imap, smtp, password))

    def _busy(self, on: bool) -> None:
        for w in (self.ok, self.test_button, self.address, self.password, self.provider):
            w.setEnabled(not on)
        self.ok.setText(self.tr("Testing…") if on else self.tr("Connect"))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # --- answers from whoever connects ---------------------------------------------------

    def failed(self, reason: str) -> None:
        self._busy(False)
        self._show_error(reason)

    def done_ok(self) -> None:
        self.password.clear()
        self._busy(False)
        self.accept()

    def _back(self) -> None:
        self.reject()
        self.back.emit()

    def cancel_check(self) -> None:
        """Stop waiting for a check in progress (its thread ends within its timeouts)."""
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def aclose(self) -> None:
        self.cancel_check()
        if self.task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task

    def reject(self) -> None:
        self.cancel_check()
        super().reject()
