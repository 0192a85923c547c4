"""The window's left pane: the filter bar over the thread list, and which rows are selected.

The selection follows the session's current conversation (``follow``) and announces only what
the seller chose: a click or Alt+Up/Down opens one conversation (``conversation_selected``),
several rows selected open none (``many_selected``). See docs/architecture.md, "One current
conversation". ``MainWindow`` shows the result (the bulk pane, the placeholder).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.storage.rows import ThreadKey, ThreadRow, ThreadSort
from app.ui import list_selection
from app.ui.filter_bar import FilterBar
from app.ui.thread_delegate import ThreadDelegate
from app.ui.thread_model import (
    ACTIVITY,
    BUYER,
    CLOCK,
    MARKETPLACE,
    ORDER,
    STATUS,
    SUBJECT,
    ThreadTableModel,
)
from app.ui.thread_view import ThreadView

ROW_HEIGHT = 52


class ThreadListPane(QWidget):
    conversation_selected = Signal(int)
    many_selected = Signal()  # the seller's selection holds several rows (none is open)
    selection_refreshed = Signal()  # a refreshed list while several are selected
    many_changed = Signal(bool)  # the window shows the bulk actions, or one conversation

    def __init__(self) -> None:
        super().__init__()
        self.filters = FilterBar()
        self.model = ThreadTableModel(lambda _after: [])
        self.threads = ThreadView()
        self.threads.setObjectName("threads")
        self.threads.setModel(self.model)
        self.threads.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl-click and Shift+arrows select several: none is open then, and the
        # centre shows the bulk actions (docs/architecture.md, "One current conversation").
        self.threads.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.threads.setShowGrid(False)
        self.threads.setWordWrap(False)
        self.threads.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.threads.verticalHeader().hide()
        # Fixed row height: the view never measures rows, so 100k rows cost what 50 do.
        self.threads.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.threads.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.threads.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(24)
        for col, width in ((STATUS, 30), (MARKETPLACE, 54), (BUYER, 130), (SUBJECT, 260),
                           (ORDER, 150), (ACTIVITY, 86), (CLOCK, 168)):  # fmt: skip
            header.resizeSection(col, width)
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        # One painted row shows what the hidden columns hold (buyer, order, activity).
        for col in (STATUS, BUYER, ORDER, ACTIVITY):
            self.threads.setColumnHidden(col, True)
        self.threads.setItemDelegate(ThreadDelegate(self.threads))
        self.threads.horizontalHeader().hide()  # the filter bar sorts and filters
        self.threads.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.threads.selectionModel().selectionChanged.connect(self._selection_changed)
        self.current_id: int | None = None  # the session's current conversation (``follow``)
        self.many = False  # several rows selected: no conversation is open
        self._quiet = False  # moving the selection to it is not the seller choosing one
        # The window's context: the catalogues already hold this text under MainWindow.
        self.off_list = QLabel(
            QCoreApplication.translate("MainWindow", "The open conversation is not in this list.")
        )
        self.off_list.setObjectName("off-list")
        self.off_list.setWordWrap(True)
        self.off_list.setContentsMargins(8, 4, 8, 4)
        self.off_list.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(self.off_list)
        layout.addWidget(self.threads, 1)

    def reset(self, fetch: Callable[[ThreadKey | None], list[ThreadRow]], sort: ThreadSort) -> None:
        """A new list (a filter, a search): the selection went with the old one."""
        self._quiet = True
        try:
            self.model.reset(fetch, sort)
        finally:
            self._quiet = False
        self._set_many(False)

    def open_after_reset(self, keep: int | None, *, refresh: bool) -> bool:
        """After ``reset``: the open conversation ``keep`` stays selected when it is in the
        list; otherwise the seller has moved on and the first row opens (announced). An empty
        list leaves ``keep`` open (shown as not in the list). A ``refresh`` only follows
        ``keep``. True when the list is empty and nothing is open."""
        if refresh or (keep is not None and self.model.row_of(keep) >= 0):
            self.follow(keep)
        elif self.model.rowCount():
            self.select_row(0)  # announced: the session opens it
        elif keep is None:
            self.follow(None)
            return True
        else:
            self.follow(keep)
        return False

    def refresh(self) -> None:
        """Read the listed rows again (a sync, an edit). Never changes the open conversation:
        the selection follows it, or is cleared when it left the list."""
        keep = [t.id for t in list_selection.selected_rows(self.threads, self.model)]
        self._quiet = True
        try:
            self.model.refresh()
        finally:
            self._quiet = False
        self.follow(self.current_id)
        if self.many:  # the same conversations stay selected, less those that left the list
            self.select_quietly(lambda: list_selection.select_ids(self.threads, self.model, keep))
            self.selection_refreshed.emit()

    def follow(self, conversation_id: int | None) -> None:
        """The session opened ``conversation_id``: select its row without announcing it, or
        clear the selection (and say so) when the list does not hold it. While several rows
        are selected (none open) the selection stays as the seller made it."""
        if conversation_id is not None:
            self._set_many(False)
        self.current_id = conversation_id
        if self.many:
            self.off_list.hide()
            return
        row = self.model.row_of(conversation_id) if conversation_id is not None else -1
        self._quiet = True
        try:
            if row >= 0:
                selected = self.threads.selectionModel().selectedRows()
                if self.threads.currentIndex().row() != row or len(selected) != 1:
                    self.select_row(row)
            else:
                self.threads.selectionModel().clear()
        finally:
            self._quiet = False
        self.off_list.setVisible(conversation_id is not None and row < 0)

    def select_row(self, row: int) -> None:
        """Make ``row`` the only selected row and the current one (app/ui/list_selection)."""
        list_selection.select_row(self.threads, self.model, row)

    def select_quietly(self, select: Callable[[], object]) -> None:
        """Change the selection without announcing it (rows that paged in under "select all
        of this view")."""
        self._quiet = True
        try:
            select()
        finally:
            self._quiet = False

    def current_thread(self) -> ThreadRow | None:
        return self.model.thread_at(self.threads.currentIndex().row())

    def _set_many(self, on: bool) -> None:
        self.many = on
        self.many_changed.emit(on)
        if on:
            self.current_id = None
            self.off_list.hide()

    def _selection_changed(self, *_args: object) -> None:
        if self._quiet:
            return  # the session moved the selection to its current conversation
        rows = self.threads.selectionModel().selectedRows()
        if len(rows) > 1 or (self.many and not rows):
            self._set_many(True)
            self.many_selected.emit()
            return
        if not rows:  # the seller unselected the open one (Ctrl+click): it stays open
            self.follow(self.current_id)
            return
        row = self.model.thread_at(rows[0].row())
        if row is not None and (self.many or row.id != self.current_id):
            self.conversation_selected.emit(row.id)
