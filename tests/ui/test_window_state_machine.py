"""Hypothesis drives the window as a seller and the world around it would: buyer messages
arrive and sync, the filter changes, the seller searches, opens, sends, undoes, goes offline,
selects several (Shift-click, Ctrl+A) and acts on them in bulk. After every step the list
selection, the shown conversation, the details, the composer's draft and the send target are
the same conversation (``assert_one_conversation``), a multi-selection leaves none open and
no composer targeting one, and only the seller's own choices (open, filter, search, select)
change which conversation is open.

A walk is a list of steps Hypothesis draws (and shrinks); each walk is a fresh profile against
one real relay on loopback, run inside one turn of the qasync loop: stopping and restarting
qasync between steps would step the live services' tasks outside a running loop (see
docs/architecture.md, "Shutting down"). The steps wait for the window's operations
(``Ops.idle``), never for a fixed time.
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    assert_one_conversation,
    buyer_writes,
    run,
    until,
)

BUYERS = ("Anna A.", "Bertil B.", "Cecilia C.", "David D.")
SEARCHES = ("", "paket", "retur", "Bertil", "zzz-nothing")
STATUSES = ("all", "needs-response", "waiting-on-buyer")
TEXTS = {
    "paket": "Var är mitt paket?",
    "retur": "Hur gör jag en retur?",
    "storlek": "Finns den i en annan storlek?",
}
_counter = itertools.count()
STEPS: dict[str, int] = {}  # what the walks did: the test checks they did something


def did(what: str) -> None:
    STEPS[what] = STEPS.get(what, 0) + 1


@dataclass(frozen=True)
class Step:
    kind: str  # sync, filter, search, open, send, undo, offline, many, all, bulk
    arg: Any = None
    flag: bool = False


STEP = st.one_of(
    st.builds(
        Step, st.just("sync"), st.tuples(st.sampled_from(BUYERS), st.sampled_from(sorted(TEXTS)))
    ),
    st.builds(Step, st.just("filter"), st.sampled_from(STATUSES), st.booleans()),
    st.builds(Step, st.just("search"), st.sampled_from(SEARCHES)),
    st.builds(Step, st.just("open"), st.integers(min_value=0, max_value=8)),
    # flag: wait until it has left (and the sync that brings it back has run)
    st.builds(Step, st.just("send"), st.sampled_from(("Tack!", "Det är på väg.")), st.booleans()),
    st.builds(Step, st.just("undo")),
    st.builds(Step, st.just("offline"), flag=st.booleans()),
    # several rows from arg on (a click, then a Shift-click), or Ctrl+A; a bulk action
    st.builds(Step, st.just("many"), st.integers(min_value=0, max_value=8)),
    st.builds(Step, st.just("all")),
    st.builds(
        Step, st.just("bulk"), st.sampled_from(("$seen", "$noResponseNeeded")), st.booleans()
    ),
)
# Replies and syncs are the scenario's heart: drawn twice as often as the others.
WALK = st.lists(
    st.one_of(
        STEP,
        st.builds(Step, st.just("send"), st.just("Tack!"), st.booleans()),
        STEP.filter(lambda s: s.kind == "sync"),
    ),
    min_size=1,
    max_size=12,
)


class Walk:
    """One window on a fresh profile, live against the relay, driven step by step."""

    def __init__(self, relay: UiRelay, qtbot: Any, base: Path) -> None:
        from PySide6.QtCore import QSettings

        from app.storage.lock import ProfileLock
        from app.ui.main_window import MainWindow
        from app.ui.options import LaunchOptions
        from app.ui.session import Session

        n = next(_counter)
        profile = base / f"p{n}"
        profile.mkdir()
        self.relay = relay
        self.lock = ProfileLock(profile / "profile.lock")
        self.lock.acquire()
        prefs = QSettings(str(base / f"s{n}.ini"), QSettings.Format.IniFormat)
        prefs.setValue("outbox/undo_seconds", 2)
        self.window = MainWindow(prefs)
        qtbot.addWidget(self.window)
        self.session = Session(self.window, LaunchOptions(profile=profile), self.lock, prefs)
        self.window.show()
        self.syncs = 0
        self.session.ops.subscribe(self._count_syncs)

    def _count_syncs(self, changes: Any) -> None:
        if changes.synced:
            self.syncs += 1

    async def start(self, status: str) -> None:
        s = self.session
        await s.open_store()
        s.account.start_live(self.relay.url, self.relay.token, session_only=True)
        await asyncio.wait_for(asyncio.shield(s.first_sync), 60)
        self.set_status(status)
        await self.settle()

    async def settle(self) -> None:
        """Let the search pause pass and every operation (and what it started) finish."""
        for _ in range(3):
            await asyncio.sleep(0.05)
            await self.session.ops.idle(90)

    def set_status(self, status: str) -> None:
        filters = self.window.filters
        filters.status.setCurrentIndex(filters.status.findData(status))

    async def do(self, step: Step) -> None:
        w, s = self.window, self.session
        before = s.current_id
        seller_moves = step.kind in ("filter", "search", "open", "many", "all")
        if step.kind == "sync":
            buyer, topic = step.arg
            buyer_writes(
                self.relay.db_url, marketplace_id="amazon.se", email=f"{buyer[0]}@buyers.example",
                name=buyer, subject=topic.capitalize(), text=TEXTS[topic],
            )  # fmt: skip
            if not w.connection.offline.isChecked():  # else it arrives once back online
                seen = self.syncs
                assert s.live is not None
                s.live.runner.wake()
                await until(lambda: self.syncs > seen, 90, "a sync")
                did("synced")
        elif step.kind == "filter":
            self.set_status(step.arg)
            w.filters.flagged.setChecked(step.flag)
        elif step.kind == "search":
            w.search.setText(step.arg)
        elif step.kind == "open":
            if w.model.rowCount():
                w.select_row(step.arg % w.model.rowCount())
        elif step.kind == "send":
            if w.composer.draft_conversation() is not None:
                w.composer.body.setPlainText(step.arg)
                if w.composer.send_button.isEnabled():
                    w.composer.send_button.click()
                    did("sent")
                    if step.flag and not w.connection.offline.isChecked():
                        label = w.undo_bar.label
                        await until(lambda: "Sent" in label.text(), 60, "the reply sent")
                        seen = self.syncs
                        await until(lambda: self.syncs > seen, 90, "the sync after it")
        elif step.kind == "undo":
            if w.undo_bar.item_id is not None:
                did("undone")
            w.undo_bar.undo_now()
        elif step.kind == "offline":
            w.connection.offline.setChecked(step.flag)
        elif step.kind == "many":
            n = w.model.rowCount()
            if n >= 2:
                from PySide6.QtCore import QItemSelection, QItemSelectionModel

                first = step.arg % n
                w.select_row(first)
                top, bottom = (first - 1, first) if first == n - 1 else (first, first + 2)
                flags = QItemSelectionModel.SelectionFlag.Select
                flags |= QItemSelectionModel.SelectionFlag.Rows
                sel = QItemSelection(w.model.index(top, 0), w.model.index(min(bottom, n - 1), 0))
                w.threads.selectionModel().select(sel, flags)
                did("several selected")
        elif step.kind == "all":
            w.actions_by_name["select-all"].trigger()
        elif step.kind == "bulk" and w.many:
            button = w.bulk.buttons[(step.arg, step.flag)]
            if button.isEnabled():
                button.click()
                did("bulk")
        await self.settle()
        assert_one_conversation(w, s)
        if not seller_moves:  # not a sync, a send, an undo or the connection
            assert s.current_id == before, (step, before, s.current_id)
        if w.off_list.isVisible():
            did("open but not listed")

    async def aclose(self) -> None:
        await asyncio.wait_for(self.session.aclose(), 30)


def test_list_conversation_details_draft_and_send_target_always_agree(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, empty_relay: UiRelay, tmp_path: Path
) -> None:
    for name in BUYERS[:2]:
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.se", email=f"{name[0]}@buyers.example",
            name=name, subject="Paket", text=TEXTS["paket"],
        )  # fmt: skip

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,  # the same walks every run: CI is reproducible
        suppress_health_check=list(HealthCheck),  # one relay and loop serve every walk
    )
    @given(status=st.sampled_from(("needs-response", "all")), steps=WALK)
    def walk(status: str, steps: list[Step]) -> None:
        window = Walk(empty_relay, qtbot, tmp_path)

        async def go() -> None:
            try:
                await window.start(status)
                for step in steps:
                    await window.do(step)
            finally:
                await window.aclose()

        try:
            run(qloop, go(), budget=600)
        finally:
            window.session.close()

    walk()
    # The walks were not idle: buyer messages synced in while the window was open.
    assert STEPS.get("synced") and STEPS.get("several selected") and STEPS.get("bulk"), STEPS


def test_undo_bar_waits_for_the_connection_while_offline(qtbot: Any) -> None:
    """Past its undo window, a message waiting in the outbox says so while offline, and
    "Sending…" once the connection is back."""
    from datetime import UTC, datetime, timedelta

    from app.ui.outbox_view import UndoBar

    bar = UndoBar()
    qtbot.addWidget(bar)
    bar.set_waiting(True)
    bar.start(7, datetime.now(UTC) + timedelta(milliseconds=50))
    qtbot.waitUntil(lambda: "Waiting for the connection" in bar.label.text(), timeout=3000)
    assert bar.timer.isActive()
    bar.set_waiting(False)
    assert bar.label.text() == "Sending…"
