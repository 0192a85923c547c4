"""The log in the profile (no bodies, no tokens), ``--log-level``, and the crash dialog that
uncaught exceptions end in (excepthook, worker threads, the asyncio loop)."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    launch,
    open_buyer,
    row_of_buyer,
    run,
    until,
)

from app.services import logs
from app.ui.crash import CrashReporter


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    yield logs.setup(tmp_path / "profile", "DEBUG")
    logs.close()


def test_secrets_are_redacted_whoever_logs_them(log_file: Path) -> None:
    import logging

    token = "tok_" + "x7Kq2" * 8
    logging.getLogger("anything").warning("Authorization: Bearer %s", token)
    logging.getLogger("anything").warning("url https://relay/x?token=%s&a=1", token)
    try:
        raise ValueError(f"refused {token}")
    except ValueError:
        logging.getLogger("anything").exception("failed")
    text = log_file.read_text(encoding="utf-8")
    assert token not in text and "x7Kq2x7Kq2" not in text
    assert text.count("[redacted]") >= 3 and "Traceback" in text


def test_a_live_session_logs_neither_bodies_nor_tokens(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    path = logs.setup(ui_session.profile, "DEBUG")
    secret_in = "buyer-body-zq81"
    secret_out = "seller-reply-vx42"
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.se", email="a@buyers.example",
        name="Anna A.", subject="Fråga", text=f"Hej {secret_in}",
    )  # fmt: skip

    async def scenario() -> None:
        await go_live(s, empty_relay)
        s.live.outbox.undo_window = timedelta(0)
        await until(lambda: row_of_buyer(w, "Anna A.") is not None)
        await open_buyer(w, "Anna A.")
        w.composer.body.setPlainText(f"Tack {secret_out}")
        w.composer.send_button.click()
        await until(lambda: "Sent" in w.undo_bar.label.text(), 30, "sent")
        await s.ops.idle()

    try:
        run(qloop, scenario())
    finally:
        logs.close()
    text = path.read_text(encoding="utf-8")
    assert path == ui_session.profile / "logs" / "seller-inbox.log"
    assert "connection: session-only" in text  # it did log the session
    for secret in (secret_in, secret_out, empty_relay.token):
        assert secret not in text


def test_the_log_level_option_reaches_the_log() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        done = launch("--profile", folder, "--exit-after-paint", "--log-level", "debug")
        assert done.returncode == 0, done.stderr
        text = (Path(folder) / "logs" / "seller-inbox.log").read_text(encoding="utf-8")
    assert "log opened (level DEBUG)" in text and "inbox open" in text


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_an_uncaught_exception_is_logged_and_shown_with_copyable_details(
    qtbot: Any, qapp: Any, log_file: Path, qloop: asyncio.AbstractEventLoop
) -> None:
    reporter = CrashReporter()
    reporter.excepthook(*_raise(RuntimeError("boom in a slot")))
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert "boom in a slot" in dialog.details.toPlainText()
    assert str(log_file) in dialog.summary.text()
    dialog.copy_button.click()
    assert "RuntimeError: boom in a slot" in qapp.clipboard().text()

    # The asyncio loop's handler and a worker thread end in the same dialog.
    reporter.loop_handler(qloop, {"message": "Task failed", "exception": _raise(KeyError("k"))[1]})

    def worker() -> None:
        raise ValueError("boom in a thread")

    hook = threading.excepthook
    threading.excepthook = reporter.thread_hook
    try:
        t = threading.Thread(target=worker, name="store-writer")
        t.start()
        t.join(5)
    finally:
        threading.excepthook = hook
    qtbot.waitUntil(lambda: "boom in a thread" in dialog.details.toPlainText(), timeout=5000)
    details = dialog.details.toPlainText()
    assert "KeyError" in details and "thread store-writer" in details
    assert reporter.reported == 3
    text = log_file.read_text(encoding="utf-8")
    assert text.count("Traceback") == 3 and "boom in a thread" in text
    assert sys.excepthook is not reporter.excepthook  # tests keep pytest-qt's hook
