"""Helpers shared by the UI tests (imported by this unique module name: several test folders
have a conftest.py, and which one ``from conftest import`` finds depends on collection order)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass
class UiRelay:
    """A real relay on a loopback port (fixtures ui_relay, empty_relay)."""

    url: str
    db_url: str
    token: str
    embedded: Any


@dataclass
class UiSession:
    """A window and its session on a fresh profile, not yet opened (tests drive the start)."""

    window: Any
    session: Any
    profile: Path
    settings: Any


def thread_row(**overrides: Any) -> Any:
    """A thread-list row for painting and clock tests (fields overridden by keyword)."""
    from app.storage.rows import ThreadRow

    base: dict[str, Any] = dict(
        id=1,
        relay_id=None,
        marketplace_id="amazon.se",
        buyer_name="Åsa",
        buyer_alias="a@m",
        order_number="1",
        subject="s",
        preview="p",
        last_activity=datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
        awaiting_since=None,
        needs_response=False,
        no_response_needed=False,
        unread_count=0,
        message_count=1,
        flagged=False,
    )
    return ThreadRow(**{**base, **overrides})


ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def launch(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``seller-inbox`` as a user would, offscreen, and collect its output."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        timeout=timeout,
        check=False,
    )


async def until(cond: Callable[[], Any], budget: float = 15.0, what: str = "") -> None:
    """Let the loop run until ``cond()`` holds; fail after ``budget`` seconds."""
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > budget:
            raise AssertionError(f"not met in {budget} s: {what or cond}")
        await asyncio.sleep(0.05)


def run(loop: asyncio.AbstractEventLoop, coro: Any, budget: float = 90.0) -> Any:
    """Drive one scenario coroutine on the qasync loop, with an overall time limit."""
    return loop.run_until_complete(asyncio.wait_for(coro, budget))


def buyer_writes(db_url: str, **fields: Any) -> dict[str, Any]:
    """A buyer message arrives at the relay (through its ingest code, on its database)."""
    from relay.simulate import DirectBuyerSide, message_body

    side = DirectBuyerSide(db_url)
    try:
        return side.message(message_body(seller="demo", **fields))
    finally:
        side.close()


def row_of_buyer(window: Any, name: str) -> int | None:
    """The thread list's row of the conversation with buyer ``name``, if loaded."""
    for i in range(window.model.rowCount()):
        row = window.model.thread_at(i)
        if row is not None and row.buyer_name == name:
            return i
    return None


async def go_live(session: Any, relay: Any) -> None:
    """Open the store and sync with ``relay`` (session-only token); wait for the first sync."""
    await session.open_store()
    session.account.start_live(relay.url, relay.token, session_only=True)
    await asyncio.wait_for(asyncio.shield(session.first_sync), 30)


async def open_buyer(window: Any, name: str, budget: float = 20.0) -> int:
    """Wait for buyer ``name``'s conversation, select it, wait until its reply draft is open."""
    await until(lambda: row_of_buyer(window, name) is not None, budget, f"{name} in the list")
    row = row_of_buyer(window, name)
    assert row is not None
    window.select_row(row)
    thread = window.model.thread_at(row)
    await until(
        lambda: (
            window.composer._draft is not None
            and window.composer._draft.conversation_id == thread.id
        ),
        budget,
        f"the reply draft of {name}",
    )
    return int(thread.id)


def on_screen(window: Any, session: Any) -> dict[str, int | None]:
    """Which conversation each part of the window is about (None: none).

    ``list`` is the selected row's; ``send`` is where the composer's Send would go."""
    rows = window.threads.selectionModel().selectedRows()
    selected = window.model.thread_at(rows[0].row()) if rows else None
    shown = window.conversation.shown
    details = window.details.details
    draft = window.composer.draft_conversation()
    return {
        "current": session.current_id,
        "list": selected.id if selected is not None else None,
        "conversation": shown.id if shown is not None else None,
        "details": details.conversation_id if details is not None else None,
        "draft": draft,
        "send": draft if window.composer.send_button.isEnabled() else None,
    }


def assert_one_conversation(window: Any, session: Any) -> None:
    """List selection, shown conversation, details, composer draft and send target are the
    same conversation. The list may hold no row for it (it left the filter: nothing is
    selected and the window says so); the draft may still be loading (none shown)."""
    seen = on_screen(window, session)
    if window.many:  # several selected: none open, no composer, the bulk pane instead
        assert window.centre_stack.currentWidget() is window.bulk, seen
        assert seen["current"] is None and seen["conversation"] is None, seen
        assert seen["details"] is None and seen["draft"] is None, seen
        assert seen["send"] is None and not window.composer.body.isEnabled(), seen
        assert not window.off_list.isVisible(), seen
        return
    assert window.centre_stack.currentWidget() is window.centre, seen
    current = seen["current"]
    in_list = current is not None and window.model.row_of(current) >= 0
    assert seen["list"] == (current if in_list else None), seen
    assert window.off_list.isVisible() == (current is not None and not in_list), seen
    assert seen["conversation"] == current, seen
    assert seen["details"] == current, seen
    assert seen["draft"] in (None, current), seen
    assert seen["send"] in (None, current), seen
