"""Snoozed conversations leave the list and its count, and come back on time (threads.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.demodata.generator import generate
from app.domain import ConversationStatus
from app.storage import queries, schema, threads
from app.storage.queries import ThreadFilter
from app.storage.store import Store
from app.storage.timestamps import to_ms

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    store = Store.open(tmp_path)
    generate(store, 60, messages_per_conversation=3, seed=7, now=NOW)
    monkeypatch.setattr(threads, "now_ms", lambda: to_ms(NOW))
    try:
        yield store
    finally:
        store.close()


def _snooze(store: Store, ids: list[int], until: datetime | None, reason: str = "") -> None:
    c = schema.conversations.c
    with store.write() as conn:
        conn.execute(
            schema.conversations.update()
            .where(c.id.in_(ids))
            .values(snooze_kind="snooze", snoozed_at=NOW, snoozed_until=until, snooze_reason=reason)
        )


def _ids(store: Store, flt: ThreadFilter) -> list[int]:
    with store.read() as conn:
        return [r.id for r in queries.thread_page(conn, flt, None, limit=500)]


@pytest.mark.parametrize(
    "flt",
    [
        ThreadFilter(),
        ThreadFilter(status=ConversationStatus.NEEDS_RESPONSE),
        ThreadFilter(marketplace_id="amazon.se"),
        ThreadFilter(sort=queries.ThreadSort.DEADLINE),
    ],
)
def test_asleep_conversations_leave_the_list_and_the_count(inbox: Store, flt: ThreadFilter) -> None:
    everything = _ids(inbox, flt)
    asleep, woken = everything[:3], everything[3:5]
    _snooze(inbox, asleep[:2], NOW + timedelta(hours=2), "Ask the workshop")
    _snooze(inbox, asleep[2:], None)  # until the buyer replies
    _snooze(inbox, woken, NOW - timedelta(minutes=1), "Check tracking")
    shown = _ids(inbox, flt)
    assert shown == [i for i in everything if i not in asleep]
    with inbox.read() as conn:
        assert queries.count_threads(conn, flt) == len(shown)
        rows = {r.id: r for r in queries.thread_page(conn, flt, None, limit=500)}
        assert all(rows[i].woken(NOW) and rows[i].snooze_reason == "Check tracking" for i in woken)
        assert not any(r.woken(NOW) for i, r in rows.items() if i not in woken)
    snoozed = ThreadFilter(
        marketplace_id=flt.marketplace_id, status=flt.status, sort=flt.sort, snoozed=True
    )
    assert sorted(_ids(inbox, snoozed)) == sorted(asleep)
    with inbox.read() as conn:
        assert queries.count_threads(conn, snoozed) == len(asleep)


def test_the_inbox_count_reads_the_partial_index_for_what_sleeps(inbox: Store) -> None:
    with inbox.read() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM conversations c WHERE "
                "c.snooze_kind IS NOT NULL AND (c.snoozed_until IS NULL OR c.snoozed_until > ?)",
                (to_ms(NOW),),
            )
        )
    assert "ix_conv_snoozed" in plan
