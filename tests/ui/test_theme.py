"""Light and dark: with a dark system palette the window takes the dark theme, and the
thread list's text, its grey secondary text and the 24-hour clock stay readable (WCAG
contrast >= 4.5:1) on the list and on the selection, in both schemes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.storage.rows import ThreadRow
from app.ui import theme
from app.ui.main_window import MainWindow
from app.ui.thread_model import CLOCK, clock_text

NOW = datetime.now(UTC)
Role = QPalette.ColorRole


def _row(i: int, awaiting_hours: float | None, **kw) -> ThreadRow:  # type: ignore[no-untyped-def]
    base = dict(
        id=i, relay_id=f"c{i}", marketplace_id="amazon.se", buyer_name=f"Buyer {i}",
        buyer_alias=f"b{i}@m", order_number=f"123-000000{i}-1", subject=f"Subject {i}",
        preview="a preview line", last_activity=NOW,
        awaiting_since=None if awaiting_hours is None else NOW - timedelta(hours=awaiting_hours),
        needs_response=awaiting_hours is not None, no_response_needed=False,
        unread_count=i % 2, message_count=2, flagged=False,
    )  # fmt: skip
    base.update(kw)
    return ThreadRow(**base)


ROWS = [_row(1, 30), _row(2, 22), _row(3, 2), _row(4, None), _row(5, 5, no_response_needed=True)]


def _system_palette(dark: bool) -> QPalette:
    """What a desktop hands Qt: the scheme is only in the colours (offscreen reports no
    colour scheme, like many Linux desktops)."""
    window, text = ("#202124", "#f1f3f4") if dark else ("#efefef", "#000000")
    p = QPalette()
    for role, colour in ((Role.Window, window), (Role.WindowText, text), (Role.Base, window),
                         (Role.Text, text), (Role.Button, window), (Role.ButtonText, text)):  # fmt: skip
        p.setColor(role, QColor(colour))
    return p


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[QApplication]:
    style, sheet, palette = qapp.style().name(), qapp.styleSheet(), QPalette(qapp.palette())
    yield qapp
    qapp.setPalette(_system_palette(dark=False))
    theme.apply(qapp)  # leave the theme on light for the tests that follow
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_window_follows_the_system_scheme_and_stays_readable(
    qtbot, app_state, dark: bool
) -> None:  # type: ignore[no-untyped-def]
    app_state.setPalette(_system_palette(dark))
    theme.apply(app_state)
    assert theme.is_dark() is dark

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    window.show_threads(lambda after: [] if after else ROWS)
    qtbot.waitExposed(window)
    pal = window.threads.palette()
    base, highlight = pal.color(Role.Base), pal.color(Role.Highlight)
    assert (base.lightness() < 60) is dark and (base.lightness() > 200) is not dark

    # The painted list really uses the theme: its empty area is the palette's base colour.
    image = window.threads.viewport().grab().toImage()
    assert image.pixelColor(5, image.height() - 3).name() == base.name()

    def readable(fg: QColor, *backgrounds: QColor) -> None:
        for bg in backgrounds:
            ratio = theme.contrast(fg, bg)
            assert ratio >= 4.5, f"{fg.name()} on {bg.name()}: {ratio:.2f}"

    readable(pal.color(Role.Text), base)
    readable(pal.color(Role.HighlightedText), highlight)
    readable(pal.color(Role.PlaceholderText), base, highlight)  # buyer alias, preview, time
    colours = {c.name() for r in ROWS if (c := clock_text(r, NOW)[1]) is not None}
    assert len(colours) == 3  # overdue, under 4 h, calm
    for colour in colours:
        readable(QColor(colour), base, highlight)
    # ... and the overdue clock is painted in that colour.
    overdue = clock_text(ROWS[0], NOW)[1]
    assert overdue is not None
    rect = window.threads.visualRect(window.model.index(0, CLOCK))
    painted = {
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }
    assert overdue.name() in painted

    # Conversation bubbles, their grey lines, and error text.
    for bubble in theme.bubble_colours().values():
        readable(pal.color(Role.Text), QColor(bubble))
        readable(QColor(theme.muted_colour()), QColor(bubble))
    readable(QColor(theme.error_colour()), pal.color(Role.Window), base)
