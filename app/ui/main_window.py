"""The main window: thread list on the left, the conversation in the centre.

The window paints before the store is open (opening may migrate a large file); the panes fill
in when ``attach_store`` is called, and a store error is shown in place, not as a crash.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
)

from app.storage.rows import ThreadKey, ThreadRow
from app.ui.conversation_view import ConversationView
from app.ui.thread_model import ThreadTableModel

ROW_HEIGHT = 26


class MainWindow(QMainWindow):
    first_painted = Signal()
    conversation_selected = Signal(int)
    search_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Seller Inbox"))
        self.resize(1280, 800)
        self._painted = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search messages and order numbers  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setEnabled(False)
        self.search.textChanged.connect(self.search_changed)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        find = QAction(self.tr("Search"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search.setFocus)
        self.addAction(find)

        self.model = ThreadTableModel(lambda _after: [])
        self.threads = QTableView()
        self.threads.setModel(self.model)
        self.threads.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.threads.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.threads.setAlternatingRowColors(True)
        self.threads.setShowGrid(False)
        self.threads.setWordWrap(False)
        self.threads.verticalHeader().hide()
        # Fixed row height: the view never measures rows, so 100k rows cost what 50 do.
        self.threads.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.threads.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.threads.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((100, 110, 170, 240, 135, 150)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the subject takes the rest
        self.threads.selectionModel().currentRowChanged.connect(self._row_changed)

        self.conversation = ConversationView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.threads)
        splitter.addWidget(self.conversation)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 420])
        self.setCentralWidget(splitter)

        self.store_state = QLabel(self.tr("Opening the inbox…"))
        self.keyring_state = QLabel("")
        self.statusBar().addWidget(self.store_state, 1)
        self.statusBar().addPermanentWidget(self.keyring_state)
        self.statusBar().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def show_threads(self, fetch: Callable[[ThreadKey | None], list[ThreadRow]]) -> None:
        self.model.reset(fetch)
        self.search.setEnabled(True)
        if self.model.rowCount():
            self.threads.selectRow(0)

    def show_store_error(self, message: str) -> None:
        self.store_state.setText(message)
        self.store_state.setStyleSheet("color:#c62828;font-weight:bold")
        self.conversation.show_placeholder(message)

    def _row_changed(self, current: object, _previous: object) -> None:
        row = self.model.thread_at(self.threads.currentIndex().row())
        if row is not None:
            self.conversation_selected.emit(row.id)
