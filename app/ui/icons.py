"""Symbols the window draws itself instead of writing them as text.

The paper clip (U+1F4CE) is an emoji: Windows and macOS draw it from their emoji fonts, but
DejaVu Sans (a minimal Linux, the offscreen platform, the Windows build under Wine) has no
glyph for it and Qt shows the empty "missing glyph" box. The bundles ship no fonts, so the
clip is a path, drawn at the screen's pixel ratio in the colour asked for.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform

PAPERCLIP_URL = "seller-inbox-icon:paperclip"  # resolved by MessageBrowser, never fetched


def _paperclip_path() -> QPainterPath:
    """A paper clip's wire in a 10 × 20 box, upright: three straight runs joined by arcs."""
    wire = QPainterPath(QPointF(6, 6))
    wire.lineTo(6, 14)
    wire.arcTo(QRectF(3, 12.5, 3, 3), 0, -180)  # inner bottom bend
    wire.lineTo(3, 3.5)
    wire.arcTo(QRectF(3, 0.75, 5.5, 5.5), 180, -180)  # top bend
    wire.lineTo(8.5, 15.5)
    wire.arcTo(QRectF(1, 11.75, 7.5, 7.5), 0, -180)  # outer bottom bend
    wire.lineTo(1, 4)
    return wire


@lru_cache(maxsize=8)
def paperclip(colour: str, size: int, ratio: float = 1.0) -> QImage:
    """The clip, tilted as the emoji is, in a ``size`` × ``size`` (logical pixels) image."""
    pixels = max(1, round(size * ratio))
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    wire = _paperclip_path()
    box = wire.boundingRect()
    scale = pixels / 22.0  # the tilted clip's diagonal, with room for the pen
    turn = QTransform()
    turn.translate(pixels / 2, pixels / 2)
    turn.rotate(40)
    turn.scale(scale, scale)
    turn.translate(-box.center().x(), -box.center().y())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), max(1.0, 1.5 * scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPath(turn.map(wire))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image
