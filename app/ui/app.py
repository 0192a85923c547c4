"""Start the window under qasync and connect it to the store.

Order matters for the first paint: Qt and the window come up first; SQLAlchemy, Alembic and
the store are imported and opened on the store worker after the window has painted.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import cast

from app.ui.options import LaunchOptions

os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6
# Qt splits large fills (a scroll bar's gradient, the list's background) over a thread pool
# and waits for it: on a busy machine that wait, not the painting, was most of a scroll frame
# (a scroll bar repaint: 0.09 ms alone, up to 17 ms through the pool). Read once, before the
# first paint.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


__all__ = ["LaunchOptions", "run", "temporary_profile"]


def run(opts: LaunchOptions) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.storage.errors import StoreError
    from app.storage.lock import ProfileLock

    opts.profile.mkdir(parents=True, exist_ok=True)
    lock = ProfileLock(opts.profile / "profile.lock")
    try:
        lock.acquire()
    except StoreError as exc:
        print(f"seller-inbox: {exc}", file=sys.stderr)
        if not _headless():
            app = QApplication.instance() or QApplication(sys.argv)
            QMessageBox.critical(None, "Seller Inbox", str(exc))
        return 3

    import qasync
    from PySide6.QtCore import QSettings

    from app.services import logs
    from app.ui import theme
    from app.ui.crash import CrashReporter, install
    from app.ui.main_window import MainWindow
    from app.ui.session import Session

    # The log first: the windowed builds have no console, it is the only trace of a failure.
    logs.setup(opts.profile, opts.log_level)
    _install_message_filter()
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv))
    app.setApplicationName("Seller Inbox")
    app.setOrganizationName("SellerInbox")
    app.setApplicationDisplayName("Seller Inbox")
    from app.ui import translations

    language = str(QSettings().value("ui/language", "") or "")
    translator = translations.install(app, language)  # noqa: F841 - kept alive for the run
    theme.apply(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # A one-shot run (smoke test, screenshot, timing) neither reads nor writes the seller's
    # window layout and settings.
    one_shot = opts.smoke_test or opts.exit_after_paint or opts.screenshot is not None
    settings = None if one_shot else QSettings()
    window = MainWindow(settings)
    if opts.window_size is not None:
        window.resize(*opts.window_size)
    crashes = CrashReporter(window)
    install(crashes, loop)
    session = Session(window, opts, lock, settings, crashes)
    window.first_painted.connect(session.on_first_paint)
    window.show()
    try:
        with loop:
            code: int = loop.run_until_complete(session.done)
            loop.run_until_complete(session.aclose())
            return code
    finally:
        session.close()


# Platform-plugin chatter that says nothing about our code: the offscreen plugin (smoke
# tests, screenshots) cannot resize native windows and says so on every QMainWindow.
_KNOWN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _install_message_filter() -> None:
    import logging

    from PySide6.QtCore import qInstallMessageHandler

    qt_log = logging.getLogger("qt")

    def handler(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if message not in _KNOWN_NOISE:
            qt_log.warning("%s", message)
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _headless() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")


def temporary_profile() -> Path:
    return Path(tempfile.mkdtemp(prefix="seller-inbox-smoke-"))
