"""Settings: the relay account (token in the keyring, or session-only), messaging on/off per
marketplace with a vacation schedule, signatures, the undo window, language and
notifications."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui import formats
from app.ui.mailbox_settings import MarketplaceSwitchesNote
from app.ui.signature_settings import SignaturesTab
from app.ui.status_bar import messaging_state
from app.ui.theme import error_colour, muted_colour
from app.ui.translations import LANGUAGES, QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.services.ops import Changes, Ops
    from app.storage.queries import MarketplaceInfo
    from app.ui.account import Account
    from app.ui.mailbox_account import MailboxAccount
    from app.ui.messaging import Messaging
    from app.ui.prefs import Preferences

CONSEQUENCE = QT_TRANSLATE_NOOP(
    "MarketplaceRow",
    "While messaging is off, new buyers cannot write to you; buyers who wrote before still can.",
)


def _qdt(value: datetime | None, fallback: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int((value or fallback).timestamp()))


class MarketplaceRow(QGroupBox):
    def __init__(self, messaging: Messaging, mp: MarketplaceInfo, parent: QWidget | None = None):
        super().__init__(mp.name, parent)
        self.messaging = messaging
        self.mp = mp
        now = datetime.now(UTC)
        self.enabled = QCheckBox(self.tr("Messaging on"))
        self.enabled.setObjectName(f"messaging-{mp.id}")
        self.enabled.setChecked(mp.messaging_enabled)
        self.vacation = QCheckBox(self.tr("Vacation"))
        self.vacation.setChecked(mp.vacation_from is not None)
        self.start = QDateTimeEdit(_qdt(mp.vacation_from, now))
        self.until = QDateTimeEdit(_qdt(mp.vacation_until, now + timedelta(days=7)))
        for edit in (self.start, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(formats.edit_pattern())  # month names: the UI language
        self.state = QLabel()
        self.state.setObjectName(f"messaging-state-{mp.id}")
        self.state.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.addWidget(self.enabled, 0, 0)
        grid.addWidget(self.vacation, 0, 1)
        grid.addWidget(QLabel(self.tr("from")), 0, 2)
        grid.addWidget(self.start, 0, 3)
        grid.addWidget(QLabel(self.tr("until")), 0, 4)
        grid.addWidget(self.until, 0, 5)
        grid.addWidget(self.state, 1, 0, 1, 7)
        grid.setColumnStretch(6, 1)
        self.enabled.toggled.connect(self._switch)
        self.vacation.toggled.connect(self._schedule)
        self.start.dateTimeChanged.connect(self._schedule_if_on)
        self.until.dateTimeChanged.connect(self._schedule_if_on)
        self._explain()

    def _explain(self, mp: MarketplaceInfo | None = None) -> None:
        mp = mp or self.mp
        state, detail = messaging_state(mp, datetime.now(UTC))
        text = {
            "on": self.tr("Messaging is on: any buyer can write to you."),
            "off": self.tr("Messaging is OFF. ") + self.tr(CONSEQUENCE),
            "vacation": formats.fill(self.tr("On vacation until %1. "), "%1", detail)
            + self.tr(CONSEQUENCE),
            "scheduled": formats.fill(self.tr("Vacation scheduled from %1. "), "%1", detail)
            + self.tr(CONSEQUENCE),
        }[state]
        self.state.setText(text)
        self.state.setStyleSheet(f"color:{error_colour()}" if state in ("off", "vacation") else "")
        for w in (self.start, self.until):
            w.setEnabled(self.vacation.isChecked())

    def _switch(self, on: bool) -> None:
        self.messaging.set(self.mp.id, enabled=on)

    def _schedule_if_on(self) -> None:
        if self.vacation.isChecked():
            self._schedule(True)

    def _schedule(self, on: bool) -> None:
        if on:
            start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch(), UTC)
            until = datetime.fromtimestamp(self.until.dateTime().toSecsSinceEpoch(), UTC)
            if until <= start:
                self.state.setText(self.tr("The vacation must end after it starts."))
                return
            self.messaging.set(self.mp.id, vacation=(start, until))
        else:
            self.messaging.set(self.mp.id, vacation=(None, None))
        self._explain()

    def refresh(self, mp: MarketplaceInfo) -> None:
        self.mp = mp
        self.enabled.blockSignals(True)
        self.enabled.setChecked(mp.messaging_enabled)
        self.enabled.blockSignals(False)
        self._explain(mp)


class SettingsDialog(QDialog):
    """Reads and writes through the preferences, the messaging switches and the account;
    follows published ``Changes`` (a marketplace switched elsewhere, a sync)."""

    def __init__(
        self,
        prefs: Preferences,
        messaging: Messaging,
        account: Account,
        ops: Ops,
        mailbox: MailboxAccount,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.messaging = messaging
        self.account = account
        self.ops = ops
        self.mailbox = mailbox
        self.setWindowTitle(self.tr("Settings"))
        self.resize(820, 560)
        tabs = QTabWidget()
        tabs.addTab(self._messaging_tab(), self.tr("Messaging"))
        tabs.addTab(self._account_tab(), self.tr("Relay account"))
        self.signatures = SignaturesTab(prefs, messaging.marketplaces)
        tabs.addTab(self.signatures, self.tr("Signatures"))
        tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self._unsubscribe = ops.subscribe(self._changed)
        self.destroyed.connect(lambda: self._unsubscribe())

    # --- messaging -------------------------------------------------------------------

    def _messaging_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        # Five marketplaces with a two-line state each are taller than the dialog: they
        # scroll instead of squeezing their text or growing the dialog past the screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        intro = QLabel(self.tr(
            "Turn messaging off per marketplace, now or as a scheduled vacation. "
            "Changes apply at once and reach the relay on the next sync."
        ))  # fmt: skip
        intro.setWordWrap(True)
        self.rows: dict[str, MarketplaceRow] = {}
        if self.mailbox.configured():  # Amazon's switches, not ours (mailbox_settings)
            layout.addWidget(MarketplaceSwitchesNote())
            layout.addStretch(1)
            return scroll
        layout.addWidget(intro)
        for mp in self.messaging.marketplaces:
            row = MarketplaceRow(self.messaging, mp)
            self.rows[mp.id] = row
            layout.addWidget(row)
        layout.addStretch(1)
        return scroll

    def refresh(self) -> None:
        for mp in self.messaging.marketplaces:
            if mp.id in self.rows:
                self.rows[mp.id].refresh(mp)

    def _changed(self, changes: Changes) -> None:
        if changes.marketplaces:
            self.refresh()

    # --- account ---------------------------------------------------------------------

    def _account_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        account = self.account
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://relay.example.com")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Paste the token from your marketplace account"))
        keyring = account.keyring
        if keyring is None:
            kr_text = self.tr("Checking the keyring…")
        elif keyring.secure:
            kr_text = self.tr("Saved in your system keyring (%1)").replace("%1", keyring.backend)
        else:
            kr_text = self.tr(
                "Session-only: no secure keyring (%1). You sign in again each time you start."
            ).replace("%1", keyring.backend)
        self.keyring_label = QLabel(kr_text)
        self.keyring_label.setObjectName("keyring-state")
        self.keyring_label.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("Save and connect"))
        self.connect_button.clicked.connect(self._connect)
        self.account_state = QLabel()
        self.account_state.setWordWrap(True)
        # The demo and a connected mailbox run their relay inside the app, signed in by the
        # app itself: a relay URL or token typed here would only compete with it.
        if account.demo is not None:
            self._local_relay(account.demo.url, self.tr(
                "Demo: a relay running inside this app on your computer. Its token is kept "
                "in the demo folder, never in your keyring."
            ))  # fmt: skip
        elif self.mailbox.configured():
            self._local_relay(account.relay_url(), self.tr(
                "Your mailbox: a relay running inside this app on your computer reads and "
                "answers your mail, and signs this window in by itself (no token to enter). "
                "To work from your team's relay instead, start Seller Inbox with a new "
                "profile (--profile FOLDER)."
            ))  # fmt: skip
            self.keyring_label.setText(self.tr("No token: this app signs in to its own relay."))
        else:
            self.url.setText(self.prefs.relay_url())
        form.addRow(self.tr("Relay URL"), self.url)
        form.addRow(self.tr("Token"), self.token)
        form.addRow(self.tr("Where the token lives"), self.keyring_label)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow("", self.account_state)
        if (mailbox := self.mailbox.states_box()) is not None:  # the seller's own mailbox
            form.addRow(mailbox)
        return page

    def _local_relay(self, url: str, explanation: str) -> None:
        self.url.setText(url)
        for widget in (self.url, self.token, self.connect_button):
            widget.setEnabled(False)
        self.account_state.setText(explanation)

    def _connect(self) -> None:
        url, token = self.url.text().strip().rstrip("/"), self.token.text().strip()
        if not url or not token:
            self.account_state.setText(self.tr("Enter the relay URL and your token."))
            return
        self.ops.run(self._save_account(url, token))

    async def _save_account(self, url: str, token: str) -> None:
        from app.services.relay_client import RelayError, Unauthorized

        self.account_state.setText(self.tr("Checking the token with the relay…"))
        try:
            in_keyring = await self.account.sign_in(url, token)
        except Unauthorized:
            self.account_state.setText(self.tr("The relay refused this token."))
            return
        except RelayError as exc:
            self.account_state.setText(self.tr("Could not sign in: %1").replace("%1", str(exc)))
            return
        self.token.clear()
        self.account_state.setText(
            self.tr("Saved in the keyring. Connecting…")
            if in_keyring
            else self.tr("Kept for this session only. Connecting…")
        )

    # --- general ---------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        prefs = self.prefs
        self.undo = QSpinBox()
        self.undo.setRange(0, 60)
        self.undo.setSuffix(self.tr(" s"))
        self.undo.setValue(prefs.undo_seconds())
        self.undo.valueChanged.connect(self._undo_changed)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():  # each in its own language, not translated
            self.language.addItem(name, code)
        self.language.setObjectName("language")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language())))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.notify = QCheckBox(self.tr("Notify me when a buyer writes"))
        self.notify.setChecked(prefs.notifications_on())
        self.notify.toggled.connect(self._notify_changed)
        form.addRow(self.tr("Undo window after Send"), self.undo)
        form.addRow(self.tr("Language"), self.language)
        hint = QLabel(self.tr("Takes effect the next time Seller Inbox starts."))
        hint.setStyleSheet(f"color:{muted_colour()}")
        form.addRow("", hint)
        form.addRow(self.tr("Notifications"), self.notify)
        return page

    def _undo_changed(self, seconds: int) -> None:
        self.prefs.set_undo_seconds(seconds)  # the outbox follows the published change

    def _language_changed(self) -> None:
        self.prefs.set_language(str(self.language.currentData()))

    def _notify_changed(self, on: bool) -> None:
        self.prefs.set_notifications(on)
