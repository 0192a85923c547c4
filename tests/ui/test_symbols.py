"""Symbols the window shows render with the fonts we can count on: DejaVu Sans is what a
minimal Linux, the offscreen platform and the Windows build under Wine have, and the
bundles ship no fonts. A symbol none of them has (the paper-clip emoji) showed as the
empty missing-glyph box; it is drawn instead (app/ui/icons.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontMetrics, QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from ui_testkit import thread_row  # type: ignore[import-not-found]

from app.domain import Direction
from app.storage.rows import AttachmentInfo, MessageView
from app.ui.conversation_pane import ConversationPane
from app.ui.icons import PAPERCLIP_URL, paperclip

ROOT = Path(__file__).resolve().parents[2]
SYMBOL = re.compile("[\u2190-\u2bff\U0001f000-\U0001ffff]")  # arrows, shapes, dingbats, emoji
CLIP = "\U0001f4ce"


def test_every_symbol_the_window_writes_has_a_glyph(qapp: Any) -> None:
    sources = [
        *(ROOT / "app" / "ui").glob("*.py"),
        *(ROOT / "resources" / "translations").glob("*.ts"),
    ]
    used = {ch: p.name for p in sources for ch in SYMBOL.findall(p.read_text(encoding="utf-8"))}
    assert {"✕", "⚑", "✓"} <= used.keys()  # the scan finds what the window writes
    font = QFontMetrics(QApplication.font())
    missing = {ch: where for ch, where in used.items() if not font.inFontUcs4(ord(ch))}
    assert not missing, (
        f"no glyph in {QApplication.font().family()}: draw these (icons.py): {missing}"
    )


def ink(image: QImage) -> list[list[bool]]:
    return [[image.pixelColor(x, y).alpha() > 64 for x in range(image.width())]
            for y in range(image.height())]  # fmt: skip


def test_the_paper_clip_is_a_drawing_not_a_box(qapp: Any) -> None:
    seen = ink(paperclip("#606060", 28))
    share = sum(map(sum, seen)) / 28**2
    assert 0.1 < share < 0.5  # a wire: neither empty nor a filled block
    edges = [seen[0], seen[-1], [r[0] for r in seen], [r[-1] for r in seen]]
    assert all(sum(edge) < 8 for edge in edges)  # a missing-glyph box inks its four sides
    assert seen[14][14] or seen[13][14] or seen[14][13]  # the middle crosses the wire


def test_a_buyers_attachment_is_marked_with_the_drawn_clip(qtbot: Any) -> None:
    pane = ConversationPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    file = AttachmentInfo(7, "invoice.pdf", "application/pdf", 12_000, None, None)
    message = MessageView(1, None, Direction.INBOUND, "s", "See the file.", None,
                          datetime.now(UTC), frozenset(), (file,))  # fmt: skip
    pane.show_conversation(thread_row(), [message])
    html = pane.browser.toHtml()
    assert CLIP not in html and PAPERCLIP_URL in html and "invoice.pdf" in html
    pane.browser.viewport().grab()  # painted: the document has asked for its images
    clip = pane.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(PAPERCLIP_URL)
    )
    assert isinstance(clip, QImage) and sum(map(sum, ink(clip))) > 20
