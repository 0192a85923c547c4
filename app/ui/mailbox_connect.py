"""Connect my mailbox: the address, its IMAP and SMTP servers (pre-filled for the common
providers), the password, and a connection test that shows each step and says exactly which
one failed.

The dialog runs the check (``app.services.mailbox_check``, on a thread) as an asyncio task and
shows its steps as they pass. "Connect" tests first; when every step passed it emits
``connect_requested`` with a ``MailboxSetup`` and waits for ``done_ok()`` or ``failed(text)``
from whoever keeps the password and starts the bridge (``app.ui.mailbox_account``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import mail_providers
from app.domain.mail_endpoints import BadMailboxUrl, Endpoint, is_loopback
from app.services.mailbox_check import (
    STEPS,
    CheckReport,
    MailboxError,
    MailboxRetryLater,
    StepResult,
    check_mailbox,
)
from app.ui.theme import error_colour, muted_colour
from app.ui.translations import QT_TRANSLATE_NOOP

Checker = Callable[..., Awaitable[CheckReport]]

STEP_NAMES = {
    "imap.dns": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Find the IMAP server"),
    "imap.connect": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Connect to the IMAP server"),
    "imap.tls": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Secure connection (IMAP)"),
    "imap.login": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Sign in (IMAP)"),
    "imap.idle": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Instant delivery (IMAP IDLE)"),
    "smtp.dns": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Find the SMTP server"),
    "smtp.connect": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Connect to the SMTP server"),
    "smtp.tls": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Secure connection (SMTP)"),
    "smtp.login": QT_TRANSLATE_NOOP("MailboxConnectDialog", "Sign in (SMTP)"),
}
MARKS = {"ok": "✓", "failed": "✗", "skipped": "–", "warning": "!", "running": "…", "waiting": "·"}
# Security choices: (data, label). "none" is accepted only for a server on this computer.
IMAP_SECURITY = (
    ("tls", QT_TRANSLATE_NOOP("MailboxConnectDialog", "SSL/TLS")),
    ("none", QT_TRANSLATE_NOOP("MailboxConnectDialog", "None (this computer only)")),
)
SMTP_SECURITY = (
    ("tls", QT_TRANSLATE_NOOP("MailboxConnectDialog", "SSL/TLS")),
    ("starttls", QT_TRANSLATE_NOOP("MailboxConnectDialog", "STARTTLS")),
    ("none", QT_TRANSLATE_NOOP("MailboxConnectDialog", "None (this computer only)")),
)


@dataclass(frozen=True)
class MailboxSetup:
    address: str
    imap_url: str
    smtp_url: str
    password: str


def failure_text(error: MailboxError) -> str:
    """What failed and what to do, in the window's language; the server's own words follow."""
    p, host, port = error.protocol, error.host, str(error.port)
    kind = error.kind
    if kind == "dns":
        text = QCoreApplication.translate(
            "MailboxText", "Cannot find the %1 server %2. Check the server name."
        )
    elif kind == "network":
        text = QCoreApplication.translate(
            "MailboxText",
            "Cannot reach the %1 server %2 on port %3. Check the port and your internet "
            "connection.",
        )
    elif kind == "tls":
        text = QCoreApplication.translate(
            "MailboxText",
            "The secure connection to the %1 server %2 on port %3 failed. Check the port and "
            "the security setting (IMAP: SSL/TLS on 993; SMTP: SSL/TLS on 465 or STARTTLS on "
            "587).",
        )
    elif kind == "login":
        text = QCoreApplication.translate(
            "MailboxText",
            "The %1 server %2 refused the sign-in. Check the address and password. Gmail, "
            "iCloud, Yahoo and others need an app password when two-step verification is on.",
        )
    elif isinstance(error, MailboxRetryLater):
        text = QCoreApplication.translate(
            "MailboxText", "The %1 server %2 is busy. Try again in a few minutes."
        )
    else:
        text = QCoreApplication.translate(
            "MailboxText", "The %1 server %2 on port %3 answered unexpectedly."
        )
    text = text.replace("%1", p).replace("%2", host).replace("%3", port)
    if error.detail:
        said = QCoreApplication.translate("MailboxText", "The server said: %1")
        text += "\n" + said.replace("%1", error.detail)
    return text


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
        self._chosen_by_hand = False
        intro = QLabel(
            self.tr(
                "Seller Inbox reads buyer messages from the mailbox Amazon writes to, and "
                "sends your replies from it. Use the address you approved in Seller Central."
            )
        )
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setObjectName("mailbox-address")
        self.address.setPlaceholderText("shop@example.com")
        self.provider = QComboBox()
        self.provider.setObjectName("mailbox-provider")
        self.provider.addItem(self.tr("Other (enter the servers)"), "")
        for p in mail_providers.PROVIDERS:
            self.provider.addItem(p.name, p.key)  # brand names: not translated
        self.provider_note = QLabel()
        self.provider_note.setObjectName("mailbox-provider-note")
        self.provider_note.setWordWrap(True)
        self.provider_note.hide()
        self.login = QLineEdit()
        self.login.setObjectName("mailbox-login")
        self.login.setPlaceholderText(self.tr("The same as the address"))
        self.imap_host, self.imap_port, self.imap_security = self._server_row(
            "imap", 993, IMAP_SECURITY
        )
        self.smtp_host, self.smtp_port, self.smtp_security = self._server_row(
            "smtp", 465, SMTP_SECURITY
        )
        self.password = QLineEdit()
        self.password.setObjectName("mailbox-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keyring = QLabel(keyring_note)
        self.keyring.setObjectName("mailbox-keyring")
        self.keyring.setWordWrap(True)
        self.keyring.setStyleSheet(f"color:{muted_colour()}")
        self.keyring.setVisible(bool(keyring_note))

        form = QFormLayout()
        form.addRow(self.tr("E-mail address"), self.address)
        form.addRow(self.tr("Provider"), self.provider)
        form.addRow("", self.provider_note)
        form.addRow(
            self.tr("IMAP server (incoming)"),
            self._row(self.imap_host, self.imap_port, self.imap_security),
        )
        form.addRow(
            self.tr("SMTP server (outgoing)"),
            self._row(self.smtp_host, self.smtp_port, self.smtp_security),
        )
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.keyring)

        self.progress = QProgressBar()
        self.progress.setObjectName("mailbox-progress")
        self.progress.setRange(0, len(STEPS))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.steps = QWidget()
        grid = QGridLayout(self.steps)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.step_marks: dict[str, QLabel] = {}
        self.step_notes: dict[str, QLabel] = {}
        for i, step in enumerate(STEPS):
            column = 0 if step.startswith("imap") else 3
            row = i if column == 0 else i - 5
            mark, name, note = QLabel(MARKS["waiting"]), QLabel(self.tr(STEP_NAMES[step])), QLabel()
            mark.setObjectName(f"step-{step}")
            note.setStyleSheet(f"color:{muted_colour()}")
            grid.addWidget(mark, row, column)
            grid.addWidget(name, row, column + 1)
            grid.addWidget(note, row, column + 2)
            self.step_marks[step], self.step_notes[step] = mark, note
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
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
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.steps)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.address.textEdited.connect(self._address_edited)
        self.provider.activated.connect(self._provider_chosen)
        self.address.setFocus()

    def _server_row(
        self, protocol: str, port: int, choices: tuple[tuple[str, str], ...]
    ) -> tuple[QLineEdit, QSpinBox, QComboBox]:
        host = QLineEdit()
        host.setObjectName(f"mailbox-{protocol}-host")
        host.setPlaceholderText(f"{protocol}.example.com")
        spin = QSpinBox()
        spin.setObjectName(f"mailbox-{protocol}-port")
        spin.setRange(1, 65535)
        spin.setValue(port)
        security = QComboBox()
        security.setObjectName(f"mailbox-{protocol}-security")
        for data, label in choices:
            security.addItem(self.tr(label), data)
        return host, spin, security

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widgets[0], 1)
        for w in widgets[1:]:
            row.addWidget(w)
        return row

    # --- pre-filling ---------------------------------------------------------------------

    def set_address(self, address: str) -> None:
        self.address.setText(address)
        self._address_edited(address)
        self.password.setFocus()

    def _address_edited(self, text: str) -> None:
        if self._chosen_by_hand:
            return
        found = mail_providers.find_provider(text)
        if found is not None:
            self.provider.setCurrentIndex(self.provider.findData(found.key))
            self._fill(found)
        elif self.provider.currentData():
            self.provider.setCurrentIndex(0)
            self._note(None)

    def _provider_chosen(self, index: int) -> None:
        key = self.provider.itemData(index)
        self._chosen_by_hand = bool(key)
        found = mail_providers.provider(key) if key else None
        if found is not None:
            self._fill(found)
        else:
            self._note(None)

    def _fill(self, p: mail_providers.Provider) -> None:
        self.imap_host.setText(p.imap_host)
        self.imap_port.setValue(p.imap_port)
        self.imap_security.setCurrentIndex(self.imap_security.findData("tls"))
        self.smtp_host.setText(p.smtp_host)
        self.smtp_port.setValue(p.smtp_port)
        smtp_tls = "tls" if p.smtp_port == 465 else "starttls"
        self.smtp_security.setCurrentIndex(self.smtp_security.findData(smtp_tls))
        self._note(p)

    def _note(self, p: mail_providers.Provider | None) -> None:
        if p is None or p.sign_in == "password":
            self.provider_note.hide()
            return
        if p.sign_in == "app-password":
            text = self.tr(
                "%1 needs an app password: turn on two-step verification in your account's "
                "security settings, create an app password there and paste it below."
            )
            self.provider_note.setStyleSheet(f"color:{muted_colour()}")
        else:
            text = self.tr(
                "%1 no longer accepts passwords for IMAP and SMTP, only its own sign-in "
                "(OAuth), which Seller Inbox does not offer yet. Forward your Amazon mail to a "
                "mailbox at another provider, or connect to a team relay."
            )
            self.provider_note.setStyleSheet(f"color:{error_colour()}")
        self.provider_note.setText(text.replace("%1", p.name))
        self.provider_note.show()

    def prefill(self, address: str, imap_url: str, smtp_url: str, ask_again: bool = False) -> None:
        """Show stored settings; ``ask_again``: the password was kept for one session only."""
        imap, smtp = Endpoint.parse(imap_url), Endpoint.parse(smtp_url)
        self.address.setText(address)
        self.login.setText("" if imap.user == address else imap.user)
        found = mail_providers.find_provider(address)
        same = found is not None and (found.imap_host, found.smtp_host) == (imap.host, smtp.host)
        self.provider.setCurrentIndex(self.provider.findData(found.key) if same and found else 0)
        self._note(found if same else None)
        self.imap_host.setText(imap.host)
        self.imap_port.setValue(imap.port)
        self.imap_security.setCurrentIndex(
            self.imap_security.findData("tls" if imap.tls == "implicit" else "none")
        )
        self.smtp_host.setText(smtp.host)
        self.smtp_port.setValue(smtp.port)
        smtp_tls = {"implicit": "tls", "starttls": "starttls"}.get(smtp.tls, "none")
        self.smtp_security.setCurrentIndex(self.smtp_security.findData(smtp_tls))
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
        address = self.address.text().strip()
        local, at, domain = address.rpartition("@")
        if not at or not local or "." not in domain:
            raise ValueError(self.tr("Enter your e-mail address, e.g. shop@example.com."))
        user = self.login.text().strip() or address
        hosts = (self.imap_host.text().strip(), self.smtp_host.text().strip())
        if not all(hosts):
            raise ValueError(self.tr("Enter the IMAP and SMTP server names."))
        imap_sec, smtp_sec = self.imap_security.currentData(), self.smtp_security.currentData()
        for host, sec in zip(hosts, (imap_sec, smtp_sec), strict=True):
            if sec == "none" and not is_loopback(host):
                raise ValueError(
                    self.tr(
                        "Without security, your password would cross the network readable by "
                        "anyone: choose SSL/TLS or STARTTLS for %1."
                    ).replace("%1", host)
                )
        imap = mail_providers.imap_url(user, hosts[0], self.imap_port.value(), imap_sec == "tls")
        smtp = mail_providers.smtp_url(
            user, hosts[1], self.smtp_port.value(), implicit_tls=smtp_sec == "tls"
        )
        return address, imap, smtp

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
        for step in STEPS:
            self.step_marks[step].setText(MARKS["waiting"])
            self.step_notes[step].clear()
        self.step_marks[STEPS[0]].setText(MARKS["running"])
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
        self.step_marks[result.step].setText(MARKS[result.status])
        self.step_notes[result.step].setText(result.note if result.status != "failed" else "")
        done = STEPS.index(result.step) + 1
        self.progress.setValue(done)
        if result.status != "failed" and done < len(STEPS):
            self.step_marks[STEPS[done]].setText(MARKS["running"])

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
