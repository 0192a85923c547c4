"""The thread list's model: a window over SQL, fetched page by page as the view scrolls.

Rows arrive by keyset pages (``fetchMore``), so opening a 100k-conversation inbox reads 50
rows, not 100k. Sorting and filtering happen in SQL; there is no proxy model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.storage.rows import ThreadKey, ThreadRow, ThreadSort
from app.ui import formats
from app.ui.relay_text import preview_text
from app.ui.theme import clock_colour  # readable in the light and the dark palette
from app.ui.translations import QT_TRANSLATE_NOOP

PageFetcher = Callable[[ThreadKey | None], list[ThreadRow]]
Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    "",
    QT_TRANSLATE_NOOP("ThreadTableModel", "Marketplace"),
    QT_TRANSLATE_NOOP("ThreadTableModel", "Buyer"),
    QT_TRANSLATE_NOOP("ThreadTableModel", "Subject"),
    QT_TRANSLATE_NOOP("ThreadTableModel", "Order"),
    QT_TRANSLATE_NOOP("ThreadTableModel", "Last activity"),
    QT_TRANSLATE_NOOP("ThreadTableModel", "Answer within"),
)
STATUS, MARKETPLACE, BUYER, SUBJECT, ORDER, ACTIVITY, CLOCK = range(len(COLUMNS))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ThreadRow itself, for the delegate
REFRESH_CAP = 500  # rows kept across a refresh; the rest page in again as the seller scrolls
UNREAD = QColor("#1a73e8")
FLAG = QColor("#e65100")


def clock_text(row: ThreadRow, now: datetime) -> tuple[str, QColor | None]:
    """The 24-hour clock as the seller reads it: time left, overdue by, or nothing owed."""
    if row.no_response_needed:
        return (QCoreApplication.translate("Clock", "No response needed"), None)
    if not row.needs_response or row.awaiting_since is None:
        return ("", None)
    left = row.awaiting_since.timestamp() + 24 * 3600 - now.timestamp()
    hours, minutes = divmod(int(abs(left)) // 60, 60)
    span = f"{hours} h {minutes:02d} min"
    if left < 0:
        return (
            QCoreApplication.translate("Clock", "Overdue %1").replace("%1", span),
            clock_colour("overdue"),
        )
    return (
        QCoreApplication.translate("Clock", "%1 left").replace("%1", span),
        clock_colour("soon" if left < 4 * 3600 else "calm"),
    )


def when_text(at: datetime) -> str:
    """Today's as a time, this week's with the weekday, older ones as a date; day and month
    names in the window's language."""
    local = at.astimezone()
    today = datetime.now(local.tzinfo).date()
    if local.date() == today:
        return formats.time_of_day(at)
    if (today - local.date()).days < 7:
        return formats.weekday_time(at)
    return formats.date(at)


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
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == CLOCK:
                color = clock_text(row, datetime.now(UTC))[1]
                return QBrush(color) if color is not None else None
            if col == STATUS:
                return QBrush(FLAG if row.flagged and not row.unread_count else UNREAD)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == SUBJECT:
                return preview_text(row)
            if col == BUYER:
                return f"{row.buyer_name} <{row.buyer_alias}>"
            if col == STATUS:
                parts = []
                if row.unread_count:
                    parts.append(self.tr("%n unread", "", row.unread_count))
                if row.flagged:
                    parts.append(self.tr("Flagged"))
                return ", ".join(parts) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == STATUS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: ThreadRow, col: int) -> str:
        if col == STATUS:
            return ("●" if row.unread_count else "") + ("⚑" if row.flagged else "")
        if col == MARKETPLACE:
            return row.marketplace_id
        if col == BUYER:
            return row.buyer_name
        if col == SUBJECT:
            preview = preview_text(row)
            return f"{row.subject}  —  {preview}" if preview else row.subject
        if col == ORDER:
            return row.order_number or ""
        if col == ACTIVITY:
            return when_text(row.last_activity)
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

    def refresh(self) -> None:
        """Read the loaded rows again (a sync or an edit changed them), keeping as many rows
        as were loaded (up to ``REFRESH_CAP``) so the view keeps its place."""
        keep = min(max(len(self._rows), 1), REFRESH_CAP)
        rows: list[ThreadRow] = []
        exhausted = False
        while len(rows) < keep:
            page = self._fetch(rows[-1].key(self._sort) if rows else None)
            if not page:
                exhausted = True
                break
            rows.extend(page)
        if len(rows) == len(self._rows) and [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            self._exhausted = exhausted
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, CLOCK))
            return
        self.layoutAboutToBeChanged.emit()
        old = {r.id: i for i, r in enumerate(self._rows)}
        new = {r.id: i for i, r in enumerate(rows)}
        from_list, to_list = [], []
        for index in self.persistentIndexList():
            thread = self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None
            target = new.get(thread.id) if thread is not None else None
            from_list.append(index)
            to_list.append(
                self.index(target, index.column()) if target is not None else QModelIndex()
            )
        del old
        self._rows = rows
        self._exhausted = exhausted
        self.changePersistentIndexList(from_list, to_list)
        self.layoutChanged.emit()

    def row_of(self, conversation_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == conversation_id:
                return i
        return -1

    def thread_at(self, row: int) -> ThreadRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
