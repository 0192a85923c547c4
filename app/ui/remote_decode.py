"""Decoding the remote images of a buyer's message once the seller allowed them.

`QImage.fromData` on the GUI thread guessed the format (SVG and XPM too) and decoded up to
Qt's 256 MB limit: a 203 KB PNG of 8,000 x 8,000 white pixels took 1 s and 256 MB, and a
message may show 20. So each body is decoded like an attachment preview (app/ui/previews.py):
only what the shared sniffer says is PNG, JPEG, GIF or WebP, with the decoder told that
format, dimensions checked before decoding, fitted into the largest box buyer HTML may ask
for, and on a thread (the caller's).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from app.policy.attachments import sniff_media_type
from app.services.previews import PREVIEWABLE
from app.ui.message_html import MAX_IMAGE_SIDE
from app.ui.previews import decode_data

BOX = QSize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE)


def decode_remote(bodies: dict[str, bytes]) -> dict[str, QImage]:
    """The decodable images by URL; anything else is left out (its placeholder stays)."""
    images = {}
    for url, body in bodies.items():
        fmt = PREVIEWABLE.get(sniff_media_type(body[:4096], body[-4096:]) or "")
        if fmt is None:
            continue  # not a picture by its content (or a PDF)
        image = decode_data(body, fmt, BOX)
        if isinstance(image, QImage):
            images[url] = image
    return images
