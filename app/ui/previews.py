"""Previews of the images and PDFs a buyer sent: decoding them, and their place in the
conversation's HTML (the part that runs it: app/ui/attachment_previews.py).

What may be decoded is decided without Qt (app.services.previews: by content, by size, from
the blob store or the relay only); a PDF's first page is rendered by a confined child process
(app.services.pdf_render) into a PNG that is decoded here like any picture. Decoding runs on
a thread through the operations layer, with limits: the dimensions are read from the header
first and a picture over ``MAX_SIDE`` or ``MAX_PIXELS`` (``MAX_SCALED_PIXELS`` for formats
decoded straight to the thumbnail's size; a decompression bomb declares them) is "too large
to preview", never decoded; the decoder is told the sniffed format, so Qt never guesses
another (SVG, XPM…). Thumbnails are cached in the profile (``previews/``), named for the
file's SHA-256 and the size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter

from app.ui import formats

if TYPE_CHECKING:
    from app.services.previews import Source
    from app.storage.rows import AttachmentInfo

THUMB = QSize(180, 135)  # a thumbnail fits this box
LARGE = QSize(1600, 1200)  # the viewer's picture fits this box
MAX_SIDE = 20_000
MAX_PIXELS = 40_000_000  # ~160 MB decoded: more is refused before decoding
MAX_SCALED_PIXELS = 200_000_000  # a phone's 200 MP photo, decoded at the box's size


@dataclass(frozen=True)
class Preview:
    """What the conversation shows for one attachment."""

    attachment_id: int
    name: str
    kind: str  # "image", "pdf", "too-large", "none" (not an image or PDF by its content)
    image: QImage | None = None
    pages: int | None = None
    reason: str | None = None  # a PDF shown as a chip: why it has no picture (pdf_render.Failure)


def decode(path: Path, fmt: str, box: QSize) -> QImage | str:
    """The picture at ``path`` fitted into ``box``; "too-large" or "unreadable" instead.
    Blocking: run it on a thread (QImage, unlike QPixmap, may be made there)."""
    return _decode(QImageReader(str(path), fmt.encode()), box)


def decode_data(data: bytes, fmt: str, box: QSize) -> QImage | str:
    """``decode`` for bytes in memory (a remote image the seller allowed)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return _decode(QImageReader(buffer, fmt.encode()), box)


def _decode(reader: QImageReader, box: QSize) -> QImage | str:
    reader.setDecideFormatFromContent(False)  # the sniffed format, never a guess
    reader.setAutoTransform(True)  # a phone photo's EXIF orientation
    size = reader.size()
    if not size.isValid():
        return "unreadable"
    # A decoder that can decode straight to the box (JPEG, WebP) never holds the whole picture.
    scales = reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    pixels = MAX_SCALED_PIXELS if scales else MAX_PIXELS
    if max(size.width(), size.height()) > MAX_SIDE or size.width() * size.height() > pixels:
        return "too-large"
    if scales and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return "unreadable"
    if image.width() > box.width() or image.height() > box.height():
        image = image.scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def cached_decode(src: Source, fmt: str, box: QSize, cache: Path) -> QImage | str:
    """``decode`` through the profile's cache of fitted pictures."""
    from app.storage.profile import private_dir

    name = cache / f"{src.path.name}-{box.width()}x{box.height()}.png"
    if name.is_file():
        found = decode(name, "png", box)
        if isinstance(found, QImage):
            return found
    made = decode(src.path, fmt, box)
    if isinstance(made, QImage):
        private_dir(cache)
        tmp = name.with_name(".incoming-" + name.name)  # the format follows the ".png"
        if made.save(str(tmp)):
            os.replace(tmp, name)
    return made


def framed(image: QImage) -> QImage:
    """``image`` with a thin grey edge: a white page on a pale bubble still shows its shape.
    (QPainter on a QImage may run on a thread.)"""
    out = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(out)
    painter.setPen(QColor("#9a9a9a"))
    painter.drawRect(0, 0, out.width() - 1, out.height() - 1)
    painter.end()
    return out


