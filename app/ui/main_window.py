"""The main window: filters and the thread list on the left, the conversation and the composer
in the centre, the order and buyer on the right; connection and messaging state always visible
in the status bar.

The window paints before the store is open (opening may migrate a large file); the panes fill
in when the session hands them data, and a store error is shown in place, not as a crash. The
window does no I/O: it emits signals the session (``app.ui.app``) acts on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
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

from app.domain import ConversationStatus
from app.storage.rows import ThreadKey, ThreadRow, ThreadSort
from app.ui import window_layout
from app.ui.about_dialog import show_about
from app.ui.attachment_chips import native
from app.ui.bulk_pane import BulkPane
from app.ui.composer import SEND_SHORTCUT, Composer
from app.ui.conversation_pane import ConversationPane
from app.ui.details_panel import DetailsPanel
from app.ui.outbox_view import UndoBar
from app.ui.shortcuts_dialog import ShortcutsDialog
from app.ui.sign_in import SignInBar
from app.ui.status_bar import ConnectionIndicator, MarketplaceChips
from app.ui.theme import error_colour
from app.ui.thread_list_pane import ThreadListPane
from app.ui.triage_keys import next_owed
from app.ui.undo_key import UndoKey

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
        # Alt+Down/Up and J/K: the next conversation that owes the buyer an answer.
        for name, text, keys, step in (
            ("next", self.tr("Next needing a response"), ("Alt+Down", "J"), 1),
            ("previous", self.tr("Previous needing a response"), ("Alt+Up", "K"), -1),
        ):
            step_action = self.add_action(
                name, text, keys[0], partial(self.step_conversation, step)
            )
            step_action.setShortcuts([QKeySequence(k) for k in keys])
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

        # --- left: filters and threads (app/ui/thread_list_pane.py) ----------------------
        left = ThreadListPane()
        self.thread_list = left
        self.filters = left.filters
        self.filters.changed.connect(self.filter_changed)
        self.model = left.model
        self.threads = left.threads
        self.off_list = left.off_list
        left.conversation_selected.connect(self.conversation_selected)
        left.many_selected.connect(self.many_selected)
        left.selection_refreshed.connect(self.selection_refreshed)
        left.many_changed.connect(self._show_many)

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
        if self.settings is not None:
            window_layout.restore(self.settings, self, (self.splitter, self.centre))

    def save_layout(self) -> None:
        if self.settings is not None:
            window_layout.save(self.settings, self, (self.splitter, self.centre))

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
        self.thread_list.reset(fetch, sort)
        self.search.setEnabled(True)
        if self.thread_list.open_after_reset(keep, refresh=refresh):
            self.conversation.show_placeholder(self.tr("No conversations here"))
            self.details.show_details(None)
            self.composer.clear()

    def refresh_threads(self) -> None:
        """Read the listed rows again (a sync, an edit). Never changes the open conversation:
        the selection follows it, or is cleared when it left the list."""
        self.thread_list.refresh()
        if self.current_id is None and not self.many and self.model.rowCount():
            # Nothing open beside a list that has rows now (it was empty before the first
            # sync, or the open conversation left it): say what to do, not "No conversations".
            self.conversation.show_placeholder(
                self.tr("Select a conversation to read or answer it.")
            )

    def follow(self, conversation_id: int | None) -> None:
        """The session opened ``conversation_id``: its row is selected without announcing it
        (app/ui/thread_list_pane.py)."""
        self.thread_list.follow(conversation_id)

    @property
    def current_id(self) -> int | None:
        """The session's current conversation, as the list follows it."""
        return self.thread_list.current_id

    @property
    def many(self) -> bool:
        """Several rows selected: no conversation is open."""
        return self.thread_list.many

    def select_row(self, row: int) -> None:
        """Make ``row`` the only selected row and the current one (app/ui/list_selection)."""
        self.thread_list.select_row(row)

    def select_quietly(self, select: Callable[[], object]) -> None:
        """Change the selection without announcing it (rows that paged in under "select all
        of this view")."""
        self.thread_list.select_quietly(select)

    def _show_many(self, on: bool) -> None:
        self.centre_stack.setCurrentWidget(self.bulk if on else self.centre)
        self.details.setVisible(not on)  # no one order or buyer to show

    def current_thread(self) -> ThreadRow | None:
        return self.thread_list.current_thread()

    def show_store_error(self, message: str) -> None:
        self.store_state.setText(message)
        self.store_state.setStyleSheet(f"color:{error_colour()};font-weight:bold")
        self.conversation.show_placeholder(message)

    def step_conversation(self, step: int) -> None:
        """To the next (``step`` 1) or previous (-1) listed conversation needing a response;
        with none near, to the Needs response view, or, there, a word that it ends here."""
        row = next_owed(self.model, self.threads.currentIndex().row(), step)
        needs = str(ConversationStatus.NEEDS_RESPONSE)
        if row >= 0:
            self.select_row(row)
        elif self.filters.status_key() != needs:
            self.filters.show_status(needs)  # none near: the view of them
        elif step > 0:
            self.statusBar().showMessage(
                self.tr("No more conversations need a response below."), 5000
            )
        else:
            self.statusBar().showMessage(
                self.tr("No more conversations need a response above."), 5000
            )

    def search_pending(self) -> bool:
        """A key was typed and its search has not started yet (the pause is running)."""
        return self._search_timer.isActive()

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
