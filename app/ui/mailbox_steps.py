"""The steps of the mailbox connection test as the connect dialog (`mailbox_connect.py`) shows
them: each step's name and mark, the list that follows the check as it runs, and what a
failure means in the window's language. The strings keep their translation contexts
(`MailboxConnectDialog` for the step names, `MailboxText` for the failures).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.services.mailbox_check import STEPS, MailboxError, MailboxRetryLater, StepResult
from app.ui.theme import muted_colour
from app.ui.translations import QT_TRANSLATE_NOOP

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


class StepList(QWidget):
    """IMAP's steps on the left, SMTP's on the right: a mark, the name, the server's note."""

    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.marks: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        for i, step in enumerate(STEPS):
            column = 0 if step.startswith("imap") else 3
            row = i if column == 0 else i - 5
            name = QLabel(QCoreApplication.translate("MailboxConnectDialog", STEP_NAMES[step]))
            mark, note = QLabel(MARKS["waiting"]), QLabel()
            mark.setObjectName(f"step-{step}")
            note.setStyleSheet(f"color:{muted_colour()}")
            grid.addWidget(mark, row, column)
            grid.addWidget(name, row, column + 1)
            grid.addWidget(note, row, column + 2)
            self.marks[step], self.notes[step] = mark, note
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)

    def reset(self) -> None:
        """Every step waiting, the first one running."""
        for step in STEPS:
            self.marks[step].setText(MARKS["waiting"])
            self.notes[step].clear()
        self.marks[STEPS[0]].setText(MARKS["running"])

    def show_result(self, result: StepResult) -> int:
        """Mark a step done and the next one running; how many steps are done."""
        self.marks[result.step].setText(MARKS[result.status])
        self.notes[result.step].setText(result.note if result.status != "failed" else "")
        done = STEPS.index(result.step) + 1
        if result.status != "failed" and done < len(STEPS):
            self.marks[STEPS[done]].setText(MARKS["running"])
        return done


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
