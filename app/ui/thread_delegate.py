"""How a thread row is painted: a marketplace badge, two lines of text (buyer and order /
subject and preview) and the time with the 24-hour clock under it. Painting only: the row
height stays fixed, so the view never measures rows."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.storage.rows import ThreadRow
from app.ui.thread_model import (
    CLOCK,
    MARKETPLACE,
    ROW_ROLE,
    SUBJECT,
    clock_text,
    when_text,
)

Index = QModelIndex | QPersistentModelIndex
# White text on each reads at >= 4.5:1 (WCAG AA); tests/ui/test_thread_delegate.py checks.
_BADGE = {
    "US": "#b45309",
    "UK": "#5c6bc0",
    "SE": "#0277bd",
    "ES": "#c62828",
    "DE": "#455a64",
}


def country_code(marketplace_id: str) -> str:
    tail = marketplace_id.rsplit(".", 1)[-1].upper()
    return {"COM": "US", "GB": "UK"}.get(tail, tail)


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CACHE_CAP = 4000  # laid-out rows kept (a few screens' worth while scrolling back and forth)
_CELL_CACHE_CAP = 300  # painted cells kept: a few screens (3 cells a row), a few MB


@dataclass(frozen=True, slots=True)
class _Fonts:
    """The fonts a row is painted in, and their metrics, made once per view font."""

    normal: QFont
    bold: QFont
    badge: QFont
    fm: QFontMetrics
    fm_bold: QFontMetrics

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        bold = QFont(font)
        bold.setBold(True)
        badge = QFont(bold)
        badge.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        return cls(QFont(font), bold, badge, QFontMetrics(font), QFontMetrics(bold))


@dataclass(frozen=True, slots=True)
class _SubjectLayout:
    """The subject cell's elided texts and where they go, for one row at one width."""

    name: str
    name_width: int
    alias: str
    subject: str
    subject_width: int
    preview: str


