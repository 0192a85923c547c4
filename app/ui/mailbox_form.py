"""The fields of the connect dialog (`mailbox_connect.py`): the address, the provider that
pre-fills the common providers' servers from it (`app.domain.mail_providers`), the IMAP and
SMTP servers, the login name and the password, and the mail server URLs they make. Its
strings keep the `MailboxConnectDialog` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain import mail_providers
from app.domain.mail_endpoints import Endpoint, is_loopback
from app.ui.theme import error_colour, muted_colour
from app.ui.translations import QT_TRANSLATE_NOOP

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


class MailboxForm(QWidget):
    def __init__(self, keyring_note: str = "") -> None:
        super().__init__()
        self._chosen_by_hand = False
        self.address = QLineEdit()
        self.address.setObjectName("mailbox-address")
        self.address.setPlaceholderText("shop@example.com")
        self.provider = QComboBox()
        self.provider.setObjectName("mailbox-provider")
        self.provider.addItem(
            QCoreApplication.translate("MailboxConnectDialog", "Other (enter the servers)"), ""
        )
        for p in mail_providers.PROVIDERS:
            self.provider.addItem(p.name, p.key)  # brand names: not translated
        self.provider_note = QLabel()
        self.provider_note.setObjectName("mailbox-provider-note")
        self.provider_note.setWordWrap(True)
        self.provider_note.hide()
        self.login = QLineEdit()
        self.login.setObjectName("mailbox-login")
        self.login.setPlaceholderText(
            QCoreApplication.translate("MailboxConnectDialog", "The same as the address")
        )
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

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(
            QCoreApplication.translate("MailboxConnectDialog", "E-mail address"), self.address
        )
        form.addRow(QCoreApplication.translate("MailboxConnectDialog", "Provider"), self.provider)
        form.addRow("", self.provider_note)
        form.addRow(
            QCoreApplication.translate("MailboxConnectDialog", "IMAP server (incoming)"),
            self._row(self.imap_host, self.imap_port, self.imap_security),
        )
        form.addRow(
            QCoreApplication.translate("MailboxConnectDialog", "SMTP server (outgoing)"),
            self._row(self.smtp_host, self.smtp_port, self.smtp_security),
        )
        form.addRow(QCoreApplication.translate("MailboxConnectDialog", "Login name"), self.login)
        form.addRow(QCoreApplication.translate("MailboxConnectDialog", "Password"), self.password)
        form.addRow("", self.keyring)

        self.address.textEdited.connect(self._address_edited)
        self.provider.activated.connect(self._provider_chosen)

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
            security.addItem(QCoreApplication.translate("MailboxConnectDialog", label), data)
        return host, spin, security

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widgets[0], 1)
        for w in widgets[1:]:
            row.addWidget(w)
        return row

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
            text = QCoreApplication.translate(
                "MailboxConnectDialog",
                "%1 needs an app password: turn on two-step verification in your account's "
                "security settings, create an app password there and paste it below.",
            )
            self.provider_note.setStyleSheet(f"color:{muted_colour()}")
        else:
            text = QCoreApplication.translate(
                "MailboxConnectDialog",
                "%1 no longer accepts passwords for IMAP and SMTP, only its own sign-in "
                "(OAuth), which Seller Inbox does not offer yet. Forward your Amazon mail to a "
                "mailbox at another provider, or connect to a team relay.",
            )
            self.provider_note.setStyleSheet(f"color:{error_colour()}")
        self.provider_note.setText(text.replace("%1", p.name))
        self.provider_note.show()

    def prefill(self, address: str, imap_url: str, smtp_url: str) -> None:
        """Show stored settings in the fields."""
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

    def settings(self) -> tuple[str, str, str]:
        """(address, imap_url, smtp_url) from the fields; ValueError with a text to show."""
        address = self.address.text().strip()
        local, at, domain = address.rpartition("@")
        if not at or not local or "." not in domain:
            raise ValueError(
                QCoreApplication.translate(
                    "MailboxConnectDialog", "Enter your e-mail address, e.g. shop@example.com."
                )
            )
        user = self.login.text().strip() or address
        hosts = (self.imap_host.text().strip(), self.smtp_host.text().strip())
        if not all(hosts):
            raise ValueError(
                QCoreApplication.translate(
                    "MailboxConnectDialog", "Enter the IMAP and SMTP server names."
                )
            )
        imap_sec, smtp_sec = self.imap_security.currentData(), self.smtp_security.currentData()
        for host, sec in zip(hosts, (imap_sec, smtp_sec), strict=True):
            if sec == "none" and not is_loopback(host):
                raise ValueError(
                    QCoreApplication.translate(
                        "MailboxConnectDialog",
                        "Without security, your password would cross the network readable by "
                        "anyone: choose SSL/TLS or STARTTLS for %1.",
                    ).replace("%1", host)
                )
        imap = mail_providers.imap_url(user, hosts[0], self.imap_port.value(), imap_sec == "tls")
        smtp = mail_providers.smtp_url(
            user, hosts[1], self.smtp_port.value(), implicit_tls=smtp_sec == "tls"
        )
        return address, imap, smtp
