"""How a thread row is painted: a marketplace badge, two lines of text (buyer and order /
subject and preview) and the time with the 24-hour clock under it. Painting only: the row
height stays fixed, so the view never measures rows."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
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
_BADGE = {
    "US": "#ff9900",
    "UK": "#5c6bc0",
    "SE": "#0288d1",
    "ES": "#d84315",
    "DE": "#455a64",
}


def country_code(marketplace_id: str) -> str:
    tail = marketplace_id.rsplit(".", 1)[-1].upper()
    return {"COM": "US", "GB": "UK"}.get(tail, tail)


class ThreadDelegate(QStyledItemDelegate):
    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ThreadRow):
            super().paint(p, option, index)
            return
        col = index.column()
        # Background and selection from the style; our text on top.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, opt.widget)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect
        pal = option.palette
        text = pal.color(
            pal.ColorRole.HighlightedText
            if option.state & QStyle.StateFlag.State_Selected
            else pal.ColorRole.Text
        )
        grey = pal.color(pal.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setBold(True)
        top = QRect(r.left() + 8, r.top() + 6, r.width() - 14, r.height() // 2 - 6)
        bottom = QRect(r.left() + 8, r.top() + r.height() // 2, r.width() - 14, r.height() // 2 - 6)
        fm = option.fontMetrics
        if col == MARKETPLACE:
            code = country_code(row.marketplace_id)
            badge = QRect(r.left() + 10, r.top() + (r.height() - 20) // 2, 34, 20)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(_BADGE.get(code, "#78909c")))
            p.drawRoundedRect(badge, 4, 4)
            small = QFont(option.font)
            small.setBold(True)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.8))
            p.setFont(small)
            p.setPen(QColor("white"))
            p.drawText(badge, Qt.AlignmentFlag.AlignCenter, code)
            if row.unread_count:
                p.setBrush(QColor("#1a73e8"))
                p.setPen(Qt.PenStyle.NoPen)
                p.drawEllipse(r.left() + 2, r.top() + r.height() // 2 - 3, 6, 6)
        elif col == SUBJECT:
            p.setFont(bold if row.unread_count else option.font)
            p.setPen(text)
            order = f"#{row.order_number}   " if row.order_number else ""
            flag = "  ⚑" if row.flagged else ""
            name = fm.elidedText(row.buyer_name, Qt.TextElideMode.ElideRight, top.width() // 2)
            p.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            used = p.fontMetrics().horizontalAdvance(name) + 8
            p.setFont(option.font)
            p.setPen(grey)
            rest = QRect(top.left() + used, top.top(), top.width() - used, top.height())
            p.drawText(
                rest,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(
                    f"{order}{row.buyer_alias}", Qt.TextElideMode.ElideRight, rest.width()
                ),
            )
            if flag:
                p.setPen(QColor("#e65100"))
                p.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "⚑")
            subject = row.subject or "—"
            p.setFont(bold if row.unread_count else option.font)
            p.setPen(text)
            s = fm.elidedText(subject, Qt.TextElideMode.ElideRight, bottom.width())
            p.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, s)
            used = p.fontMetrics().horizontalAdvance(s) + 10
            if used < bottom.width() - 40 and row.preview:
                p.setFont(option.font)
                p.setPen(grey)
                rest = QRect(
                    bottom.left() + used, bottom.top(), bottom.width() - used, bottom.height()
                )
                p.drawText(
                    rest,
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    fm.elidedText(
                        "— " + row.preview.replace("\n", " "),
                        Qt.TextElideMode.ElideRight,
                        rest.width(),
                    ),
                )
        elif col == CLOCK:
            p.setFont(option.font)
            p.setPen(grey)
            p.drawText(
                top,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                when_text(row.last_activity),
            )
            label, colour = clock_text(row, datetime.now(UTC))
            if label:
                small = QFont(option.font)
                small.setBold(colour is not None)
                p.setFont(small)
                p.setPen(colour if colour is not None else grey)
                p.drawText(
                    bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
                )
        p.restore()