def pdf_preview(att: AttachmentInfo, src: Source, box: QSize, cache: Path) -> Preview:
    """A PDF's first page (rendered out of process, app.services.pdf_render) fitted into
    ``box``; else its chip, with the page count read from the file and why (blocking)."""
    from app.services import previews as service
    from app.services.pdf_render import MAX_SIDE as RENDERED_SIDE
    from app.services.pdf_render import Rendered, cached_render

    made = cached_render(src.path, cache)
    if isinstance(made, Rendered):
        page = service.Source(made.png, "image/png")
        fits = box.width() >= RENDERED_SIDE and box.height() >= RENDERED_SIDE
        image = decode(made.png, "png", box) if fits else cached_decode(page, "png", box, cache)
        if isinstance(image, QImage):
            return Preview(att.id, att.name, "pdf", image=framed(image), pages=made.pages)
        reason = "unreadable"
    else:
        reason = made.reason.value
    return Preview(att.id, att.name, "pdf", pages=service.pdf_pages(src.path), reason=reason)


def pdf_failure_text(reason: str | None) -> str:
    """Why a PDF shows no picture, in the window's language ("" when it has one)."""
    texts = {
        "encrypted": QCoreApplication.translate("ConversationPane", "password-protected"),
        "unreadable": QCoreApplication.translate("ConversationPane", "damaged, no preview"),
        "timeout": QCoreApplication.translate("ConversationPane", "took too long to preview"),
        "crashed": QCoreApplication.translate("ConversationPane", "could not be previewed"),
        "too-large": QCoreApplication.translate("ConversationPane", "too large to preview"),
        "not-pdf": QCoreApplication.translate("ConversationPane", "not a PDF by its content"),
    }
    return texts.get(reason or "", "")


def thumbnail_html(preview: Preview | None) -> str:
    """A picture's thumbnail in the conversation, a link to the viewer; "" for anything else.
    The image is a resource only the pane hands its browser (``preview:<id>``)."""
    if preview is None or preview.image is None:
        return ""
    aid, size = preview.attachment_id, preview.image.size()
    return (
        f"<a href='attachment:view:{aid}'><img src='preview:{aid}' "
        f"width='{size.width()}' height='{size.height()}'></a>"
    )


def attachment_html(a: AttachmentInfo, preview: Preview | None, muted: str, clip: str) -> str:
    """An attachment's line: name, size, the PDF chip or "too large to preview", Save."""
    kind = preview.kind if preview is not None else ""
    note = ""
    if preview is not None and kind == "pdf":
        label = (
            QCoreApplication.translate("ConversationPane", "PDF · %1").replace(
                "%1",
                QCoreApplication.translate("ConversationPane", "%n page(s)", "", preview.pages),
            )
            if preview.pages
            else QCoreApplication.translate("ConversationPane", "PDF")
        )
        note = f" · <a href='attachment:view:{a.id}'>{escape(label)}</a>"
        if why := pdf_failure_text(preview.reason):
            note += f" · <span style='color:{muted}'>{escape(why)}</span>"
    elif kind == "too-large":
        too_large = QCoreApplication.translate("ConversationPane", "too large to preview")
        note = f" · <span style='color:{muted}'>{escape(too_large)}</span>"
    save = QCoreApplication.translate("ConversationPane", "Save…")  # lupdate skips f-strings
    return (
        f"<br>{clip} <a href='attachment:open:{a.id}'>{escape(a.name)}</a> "
        f"<span style='color:{muted}'>({formats.file_size(a.size)})</span>{note} · "
        f"<a href='attachment:save:{a.id}'>{escape(save)}</a>"
    )


def preview_of(att: AttachmentInfo, src: Source | None, box: QSize, cache: Path) -> Preview:
    """The attachment's preview (blocking: on a thread)."""
    from app.services.previews import PREVIEWABLE

    if src is None or not src.previewable:
        return Preview(att.id, att.name, "none")
    fmt = PREVIEWABLE[src.media_type or ""]
    if fmt is None:
        return pdf_preview(att, src, box, cache)
    made = cached_decode(src, fmt, box, cache)
    if isinstance(made, QImage):
        return Preview(att.id, att.name, "image", image=made)
    return Preview(att.id, att.name, "too-large" if made == "too-large" else "none")
