"""The thread list's data: the filter, pages of threads, the count, search as you type, and
the marketplaces; notifications for new buyer messages.

Pages are read in place, through plain sqlite3 (``Store.read_sql``): the model asks for one
synchronously as the view scrolls, no SQLAlchemy is needed for the first page, and a page
costs a fraction of a compiled statement. Search runs off the GUI thread, newest search only
(``app.services.latest_search``). The list refreshes itself from published ``Changes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.storage.rows import ThreadFilter, ThreadKey, ThreadRow

if TYPE_CHECKING:
    from app.services.latest_search import LatestSearch, SearchPages
    from app.services.ops import Changes, Ops
    from app.storage.queries import MarketplaceInfo
    from app.storage.store import Store
    from app.ui.current import CurrentConversation
    from app.ui.main_window import MainWindow
    from app.ui.prefs import Preferences
    from app.ui.tray import Notifier


OPEN_PAUSE_S = 0.3
"""Search results open their first conversation, and all their matches are counted, once no
newer key came for this long."""


def matches(row: ThreadRow, flt: ThreadFilter) -> bool:
    """Whether a search result belongs under the list's filter (status, Flagged): search
    ranks by text; the filter applies to what it found."""
    from app.domain import ConversationStatus

    if flt.flagged_only and not row.flagged:
        return False
    if flt.status is ConversationStatus.NEEDS_RESPONSE:
        return row.needs_response
    if flt.status is ConversationStatus.WAITING_ON_BUYER:
        return not row.needs_response
    return True


class Inbox:
    def __init__(
        self,
        window: MainWindow,
        ops: Ops,
        current: CurrentConversation,
        prefs: Preferences,
        notifier: Notifier,
    ) -> None:
        self.window = window
        self.ops = ops
        self.current = current
        self.prefs = prefs
        self.notifier = notifier
        self.store: Store | None = None
        self.filter = ThreadFilter()
        self.searcher: LatestSearch | None = None
        self.marketplaces: list[MarketplaceInfo] = []
        self.newest_inbound = 0
        self.results: SearchPages | None = None  # the search's pages while searching
        self._searching: str | None = None  # the text of the search under way
        self._stale = False  # the data changed while it ran: search again once it is shown
        window.search_changed.connect(self.search)
        window.filter_changed.connect(self.set_filter)
        ops.subscribe(self._changed)

    def show_first_page(self, store: Store) -> int:
        """Right after the store opened (no SQLAlchemy yet): the first page and the count."""
        self.store = store
        total = self.count()
        self.window.show_threads(self.page, self.filter.sort, self.current.id)
        return total

    def ready(self) -> None:
        """SQLAlchemy is loaded: the marketplaces and the newest buyer message."""
        self.refresh_marketplaces()
        self.newest_inbound = self._newest_inbound()

    # --- reads -----------------------------------------------------------------------

    def count(self) -> int:
        """The number of conversations the list holds (the filter's, or the search's)."""
        from app.storage import threads

        assert self.store is not None
        self.window.store_state.setToolTip(str(self.store.profile.root))
        if self.results is not None:
            # Results come page by page: exact once all are in; with no status or Flagged
            # filter the store counts them all, off the GUI thread (every match is read, up
            # to a second at a million messages) once the seller pauses, else the rows
            # listed so far.
            total = self.window.model.rowCount()
            if not (
                self.results.exhausted or self.filter.status != "all" or self.filter.flagged_only
            ):
                assert self.searcher is not None
                self.window.show_counting()
                self.ops.run(
                    self.searcher.count(
                        self.results.text, self.filter.marketplace_id, pause=OPEN_PAUSE_S
                    ),
                    done=lambda n: None if n is None else self.window.show_count(n),
                )
                return total
        else:
            with self.store.read_sql() as db:
                total = threads.count(db.execute, self.filter)
        self.window.show_count(total)
        return total

    def page(self, after: ThreadKey | None) -> list[ThreadRow]:
        from app.storage import threads

        if self.store is None:
            return []
        with self.store.read_sql() as db:
            return threads.page(db.execute, self.filter, after)

    def _newest_inbound(self) -> int:
        from app.storage import queries

        assert self.store is not None
        with self.store.read() as conn:
            return queries.newest_inbound_id(conn)

    def refresh_marketplaces(self) -> None:
        from app.storage import queries

        assert self.store is not None
        with self.store.read() as conn:
            self.marketplaces = queries.marketplaces(conn)
        self.window.chips.set_marketplaces(self.marketplaces)
        self.window.filters.set_marketplaces([m.id for m in self.marketplaces])

    # --- filter and search -----------------------------------------------------------

    def set_filter(self, flt: ThreadFilter) -> None:
        self.filter = flt
        if self.window.search.text().strip():
            self.search(self.window.search.text())
        else:
            self.window.show_threads(self.page, flt.sort, self.current.id)
            self.count()

    def search(self, text: str, *, refresh: bool = False) -> None:
        """The seller's search (``refresh``: the same search again, the data changed)."""
        if self.store is None:
            return
        if self.searcher is None:
            from app.services.latest_search import LatestSearch

            self.searcher = LatestSearch(self.store)
        if not text.strip():
            self.searcher.cancel()
            self.results, self._searching = None, None
            self.window.show_threads(self.page, self.filter.sort, self.current.id)
            self.count()
            return
        self._searching, self._stale = text, False
        self.ops.run(
            self.searcher.run(text, self.filter.marketplace_id),
            done=lambda found: self._found(text, found, refresh),
            failed=lambda _exc: self._failed(text),
        )

    def _failed(self, text: str) -> bool:
        if self._searching == text:
            self._searching = None  # the next change searches again
        return False  # the failure policy shows it

    def _refresh_search(self, text: str) -> None:
        """The data changed while searching: the results show it as it is now. A typed key's
        search still to start reads it anyway, and one under way is shown first and then
        searched again: interrupting it (a sync's every round) cost that key a search."""
        if self.window.search_pending():
            return
        if self._searching == text:
            self._stale = True
            return
        self.search(text, refresh=True)

    def _found(self, text: str, found: Any, refresh: bool) -> None:
        from app.services.latest_search import SearchPages

        if found is None or self.store is None:
            return  # a newer keystroke's search replaced this one
        self._searching = None
        flt = self.filter
        results = self.results = SearchPages(
            self.store, text, flt.marketplace_id, found, keep=lambda row: matches(row, flt)
        )
        opened = self.current.id
        shown = [r.id for r in found.rows if matches(r, flt)]
        moved_on = bool(not refresh and shown and opened not in shown)
        # The rows show at once; the first one opens when the seller pauses: opening it for
        # every key typed cost each key the conversation pane's work.
        self.window.show_threads(results, keep=opened, refresh=refresh or moved_on)
        self.count()
        if moved_on:
            self.ops.run(self._open_first(results, opened))
        if self._stale:
            self.search(text, refresh=True)

    async def _open_first(self, results: Any, opened: int | None) -> None:
        import asyncio

        await asyncio.sleep(OPEN_PAUSE_S)
        # The same search shown again over changed data (a sync meanwhile) still counts.
        now = self.results
        still = now is not None and now.text == results.text and self.current.id == opened
        if still and not self.window.many and self.window.model.rowCount():
            self.window.select_row(0)  # announced: the session opens it

    # --- changes ---------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if self.store is None:
            return
        if changes.marketplaces:
            self.refresh_marketplaces()
        if not (changes.any_conversation or changes.conversations):
            return
        text = self.window.search.text()
        if self.results is not None and text.strip():
            self._refresh_search(text)
        else:
            self.window.refresh_threads()
            self.count()
        if changes.any_conversation:
            self._notify_new()

    def _notify_new(self) -> None:
        from app.storage import queries
        from app.ui.tray import decide

        assert self.store is not None
        newest = self._newest_inbound()
        if newest <= self.newest_inbound:
            return
        with self.store.read() as conn:
            headline = queries.message_headline(conn, newest)
        note = decide(newest, self.newest_inbound, headline, enabled=self.prefs.notifications_on())
        self.newest_inbound = newest
        if note is not None:
            self.notifier.notify(note)
