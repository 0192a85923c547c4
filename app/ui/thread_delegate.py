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
from app.ui.relay_text import preview_text
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
_CELL_CACHE_CAP = 300  # painted badge and time cells kept (small pixmaps, a few MB at most)
_PANEL = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver
_NARROW = " .,:;'!|iIjlrtf1ı"  # the narrowest characters of a font (see _Fonts.narrowest)


@dataclass(frozen=True, slots=True)
class _Fonts:
    """The fonts a row is painted in, and their metrics, made once per view font."""

    normal: QFont
    bold: QFont
    badge: QFont
    fm: QFontMetrics
    fm_bold: QFontMetrics
    narrowest: int  # no character is narrower: a text of n characters is at least n * this

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        bold = QFont(font)
        bold.setBold(True)
        badge = QFont(bold)
        badge.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        fm = QFontMetrics(font)
        narrowest = max(1, min(fm.horizontalAdvance(c) for c in _NARROW) - 1)  # - 1: kerning
        return cls(QFont(font), bold, badge, fm, QFontMetrics(bold), narrowest)

    def elided(self, fm: QFontMetrics, text: str, width: int) -> str:
        """``fm.elidedText`` on only as much of ``text`` as could ever fit: eliding measures
        the whole string, and a preview is ~100 characters of which ~20 are shown."""
        elide = Qt.TextElideMode.ElideRight
        if width <= 0:
            return fm.elidedText(text, elide, width)
        most = width // self.narrowest + 2
        if len(text) <= most:
            return fm.elidedText(text, elide, width)
        shown = fm.elidedText(text[:most], elide, width)
        # The cut text always overflows, so it comes back elided; should a font break the
        # lower bound (zero-width marks), the whole text is elided as before.
        return shown if shown != text[:most] else fm.elidedText(text, elide, width)


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
    the elided texts of the subject cell are made once per row and reused; the badge and the
    time cells are drawn once per what they show (a country and unread; a time and a clock
    label) and reused for every row that shows the same. Nothing is drawn twice per frame: a
    scroll frame shows ~14 rows it has not drawn before, and text is most of what they cost."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: _Fonts | None = None
        self._layouts: dict[tuple[int, int, bool], tuple[ThreadRow, _SubjectLayout]] = {}
        self._when: dict[tuple[Any, date], str] = {}
        self._cells: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()

    def _fonts_for(self, font: QFont) -> _Fonts:
        if self._fonts is None or self._fonts.normal != font:
            self._fonts = _Fonts.of(font)
            self._layouts.clear()
            self._cells.clear()
        return self._fonts

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ThreadRow):
            super().paint(p, option, index)
            return
        # Background and selection from the style (what CE_ItemViewItem draws under the
        # text), without initStyleOption: it asks the model for eight roles we do not use.
        # A row neither selected nor under the mouse has no panel to draw.
        widget = option.widget
        state = option.state
        style = widget.style() if widget is not None else None
        if style is not None:
            if state & _PANEL:
                style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, p, widget)
            if state & QStyle.StateFlag.State_HasFocus:
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, p, widget)
        col = index.column()
        if col == SUBJECT:
            selected = bool(state & QStyle.StateFlag.State_Selected)
            self._draw_subject(p, option, row, selected, self._fonts_for(option.font))
        elif col in (MARKETPLACE, CLOCK):
            p.drawPixmap(option.rect.topLeft(), self._cell(row, col, option))

    def _cell(self, row: ThreadRow, col: int, option: QStyleOptionViewItem) -> QPixmap:
        """The badge or time cell, drawn once for what it shows and reused for every row
        that shows the same (many rows share a country, a date, "No response needed")."""
        r = option.rect
        widget = option.widget
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        fonts = self._fonts_for(option.font)
        shows: tuple[Any, ...]
        code, unread = country_code(row.marketplace_id), bool(row.unread_count)
        if col == MARKETPLACE:
            shows = (code, unread)
        else:
            now = datetime.now(UTC)
            label, colour = clock_text(row, now)
            when = self._when_text(row.last_activity, now)
            shows = (when, label, None if colour is None else colour.rgba())
        key = (col, shows, r.width(), r.height(), option.palette.cacheKey(), dpr)
        pixmap = self._cells.get(key)
        if pixmap is not None:
            self._cells.move_to_end(key)
            return pixmap
        pixmap = QPixmap(max(1, round(r.width() * dpr)), max(1, round(r.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        if col == MARKETPLACE:
            self._draw_badge(painter, r.height(), code, unread, fonts)
        else:
            self._draw_time(painter, option, r.width(), r.height(), fonts, when, label, colour)
        painter.end()
        self._cells[key] = pixmap
        if len(self._cells) > _CELL_CACHE_CAP:
            self._cells.popitem(last=False)
        return pixmap

    @staticmethod
    def _draw_badge(p: QPainter, h: int, code: str, unread: bool, fonts: _Fonts) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        badge = QRect(10, (h - 20) // 2, 34, 20)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_badge_colour(code))
        p.drawRoundedRect(badge, 4, 4)
        p.setFont(fonts.badge)
        p.setPen(_WHITE)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, code)
        if unread:
            p.setBrush(_UNREAD_DOT)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(2, h // 2 - 3, 6, 6)

    @staticmethod
    def _draw_time(
        p: QPainter,
        option: QStyleOptionViewItem,
        w: int,
        h: int,
        fonts: _Fonts,
        when: str,
        label: str,
        colour: QColor | None,
    ) -> None:
        pal = option.palette
        grey = pal.color(pal.ColorRole.PlaceholderText)
        half = h // 2
        p.setFont(fonts.normal)
        p.setPen(grey)
        p.drawText(QRect(8, 6, w - 14, half - 6), _RIGHT, when)
        if label:
            p.setFont(fonts.bold if colour is not None else fonts.normal)
            p.setPen(colour if colour is not None else grey)
            p.drawText(QRect(8, half, w - 14, half - 6), _RIGHT, label)

    def _draw_subject(
        self,
        p: QPainter,
        option: QStyleOptionViewItem,
        row: ThreadRow,
        selected: bool,
        fonts: _Fonts,
    ) -> None:
        r = option.rect
        pal = option.palette
        text = pal.color(pal.ColorRole.HighlightedText if selected else pal.ColorRole.Text)
        grey = pal.color(pal.ColorRole.PlaceholderText)
        half = r.height() // 2
        top = QRect(r.left() + 8, r.top() + 6, r.width() - 14, half - 6)
        bottom = QRect(r.left() + 8, r.top() + half, r.width() - 14, half - 6)
        unread = bool(row.unread_count)
        lay = self._subject_layout(row, top.width(), unread, fonts)
        strong = fonts.bold if unread else fonts.normal
        p.setFont(strong)
        p.setPen(text)
        p.drawText(top, _LEFT, lay.name)
        p.drawText(bottom, _LEFT, lay.subject)
        p.setFont(fonts.normal)
        p.setPen(grey)
        p.drawText(top.adjusted(lay.name_width + 8, 0, 0, 0), _LEFT, lay.alias)
        if lay.preview:
            p.drawText(bottom.adjusted(lay.subject_width + 10, 0, 0, 0), _LEFT, lay.preview)
        if row.flagged:
            p.setPen(_FLAG)
            p.drawText(top, _RIGHT, "⚑")

    def _subject_layout(
        self, row: ThreadRow, width: int, unread: bool, fonts: _Fonts
    ) -> _SubjectLayout:
        key = (row.id, width, unread)
        hit = self._layouts.get(key)
        if hit is not None and hit[0] is row:  # the same row object: nothing in it changed
            return hit[1]
        fm, fm_strong = fonts.fm, (fonts.fm_bold if unread else fonts.fm)
        name = fonts.elided(fm_strong, row.buyer_name, width // 2)
        name_width = fm_strong.horizontalAdvance(name)
        order = f"#{row.order_number}   " if row.order_number else ""
        alias = fonts.elided(fm, f"{order}{row.buyer_alias}", width - name_width - 8)
        subject = fonts.elided(fm_strong, row.subject or "—", width)
        subject_width = fm_strong.horizontalAdvance(subject)
        room = width - subject_width - 10
        preview = ""
        if room > 40 and row.preview:
            preview = fonts.elided(fm, "— " + preview_text(row), room)
        lay = _SubjectLayout(name, name_width, alias, subject, subject_width, preview)
        if len(self._layouts) >= _CACHE_CAP:
            self._layouts.clear()
        self._layouts[key] = (row, lay)
        return lay

    def _when_text(self, at: datetime, now: datetime) -> str:
        """``when_text``, remembered: an older row's text is its date, shared by every row of
        that day; a recent one's changes with the day it is read on."""
        today = now.astimezone().date()  # when_text's "today": the local one
        local = at.astimezone().date()
        key = (local if (today - local).days >= 7 else at, today)
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
