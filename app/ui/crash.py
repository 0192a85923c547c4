"""Bugs end in a dialog and a log entry, not in silence.

``install`` routes uncaught exceptions (Python's excepthook, worker threads' and the asyncio
loop's exception handler) to ``report``: the traceback goes to the log, and a dialog says
something went wrong, where the log is, and offers "Copy details" for a bug report. The
dialog is opened with ``show()`` (no nested event loop, see docs/architecture.md); further
bugs while it is open are added to it rather than stacking windows.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.logs import current_path, redact

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash-dialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(640, 380)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(self.summary.textInteractionFlags() | _selectable())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def add(self, text: str, log_path: Path | None) -> None:
        where = (
            self.tr("The details are in the log: %1").replace("%1", str(log_path))
            if log_path is not None
            else self.tr("No log file is open.")
        )
        self.summary.setText(
            self.tr(
                "Seller Inbox hit a bug. Your messages and drafts are safe; you can carry on, "
                "or restart if something looks wrong. Please send us the details."
            )
            + "\n"
            + where
        )
        old = self.details.toPlainText()
        self.details.setPlainText(f"{old}\n\n{text}".strip() if old else text)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details.toPlainText())


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("seller-inbox")
    except metadata.PackageNotFoundError:  # a bundle without the dist-info
        return "(unknown version)"


def _selectable() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse


class CrashReporter:
    """Where uncaught exceptions go once ``install`` ran."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.dialog: CrashDialog | None = None
        self.reported = 0

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str = "",
        *,
        logged: bool = False,
    ) -> None:
        self.reported += 1
        if not logged:
            log.error(
                "uncaught exception%s", f" ({where})" if where else "", exc_info=(exc_type, exc, tb)
            )
        text = redact(
            f"Seller Inbox {_version()}, Python {sys.version.split()[0]}, {sys.platform}\n"
            + (f"in {where}\n" if where else "")
            + "".join(traceback.format_exception(exc_type, exc, tb))
        )
        if QGuiApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        if self.dialog is None:
            self.dialog = CrashDialog(self.parent)
        self.dialog.add(text, current_path())
        self.dialog.show()

    def show(self, exc: BaseException) -> None:
        """A bug the caller has logged already (``Ops``' failure policy)."""
        self.report(type(exc), exc, exc.__traceback__, logged=True)

    # --- the hooks -------------------------------------------------------------------

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        thread = args.thread.name if args.thread is not None else "?"
        # Off the UI thread: the dialog is built on the loop's thread.
        self._on_ui(args.exc_type, args.exc_value, args.exc_traceback, f"thread {thread}")

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            log.error("asyncio: %s", context.get("message", context))
            return
        self.report(type(exc), exc, exc.__traceback__, str(context.get("message", "")))

    def _on_ui(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        from PySide6.QtCore import QTimer

        app = QGuiApplication.instance()
        if app is None:
            self.report(exc_type, exc, tb, where)
            return
        QTimer.singleShot(0, app, lambda: self.report(exc_type, exc, tb, where))


def install(reporter: CrashReporter, loop: asyncio.AbstractEventLoop) -> None:
    """Route every uncaught exception to ``reporter`` (the app's run, not tests: pytest-qt
    has its own excepthook that fails the test)."""
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_hook
    loop.set_exception_handler(reporter.loop_handler)
