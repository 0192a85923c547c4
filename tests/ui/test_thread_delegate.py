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


def test_a_painted_cell_is_reused_until_what_it_shows_changes(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from app.ui.thread_model import CLOCK, SUBJECT

    delegate = ThreadDelegate()
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 52, 400, 52)
    option.font = QFont()
    first = delegate._cell(ROW, SUBJECT, option)
    assert delegate._cell(ROW, SUBJECT, option) is first  # the second paint of a frame
    assert delegate._cell(replace(ROW), SUBJECT, option) is not first  # a re-read row
    assert delegate._cell(ROW, CLOCK, option) is not first
    option.state = QStyle.StateFlag.State_Selected  # selected: drawn in the selection colours
    selected = delegate._cell(ROW, SUBJECT, option)
    assert selected is not first
    assert selected.toImage() != first.toImage()


def test_marketplace_badges_read_at_aa_contrast(qapp) -> None:
    from PySide6.QtGui import QColor

    from app.ui.theme import contrast
    from app.ui.thread_delegate import _badge_colour

    for code in ("US", "UK", "SE", "ES", "DE", "FR"):
        assert contrast(_badge_colour(code), QColor("white")) >= 4.5, code
