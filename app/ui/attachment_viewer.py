"""A buyer's images and PDFs large: one at a time, Left/Right between them, Esc closes. A PDF
shows its first page ("page 1 of N"; Open reads the rest), or why it cannot.

The viewer only shows what it is handed (a thumbnail at once, the large picture when it has
been decoded on a thread); opening or saving goes back to the conversation's files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.labels import plain_label
from app.ui.previews import pdf_failure_text
from app.ui.theme import muted_colour

if TYPE_CHECKING:
    from app.ui.previews import Preview


class AttachmentViewer(QDialog):
    wants_large = Signal(int)  # attachment id: decode it large, please
    attachment_requested = Signal(int, str)  # attachment id, "open" | "save"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment-viewer")
        self.setWindowTitle(self.tr("Attachment"))
        self.resize(900, 700)
        self.items: list[Preview] = []
        self.at = 0
        self.large: dict[int, QImage] = {}
        self.title = plain_label()
        self.title.setObjectName("viewer-title")
        self.position = QLabel()
        self.position.setStyleSheet(f"color: {muted_colour()}")
        self.picture = QLabel()
        self.picture.setObjectName("viewer-picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(QSize(200, 150))
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.open_button = QPushButton(self.tr("Open"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.open_button.clicked.connect(lambda: self._request("open"))
        self.save_button.clicked.connect(lambda: self._request("save"))
        self.close_button.clicked.connect(self.close)
        for b in (self.previous, self.next, self.open_button, self.save_button, self.close_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the viewer's
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.position)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.picture, 1)
        layout.addLayout(buttons)

    def show_items(self, items: list[Preview], attachment_id: int) -> None:
        self.items = items
        ids = [p.attachment_id for p in items]
        self.at = ids.index(attachment_id) if attachment_id in ids else 0
        self._show()

    def current(self) -> Preview | None:
        return self.items[self.at] if 0 <= self.at < len(self.items) else None

    def step(self, by: int) -> None:
        if self.items:
            self.at = max(0, min(len(self.items) - 1, self.at + by))
            self._show()

    def show_large(self, attachment_id: int, image: QImage) -> None:
        self.large[attachment_id] = image
        shown = self.current()
        if shown is not None and shown.attachment_id == attachment_id:
            self._paint()

    def _show(self) -> None:
        shown = self.current()
        if shown is None:
            return
        self.title.setText(shown.name)
        if shown.kind == "pdf" and shown.image is not None and shown.pages:
            self.title.setText(
                self.tr("%1 · page 1 of %2").replace("%1", shown.name)
                .replace("%2", QLocale().toString(shown.pages))
            )  # fmt: skip
        self.position.setText(f"{self.at + 1} / {len(self.items)}")
        self.previous.setEnabled(self.at > 0)
        self.next.setEnabled(self.at < len(self.items) - 1)
        self._paint()
        if shown.image is not None and shown.attachment_id not in self.large:
            self.wants_large.emit(shown.attachment_id)

    def _paint(self) -> None:
        shown = self.current()
        if shown is None:
            return
        if shown.kind == "pdf" and shown.image is None:
            self.picture.setPixmap(QPixmap())
            pages = (
                self.tr("%n page(s)", "", shown.pages) if shown.pages else self.tr("pages unknown")
            )
            text = self.tr("PDF document · %1\n\nOpen it to read it.").replace("%1", pages)
            if why := pdf_failure_text(shown.reason):
                text = self.tr("PDF document · %1 · %2\n\nOpen it to read it.")
                text = text.replace("%1", pages).replace("%2", why)
            self.picture.setText(text)
            return
        image = self.large.get(shown.attachment_id) or shown.image
        if image is None:
            return
        pixmap = QPixmap.fromImage(image)
        box = self.picture.size()
        if pixmap.width() > box.width() or pixmap.height() > box.height():
            pixmap = pixmap.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.picture.setText("")
        self.picture.setPixmap(pixmap)

    def _request(self, action: str) -> None:
        shown = self.current()
        if shown is not None:
            self.attachment_requested.emit(shown.attachment_id, action)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.step(-1)
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.step(1)
        else:
            super().keyPressEvent(event)  # Esc closes

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._paint()
