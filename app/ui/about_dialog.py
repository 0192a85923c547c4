"""Help → About Seller Inbox: the version, the licence, and links to the licence texts shipped
with the app (app.about finds them from source and in a bundle)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.about import DISPLAY_NAME, about


def _link(path: Path, text: str) -> str:
    return f'<a href="{escape(QUrl.fromLocalFile(str(path)).toString())}">{escape(text)}</a>'


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        info = about()
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", DISPLAY_NAME))
        title = QLabel(f"<b>{escape(DISPLAY_NAME)}</b> {escape(info.version)}")
        title.setObjectName("about-version")
        self.links = QLabel(
            "<p>"
            + self.tr("Licensed under the %1.").replace(
                "%1", _link(info.license_file, self.tr("Apache License 2.0"))
            )
            + "</p><p>"
            + self.tr("It ships with other free software, each under its own licence: %1.").replace(
                "%1", _link(info.notices_file, self.tr("third-party notices"))
            )
            + "</p>"
        )
        self.links.setObjectName("about-links")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setOpenExternalLinks(True)  # file:// links open in the system's text viewer
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.links)
        layout.addWidget(buttons)
        self.resize(420, 0)


def show_about(parent: QWidget) -> AboutDialog:
    """Open the About dialog (non-modal, one per call)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
