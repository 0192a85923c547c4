"""Bulk triage in the window: several conversations selected (Shift/Ctrl-click, Shift+arrows,
Ctrl+A for every conversation of the view) and one action over all of them.

While several are selected no conversation is open: the centre shows the bulk pane and
there is no composer (`CurrentConversation.leave`). Ctrl+A selects the view as a filter, not
as a list of ids, so "all" means every conversation the filter holds, also the 100k not
loaded; in a search it selects every result the filter shows, named by the search's text
(``Selection.search``), also those not loaded, and counts them. An action runs as one
operation through `Ops` (`app.services.bulk`: chunks, progress, patches queued for the relay)
and can be undone once, with Ctrl+Z or the pane's Undo, until a conversation is opened.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt

from app.domain import Keyword
from app.ui import list_selection
from app.ui.snooze_menu import SnoozeChoice, SnoozeDialog, SnoozeMenu

if TYPE_CHECKING:
    from app.services.bulk import Bulk, BulkRun, Progress, Selection
    from app.services.ops import Ops
    from app.storage.rows import ThreadFilter, ThreadRow
    from app.storage.store import Store
    from app.ui.current import CurrentConversation
    from app.ui.inbox import Inbox
    from app.ui.main_window import MainWindow

Work = Callable[["BulkRun", list[int], "Progress"], Awaitable[None]]


def selected_rows(window: MainWindow) -> list[ThreadRow]:
    return list_selection.selected_rows(window.threads, window.model)


class BulkPart(QObject):
    def __init__(
        self, window: MainWindow, ops: Ops, current: CurrentConversation, inbox: Inbox
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.current = current
        self.inbox = inbox
        self.store: Store | None = None
        self.bulk: Bulk | None = None
        self.all_of: ThreadFilter | None = None  # Ctrl+A: every conversation of this view
        self.search: str | None = None  # ... of this search's results (under ``all_of``)
        self.running = False
        self.last: tuple[BulkRun, str] | None = None  # the action Undo takes back
        pane = window.bulk
        pane.triage.connect(lambda kind, on: self.triage(Keyword(kind), on))
        pane.undo_requested.connect(self.undo)
        self.snooze_menu = SnoozeMenu(pane)
        self.snooze_menu.chosen.connect(self.snooze)
        self.snooze_menu.pick_date.connect(self._snooze_dialog)
        pane.snooze_button.setMenu(self.snooze_menu)
        window.many_selected.connect(self._many)
        window.selection_refreshed.connect(self._show)
        window.model.rowsInserted.connect(self._rows_in)
        current.changed.connect(self._one_open)
        window.add_action(
            "select-all", self.tr("Select all in this view"), "Ctrl+A", self.select_all
        )
        # The conversation keys act on the selection while several are selected.
        for name, kind in (
            ("read", Keyword.SEEN),
            ("flag", Keyword.FLAGGED),
            ("no-response", Keyword.NO_RESPONSE_NEEDED),
        ):
            window.actions_by_name[name].triggered.connect(lambda _=False, k=kind: self._key(k))
        if (snooze := window.actions_by_name.get("snooze")) is not None:
            snooze.triggered.connect(lambda _=False: self._snooze_key())

    def ready(self, store: Store) -> None:
        from app.services.bulk import Bulk

        self.store = store
        self.bulk = Bulk(store, self.ops.worker)

    # --- the selection ---------------------------------------------------------------

    def select_all(self) -> None:
        """Ctrl+A: every conversation of the view, also those not loaded; in a search every
        result the filter shows (ids from a query when an action starts, no rows loaded)."""
        w = self.window
        w.threads.selectAll()  # announced: several selected, none open
        if not w.many:
            return  # one conversation (or none): it is simply the open one
        self.all_of = self.inbox.filter
        self.search = self.inbox.results.text if self.inbox.results is not None else None
        self._show()

    def _many(self) -> None:
        """The seller's selection holds several rows."""
        self.all_of, self.search = None, None
        self.current.leave()
        self.window.bulk.reset()
        self._show()

    def _rows_in(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Rows paging in under "all of this view" are selected too."""
        w = self.window
        if self.all_of is None or not w.many:
            return
        w.select_quietly(lambda: list_selection.add_rows(w.threads, w.model, first, last))

    def _one_open(self, row: ThreadRow | None) -> None:
        if row is not None:  # the seller moved on to one conversation
            self.all_of, self.search, self.last = None, None, None
            self.window.undo.offer(None)

    def _show(self) -> None:
        w = self.window
        if not w.many:
            return
        if self.all_of is None:
            w.bulk.show_selection(len(selected_rows(w)), "")
        elif self.search is None:
            scope = self.tr("Every conversation in this view, also those not loaded yet.")
            w.bulk.show_selection(self._count(self.all_of), scope)
        else:
            self._count_results(self.search, self.all_of)

    def _count(self, flt: ThreadFilter) -> int:
        from app.storage import threads

        if self.store is None:
            return 0
        with self.store.read_sql() as db:
            return threads.count(db.execute, flt)

    def _count_results(self, text: str, flt: ThreadFilter) -> None:
        """Every result of the search: counted on a reader (a common word matches many),
        shown as what is loaded until then."""
        from app.services.bulk import Selection

        w, bulk = self.window, self.bulk
        scope = self.tr("Every result of this search in this view, also those not loaded yet.")
        w.bulk.show_selection(len(selected_rows(w)), scope)
        if bulk is None:
            return
        selection = Selection(all_of=flt, search=text)

        def done(ids: list[int]) -> None:
            if w.many and (self.search, self.all_of) == (text, flt):
                w.bulk.show_selection(len(ids), scope)

        self.ops.query("bulk-search-count", lambda: bulk.resolve(selection), done=done)

    def selection(self) -> Selection:
        from app.services.bulk import Selection

        if self.all_of is not None:
            return Selection(all_of=self.all_of, search=self.search)
        return Selection(ids=tuple(r.id for r in selected_rows(self.window)))

    # --- the actions -----------------------------------------------------------------

    def _key(self, kind: Keyword) -> None:
        """A conversation key (Ctrl+Shift+U, G, N) on the selection: on unless every loaded
        selected row has it already (then off), as the single conversation's buttons toggle."""
        w = self.window
        if not w.many:
            return
        rows = selected_rows(w)
        if kind is Keyword.SEEN:
            on = any(r.unread_count for r in rows)
        elif kind is Keyword.FLAGGED:
            on = not all(r.flagged for r in rows)
        else:
            on = any(r.needs_response for r in rows)
        self.triage(kind, on)

    def triage(self, kind: Keyword, on: bool) -> None:
        bulk = self.bulk
        if bulk is None:
            return
        name = self.window.bulk.buttons[(kind.value, on)].text()
        self._start(name, lambda run, ids, progress: bulk.triage(run, ids, kind, on, progress))

    def _snooze_key(self) -> None:
        if self.window.many and self.window.bulk.snooze_button.isEnabled():
            button = self.window.bulk.snooze_button
            self.snooze_menu.popup(button.mapToGlobal(QPoint(0, button.height())))

    def _snooze_dialog(self) -> None:
        dialog = SnoozeDialog(None, parent=self.window)
        dialog.chosen.connect(self.snooze)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def snooze(self, choice: SnoozeChoice) -> None:
        bulk = self.bulk
        if bulk is None:
            return

        def work(run: BulkRun, ids: list[int], progress: Progress) -> Awaitable[None]:
            return bulk.snooze(run, ids, choice.until, choice.kind, choice.reason, progress)

        self._start(self.tr("Snooze"), work)

    def _start(self, name: str, work: Work) -> None:
        if self.running or self.bulk is None or not self.window.many:
            return
        from app.services.bulk import BulkRun

        bulk, pane, selection = self.bulk, self.window.bulk, self.selection()
        run = BulkRun()
        self.running = True
        pane.busy(self.tr("%1…").replace("%1", name), 0, 0)

        def progress(done: int, total: int) -> None:
            pane.busy(self.tr("%1: %2 of %3").replace("%1", name).replace("%2", str(done))
                      .replace("%3", str(total)), done, total)  # fmt: skip

        async def go() -> None:
            ids = await asyncio.to_thread(bulk.resolve, selection)
            try:
                await work(run, ids, progress)
            finally:
                self._publish(run)

        def done(_result: object) -> None:
            self.running = False
            text = self.tr("%1: %n conversation(s).", "", run.done).replace("%1", name)
            if run.due_while_asleep:
                text += " " + self.tr(
                    "%n of them owe an answer that falls due before the snooze ends: the "
                    "marketplace's 24-hour clock keeps running.", "", run.due_while_asleep
                )  # fmt: skip
            if self.window.many:  # not once the seller has opened one conversation
                self._offer_undo(run, name)
            pane.finished(text, undoable=self.last is not None and self.last[0] is run)

        self.ops.run(go(), done=done, failed=lambda exc: self._failed(exc, run, name))

    def _failed(self, exc: BaseException, run: BulkRun, name: str) -> bool:
        """Reported once, in the pane: how far it got; what was done can be undone."""
        from app.ui.failures import describe

        self.running = False
        reason = describe(exc)
        text = (
            self.tr("%1 stopped after %2 of %3 conversations: %4")
            .replace("%1", name).replace("%2", str(run.done)).replace("%3", str(run.total))
            .replace("%4", reason or self.tr("an error (see the log)"))
        )  # fmt: skip
        self._offer_undo(run, name)
        self.window.bulk.finished(text, undoable=bool(run.undo), error=True)
        return reason is not None  # a bug also goes to the failure policy (log, crash dialog)

    def _offer_undo(self, run: BulkRun, name: str) -> None:
        if not run.undo:
            return
        self.last = (run, name)
        text = self.tr("Undo %1 (%n conversation(s))", "", len(run.changed)).replace("%1", name)
        self.window.undo.offer(text, self.undo)

    def _publish(self, run: BulkRun) -> None:
        from app.services.ops import Changes

        if run.changed:  # one refresh of the list for the whole action; the relay soon
            self.ops.publish(Changes(conversations=frozenset(run.changed), to_relay=True))

    def undo(self) -> None:
        """Take the last bulk action back (once)."""
        if self.last is None or self.bulk is None or self.running:
            return
        run, name = self.last
        self.last = None
        self.window.undo.offer(None)
        bulk, pane = self.bulk, self.window.bulk
        self.running = True
        pane.busy(self.tr("Undoing %1…").replace("%1", name), 0, 0)

        async def go() -> None:
            try:
                await bulk.undo(run, lambda done, total: pane.busy(
                    self.tr("Undoing %1…").replace("%1", name), done, total))  # fmt: skip
            finally:
                self._publish(run)

        def done(_result: object) -> None:
            self.running = False
            pane.finished(self.tr("Undone: %1.").replace("%1", name), undoable=False)

        self.ops.run(go(), done=done, failed=lambda exc: self._failed(exc, run, name))
