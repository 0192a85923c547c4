"""Previews of a buyer's images and PDFs, against a real relay: thumbnails in the conversation
(PNG, JPEG, GIF, WebP, a PDF's first page rendered out of process), a password-protected PDF
as a chip with its page count and why it has no picture, a decompression bomb shown as "too
large to preview" without decoding it, a disguised file never previewed; the viewer opens on a
click, Left/Right moves between attachments, a PDF shows "page 1 of N" large, Esc closes;
thumbnails are cached in the profile."""

from __future__ import annotations

import asyncio
import struct
import time
import zlib
from pathlib import Path

from pdf_samples import encrypted_pdf, make_pdf  # type: ignore[import-not-found]
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    open_buyer,
    run,
    until,
)

from app.services.previews import Source, pdf_pages
from app.ui.previews import MAX_SIDE, THUMB, decode, preview_of

GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
    b"4 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
    b"5 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def _image(fmt: str, w: int = 640, h: int = 480, colour: str = "#3a7") -> bytes:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(buffer.data().data())


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid PNG declaring width × height pixels (by default 40 GB decoded) in a few
    hundred bytes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 4096)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")
    )


def test_decoding_is_bounded_and_takes_only_the_sniffed_format(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb"
    bomb.write_bytes(png_bomb())
    started = time.monotonic()
    assert decode(bomb, "png", THUMB) == "too-large"
    assert time.monotonic() - started < 1.0  # the header only: never decoded
    tall = tmp_path / "tall"
    tall.write_bytes(png_bomb(MAX_SIDE + 1, 1))  # a small area, one side too long
    assert decode(tall, "png", THUMB) == "too-large"
    # An SVG (which Qt could render, fetching nothing or not) is not read as a PNG.
    svg = tmp_path / "svg"
    svg.write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>")
    assert decode(svg, "png", THUMB) == "unreadable"
    # What the content is decides: an HTML page named like an image gets no preview.
    att = type("A", (), {"id": 1, "name": "photo.jpg"})()
    page = Source(svg, "text/html")
    assert preview_of(att, page, THUMB, tmp_path / "cache").kind == "none"
    big = tmp_path / "big"
    big.write_bytes(_image("JPG", 4000, 3000))
    made = decode(big, "jpeg", THUMB)
    assert isinstance(made, QImage) and made.size() == QSize(180, 135)


def test_pdf_page_count(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PDF)
    assert pdf_pages(pdf) == 3
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 1000)  # object streams: unknown, not a guess
    assert pdf_pages(pdf) is None


