"""The main window: filters and the thread list on the left, the conversation and the composer
in the centre, the order and buyer on the right; connection and messaging state always visible
in the status bar.

The window paints before the store is open (opening may migrate a large file); the panes fill
in when the session hands them data, and a store error is shown in place, not as a crash. The
window does no I/O: it emits signals the session (``app.ui.app``) acts on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.storage.rows import ThreadKey, ThreadRow, ThreadSort
from app.ui import list_selection
from app.ui.about_dialog import show_about
from app.ui.attachment_chips import native
from app.ui.bulk_pane import BulkPane
from app.ui.composer import SEND_SHORTCUT, Composer
from app.ui.conversation_pane import ConversationPane, DetailsPanel
from app.ui.filter_bar import FilterBar
from app.ui.outbox_view import UndoBar
from app.ui.shortcuts_dialog import ShortcutsDialog
from app.ui.sign_in import SignInBar
from app.ui.status_bar import ConnectionIndicator, MarketplaceChips
from app.ui.theme import error_colour
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
from app.ui.undo_key import UndoKey

ROW_HEIGHT = 52
SEARCH_DEBOUNCE_MS = 25


class MainWindow(QMainWindow):
    first_painted = Signal()
    conversation_selected = Signal(int)
    many_selected = Signal()  # the seller's selection holds several rows (none is open)
    selection_refreshed = Signal()  # a refreshed list while several are selected
    search_changed = Signal(str)
    filter_changed = Signal(object)
    open_settings = Signal()
    open_outbox = Signal()
    open_metrics = Signal()

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle(self.tr("Seller Inbox"))
        self.resize(1280, 800)
        self._painted = False

        # --- toolbar: search and the views ---------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setEnabled(False)
        # Results as you type, one query per pause rather than one per keystroke. The pause
        # is short because a search runs off the GUI thread and the next one interrupts it.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.addToolBar(toolbar)

        self.actions_by_name: dict[str, QAction] = {}
        find = self.add_action(
            "search", self.tr("Search"), QKeySequence.StandardKey.Find, self._focus_search
        )
        self.search.setPlaceholderText(
            self.tr("Search messages, notes and order numbers  (%1)").replace(
                "%1", native(find.shortcut())
            )
        )
        self.add_action(
            "next", self.tr("Next conversation"), "Alt+Down", lambda: self.step_conversation(1)
        )
        self.add_action(
            "previous",
            self.tr("Previous conversation"),
            "Alt+Up",
            lambda: self.step_conversation(-1),
        )
        self.add_action("reply", self.tr("Reply"), "Ctrl+R", self._reply)
        self.add_action("send", self.tr("Send"), SEND_SHORTCUT, lambda: self.composer.try_send())
        self.add_action(
            "read",
            self.tr("Mark read/unread"),
            "Ctrl+Shift+U",
            lambda: self.conversation.read_button.click(),
        )
        self.add_action(
            "flag", self.tr("Flag"), "Ctrl+Shift+G", lambda: self.conversation.flag_button.click()
        )
        self.add_action(
            "no-response",
            self.tr("No response needed"),
            "Ctrl+Shift+N",
            lambda: self.conversation.nrn_button.click(),
        )
        self.add_action(
            "new",
            self.tr("New message to buyer"),
            QKeySequence.StandardKey.New,
            lambda: self.details.new_button.click(),
        )
        for name, text, key, signal in (
            ("outbox", self.tr("Outbox"), "Ctrl+Shift+O", self.open_outbox),
            ("metrics", self.tr("Response metrics"), "Ctrl+Shift+M", self.open_metrics),
            (
                "settings",
                self.tr("Settings"),
                QKeySequence.StandardKey.Preferences,
                self.open_settings,
            ),
        ):
            action = self.add_action(name, text, key, signal.emit)
            toolbar.addAction(action)
        toolbar.addAction(self.tr("About"), lambda: show_about(self)).setObjectName("about")
        if not self.actions_by_name["settings"].shortcut().toString():
            self.actions_by_name["settings"].setShortcut("Ctrl+,")
        help_action = self.add_action(
            "shortcuts", self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts
        )
        help_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])  # tooltip: F1
        self.shortcuts_dialog: ShortcutsDialog | None = None

        # --- left: filters and threads -------------------------------------------------
        self.filters = FilterBar()
        self.filters.changed.connect(self.filter_changed)
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
        self.off_list = QLabel(self.tr("The open conversation is not in this list."))
        self.off_list.setObjectName("off-list")
        self.off_list.setWordWrap(True)
        self.off_list.setContentsMargins(8, 4, 8, 4)
        self.off_list.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.off_list)
        left_layout.addWidget(self.threads, 1)

        # --- centre: conversation over composer; right: details -------------------------
        self.conversation = ConversationPane()
        self.composer = Composer()
        self.composer.set_send_keys(self.actions_by_name["send"].shortcut())
        self.undo_bar = UndoBar()
        # Ctrl+Z takes a just-sent message back, also while typing in the composer (whose
        # editors would otherwise take the key for their own undo): see eventFilter. With no
        # send to take back it undoes what a part offered (the last bulk action).
        undo_send = self.add_action(
            "undo-send", self.tr("Undo send"), QKeySequence.StandardKey.Undo, lambda: None
        )
        self.undo = UndoKey(undo_send, self.undo_bar)
        for editor in (self.composer.body, self.composer.subject):
            editor.installEventFilter(self)
        composer_box = QWidget()
        box = QVBoxLayout(composer_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.undo_bar)
        box.addWidget(self.composer, 1)
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.setObjectName("centre-splitter")
        self.centre.addWidget(self.conversation)
        self.centre.addWidget(composer_box)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 2)
        self.bulk = BulkPane()
        self.centre_stack = QStackedWidget()  # one conversation, or the bulk actions
        self.centre_stack.addWidget(self.centre)
        self.centre_stack.addWidget(self.bulk)
        self.details = DetailsPanel()
        self.details.setMaximumWidth(300)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.centre_stack)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([560, 500, 220])
        self.centre.setSizes([430, 300])
        self.sign_in_bar = SignInBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sign_in_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # --- status bar ------------------------------------------------------------------
        self.store_state = QLabel(self.tr("Opening the inbox…"))
        self.keyring_state = QLabel("")
        self.keyring_state.hide()  # shown in Settings; kept for the smoke test's report
        self.connection = ConnectionIndicator()
        self.chips = MarketplaceChips()
        self.statusBar().addWidget(self.store_state, 1)
        self.statusBar().addPermanentWidget(self.chips)
        self.statusBar().addPermanentWidget(self.connection)
        self.statusBar().installEventFilter(self)
        self._restored = False

    def add_action(
        self,
        name: str,
        text: str,
        key: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
    ) -> QAction:
        """A window action (the session's parts add theirs): listed under F1, its key
        in its tooltip."""
        action = QAction(text, self)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        shortcut = native(action.shortcut())
        if shortcut:
            action.setToolTip(f"{text} ({shortcut})")
        return action

    # --- painting and layout ----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.undo.send_undoable
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            return True  # not taken by the editor: the window's "undo-send" gets the key
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def restore_layout(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for splitter in (self.splitter, self.centre):
            state = self.settings.value(f"window/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        if self.settings is None:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.splitter, self.centre):
            self.settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._restored:
            self._restored = True
            self.restore_layout()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    # --- the session fills these in ---------------------------------------------------

    def show_threads(
        self,
        fetch: Callable[[ThreadKey | None], list[ThreadRow]],
        sort: ThreadSort = ThreadSort.ACTIVITY,
        keep: int | None = None,
        *,
        refresh: bool = False,
    ) -> None:
        """A new list (a filter, a search): the open conversation ``keep`` stays selected when
        it is in it; otherwise the seller has moved on and the first row opens. An empty list
        leaves the open conversation open (shown as not in the list). A ``refresh`` (the same
        search over changed data) only follows ``keep``: it never opens another."""
        self._quiet = True
        try:
            self.model.reset(fetch, sort)
        finally:
            self._quiet = False
        self._set_many(False)  # a new list: the selection went with the old one
        self.search.setEnabled(True)
        if refresh or (keep is not None and self.model.row_of(keep) >= 0):
            self.follow(keep)
        elif self.model.rowCount():
            self.select_row(0)  # announced: the session opens it
        elif keep is None:
            self.follow(None)
            self.conversation.show_placeholder(self.tr("No conversations here"))
            self.details.show_details(None)
            self.composer.clear()
        else:
            self.follow(keep)

    def refresh_threads(self) -> None:
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

    def _set_many(self, on: bool) -> None:
        self.many = on
        self.centre_stack.setCurrentWidget(self.bulk if on else self.centre)
        self.details.setVisible(not on)  # no one order or buyer to show
        if on:
            self.current_id = None
            self.off_list.hide()

    def current_thread(self) -> ThreadRow | None:
        return self.model.thread_at(self.threads.currentIndex().row())

    def show_store_error(self, message: str) -> None:
        self.store_state.setText(message)
        self.store_state.setStyleSheet(f"color:{error_colour()};font-weight:bold")
        self.conversation.show_placeholder(message)

    def step_conversation(self, step: int) -> None:
        row = self.threads.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    def show_count(self, total: int) -> None:
        self.store_state.setText(self.tr("%n conversation(s)", "", total))

    def show_counting(self) -> None:
        self.store_state.setText(self.tr("Counting…"))

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(list(self.actions_by_name.values()), self)
        self.shortcuts_dialog.show()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _reply(self) -> None:
        self.composer.body.setFocus()

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
