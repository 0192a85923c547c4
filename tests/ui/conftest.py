"""UI test fixtures: a real relay on a loopback port (as tests/services does; not imported
across test folders), and a qasync loop over pytest-qt's QApplication."""

from __future__ import annotations

import asyncio
import gc
import os
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ui_testkit import UiRelay, UiSession  # type: ignore[import-not-found]

os.environ.setdefault("QT_API", "pyside6")


# An unawaited coroutine is a bug (a task stepped outside its loop, a call that forgot its
# await): it fails the test. Python reports it while finalizing the coroutine, where the
# warning made an error is "ignored" and reaches pytest as an unraisable exception.
NEVER_AWAITED = (
    "error:coroutine .* was never awaited:RuntimeWarning",
    r"error:Exception ignored in. <coroutine object [\s\S]*was never awaited"
    ":pytest.PytestUnraisableExceptionWarning",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            for spec in NEVER_AWAITED:
                item.add_marker(pytest.mark.filterwarnings(spec))


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
    embedded = start_embedded(db_url)
    relay = UiRelay(embedded.url, db_url, token, embedded)
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


def _in_loop(loop: asyncio.AbstractEventLoop, callback: Any, *args: Any) -> None:
    if asyncio.events._get_running_loop() is not None:
        callback(*args)
        return
    asyncio.events._set_running_loop(loop)
    try:
        callback(*args)
    finally:
        asyncio.events._set_running_loop(None)


def _test_loop(qapp: Any) -> asyncio.AbstractEventLoop:
    """qasync's loop, whose callbacks always run inside it, as they do in the app.

    The app runs the loop for its whole life, so a task is only stepped with the loop
    running. A test runs it in pieces (``ui_testkit.run``) and processes Qt events in
    between (qtbot.waitUntil, qtbot's teardown, and qasync's own extra pass over Qt's events
    after ``run_until_complete`` has stopped the loop). qasync's timers then step the live
    services' tasks with no running loop: the sync runner's ``wait_for`` failed ("coroutine
    'wait' was never awaited"), its Event.wait tasks with it ("bound to a different event
    loop"), and httpx found no loop either; the runner of that test was dead from then on.
    """
    import qasync

    class TestLoop(qasync.QEventLoop):  # type: ignore[misc]
        def call_later(self, delay: float, callback: Any, *args: Any, context: Any = None) -> Any:
            # call_soon and call_at come here too
            return super().call_later(delay, _in_loop, self, callback, *args, context=context)

    return TestLoop(qapp, already_running=False)  # type: ignore[no-any-return]


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """asyncio inside Qt's event loop, as the app runs (pytest-qt has no qasync support).

    Fails the test when the loop reports an error nobody handled (a task's exception never
    retrieved, a callback that raised): each is a bug, not noise."""
    loop = _test_loop(qapp)
    unhandled: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: unhandled.append(context))
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        gc.collect()  # a task that failed unseen reports it when it is collected
        assert not unhandled, "\n".join(map(_described, unhandled))


def _described(context: dict[str, Any]) -> str:
    exc = context.get("exception")
    where = "".join(traceback.format_exception(exc)) if exc is not None else ""
    return f"{context.get('message')}: {context}\n{where}"


@pytest.fixture
def ui_session(
    request: pytest.FixtureRequest, qtbot: Any, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> Iterator[UiSession]:
    # The test's relay is set up first so that it stops after the session has closed, not
    # under its live connections (uvicorn then waited 2 s for the push stream and logged it).
    for name in ("ui_relay", "empty_relay"):
        if name in request.fixturenames:
            request.getfixturevalue(name)
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
    session = Session(window, LaunchOptions(profile=profile), lock, settings)
    window.show()
    try:
        yield UiSession(window, session, profile, settings)
    finally:
        # The session closes before its window, as in the app. Given to qtbot, the window
        # was closed and deleted first, under live services that still reported to it.
        qloop.run_until_complete(asyncio.wait_for(session.aclose(), 30))
        session.close()
        window.close()
        window.deleteLater()


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    """Install a language for one test (``language("de")``) and take it out again."""
    from app.ui import translations

    def use(code: str) -> None:
        assert translations.install(qapp, code) is not None

    yield use
    translations.uninstall(qapp)