class ThreadDelegate(QStyledItemDelegate):
    """Paints from the ``ThreadRow`` alone (one ``data()`` call per cell). Fonts, metrics and
    the elided texts of the subject cell are made once and reused: a scroll frame repaints
    ~40 cells, and eliding is most of what a cell costs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: _Fonts | None = None
        self._layouts: dict[tuple[int, int, bool], tuple[ThreadRow, _SubjectLayout]] = {}
        self._when: dict[tuple[datetime, date], str] = {}
        self._cells: OrderedDict[tuple[Any, ...], tuple[ThreadRow, _Fonts, QPixmap]] = OrderedDict()

    def _fonts_for(self, font: QFont) -> _Fonts:
        if self._fonts is None or self._fonts.normal != font:
            self._fonts = _Fonts.of(font)
            self._layouts.clear()
        return self._fonts

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ThreadRow):
            super().paint(p, option, index)
            return
        # Background and selection from the style (what CE_ItemViewItem draws under the
        # text), without initStyleOption: it asks the model for eight roles we do not use.
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, p, widget)
            if option.state & QStyle.StateFlag.State_HasFocus:
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, p, widget)
        col = index.column()
        if col not in (MARKETPLACE, SUBJECT, CLOCK):
            return
        p.drawPixmap(option.rect.topLeft(), self._cell(row, col, option))

    def _cell(self, row: ThreadRow, col: int, option: QStyleOptionViewItem) -> QPixmap:
        """The cell's text and badge, drawn once into a pixmap and reused while nothing it
        shows changes: a frame that loads a page repaints the whole viewport twice (the
        scroll, then the relayout after the insert), and a wheel step shows mostly rows the
        last frame drew already."""
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        widget = option.widget
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        now = datetime.now(UTC)
        minute = int(now.timestamp() // 60) if col == CLOCK else 0  # the clock reads minutes
        fonts = self._fonts_for(option.font)
        key = (row.id, col, r.width(), r.height(), selected, option.palette.cacheKey(), dpr, minute)
        hit = self._cells.get(key)
        if hit is not None and hit[0] is row and hit[1] is fonts:
            self._cells.move_to_end(key)
            return hit[2]
        pixmap = QPixmap(max(1, round(r.width() * dpr)), max(1, round(r.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.translate(-r.left(), -r.top())
        self._draw(painter, option, row, col, selected, fonts, now)
        painter.end()
        self._cells[key] = (row, fonts, pixmap)
        if len(self._cells) > _CELL_CACHE_CAP:
            self._cells.popitem(last=False)
        return pixmap

    def _draw(
        self,
        p: QPainter,
        option: QStyleOptionViewItem,
        row: ThreadRow,
        col: int,
        selected: bool,
        fonts: _Fonts,
        now: datetime,
    ) -> None:
        r = option.rect
        pal = option.palette
        text = pal.color(pal.ColorRole.HighlightedText if selected else pal.ColorRole.Text)
        grey = pal.color(pal.ColorRole.PlaceholderText)
        half = r.height() // 2
        top = QRect(r.left() + 8, r.top() + 6, r.width() - 14, half - 6)
        bottom = QRect(r.left() + 8, r.top() + half, r.width() - 14, half - 6)
        if col == MARKETPLACE:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            code = country_code(row.marketplace_id)
            badge = QRect(r.left() + 10, r.top() + (r.height() - 20) // 2, 34, 20)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_badge_colour(code))
            p.drawRoundedRect(badge, 4, 4)
            p.setFont(fonts.badge)
            p.setPen(_WHITE)
            p.drawText(badge, Qt.AlignmentFlag.AlignCenter, code)
            if row.unread_count:
                p.setBrush(_UNREAD_DOT)
                p.setPen(Qt.PenStyle.NoPen)
                p.drawEllipse(r.left() + 2, r.top() + half - 3, 6, 6)
        elif col == SUBJECT:
            unread = bool(row.unread_count)
            lay = self._subject_layout(row, top.width(), unread, fonts)
            p.setFont(fonts.bold if unread else fonts.normal)
            p.setPen(text)
            p.drawText(top, _LEFT, lay.name)
            used = lay.name_width + 8
            p.setFont(fonts.normal)
            p.setPen(grey)
            p.drawText(top.adjusted(used, 0, 0, 0), _LEFT, lay.alias)
            if row.flagged:
                p.setPen(_FLAG)
                p.drawText(top, _RIGHT, "⚑")
            p.setFont(fonts.bold if unread else fonts.normal)
            p.setPen(text)
            p.drawText(bottom, _LEFT, lay.subject)
            if lay.preview:
                p.setFont(fonts.normal)
                p.setPen(grey)
                p.drawText(bottom.adjusted(lay.subject_width + 10, 0, 0, 0), _LEFT, lay.preview)
        else:
            p.setFont(fonts.normal)
            p.setPen(grey)
            p.drawText(top, _RIGHT, self._when_text(row.last_activity, now))
            label, colour = clock_text(row, now)
            if label:
                p.setFont(fonts.bold if colour is not None else fonts.normal)
                p.setPen(colour if colour is not None else grey)
                p.drawText(bottom, _RIGHT, label)

    def _subject_layout(
        self, row: ThreadRow, width: int, unread: bool, fonts: _Fonts
    ) -> _SubjectLayout:
        key = (row.id, width, unread)
        hit = self._layouts.get(key)
        if hit is not None and hit[0] is row:  # the same row object: nothing in it changed
            return hit[1]
        fm, fm_name = fonts.fm, (fonts.fm_bold if unread else fonts.fm)
        elide = Qt.TextElideMode.ElideRight
        name = fm.elidedText(row.buyer_name, elide, width // 2)
        name_width = fm_name.horizontalAdvance(name)
        order = f"#{row.order_number}   " if row.order_number else ""
        alias = fm.elidedText(f"{order}{row.buyer_alias}", elide, width - name_width - 8)
        subject = fm.elidedText(row.subject or "—", elide, width)
        subject_width = fm_name.horizontalAdvance(subject)
        room = width - subject_width - 10
        preview = ""
        if room > 40 and row.preview:
            preview = fm.elidedText("— " + row.preview.replace("\n", " "), elide, room)
        lay = _SubjectLayout(name, name_width, alias, subject, subject_width, preview)
        if len(self._layouts) >= _CACHE_CAP:
            self._layouts.clear()
        self._layouts[key] = (row, lay)
        return lay

    def _when_text(self, at: datetime, now: datetime) -> str:
        key = (at, now.date())  # "14:05" / "Mon 14:05" / a date: changes with the day only
        text = self._when.get(key)
        if text is None:
            if len(self._when) >= _CACHE_CAP:
                self._when.clear()
            text = self._when[key] = when_text(at)
        return text


_WHITE = QColor("white")
_UNREAD_DOT = QColor("#1a73e8")
_FLAG = QColor("#e65100")
_BADGE_COLOURS = {code: QColor(c) for code, c in _BADGE.items()}
_OTHER_BADGE = QColor("#546e7a")


def _badge_colour(code: str) -> QColor:
    return _BADGE_COLOURS.get(code, _OTHER_BADGE)
