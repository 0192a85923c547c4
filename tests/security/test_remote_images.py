"""Remote images a seller allowed: fetched from a real HTTP server on loopback, decoded like
attachment previews. A 203 KB PNG of 8,000 x 8,000 pixels took 1 s and 256 MB on the GUI
thread (a message may show 20), SVG and XPM were decoded by guessing, and a server sending a
byte now and then held the fetch for ever."""

from __future__ import annotations

import asyncio
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from app.services.remote_images import fetch_images
from app.ui.message_html import MAX_IMAGE_SIDE
from app.ui.remote_decode import decode_remote


def _png(side: int) -> bytes:
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _bomb() -> bytes:
    """A PNG header declaring 100,000 x 100,000 pixels (40 GB decoded), almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    head = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9"/></svg>'
XPM = b'/* XPM */\nstatic char *x[] = {"1 1 1 1", "a c #ff0000", "a"};'


class _Images(BaseHTTPRequestHandler):
    bodies: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow.png":  # a byte now and then: never finished
            self.send_response(200)
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        body = self.bodies.get(self.path, b"")
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _Images.bodies = {
        "/big.png": _png(6000),  # 36 MP: decoded on a thread, then fitted
        "/huge.png": _png(8000),  # 64 MP: over the previews' 40 MP, refused before decoding
        "/bomb.png": _bomb(),
        "/pixel.svg": SVG,
        "/photo.jpg": SVG,  # a web drawing named as a photo
        "/x.xpm": XPM,
        "/ok.png": _png(40),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_only_pictures_are_decoded_and_never_larger_than_html_may_show(
    qtbot,
    server: str,  # type: ignore[no-untyped-def]
) -> None:
    urls = [
        f"{server}/{n}"
        for n in ("big.png", "huge.png", "bomb.png", "pixel.svg", "photo.jpg", "x.xpm", "ok.png")
    ]
    fetched = asyncio.run(fetch_images(urls))
    assert len(fetched) == 7
    t = time.perf_counter()
    images = decode_remote(fetched)
    took = time.perf_counter() - t
    print(f"\ndecoded {sorted(images)} in {took * 1000:.0f} ms (on the caller's thread)")
    assert sorted(images) == [f"{server}/big.png", f"{server}/ok.png"]
    big = images[f"{server}/big.png"]
    assert max(big.width(), big.height()) <= MAX_IMAGE_SIDE  # 16 MB kept, not 144 MB
    assert images[f"{server}/ok.png"].width() == 40


def test_a_trickling_server_does_not_hold_the_images_for_ever(server: str) -> None:
    urls = [f"{server}/ok.png", f"{server}/slow.png", f"{server}/big.png"]
    t = time.perf_counter()
    fetched = asyncio.run(fetch_images(urls, total=1.0))
    took = time.perf_counter() - t
    assert took < 3.0, took  # the slow one alone would take 20 s here, days in the wild
    assert f"{server}/ok.png" in fetched and f"{server}/slow.png" not in fetched
