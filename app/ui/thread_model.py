"""The thread list's model: a window over SQL, fetched page by page as the view scrolls.

Rows arrive by keyset pages (``fetchMore``), so opening a 100k-conversation inbox reads 50
rows, not 100k. Sorting and filtering happen in SQL; there is no proxy model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.storage.rows import ThreadKey, ThreadRow, ThreadSort

PageFetcher = Callable[[ThreadKey | None], list[ThreadRow]]
Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Marketplace", "Buyer", "Order", "Subject", "Last activity", "Answer within")
OVERDUE = QColor("#c62828")
SOON = QColor("#ef6c00")
CALM = QColor("#2e7d32")


def clock_text(row: ThreadRow, now: datetime) -> tuple[str, QColor | None]:
    """The 24-hour clock as the seller reads it: time left, overdue by, or nothing owed."""
    if row.no_response_needed:
        return ("No response needed", None)
    if not row.needs_response or row.awaiting_since is None:
        return ("", None)
    left = row.awaiting_since.timestamp() + 24 * 3600 - now.timestamp()
    hours, minutes = divmod(int(abs(left)) // 60, 60)
    span = f"{hours} h {minutes:02d} min"
    if left < 0:
        return (f"Overdue {span}", OVERDUE)
    return (f"{span} left", SOON if left < 4 * 3600 else CALM)


class ThreadTableModel(QAbstractTableModel):
    def __init__(self, fetch: PageFetcher, sort: ThreadSort = ThreadSort.ACTIVITY) -> None:
        super().__init__()
        self._fetch = fetch
        self._sort = sort
        self._rows: list[ThreadRow] = []
        self._exhausted = False
        self._fetching = False
        self._bold = QFont()
        self._bold.setBold(True)

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.FontRole and row.unread_count:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col == 5:
            color = clock_text(row, datetime.now(UTC))[1]
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return row.preview
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: ThreadRow, col: int) -> str:
        if col == 0:
            return row.marketplace_id
        if col == 1:
            return row.buyer_name
        if col == 2:
            return row.order_number or ""
        if col == 3:
            return row.subject
        if col == 4:
            return row.last_activity.astimezone().strftime("%d %b %Y %H:%M")
        return clock_text(row, datetime.now(UTC))[0]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        # Views (and the model tester) may ask again from inside the insert signals; the
        # guard keeps a page from being fetched twice from the same key.
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        try:
            after = self._rows[-1].key(self._sort) if self._rows else None
            page = self._fetch(after)
            if not page:
                self._exhausted = True
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    # Our interface
    def reset(self, fetch: PageFetcher, sort: ThreadSort = ThreadSort.ACTIVITY) -> None:
        self.beginResetModel()
        self._fetch = fetch
        self._sort = sort
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def thread_at(self, row: int) -> ThreadRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
