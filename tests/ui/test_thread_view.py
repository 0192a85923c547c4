"""The thread list's view: a page appended below what is shown does not repaint the shown rows;
every other change still does."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ui_testkit import thread_row  # type: ignore[import-not-found]

from app.storage.rows import ThreadKey, ThreadRow

ROWS = [thread_row(id=i, subject=f"subject {i}") for i in range(1, 301)]


def _pages(rows: list[ThreadRow]) -> Any:
    def fetch(after: ThreadKey | None) -> list[ThreadRow]:
        start = 0 if after is None else next(i for i, r in enumerate(rows) if r.id == after.id) + 1
        return rows[start : start + 50]

    return fetch


def test_an_appended_page_repaints_only_what_it_adds(qtbot: Any) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyledItemDelegate

    from app.ui.thread_model import ThreadTableModel
    from app.ui.thread_view import ThreadView

    painted: list[int] = []

    class Counting(QStyledItemDelegate):
        def paint(self, p: Any, option: Any, index: Any) -> None:
            painted.append(index.row())

    model = ThreadTableModel(_pages(ROWS))
    view = ThreadView()
    view.setModel(model)
    view.setItemDelegate(Counting(view))
    view.verticalHeader().setDefaultSectionSize(52)
    view.resize(400, 52 * 6 + 2 * view.frameWidth())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    model.fetchMore()
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    bar = view.verticalScrollBar()

    def settled() -> None:  # the deferred relayout and the paint it asks for
        for _ in range(3):
            qtbot.wait(10)

    settled()
    painted.clear()
    before = bar.maximum()
    model.fetchMore()  # rows 50-99, far below the six shown
    settled()
    assert bar.maximum() == before + 50  # the view knows of them...
    assert painted == []  # ...and did not repaint the rows it shows

    # A refresh that reorders the rows repaints everything shown.
    model.reset(_pages([replace(r, subject="new") for r in reversed(ROWS)]))
    settled()
    assert set(range(6)) <= set(painted)

    # Rows appended where the list ends inside the viewport are painted, and only they.
    short = QStandardItemModel(2, 3)
    view.setModel(short)
    settled()
    painted.clear()
    short.appendRow([QStandardItem("new") for _ in range(3)])
    settled()
    assert painted and set(painted) == {2}
