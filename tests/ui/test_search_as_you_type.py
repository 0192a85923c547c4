"""Search as you type: off the GUI thread, newest search only, results in the window."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from ui_testkit import run, until

from app.demodata.generator import generate
from app.services.latest_search import LatestSearch
from app.storage import threads
from app.storage.rows import ThreadFilter
from app.storage.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_a_replaced_search_returns_nothing_and_the_newest_returns_its_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "p")
    searcher = None
    try:
        generate(store, 300, seed=5, now=NOW)
        searcher = LatestSearch(store)

        async def scenario() -> list[Any]:
            first = asyncio.ensure_future(searcher.run("paket"))
            await asyncio.sleep(0)  # the first one is under way...
            second = asyncio.ensure_future(searcher.run("the"))  # ...when the seller types on
            third = asyncio.ensure_future(searcher.run("4"))
            await asyncio.sleep(0)
            searcher.cancel()  # ...and then clears the box
            fourth = await searcher.run("paket")
            return [await first, await second, await third, fourth]

        first, second, third, fourth = asyncio.run(scenario())
        with store.read_sql() as db:
            want = threads.search(db.execute, "paket")
            total = threads.search_count(db.execute, "paket")
        assert (first, second, third) == (None, None, None)
        assert fourth == want and want.rows

        async def counting() -> list[Any]:
            counted = await searcher.count("paket")  # the newest search's count
            stale = asyncio.ensure_future(searcher.count("the"))
            await asyncio.sleep(0)
            await searcher.run("the")  # the seller typed on: that count is not this list's
            return [counted, await stale]

        assert asyncio.run(counting()) == [total, None]
        assert total > len(want.rows)
    finally:
        if searcher is not None:
            searcher.close()
        store.close()


def test_a_count_waits_for_a_pause_in_typing(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # While the seller types, each key's count would be interrupted by the next key's search;
    # meanwhile it took a core from that search. Counted only when no key came for a pause.
    from app.services import latest_search

    store = Store.open(tmp_path / "p")
    searcher = LatestSearch(store)
    counted: list[str] = []

    def counting(run: Any, text: str, marketplace_id: str | None = None) -> int:
        counted.append(text)
        return threads.search_count(run, text, marketplace_id)

    monkeypatch.setattr(latest_search, "search_count", counting)
    try:
        generate(store, 300, seed=5, now=NOW)
        with store.read_sql() as db:
            total = threads.search_count(db.execute, "the")

        async def typing() -> list[Any]:
            await searcher.run("pak")
            early = asyncio.ensure_future(searcher.count("pak", pause=0.3))
            await asyncio.sleep(0.05)
            await searcher.run("the")  # the next key, within the pause
            return [await early, await searcher.count("the", pause=0.05)]

        assert asyncio.run(typing()) == [None, total]
        assert counted == ["the"]  # "pak" was never counted
    finally:
        searcher.close()
        store.close()


def test_typing_in_the_search_box_shows_the_matching_conversations(ui_session, qloop) -> None:  # type: ignore[no-untyped-def]
    s = ui_session
    store = Store.open(s.profile, take_lock=False)
    generate(store, 400, seed=9, now=NOW)
    with store.read_sql() as db:
        first = threads.search(db.execute, "paket")
        want = [r.id for r in first.rows]
        inbox = [r.id for r in threads.page(db.execute, ThreadFilter())]
        assert first.more is not None
        second = [r.id for r in threads.search(db.execute, "paket", after=first.more).rows]
        total = threads.search_count(db.execute, "paket")
    store.close()
    assert want and want != inbox and second

    async def scenario() -> None:
        await s.session.open_store()
        assert s.window.model.rowCount() == 50
        for ch in "pak":  # every key restarts the pause; only the newest search counts
            s.window.search.insert(ch)
            await asyncio.sleep(0.01)
        s.window.search.insert("et")
        ids = lambda: [  # noqa: E731
            r.id for i in range(s.window.model.rowCount()) if (r := s.window.model.thread_at(i))
        ]
        await until(lambda: ids() == want, what="the results for 'paket'")
        # The first result opens once the seller pauses (the open one stays if it is listed).
        first_open = inbox[0] if inbox[0] in want else want[0]
        await until(lambda: s.session.current_id == first_open, what="the first result open")
        # All of them are counted, off the GUI thread.
        counted = s.window.tr("%n conversation(s)", "", total)
        await until(lambda: s.window.store_state.text() == counted, what="the count")
        # Every match is there: scrolling on reads the next page of results.
        s.window.model.fetchMore()
        assert ids() == want + second
        s.window.model.refresh()  # a sync while searching: the same results, read again
        assert ids() == want + second
        s.window.search.clear()
        # The inbox from its first row (the conversation opened from the results stays
        # selected: scrolled to, the list may have paged in more rows below).
        await until(lambda: ids()[: len(inbox)] == inbox, what="the inbox again")

    run(qloop, scenario())


def test_a_change_while_searching_never_interrupts_the_search_of_a_key(ui_session, qloop) -> None:  # type: ignore[no-untyped-def]
    # A sync publishes changes every round; each re-ran the search over the one a key had
    # started (interrupting it) or was about to start. Now a key's search is never
    # replaced: one still to start reads the changed data anyway; one under way is shown,
    # then searched again, and its first result still opens when the seller pauses.
    from app.services.ops import Changes

    s = ui_session
    store = Store.open(s.profile, take_lock=False)
    generate(store, 200, seed=3, now=NOW)
    with store.read_sql() as db:
        paket = [r.id for r in threads.search(db.execute, "paket").rows]
    store.close()
    started: list[str] = []
    release = asyncio.Event()

    async def scenario() -> None:
        await s.session.open_store()
        inbox = s.session.inbox
        s.window.search.insert("ano")
        await until(lambda: inbox.results is not None, what="the first results")
        await s.session.ops.idle()  # the pause: the first result of "ano" opens
        assert s.session.current_id not in paket
        searcher = inbox.searcher
        real = searcher.run

        async def run_held(text: str, marketplace_id: str | None = None) -> Any:
            started.append(text)
            await release.wait()  # under way until the test lets it finish
            return await real(text, marketplace_id)

        searcher.run = run_held  # type: ignore[method-assign]
        # A new word, and a change before its pause is over: only the key's search runs.
        s.window.search.setText("paket")
        assert s.window.search_pending()
        s.session.ops.publish(Changes(any_conversation=True))
        await until(lambda: started == ["paket"], what="the key's search")
        # A change while that search is under way: it is not replaced...
        s.session.ops.publish(Changes(any_conversation=True))
        await asyncio.sleep(0.1)
        assert started == ["paket"]
        # ...it is shown, then searched again over the changed data, and its first result
        # opens after the pause.
        release.set()
        await until(lambda: started == ["paket", "paket"], what="the search again")
        await until(lambda: s.session.current_id == paket[0], what="the first result open")
        await s.session.ops.idle()
        assert inbox.results is not None and inbox.results.text == "paket"

    run(qloop, scenario())
