"""Attacks 1 and 2: hostile buyer HTML through the real conversation pane (offscreen).

A canary HTTP server on loopback counts every request, and a FIFO counts every time anything
opens it for reading (a local file Qt would load): both must stay at 0. Each message is timed.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from app.domain import Direction
from app.storage.rows import ConversationDetails, MessageView, ThreadRow
from app.ui.conversation_pane import ConversationPane, DetailsPanel
from app.ui.message_html import sanitize

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the local-file canary is a FIFO")
NOW = datetime.now(UTC)


class _Canary(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:  # http.server's name
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a")

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Canaries:
    url: str  # http://127.0.0.1:port
    fifo: str  # a local path; opening it for reading is counted
    http_hits: list[str]
    file_opens: list[int]


@pytest.fixture
def canaries(tmp_path: Path) -> Iterator[Canaries]:
    _Canary.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fifo = tmp_path / "canary.gif"
    os.mkfifo(fifo)
    opens: list[int] = []
    stop = threading.Event()

    def writer() -> None:
        # Opening a FIFO for writing blocks until someone opens it for reading: each return
        # is one reader, which then sees end-of-file at once.
        while not stop.is_set():
            with open(fifo, "wb"):
                if not stop.is_set():
                    opens.append(1)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield Canaries(f"http://127.0.0.1:{server.server_port}", str(fifo), _Canary.hits, opens)
    finally:
        stop.set()
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # releases the writer's open
        thread.join(timeout=5)
        os.close(fd)
        server.shutdown()
        server.server_close()


def corpus(c: Canaries) -> dict[str, str]:
    u, f = c.url, c.fifo
    nested = "<table><tr><td>" * 60 + "deep" + "</td></tr></table>" * 60
    return {
        "script": f"<script src='{u}/s.js'></script><script>fetch('{u}/x')</script>hi",
        "event handlers": f'<img src=x onerror="fetch(\'{u}/e\')"><body onload="x()">hi',
        "css url()": f"<div style=\"background:url('{u}/bg.gif')\">hi</div>",
        "css @import": f"<style>@import url('{u}/i.css'); p{{background:url({u}/p.gif)}}</style>hi",
        "link stylesheet": f"<link rel=stylesheet href='{u}/l.css'>hi",
        "iframe": f"<iframe src='{u}/frame'></iframe><iframe srcdoc='<img src={f}>'></iframe>",
        "meta refresh": f"<meta http-equiv=refresh content='0;url={u}/refresh'>hi",
        "javascript link": '<a href="javascript:alert(document.cookie)">click</a>',
        "data link": "<a href='data:text/html,<script>alert(1)</script>'>click</a>",
        "svg": f"<svg><image href='{f}'/><use href='{u}/u.svg#x'/></svg>hi",
        "srcset": f"<img srcset='{u}/a.gif 1x, {f} 2x'><picture><source srcset='{f}'></picture>",
        "base": f"<base href='file://{os.path.dirname(f)}/'><img src='canary.gif'>",
        "form": f"<form action='{u}/f'><input type=image src='{f}'><button>go</button></form>",
        "object/embed": f"<object data='{f}'></object><embed src='{f}'>",
        "table background": f"<table background='{f}'><tr><td background='{f}'>x</td></tr></table>",
        "local path": f"<img src='{f}'>",
        "file url": f"<img src='file://{f}'>",
        "relative path": "<img src='canary.gif'><img src='../canary.gif'>",
        "unc path": f"<img src='//127.0.0.1:{u.rsplit(':', 1)[1]}/share/x.gif'>",
        "backslash unc": "<img src='\\\\127.0.0.1\\share\\x.gif'>",
        "huge image box": "<img src='https://example.invalid/x.gif' width=100000 height=100000>",
        "nested tables": nested,
        "nested divs": "<div>" * 500 + "deep" + "</div>" * 500,
        "nested lists": "<ul><li>" * 200 + "deep" + "</li></ul>" * 200,
    }


def thread_row(subject: str, name: str) -> ThreadRow:
    return ThreadRow(
        1, "c1", "amazon.se", name, "x@m", "123-1234567-1234567", subject, "p", NOW,
        NOW - timedelta(hours=1), True, False, 1, 1, False,
    )  # fmt: skip


def message(html: str) -> MessageView:
    return MessageView(1, "m1", Direction.INBOUND, "s", "text", html, NOW, frozenset(), ())


def _render(pane: ConversationPane, thread: ThreadRow, html: str) -> float:
    t = time.perf_counter()
    pane.show_conversation(thread, [message(html)])
    pane.grab()  # layout and paint now: images are asked for while painting
    return time.perf_counter() - t


def test_hostile_html_loads_nothing_and_renders_fast(qtbot, canaries: Canaries) -> None:  # type: ignore[no-untyped-def]
    pane = ConversationPane()
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    times: dict[str, float] = {}
    for name, html in corpus(canaries).items():
        times[name] = _render(pane, thread_row(f"Re: {name}", "A. Buyer"), html)
    qtbot.wait(200)  # anything queued (a late resource request) has its chance
    slowest = max(times, key=lambda k: times[k])
    print(
        f"\n{len(times)} hostile messages: median {statistics.median(times.values()) * 1000:.1f}"
        f" ms, slowest {slowest!r} {times[slowest] * 1000:.1f} ms"
    )
    assert canaries.http_hits == []
    assert canaries.file_opens == []
    assert "deep" in pane.browser.toPlainText()  # flattened, not dropped
    assert times[slowest] < 2.0  # target 0.2 s; 60 nested tables took > 300 s before


def test_buyer_strings_in_labels_are_never_rich_text(qtbot, canaries: Canaries) -> None:  # type: ignore[no-untyped-def]
    """Subject, buyer name and order items: `<img src=...>` stays text, loads nothing."""
    evil = f"<img src='{canaries.fifo}'><b>bold</b>"
    pane = ConversationPane()
    details = DetailsPanel()
    qtbot.addWidget(pane)
    qtbot.addWidget(details)
    pane.show()
    details.show()
    pane.show_conversation(thread_row(evil, evil), [message("<p>hi</p>")])
    details.show_details(
        ConversationDetails(
            1,
            "amazon.se",
            1,
            evil,
            "x@m",
            "sv",
            False,
            True,
            1,
            evil,
            "standard",
            NOW,
            ({"quantity": 1, "title": evil},),
        )
    )
    pane.grab()
    details.grab()
    qtbot.wait(100)
    assert canaries.file_opens == []
    assert pane.title.text() == evil and pane.title.textFormat() == Qt.TextFormat.PlainText
    for label in (pane.subtitle, *details.fields.values()):
        assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize(
    "url", ["/dev/zero", "file:///etc/passwd", "//host/share/x.gif", "x.gif", "qrc:/x.png"]
)
def test_unknown_resources_are_empty_not_loaded_by_qt(qtbot, url: str) -> None:  # type: ignore[no-untyped-def]
    """None would hand the URL back to Qt, which then reads the path itself."""
    pane = ConversationPane()
    qtbot.addWidget(pane)
    image = pane.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
    assert isinstance(image, QImage) and image.isNull()
    sheet = pane.browser.loadResource(
        QTextDocument.ResourceType.StyleSheetResource.value, QUrl(url)
    )
    assert sheet is not None and not sheet


@pytest.mark.parametrize(
    "src", ["/dev/zero", "//evil.example/share/x", "\\\\evil.example\\share", "x.gif", "file:///x"]
)
def test_the_window_sanitizer_keeps_only_http_images(src: str) -> None:
    assert "src" not in sanitize(f"<p><img src='{src}'>hi</p>")
    assert 'src="https://a.example/x.gif"' in sanitize("<img src='https://a.example/x.gif'>")


LONG_TEXTS = {
    # Qt's line breaking was quadratic in a run without a break: 1,000,000 characters froze
    # the window for 147 s, a 500,000-character link for 43 s, 100,000 lines took 4.4 s.
    "a word of a million characters": ("a" * 1_000_000, None),
    "a link of half a million": ("https://x.example/" + "b" * 500_000, None),
    "100,000 lines": ("x\n" * 100_000, None),
    "a word of 199,000 in HTML": ("t", "<p>" + "c" * 199_000 + "</p>"),
}


def test_long_words_and_lines_do_not_freeze_the_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = ConversationPane()
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    times = {}
    for name, (text, html) in LONG_TEXTS.items():
        view = MessageView(1, "m1", Direction.INBOUND, "s", text, html, NOW, frozenset(), ())
        t = time.perf_counter()
        pane.show_conversation(thread_row("Long", "A. Buyer"), [view])
        pane.grab()
        times[name] = time.perf_counter() - t
        shown = pane.browser.toPlainText()
        assert shown.replace("\u200b", "").count("a" * 5000) <= 20  # cut, not all of it
        if html is None:
            assert "more characters of this message are not shown here" in shown, name
    print("\n" + ", ".join(f"{k}: {v * 1000:.0f} ms" for k, v in times.items()))
    assert max(times.values()) < 2.0  # measured 0.2-0.5 s each


def test_break_opportunities_never_touch_links_or_short_words() -> None:
    from app.ui.message_html import LONG_RUN, text_to_html

    url = "https://shop.example/track?id=" + "9" * 900
    html = sanitize(f"<p>{'w' * (LONG_RUN * 3)} <a href='{url}'>{url}</a> &amp; short</p>")
    assert "\u200b" not in html.split("<a", 1)[1]  # a 930-character link: as it is
    assert html.count("\u200b") == 2  # 3,000 characters: two break opportunities
    assert text_to_html("&" * (LONG_RUN + 5)).count("\u200b") == 1  # never inside an entity
    assert "&amp;\u200b&amp;" in text_to_html("&" * (LONG_RUN + 5))