def test_a_buyers_images_and_pdf_preview_in_the_conversation(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
) -> None:  # fmt: skip
    s, w = ui_session.session, ui_session.window
    files = [
        ("parcel.png", _image("PNG")),
        ("label.jpg", _image("JPG", 800, 1200, "#a53")),
        ("tiny.gif", GIF),
        ("side.webp", _image("WEBP", 300, 300, "#35a")),
        ("receipt.pdf", make_pdf(pages=3)),
        ("locked.pdf", encrypted_pdf()),
        ("huge.png", png_bomb()),
    ]
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.de", email="bilder@buyers.example",
        name="Bea Bilder", subject="Beschädigt", text="Hier die Fotos.", locale="de", files=files,
    )  # fmt: skip
    pane = w.conversation

    async def scenario() -> None:
        await go_live(s, empty_relay)
        await open_buyer(w, "Bea Bilder")
        await until(lambda: len(pane.previews) == 7, 30, "seven previews")
        kinds = {p.name: p.kind for p in pane.previews.values()}
        assert kinds == {
            "parcel.png": "image", "label.jpg": "image", "tiny.gif": "image",
            "side.webp": "image", "receipt.pdf": "pdf", "locked.pdf": "pdf",
            "huge.png": "too-large",
        }  # fmt: skip
        by_name = {p.name: p for p in pane.previews.values()}
        assert by_name["label.jpg"].image.height() == THUMB.height()
        receipt, locked = by_name["receipt.pdf"], by_name["locked.pdf"]
        # The PDF's first page, fitted to the thumbnail: the red box where it was drawn.
        assert receipt.pages == 3 and receipt.image.size() == QSize(180, 90)
        assert receipt.image.pixelColor(60, 45) == QColor(255, 0, 0)
        assert receipt.image.pixelColor(150, 45) == QColor(255, 255, 255)
        assert locked.image is None and locked.reason == "encrypted" and locked.pages == 1
        html = pane.browser.toHtml()
        assert html.count("preview:") >= 5 and "too large to preview" in html
        assert f"preview:{receipt.attachment_id}" in html
        assert f"preview:{locked.attachment_id}" not in html
        text = pane.browser.toPlainText()
        assert "PDF · 3 page" in text
        assert "locked.pdf (1 KB) · PDF · 1 page(s) · password-protected · Save…" in text
        # Cached in the profile, named for the file's SHA-256: four pictures, the PDF's page
        # and its thumbnail; the locked PDF is remembered as such.
        cache = s.opts.profile / "previews"
        assert len(list(cache.glob("*.png"))) == 6
        assert [p.read_text() for p in cache.glob("*.failed")] == ["encrypted"]
        # A click on a thumbnail opens the viewer; arrows move, Esc closes.
        pane.browser.anchorClicked.emit(
            __import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl(
                f"attachment:view:{by_name['parcel.png'].attachment_id}"
            )
        )
        viewer = s.previews.viewer
        assert viewer is not None and viewer.isVisible()
        assert viewer.current().name == "parcel.png"
        await until(
            lambda: by_name["parcel.png"].attachment_id in viewer.large, what="the large picture"
        )
        assert viewer.large[by_name["parcel.png"].attachment_id].size() == QSize(640, 480)
        QTest.keyClick(viewer, Qt.Key.Key_Right)
        assert viewer.current().name == "label.jpg"
        for _ in range(3):
            QTest.keyClick(viewer, Qt.Key.Key_Right)
        assert viewer.current().name == "receipt.pdf"
        assert viewer.title.text() == "receipt.pdf · page 1 of 3"
        await until(lambda: receipt.attachment_id in viewer.large, what="the PDF's page large")
        assert viewer.large[receipt.attachment_id].size() == QSize(1024, 512)
        assert not viewer.picture.pixmap().isNull()
        for _ in range(5):
            QTest.keyClick(viewer, Qt.Key.Key_Right)
        assert viewer.current().name == "locked.pdf"  # the last one; the bomb is not shown
        assert "1 page" in viewer.picture.text() and "password-protected" in viewer.picture.text()
        QTest.keyClick(viewer, Qt.Key.Key_Left)
        QTest.keyClick(viewer, Qt.Key.Key_Left)
        assert viewer.current().name == "side.webp"
        QTest.keyClick(viewer, Qt.Key.Key_Escape)
        assert not viewer.isVisible()
        await s.ops.idle()

    run(qloop, scenario())


def test_a_buyers_html_cannot_name_a_preview() -> None:
    """Thumbnails are resources of the pane (``preview:<id>``); the buyer's HTML keeps only
    http(s) images, so it can neither show nor probe one."""
    from app.ui.message_html import sanitize

    cleaned = sanitize("<p>x<img src='preview:1'><a href='attachment:view:1'>y</a></p>")
    assert "preview:" not in cleaned and "attachment:" not in cleaned


def test_a_pdf_render_still_queued_when_the_seller_moves_on_is_dropped(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    """Newest wins: renders wait their turn (one at a time); one whose conversation is no
    longer on screen when its turn comes never starts a child, and opening the conversation
    again renders it."""
    s, w = ui_session.session, ui_session.window
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.de", email="anna@buyers.example",
        name="Anna Alt", subject="Rechnung", text="Anbei.", locale="de",
        files=[("rechnung.pdf", make_pdf(pages=2))],
    )  # fmt: skip
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.de", email="bo@buyers.example",
        name="Bo Bert", subject="Frage", text="Wann kommt es?", locale="de",
    )  # fmt: skip
    cache = s.opts.profile / "previews"
    pane, previews = w.conversation, s.previews

    async def scenario() -> None:
        await go_live(s, empty_relay)
        await previews.one_pdf.acquire()  # another render is under way
        await open_buyer(w, "Anna Alt")
        await until(lambda: bool(previews.pending), what="the render queued")
        await open_buyer(w, "Bo Bert")
        previews.one_pdf.release()
        await s.ops.idle()
        assert not previews.pending and not previews.made
        assert not list(cache.glob("*-pdf*"))  # no child was started for it
        await open_buyer(w, "Anna Alt")
        await until(
            lambda: any(p.image is not None for p in pane.previews.values()), 30, "the page"
        )
        assert len(list(cache.glob("*-pdf*-1024.png"))) == 1  # rendered once, now
        await s.ops.idle()

    run(qloop, scenario())
