"""The thread list's painter: what it caches must follow the rows it paints."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtGui import QFont
from ui_testkit import thread_row  # type: ignore[import-not-found]

from app.ui.thread_delegate import ThreadDelegate

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ROW = thread_row(
    id=7,
    buyer_name="Åsa Lind",
    buyer_alias="k3x9@marketplace.relay.example",
    order_number="123-4567890-1234567",
    subject="Var är mitt paket?",
    preview="Hej! Jag har inte fått paketet än.",
    last_activity=NOW,
)


def test_a_changed_row_is_laid_out_again_and_an_unchanged_one_is_reused(qapp) -> None:  # type: ignore[no-untyped-def]
    delegate = ThreadDelegate()
    fonts = delegate._fonts_for(QFont())
    first = delegate._subject_layout(ROW, 400, False, fonts)
    assert first.subject == ROW.subject and first.preview.startswith("— Hej")
    assert delegate._subject_layout(ROW, 400, False, fonts) is first  # same row: cached
    # A sync brings the same conversation back with a new subject: a new row object.
    synced = replace(ROW, subject="Paketet kom fram, tack!", preview="")
    again = delegate._subject_layout(synced, 400, False, fonts)
    assert again.subject == synced.subject and again.preview == ""
    narrow = delegate._subject_layout(synced, 90, False, fonts)  # the column was narrowed
    assert narrow.subject != synced.subject and narrow.subject.endswith("…")
    bigger = QFont()
    bigger.setPointSizeF(QFont().pointSizeF() * 2)
    assert delegate._fonts_for(bigger) is not fonts  # a new view font: new fonts and metrics


def test_badge_and_time_cells_are_drawn_once_for_what_they_show(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    from app.ui.thread_model import CLOCK, MARKETPLACE

    delegate = ThreadDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 52, 168, 52)
    option.font = QFont()
    time = delegate._cell(ROW, CLOCK, option)
    # Another conversation of the same moment, owing nothing: the same picture.
    assert delegate._cell(replace(ROW, id=8, subject="x"), CLOCK, option) is time
    owed = replace(ROW, needs_response=True, awaiting_since=NOW)  # now "Overdue …"
    assert delegate._cell(owed, CLOCK, option).toImage() != time.toImage()
    badge = delegate._cell(ROW, MARKETPLACE, option)
    assert delegate._cell(replace(ROW, id=9), MARKETPLACE, option) is badge
    unread = delegate._cell(replace(ROW, unread_count=1), MARKETPLACE, option)  # the dot
    assert unread is not badge and unread.toImage() != badge.toImage()
    german = delegate._cell(replace(ROW, marketplace_id="amazon.de"), MARKETPLACE, option)
    assert german.toImage() != badge.toImage()


def test_a_selected_row_is_drawn_in_the_selection_colours(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    delegate = ThreadDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 52)
    option.font = QFont()
    fonts = delegate._fonts_for(option.font)

    def drawn(selected: bool) -> QImage:
        image = QImage(400, 52, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        delegate._draw_subject(painter, option, ROW, selected, fonts)
        painter.end()
        return image

    assert drawn(True) != drawn(False)


def test_a_long_text_is_elided_as_if_it_were_measured_whole(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    fonts = ThreadDelegate()._fonts_for(QFont())
    elide = Qt.TextElideMode.ElideRight
    for text in ("— " + ROW.preview * 6, "i" * 400, "W" * 400, "e\u0301" * 300, "short"):
        for width in (0, 30, 120, 300):
            assert fonts.elided(fonts.fm, text, width) == fonts.fm.elidedText(text, elide, width)


def test_marketplace_badges_read_at_aa_contrast(qapp) -> None:
    from PySide6.QtGui import QColor

    from app.ui.theme import contrast
    from app.ui.thread_delegate import _badge_colour

    for code in ("US", "UK", "SE", "ES", "DE", "FR"):
        assert contrast(_badge_colour(code), QColor("white")) >= 4.5, code
