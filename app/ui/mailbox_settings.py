"""Settings for an account bridged through the seller's own mailbox: each mailbox's state
(connected, last fetched, the last error), the approved-sender reminder, and the note that
messaging on/off and vacations are Amazon's switches, not ours.

``settings_dialog`` embeds these; the states are read off the UI thread by the session's
``MailboxAccount`` and handed to ``MailboxStatesBox.show_states``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import formats
from app.ui.theme import error_colour, muted_colour
from app.ui.translations import QT_TRANSLATE_NOOP

ERROR_KINDS = {
    "dns": QT_TRANSLATE_NOOP("MailboxStatesBox", "Cannot find the mail server."),
    "network": QT_TRANSLATE_NOOP("MailboxStatesBox", "The mail server cannot be reached."),
    "tls": QT_TRANSLATE_NOOP(
        "MailboxStatesBox", "The secure connection to the mail server failed."
    ),
    "login": QT_TRANSLATE_NOOP(
        "MailboxStatesBox",
        "The mail server refused the password. Connect again with the right one.",
    ),
    "no-idle": QT_TRANSLATE_NOOP(
        "MailboxStatesBox", "The mail server does not offer IDLE: new mail arrives with a delay."
    ),
    "server": QT_TRANSLATE_NOOP("MailboxStatesBox", "The mail server answered with an error."),
}


class MailboxStatesBox(QGroupBox):
    """One block per mailbox; "Change…" asks to reopen the connect dialog."""

    change_requested = Signal(str)  # the mailbox's address

    def __init__(self, parent: QWidget | None = None, *, on_team_relay: bool = False) -> None:
        super().__init__(parent)
        # A team relay's mailboxes are set up on the server (seller-relay mailbox), not here.
        self.on_team_relay = on_team_relay
        self.setObjectName("mailbox-states")
        self.setTitle(self.tr("Your team's mailbox") if on_team_relay else self.tr("Your mailbox"))
        self.rows = QVBoxLayout(self)
        self.loading = QLabel(self.tr("Reading the mailbox state…"))
        self.rows.addWidget(self.loading)
        self.states: dict[str, QLabel] = {}

    def show_states(self, states: Sequence[Any]) -> None:
        """``states``: ``relay.mailbridge.accounts.MailboxState`` items."""
        while (item := self.rows.takeAt(0)) is not None:
            if (w := item.widget()) is not None:
                w.deleteLater()
        self.states.clear()
        if not states:
            self.rows.addWidget(QLabel(self.tr("No mailbox is connected.")))
        for state in states:
            self._add(state)

    def _add(self, state: Any) -> None:
        address = QLabel(state.address)
        address.setTextFormat(Qt.TextFormat.PlainText)
        address.setStyleSheet("font-weight:600")
        head = QHBoxLayout()
        head.addWidget(address, 1)
        if not self.on_team_relay:
            change = QPushButton(self.tr("Change…"))
            change.setObjectName(f"mailbox-change-{state.address}")
            change.clicked.connect(lambda: self.change_requested.emit(state.address))
            head.addWidget(change)
        self.rows.addLayout(head)
        label = QLabel(self.state_text(state))
        label.setObjectName(f"mailbox-state-{state.address}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the server's words are not ours
        if state.error_kind:
            label.setStyleSheet(f"color:{error_colour()}")
        self.rows.addWidget(label)
        reminder = QLabel(
            self.tr(
                "In Seller Central, add %1 as an approved sender under Messaging Permissions: "
                "Amazon rejects replies from an address it has not approved."
            ).replace("%1", state.address)
        )
        if self.on_team_relay:
            reminder.setText(
                reminder.text()
                + " "
                + self.tr("Your team's relay administrator changes it (seller-relay mailbox).")
            )
        reminder.setObjectName(f"mailbox-reminder-{state.address}")
        reminder.setWordWrap(True)
        reminder.setTextFormat(Qt.TextFormat.PlainText)
        reminder.setStyleSheet(f"color:{muted_colour()}")
        self.rows.addWidget(reminder)
        self.states[state.address] = label

    def state_text(self, state: Any) -> str:
        text = self.tr("Connected.") if state.connected else self.tr("Not connected.")
        if state.last_fetch_at is not None:
            text += " " + self.tr("Last fetched: %1.").replace(
                "%1", formats.date_time(state.last_fetch_at)
            )
        else:
            text += " " + self.tr("Nothing fetched yet.")
        if state.error_kind:
            kind = ERROR_KINDS.get(state.error_kind, ERROR_KINDS["server"])
            text += "\n" + self.tr(kind)
        if state.last_error:
            text += "\n" + self.tr("The server said: %1").replace("%1", state.last_error)
        return text


class MarketplaceSwitchesNote(QLabel):
    """In place of the messaging switches, which a mailbox account cannot honour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marketplace-switches-note")
        self.setWordWrap(True)
        self.setText(
            self.tr(
                "Your buyer messages come through your own mailbox. Turning messaging off and "
                "vacations are Amazon's switches, which Amazon does not offer by e-mail: set "
                "them in Seller Central (Settings › Account Info › Going on a vacation). "
                "Seller Inbox keeps receiving whatever Amazon delivers."
            )
        )
