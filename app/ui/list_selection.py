"""The thread list's selection by conversation, not by row: which conversations are selected,
select these again after a refresh, make one row the only one. Never
``QTableView.selectRow``: with several selectable it reads the modifier keys held down, and a
Ctrl held while a sync refreshed the list would toggle the open conversation's row off."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView

from app.storage.rows import ThreadRow
from app.ui.thread_model import SUBJECT, ThreadTableModel

ROWS = QItemSelectionModel.SelectionFlag.Rows


def selected_rows(view: QTableView, model: ThreadTableModel) -> list[ThreadRow]:
    """The selected conversations, in list order."""
    rows = sorted(i.row() for i in view.selectionModel().selectedRows())
    return [t for r in rows if (t := model.thread_at(r)) is not None]


def select_row(view: QTableView, model: ThreadTableModel, row: int) -> None:
    """``row`` the only selected row, and the current one."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | ROWS
    view.selectionModel().setCurrentIndex(model.index(row, SUBJECT), flags)


def select_ids(view: QTableView, model: ThreadTableModel, ids: list[int]) -> None:
    """Exactly the listed rows of these conversations selected."""
    wanted = set(ids)
    selection = QItemSelection()
    for r in range(model.rowCount()):
        if (t := model.thread_at(r)) is not None and t.id in wanted:
            selection.select(model.index(r, 0), model.index(r, 0))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | ROWS)


def add_rows(view: QTableView, model: ThreadTableModel, first: int, last: int) -> None:
    """Rows ``first``..``last`` added to the selection."""
    selection = QItemSelection(model.index(first, 0), model.index(last, 0))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select | ROWS)
