"""UI test fixtures: a real relay on a loopback port (as tests/services does; not imported
across test folders), and a qasync loop over pytest-qt's QApplication."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ui_testkit import UiRelay, UiSession  # type: ignore[import-not-found]

os.environ.setdefault("QT_API", "pyside6")


def _relay(tmp_path: Path, seed: bool) -> Iterator[UiRelay]:
    from relay import auth
    from relay.db import open_database
    from relay.demo import seed_demo
    from relay.embedded import start_embedded

    db_url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    if seed:
        seed_demo(db_url, per_marketplace=3)
    db = open_database(db_url)
    token = auth.create_token(db, "demo")
    db.dispose()
    relay = UiRelay("", db_url, token, start_embedded(db_url))
    relay.url = relay.embedded.url
    try:
        yield relay
    finally:
        relay.embedded.stop()  # the one running: a test may have restarted it


@pytest.fixture
def ui_relay(tmp_path: Path) -> Iterator[UiRelay]:
    """A relay over the demo seller's seeded world."""
    yield from _relay(tmp_path, seed=True)


@pytest.fixture
def empty_relay(tmp_path: Path) -> Iterator[UiRelay]:
    """A relay whose seller "demo" has nothing yet (tests seed exactly what they count)."""
    yield from _relay(tmp_path, seed=False)


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """asyncio inside Qt's event loop, as the app runs (pytest-qt has no qasync support)."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def ui_session(qtbot: Any, qloop: asyncio.AbstractEventLoop, tmp_path: Path) -> Iterator[UiSession]:
    from PySide6.QtCore import QSettings

    from app.storage.lock import ProfileLock
    from app.ui.app import LaunchOptions
    from app.ui.main_window import MainWindow
    from app.ui.session import Session

    profile = tmp_path / "profile"
    profile.mkdir()
    lock = ProfileLock(profile / "profile.lock")
    lock.acquire()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    session = Session(window, LaunchOptions(profile=profile), lock, settings)
    window.show()
    try:
        yield UiSession(window, session, profile, settings)
    finally:
        qloop.run_until_complete(asyncio.wait_for(session.aclose(), 30))
        session.close()


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    """Install a language for one test (``language("de")``) and take it out again."""
    from app.ui import translations

    def use(code: str) -> None:
        assert translations.install(qapp, code) is not None

    yield use
    translations.uninstall(qapp)
