"""Signing in to the relay: a bar across the window when there is no token or the relay
refused it (revoked, expired), and the dialog that takes the relay URL and a new token.

Both only collect and show; the session checks the token against the relay, stores it
(keyring, or session-only) and restarts sync (``Session.sign_in``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.theme import NOTICE_STYLE, error_colour


class SignInBar(QFrame):
    """Shown while sync cannot run for want of a valid token; "Sign in…" opens the dialog."""

    sign_in = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign-in-bar")
        self.setStyleSheet(NOTICE_STYLE.replace("#notice", "#sign-in-bar"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Sign in…"))
        self.button.setObjectName("sign-in-button")
        self.button.clicked.connect(self.sign_in)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def show_unauthorized(self) -> None:
        self.label.setText(
            self.tr(
                "<b>Signed out.</b> The relay refused your token (it was revoked or has "
                "expired). Sign in again to keep your inbox in step; until then you can read "
                "and write drafts offline."
            )
        )
        self.show()

    def show_no_account(self) -> None:
        self.label.setText(
            self.tr(
                "<b>Not connected to a relay.</b> Sign in with your relay address and token to "
                "receive buyer messages and send replies."
            )
        )
        self.show()


class SignInDialog(QDialog):
    """Relay URL and token. ``submitted`` carries them; the session answers with ``failed``
    (the dialog stays open with the reason) or ``done``."""

    submitted = Signal(str, str)

    def __init__(
        self, url: str = "", keyring_note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sign-in-dialog")
        self.setWindowTitle(self.tr("Sign in to your relay"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Paste the token from your marketplace account's relay page. The token stays "
                "on this computer: in your system keyring, or only for this session when no "
                "secure keyring is available."
            )
        )
        intro.setWordWrap(True)
        self.url = QLineEdit(url)
        self.url.setObjectName("sign-in-url")
        self.url.setPlaceholderText("https://relay.example.com")
        self.token = QLineEdit()
        self.token.setObjectName("sign-in-token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Token"))
        self.keyring = QLabel(keyring_note)
        self.keyring.setObjectName("sign-in-keyring")
        self.keyring.setWordWrap(True)
        self.keyring.setVisible(bool(keyring_note))
        self.error = QLabel()
        self.error.setObjectName("sign-in-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{error_colour()};font-weight:600")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Relay URL"), self.url)
        form.addRow(self.tr("Token"), self.token)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keyring)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.token.setFocus()

    def _submit(self) -> None:
        url, token = self.url.text().strip().rstrip("/"), self.token.text().strip()
        if not url.startswith(("https://", "http://")):
            self.failed(self.tr("Enter the relay address, starting with https://"))
            return
        if not token:
            self.failed(self.tr("Paste your token."))
            return
        self.error.hide()
        self.ok.setEnabled(False)
        self.ok.setText(self.tr("Checking…"))
        self.submitted.emit(url, token)

    def failed(self, reason: str) -> None:
        self.error.setText(reason)
        self.error.show()
        self._ready()

    def done_ok(self) -> None:
        self.token.clear()
        self._ready()
        self.accept()

    def _ready(self) -> None:
        self.ok.setEnabled(True)
        self.ok.setText(self.tr("Sign in"))
