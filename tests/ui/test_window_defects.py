"""Defects found by using the window as a new seller would (issue 13), each pinned down."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from ui_testkit import (  # type: ignore[import-not-found]
    UiRelay,
    UiSession,
    buyer_writes,
    go_live,
    open_buyer,
    row_of_buyer,
    run,
    thread_row,
    until,
)

from app.policy import PolicyContext, load_pack
from app.storage.drafts import DraftData
from app.ui import formats
from app.ui.composer import Composer
from app.ui.inbox import matches


def test_the_attach_dialog_opens_fresh_in_the_documents_folder(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # a home with a Documents folder
    (tmp_path / "Documents").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    c = Composer()
    qtbot.addWidget(c)
    c.open_draft(DraftData(key="conv:1", subject="Re: x", conversation_id=1), None)
    c.attach_button.click()
    first = c.file_dialog
    assert first is not None and first.isVisible()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(first.directory().absolutePath()) == Path(documents)
    assert Path(documents) == tmp_path / "Documents"
    first.setDirectory(str(elsewhere))  # the seller browsed elsewhere, then cancelled
    first.reject()
    c.attach_button.click()
    again = c.file_dialog
    assert again is not None and again is not first
    assert Path(again.directory().absolutePath()) == Path(documents)
    again.reject()


def test_not_attached_clears_on_the_next_attempt_and_on_another_draft(qtbot: Any) -> None:
    c = Composer()
    qtbot.addWidget(c)
    ctx = PolicyContext(pack=load_pack("amazon.com"), buyer_initiated=True)
    c.open_draft(DraftData(key="conv:1", subject="Re: x", conversation_id=1), ctx)
    c.show()
    c.show_attach_error("Not attached: x.exe: a program")
    assert c.attach_notice.isVisible()
    c.clear_attach_error()  # what every new attempt does first (Compose.attach)
    assert not c.attach_notice.isVisible() and not c.attach_notice.text()
    c.show_attach_error("Not attached: y.exe: a program")
    c.open_draft(DraftData(key="conv:2", subject="Re: y", conversation_id=2), ctx)
    assert not c.attach_notice.isVisible()


def test_an_abbreviated_month_does_not_end_in_two_full_stops(language: Any) -> None:
    language("sv")
    at = datetime(2026, 12, 14, 12, 0, tzinfo=UTC)
    day = formats.day_month(at)
    assert day.endswith("."), day  # Swedish abbreviates "dec."
    text = formats.fill("Semester till %1. Nya köpare…", "%1", day)
    assert ".." not in text and text.startswith(f"Semester till {day} Nya")
    assert formats.fill("Until %1.", "%1", "14 Dec") == "Until 14 Dec."


def test_search_results_honour_the_status_and_flagged_filters() -> None:
    from app.domain import ConversationStatus
    from app.storage.rows import ThreadFilter

    owed = thread_row(id=1, needs_response=True)
    answered_flagged = thread_row(id=2, needs_response=False, flagged=True)
    needs = ThreadFilter(status=ConversationStatus.NEEDS_RESPONSE)
    waiting = ThreadFilter(status=ConversationStatus.WAITING_ON_BUYER)
    flagged = ThreadFilter(flagged_only=True)
    assert [matches(r, needs) for r in (owed, answered_flagged)] == [True, False]
    assert [matches(r, waiting) for r in (owed, answered_flagged)] == [False, True]
    assert [matches(r, flagged) for r in (owed, answered_flagged)] == [False, True]


def test_search_results_and_the_count_follow_the_data_and_the_filter(
    ui_session: UiSession, empty_relay: UiRelay, qloop: asyncio.AbstractEventLoop
) -> None:
    s, w = ui_session.session, ui_session.window
    old = (datetime.now(UTC) - timedelta(hours=30)).isoformat()
    for name in ("Anna A.", "Bertil B."):
        buyer_writes(
            empty_relay.db_url, marketplace_id="amazon.se", email=f"{name[0]}@buyers.example",
            name=name, subject="Paket", text="Var är mitt paket?", received_at=old,
        )  # fmt: skip
    buyer_writes(
        empty_relay.db_url, marketplace_id="amazon.se", email="c@buyers.example",
        name="Cecilia C.", subject="Retur", text="Hur returnerar jag?",
    )  # fmt: skip

    def clock_of(name: str) -> str:
        row = row_of_buyer(w, name)
        return "" if row is None else str(w.model.data(w.model.index(row, 6)))

    async def scenario() -> None:
        await go_live(s, empty_relay)
        s.live.outbox.undo_window = timedelta(0)
        await until(lambda: w.model.rowCount() == 3)
        assert "3" in w.store_state.text()
        status = w.filters.status
        status.setCurrentIndex(status.findData("needs-response"))
        await s.ops.idle()
        assert w.model.rowCount() == 3 and "3" in w.store_state.text()

        w.search.setText("paket")
        await until(lambda: w.model.rowCount() == 2, what="two results")
        assert "2" in w.store_state.text()  # the count is the list's, not the inbox's
        assert clock_of("Anna A.").startswith("Overdue")
        await open_buyer(w, "Anna A.")
        w.composer.body.setPlainText("Det är på väg!")
        w.composer.send_button.click()
        # Answered: the result list refreshes with the data and, under "Needs response",
        # lets Anna go (she stays open, marked as not in the list).
        await until(lambda: row_of_buyer(w, "Anna A.") is None, 30, "Anna answered")
        assert w.model.rowCount() == 1 and "1" in w.store_state.text()
        assert w.off_list.isVisible()
        status.setCurrentIndex(status.findData("all"))
        await until(lambda: row_of_buyer(w, "Anna A.") is not None, what="Anna found again")
        assert clock_of("Anna A.") == ""  # no longer "Overdue"
        w.filters.flagged.setChecked(True)
        await until(lambda: w.model.rowCount() == 0, what="no flagged results")
        assert "0" in w.store_state.text()

    run(qloop, scenario())
