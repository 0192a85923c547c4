"""Keyboard triage: J/K to the next/previous conversation needing a response, and a key for
each sort. In the Needs response view J/K step through the list (as Alt+Down/Up do there);
in any other view they move to the next listed conversation that owes an answer, and when
none is loaded below (above) they jump to the Needs response view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.domain import ConversationStatus
from app.storage.rows import ThreadSort

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

LOOK_AHEAD = 500  # rows J loads looking for the next owed answer before it jumps views


def add_triage_keys(window: MainWindow) -> None:
    add, bar = window.add_action, window.filters
    add(
        "next-owed",
        QCoreApplication.translate("TriageKeys", "Next needing a response"),
        "J",
        lambda: step_owed(window, 1),
    )
    add(
        "previous-owed",
        QCoreApplication.translate("TriageKeys", "Previous needing a response"),
        "K",
        lambda: step_owed(window, -1),
    )
    add(
        "sort-activity",
        QCoreApplication.translate("TriageKeys", "Sort by newest activity"),
        "Ctrl+Shift+A",
        lambda: bar.show_sort(ThreadSort.ACTIVITY),
    )
    add(
        "sort-deadline",
        QCoreApplication.translate("TriageKeys", "Sort by deadline"),
        "Ctrl+Shift+D",
        lambda: bar.show_sort(ThreadSort.DEADLINE),
    )


def step_owed(window: MainWindow, step: int) -> None:
    bar = window.filters
    if bar.status.currentData() == str(ConversationStatus.NEEDS_RESPONSE):
        window.step_conversation(step)
        return
    model = window.model
    row = window.threads.currentIndex().row() + step
    while row >= 0:
        if row >= model.rowCount():
            if row >= LOOK_AHEAD or not model.canFetchMore():
                break
            model.fetchMore()
            continue
        thread = model.thread_at(row)
        if thread is not None and thread.needs_response:
            window.select_row(row)
            return
        row += step
    bar.show_status(str(ConversationStatus.NEEDS_RESPONSE))  # none near: the view of them
