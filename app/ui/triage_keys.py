"""Keyboard triage: Alt+Down/Up (or J/K) to the next/previous conversation needing a response,
and a key for each sort. In any view they skip the conversations that owe nothing; when none
is loaded below (above) they jump to the Needs response view, and in that view they stop at
its end with a message (``MainWindow.step_conversation``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.storage.rows import ThreadSort

if TYPE_CHECKING:
    from app.ui.filter_bar import FilterBar
    from app.ui.thread_model import ThreadTableModel

LOOK_AHEAD = 500  # rows looked through for the next owed answer before giving up


def add_triage_keys(
    add: Callable[[str, str, str, Callable[[], object]], object], bar: FilterBar
) -> None:
    """The sorts' keys, added with ``MainWindow.add_action``."""
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


def next_owed(model: ThreadTableModel, row: int, step: int) -> int:
    """The listed row after (``step`` 1) or before (-1) ``row`` that owes an answer, paging in
    up to LOOK_AHEAD rows past ``row``; -1 when there is none."""
    start = row
    row += step
    while row >= 0:
        if row >= model.rowCount():
            if row - start > LOOK_AHEAD or not model.canFetchMore():
                break
            model.fetchMore()
            continue
        thread = model.thread_at(row)
        if thread is not None and thread.needs_response:
            return row
        row += step
    return -1
