"""A link in a buyer's message opens in the system browser only after the seller confirms;
the viewer itself never navigates."""

from __future__ import annotations

from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.domain import Direction
from app.storage.rows import MessageView, ThreadRow
from app.ui.conversation_pane import ConversationPane

NOW = datetime.now(UTC)
URL = "https://shop.example/track?id=42"


class _Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_a_link_opens_only_after_confirmation(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = ConversationPane()
    qtbot.addWidget(pane)
    thread = ThreadRow(
        1, "c1", "amazon.com", "Ann", "a@m", "1", "Tracking", "p", NOW, None, False, False, 0, 1,
        False,
    )  # fmt: skip
    html = f'<p>Track it <a href="{URL}">here</a></p>'
    pane.show_conversation(
        thread,
        [MessageView(1, "m1", Direction.INBOUND, "s", "Track it", html, NOW, frozenset(), ())],
    )
    assert URL in pane.browser.toHtml()
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "handle")
    try:
        pane.browser.anchorClicked.emit(QUrl(URL))
        box = pane.link_box
        assert box is not None and box.isVisible() and URL in box.text()
        box.button(QMessageBox.StandardButton.No).click()
        qtbot.waitUntil(lambda: not shiboken6.isValid(box) or not box.isVisible())
        assert browser.urls == []

        pane.browser.anchorClicked.emit(QUrl(URL))
        yes = pane.link_box
        assert yes is not None and yes is not box
        yes.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: browser.urls == [URL])
        assert pane.browser.source().isEmpty()  # the viewer did not navigate
    finally:
        QDesktopServices.unsetUrlHandler("https")


TRICKS = [
    # (the href, what the question must show, what it must not show)
    ("https://аmazon.de/login", "аmazon.de (xn--mazon-3ve.de)", "https://аmazon.de"),
    ("https://amazon.de@evil.example/x", "It goes to: evil.example", None),
    ("https://evil.example/\u202egnp.exe", "https://evil.example/%E2%80%AEgnp.exe", "\u202e"),
    ("https://shop.example/%2Fa%2F?q=%1", "https://shop.example/%2Fa%2F?q=%251", "example/It"),
    ("https://shop.example/" + "a" * 5000, "It goes to: shop.example", "a" * 400),
    ("mailto:help@shop.example?body=hi", "It goes to: help@shop.example", None),
]


def test_the_question_names_the_real_site(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = ConversationPane()
    qtbot.addWidget(pane)
    for href, shown, hidden in TRICKS:
        pane.browser.anchorClicked.emit(QUrl(href))
        box = pane.link_box
        assert box is not None and box.isVisible()
        text = box.text()
        assert shown in text, text
        assert hidden is None or hidden not in text, text
        assert len(text) < 600
        box.button(QMessageBox.StandardButton.No).click()
        qtbot.waitUntil(lambda b=box: not shiboken6.isValid(b) or not b.isVisible())
