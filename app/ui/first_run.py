"""The first-run choice, shown when a profile has no account: connect my own mailbox, connect
to my team's relay, or try the demo. It only says which; ``chosen`` carries "mailbox",
"relay" or "demo" and the dialog closes (``app.ui.mailbox_account`` acts on it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.theme import muted_colour

CHOICES = ("mailbox", "relay", "demo")


class FirstRunDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first-run-dialog")
        self.setWindowTitle(self.tr("Welcome to Seller Inbox"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>How do your buyer messages reach you?</b>"))
        layout.addWidget(title)
        texts = {
            "mailbox": (
                self.tr("Connect my mailbox"),
                self.tr(
                    "I sell alone and Amazon writes to my own e-mail address. Seller Inbox "
                    "reads and answers buyer messages there, on this computer."
                ),
            ),
            "relay": (
                self.tr("Connect to my team's relay"),
                self.tr("My team runs a relay. I have its address and my token."),
            ),
            "demo": (
                self.tr("Try the demo"),
                self.tr("Look around with sample buyers and orders. Nothing is sent."),
            ),
        }
        self.buttons: dict[str, QPushButton] = {}
        for key in CHOICES:
            label, detail = texts[key]
            button = QPushButton(label)
            button.setObjectName(f"first-run-{key}")
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            note = QLabel(detail)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setStyleSheet(f"color:{muted_colour()};margin-bottom:8px")
            layout.addWidget(button)
            layout.addWidget(note)
            self.buttons[key] = button
        self.buttons["mailbox"].setDefault(True)

    def _choose(self, key: str) -> None:
        self.accept()
        self.chosen.emit(key)
