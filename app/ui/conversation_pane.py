"""The centre pane: one conversation's messages (sanitized, remote content blocked) and its
actions (read/unread, flag, no response needed). The order/buyer side panel is
`details_panel.py` (``DetailsPanel``, also importable from here)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import Direction
from app.storage.rows import MessageView, ThreadRow
from app.ui import formats, link_target
from app.ui.details_panel import DetailsPanel
from app.ui.icons import PAPERCLIP_URL, paperclip
from app.ui.labels import plain_label
from app.ui.message_html import (
    block_remote,
    bounded_text,
    remote_images,
    sanitize,
    text_to_html,
    too_large,
)
from app.ui.previews import attachment_html, thumbnail_html
from app.ui.relay_text import notice_text
from app.ui.theme import NOTICE_STYLE, bubble_colours, muted_colour
from app.ui.thread_model import clock_text
from app.ui.wrap_row import WrapRow

__all__ = ["ConversationPane", "DetailsPanel", "MessageBrowser", "attachment_refusal"]

_BUBBLE_KEY = {Direction.INBOUND: "in", Direction.OUTBOUND: "out", Direction.SYSTEM: "system"}


class MessageBrowser(QTextBrowser):
    """Never navigates, never fetches: images come only from what the pane handed it.

    Anything else resolves to an empty resource: returning None would let Qt load the URL
    itself, and for a path (`/dev/zero`, `//host/share`) that means reading a local file or
    opening an SMB connection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.images: dict[str, QImage] = {}

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        key = url.toString() if isinstance(url, QUrl) else str(url)
        found = self.images.get(key)
        if found is not None:
            return found
        if kind == QTextDocument.ResourceType.ImageResource:
            return QImage()
        return QByteArray()


def attachment_refusal(exc: Any) -> str:
    """The window's words for app.services.attachments.OpenRefused."""
    kind = exc.media_type or QCoreApplication.translate("ConversationPane", "an unknown type")
    return (
        QCoreApplication.translate(
            "ConversationPane",
            "%1 was not opened: by its content it is %2, and opening it could run code on "
            "this computer. Save it instead if you trust the sender.",
        )
        .replace("%1", exc.name)
        .replace("%2", kind)
    )


