"""At 1280×720 in Spanish, Swedish and German nothing is clipped or pushed off-screen, and
the window keeps the size it was given: the conversation header (in its widest states), the
buyer's alias, the Settings messaging rows and the metrics headers.

"Clipped" is measured, not looked at: a label or button narrower than its text needs, a
wrapped label shorter than its lines, a header section or tab narrower than its title, a
toolbar or menu bar that had to hide actions behind its overflow button. Set
SELLER_INBOX_SCREENSHOTS to a folder to keep a PNG of each state checked."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)
from ui_testkit import UiRelay, go_live, open_buyer, run, until  # type: ignore[import-not-found]

SCREEN = QSize(1280, 720)
OVERFLOW_BUTTONS = ("qt_toolbar_ext_button", "qt_menubar_ext_button")


def _combo_text_width(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def clipped(root: QWidget) -> list[str]:
    """What the seller cannot read in full in ``root`` as it is laid out now."""
    found: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        what = f"{type(w).__name__} {w.objectName()!r}"
        if w.objectName() in OVERFLOW_BUTTONS:
            found.append(f"{what}: actions hidden behind the overflow button")
        if isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                if w.heightForWidth(w.width()) > w.height():
                    found.append(f"{what} {w.text()!r}: {w.height()} px high, needs more")
                if w.minimumSizeHint().width() > w.width():
                    found.append(f"{what} {w.text()!r}: a word wider than {w.width()} px")
            elif w.sizeHint().width() > w.width():
                found.append(f"{what} {w.text()!r}: {w.width()} px wide, needs more")
        elif isinstance(w, QAbstractButton) and w.text():
            if w.sizeHint().width() > w.width():
                found.append(f"{what} {w.text()!r}: {w.width()} px wide, needs more")
        elif isinstance(w, QComboBox) and w.currentText():
            if w.fontMetrics().horizontalAdvance(w.currentText()) > _combo_text_width(w):
                found.append(f"{what} {w.currentText()!r}: cut in its box")
        elif isinstance(w, QHeaderView) and w.model() is not None:
            for s in range(w.count()):
                title = str(w.model().headerData(s, w.orientation()) or "")
                if not w.isSectionHidden(s) and w.sectionSizeFromContents(s).width() > (
                    w.sectionSize(s)
                ):
                    found.append(f"header {title!r}: {w.sectionSize(s)} px wide, needs more")
        elif isinstance(w, QTabBar):
            for t in range(w.count()):
                if w.tabSizeHint(t).width() > w.tabRect(t).width():
                    found.append(f"tab {w.tabText(t)!r}: cut")
    return found


def check(widget: QWidget, size: QSize, name: str) -> None:
    """``widget`` keeps ``size``, could not be pushed past it, and shows everything in full."""
    if folder := os.environ.get("SELLER_INBOX_SCREENSHOTS"):
        widget.grab().save(str(Path(folder) / f"{name}.png"))
    assert widget.size() == size, f"{name}: grew to {widget.size()}"
    need = widget.minimumSizeHint()
    assert need.width() <= size.width() and need.height() <= size.height(), f"{name}: {need}"
    assert not clipped(widget), f"{name}: {clipped(widget)}"


async def settle(session: Any) -> None:
    """Let what the change started finish (reads on threads fill the details pane) and the
    layouts run (they are posted events)."""
    await session.ops.idle()
    for _ in range(3):
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("code", ["es", "sv", "de"])
def test_nothing_is_clipped_at_1280_by_720(
    qtbot: Any, qloop: Any, language: Any, tmp_path: Path, ui_relay: UiRelay, code: str
) -> None:
    from PySide6.QtCore import QSettings

    from app.storage.lock import ProfileLock
    from app.ui.app import LaunchOptions
    from app.ui.main_window import MainWindow
    from app.ui.session import Session

    language(code)  # before the widgets: they set their texts once, when built
    profile = tmp_path / "profile"
    profile.mkdir()
    lock = ProfileLock(profile / "profile.lock")
    lock.acquire()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    session = Session(window, LaunchOptions(profile=profile), lock, settings)
    window.resize(SCREEN)
    window.show()

    async def scenario() -> None:
        await go_live(session, ui_relay)
        check(window, SCREEN, f"{code}-inbox")
        rows = [window.model.thread_at(i) for i in range(window.model.rowCount())]
        longest = max(rows, key=lambda r: len(r.subject) + len(r.buyer_name))
        await open_buyer(window, longest.buyer_name)
        await settle(session)
        check(window, SCREEN, f"{code}-conversation")

        # The header at its widest: days overdue, unread, flagged, a long name; then the
        # other texts of its buttons. The details with a long marketplace alias.
        thread = window.conversation.shown
        overdue = datetime.now(UTC) - timedelta(days=12)
        for variant in (
            replace(
                thread,
                buyer_name="Maximiliane Müller-Lüdenscheidt",
                needs_response=True,
                awaiting_since=overdue,
                unread_count=2,
                flagged=True,
            ),
            replace(thread, no_response_needed=True, unread_count=0, flagged=False),
        ):
            window.conversation.update_thread(variant)
            await settle(session)
            check(window, SCREEN, f"{code}-header-{variant.unread_count}")
        details = window.details.details
        alias = "k2x9q7w3e5r8t1y4u6i0o2p9a7s5+case@marketplace.amazon.co.uk"
        window.details.show_details(replace(details, buyer_alias=alias, buyer_opted_out=True))
        await settle(session)
        check(window, SCREEN, f"{code}-alias")
        assert window.details.fields["alias"].toolTip() == alias  # the real one, to copy

        window.actions_by_name["settings"].trigger()
        await until(lambda: session.settings_dialog is not None, what="the Settings dialog")
        dialog = session.settings_dialog
        given = dialog.size()
        assert given.width() <= SCREEN.width() and given.height() <= SCREEN.height()
        # amazon.co.uk off and amazon.de on vacation: their states take two lines
        dialog.rows["amazon.co.uk"].enabled.setChecked(False)
        dialog.rows["amazon.de"].vacation.setChecked(True)
        await session.ops.idle()
        for tab in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(tab)
            await settle(session)
            check(dialog, given, f"{code}-settings-{tab}")
        dialog.close()

        window.actions_by_name["metrics"].trigger()
        await until(
            lambda: session.metrics_dialog is not None and session.metrics_dialog.model.rows,
            what="the metrics",
        )
        await settle(session)
        check(session.metrics_dialog, session.metrics_dialog.size(), f"{code}-metrics")
        session.metrics_dialog.close()
        check(window, SCREEN, f"{code}-after-dialogs")
        await session.aclose()

    try:
        run(qloop, scenario(), 150)
    finally:
        session.close()
        lock.release()
