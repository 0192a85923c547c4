"""The window shell: the thread model under Qt's model tester, paging, the conversation pane."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from ui_testkit import thread_row  # type: ignore[import-not-found]

from app.demodata.generator import generate
from app.storage import queries
from app.storage.queries import ThreadFilter, ThreadRow
from app.storage.store import Store
from app.ui.main_window import MainWindow
from app.ui.thread_model import ThreadTableModel, clock_text

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store.open(tmp_path_factory.mktemp("ui"))
    generate(s, 180, seed=3, now=NOW)
    yield s
    s.close()


def fetcher(store: Store):  # type: ignore[no-untyped-def]
    def fetch(after):  # type: ignore[no-untyped-def]
        with store.read() as conn:
            return queries.thread_page(conn, ThreadFilter(), after)

    return fetch


def test_thread_model_passes_the_model_tester_while_paging(qtmodeltester, store: Store) -> None:  # type: ignore[no-untyped-def]
    model = ThreadTableModel(fetcher(store))
    model.fetchMore()
    assert model.rowCount() == 50  # one page, not the whole inbox
    qtmodeltester.check(model, force_py=True)  # the tester itself fetches more pages
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 180
    qtmodeltester.check(model, force_py=True)


def test_window_shows_threads_and_opens_a_conversation(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    opened: list[int] = []
    window.conversation_selected.connect(opened.append)
    window.show()
    window.show_threads(fetcher(store))
    assert window.model.rowCount() == 50
    assert window.search.isEnabled()
    qtbot.waitUntil(lambda: bool(opened))
    first = window.model.thread_at(0)
    assert first is not None and opened[0] == first.id
    with store.read() as conn:
        window.conversation.show_conversation(first, queries.conversation_messages(conn, first.id))
    assert first.subject in window.conversation.title.text()
    assert window.conversation.browser.toPlainText().strip()
    window.select_row(1)
    second = window.model.thread_at(1)
    assert second is not None
    qtbot.waitUntil(lambda: opened[-1] == second.id)


def test_store_errors_are_shown_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_store_error("The disk holding /x is full.")
    assert "disk" in window.store_state.text()
    assert "disk" in window.conversation.browser.toPlainText()


def row(**kw) -> ThreadRow:  # type: ignore[no-untyped-def]
    return thread_row(last_activity=NOW, **kw)


@pytest.mark.parametrize(
    ("kw", "text"),
    [
        ({"needs_response": True, "awaiting_since": NOW - timedelta(hours=2)}, "22 h 00 min left"),
        (
            {"needs_response": True, "awaiting_since": NOW - timedelta(hours=30, minutes=5)},
            "Overdue 6 h 05 min",
        ),
        ({"no_response_needed": True, "awaiting_since": NOW}, "No response needed"),
        ({}, ""),
    ],
)
def test_the_24_hour_clock_reads_as_a_seller_expects(kw, text) -> None:  # type: ignore[no-untyped-def]
    assert clock_text(row(**kw), NOW)[0] == text


def test_search_runs_once_per_pause_in_typing(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    asked: list[str] = []
    window.search_changed.connect(asked.append)
    window.show()
    window.show_threads(fetcher(store))
    qtbot.keyClicks(window.search, "paket")
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)
    qtbot.wait(200)
    assert asked == ["paket"]  # five keystrokes, one search
    qtbot.keyClicks(window.search, "et")
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=2000)
    assert asked[-1] == "paketet"