class ConversationPane(QWidget):
    mark_read = Signal(bool)
    flag = Signal(bool)
    no_response_needed = Signal(bool)
    remote_content_requested = Signal(int, list)  # message id, urls
    attachment_requested = Signal(int, str)  # attachment id, "open" | "save"
    attachments_shown = Signal(list)  # the buyer's AttachmentInfo on screen: previews wanted
    preview_requested = Signal(int)  # attachment id: open the viewer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: ThreadRow | None = None
        self.messages: list[MessageView] = []
        self.allowed_remote: set[int] = set()
        self.previews: dict[int, Any] = {}  # attachment id -> app.ui.previews.Preview
        self._blocked_message: tuple[int, list[str]] | None = None
        self.link_box: QMessageBox | None = None  # the open "Open link?" question

        self.title = plain_label()
        self.title.setObjectName("conversation-title")
        self.title.setWordWrap(True)
        self.subtitle = plain_label()
        self.subtitle.setObjectName("conversation-subtitle")
        self.subtitle.setWordWrap(True)
        self.clock = plain_label()
        self.clock.setObjectName("conversation-clock")
        self.read_button = QPushButton(self.tr("Mark unread"))
        self.flag_button = QPushButton(self.tr("Flag"))
        self.nrn_button = QPushButton(self.tr("No response needed"))
        for b in (self.read_button, self.flag_button, self.nrn_button):
            b.setEnabled(False)
        self.read_button.clicked.connect(self._toggle_read)
        self.flag_button.clicked.connect(lambda: self.flag.emit(not self._flagged()))
        self.nrn_button.clicked.connect(lambda: self.no_response_needed.emit(not self._nrn()))

        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(self.title)
        head.addWidget(self.subtitle)
        actions = WrapRow()  # the buttons go under the clock when they do not fit beside it
        actions.addWidget(self.clock)
        actions.addWidget(self.read_button)
        actions.addWidget(self.flag_button)
        actions.addWidget(self.nrn_button)
        head.addLayout(actions)

        self.remote_bar = QFrame()
        self.remote_bar.setObjectName("remote-bar")
        self.remote_bar.setStyleSheet(NOTICE_STYLE.replace("#notice", "#remote-bar"))
        self.remote_label = plain_label()
        self.remote_button = QPushButton(self.tr("Load for this message"))
        self.remote_button.clicked.connect(self._load_remote)
        bar = QHBoxLayout(self.remote_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.remote_label, 1)
        bar.addWidget(self.remote_button)
        self.remote_bar.hide()

        self.browser = MessageBrowser()
        self.browser.setObjectName("messages")
        self.browser.anchorClicked.connect(self._anchor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.remote_bar)
        layout.addWidget(self.browser, 1)
        self.show_placeholder(self.tr("Select a conversation"))

    # --- state -----------------------------------------------------------------------

    def _flagged(self) -> bool:
        return bool(self.shown and self.shown.flagged)

    def _nrn(self) -> bool:
        return bool(self.shown and self.shown.no_response_needed)

    def _toggle_read(self) -> None:
        self.mark_read.emit(bool(self.shown and self.shown.unread_count))

    def show_placeholder(self, text: str) -> None:
        self.shown = None
        self.title.setText("")
        self.subtitle.setText("")
        self.clock.setText("")
        self.remote_bar.hide()
        for b in (self.read_button, self.flag_button, self.nrn_button):
            b.setEnabled(False)
        self.browser.setHtml(
            f"<p style='color:{muted_colour()};margin:32px;font-size:15px'>{escape(text)}</p>"
        )

    def update_thread(self, thread: ThreadRow) -> None:
        """The conversation's summary changed (a keyword, a sync): refresh the header."""
        self.shown = thread
        self.title.setText(thread.subject or self.tr("(no subject)"))
        parts = [thread.buyer_name, thread.marketplace_id]
        if thread.order_number:
            parts.append(self.tr("Order %1").replace("%1", thread.order_number))
        # Lines break between the parts, not inside a name or "Order 123-…".
        self.subtitle.setText("  ·  ".join(p.replace(" ", "\u00a0") for p in parts))
        text, colour = clock_text(thread, datetime.now(UTC))
        self.clock.setText(self.tr(text) if text else self.tr("Answered"))
        self.clock.setStyleSheet(
            f"color:{colour.name() if colour else muted_colour()};font-weight:600;"
        )
        for b in (self.read_button, self.flag_button, self.nrn_button):
            b.setEnabled(True)
        self.read_button.setText(
            self.tr("Mark read") if thread.unread_count else self.tr("Mark unread")
        )
        self.flag_button.setText(self.tr("Unflag") if thread.flagged else self.tr("Flag"))
        self.nrn_button.setText(
            self.tr("Response needed")
            if thread.no_response_needed
            else self.tr("No response needed")
        )
        self.nrn_button.setEnabled(thread.needs_response or thread.no_response_needed)

    def show_conversation(self, thread: ThreadRow, messages: list[MessageView]) -> None:
        if self.shown is None or self.shown.id != thread.id:
            self.allowed_remote = set()
            self.previews = {}
            for key in [k for k in self.browser.images if k.startswith("preview:")]:
                del self.browser.images[key]
        self.update_thread(thread)
        self.messages = messages
        self._render()
        buyers = [a for m in messages if m.direction is Direction.INBOUND for a in m.attachments]
        if buyers:
            self.attachments_shown.emit(buyers)

    def show_previews(self, previews: dict[int, Any]) -> None:
        """Thumbnails (app.ui.previews.Preview) of attachments on screen, made on a thread.
        Their images are resources only the pane hands the browser (``preview:<id>``): a
        buyer's HTML cannot name them (its images are http(s) only)."""
        ours = {a.id for m in self.messages for a in m.attachments}
        fresh = {k: v for k, v in previews.items() if k in ours and self.previews.get(k) != v}
        if not fresh:
            return
        self.previews.update(fresh)
        for aid, p in fresh.items():
            if p.image is not None:
                self.browser.images[f"preview:{aid}"] = p.image
        self._render()

    def allow_remote(self, message_id: int, images: dict[str, QImage]) -> None:
        self.allowed_remote.add(message_id)
        self.browser.images.update(images)
        self._render()

    # --- rendering -------------------------------------------------------------------

    def _render(self) -> None:
        who = {
            Direction.INBOUND: self.shown.buyer_name if self.shown else self.tr("Buyer"),
            Direction.OUTBOUND: self.tr("You"),
            Direction.SYSTEM: self.tr("Marketplace notice"),
        }
        blocked: tuple[int, list[str]] | None = None
        parts = []
        colours = bubble_colours()
        muted = muted_colour()
        # A drawn paper clip: the fonts we can count on have no glyph for the emoji (icons.py).
        self.browser.images[PAPERCLIP_URL] = paperclip(muted, 14, self.devicePixelRatioF())
        clip = f"<img src='{PAPERCLIP_URL}' width='14' height='14' style='vertical-align:middle'>"
        for m in self.messages:
            when = formats.date_time(m.received_at)
            if m.body_html and not too_large(m.body_html):
                body = sanitize(m.body_html)
                urls = remote_images(body)
                if urls and m.id not in self.allowed_remote:
                    blocked = blocked or (m.id, urls)
                    body = block_remote(body, self.tr("remote image blocked"))
            else:  # a relay notice in the window's language (relay_text)
                shown, left_out = bounded_text(notice_text(m.notice, m.body_text))
                body = text_to_html(shown)
                if left_out:
                    more = self.tr(
                        "%n more characters of this message are not shown here.", "", left_out
                    )
                    body += f"<br><i style='color:{muted}'>… {escape(more)}</i>"
            icon = "⚠ " if m.direction is Direction.SYSTEM else ""
            style = "font-style:italic;" if m.direction is Direction.SYSTEM else ""
            indent = (
                "margin-left:48px;" if m.direction is Direction.OUTBOUND else "margin-right:48px;"
            )
            thumbs = [t for a in m.attachments if (t := thumbnail_html(self.previews.get(a.id)))]
            files = ("<br>" + "&nbsp;&nbsp;".join(thumbs) if thumbs else "") + "".join(
                attachment_html(a, self.previews.get(a.id), muted, clip) for a in m.attachments
            )
            parts.append(
                f"<table width='100%' cellpadding='10' cellspacing='0' "
                f"style='{indent}margin-bottom:10px;background-color:{colours[_BUBBLE_KEY[m.direction]]}'>"
                f"<tr><td><b>{icon}{escape(who[m.direction])}</b>"
                f"&nbsp;&nbsp;<span style='color:{muted}'>{when}</span>"
                f"<div style='{style}margin-top:6px'>{body}</div>{files}</td></tr></table>"
            )
        self._blocked_message = blocked
        if blocked is not None:
            self.remote_label.setText(
                self.tr(
                    "Remote images in this message are blocked: they can tell the sender you read it."
                )
            )
            self.remote_bar.show()
        else:
            self.remote_bar.hide()
        bar = self.browser.verticalScrollBar()
        self.browser.setHtml("".join(parts))
        bar.setValue(bar.maximum())  # the newest message is what the seller answers

    # --- user actions ----------------------------------------------------------------

    def _load_remote(self) -> None:
        if self._blocked_message is not None:
            mid, urls = self._blocked_message
            self.remote_content_requested.emit(mid, urls)

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "attachment":
            action, _, ident = url.path().partition(":")
            if ident.isdigit() and action == "view":
                self.preview_requested.emit(int(ident))
            elif ident.isdigit():
                self.attachment_requested.emit(int(ident), action)
            return
        if url.scheme() not in ("http", "https", "mailto"):
            return
        # Asked with open(), not exec(): a nested event loop would stall asyncio (qasync).
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Open link?"),
            link_target.question(
                self.tr("Open this link in your browser?\n\n%1\n\nIt goes to: %2"), url
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the URL is the buyer's text
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda answer: (
                QDesktopServices.openUrl(url) if answer == QMessageBox.StandardButton.Yes else None
            )
        )
        self.link_box = box
        box.open()
