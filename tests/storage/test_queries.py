"""The read paths: keyset pages, filters, deadline order, messages, search."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import Buyer, ConversationStatus, Marketplace, Order
from app.storage import queries, threads, writes
from app.storage.queries import ThreadFilter, ThreadSort
from app.storage.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # as in conftest's generated profile

FILTERS = [
    ThreadFilter(),
    ThreadFilter(status=ConversationStatus.NEEDS_RESPONSE),
    ThreadFilter(status=ConversationStatus.WAITING_ON_BUYER),
    ThreadFilter(marketplace_id="amazon.se"),
    ThreadFilter(marketplace_id="amazon.de", status=ConversationStatus.NEEDS_RESPONSE),
    ThreadFilter(flagged_only=True),
    ThreadFilter(sort=ThreadSort.DEADLINE),
    ThreadFilter(sort=ThreadSort.DEADLINE, status=ConversationStatus.NEEDS_RESPONSE),
    ThreadFilter(sort=ThreadSort.DEADLINE, marketplace_id="amazon.es"),
]


def all_pages(store: Store, flt: ThreadFilter, size: int) -> list[queries.ThreadRow]:
    out: list[queries.ThreadRow] = []
    after = None
    with store.read() as conn:
        for _ in range(10_000):
            page = queries.thread_page(conn, flt, after, limit=size)
            if not page:
                return out
            assert len(page) <= size
            out.extend(page)
            after = page[-1].key(flt.sort)
    raise AssertionError("paging did not end")


def expected_order(rows: list[queries.ThreadRow], flt: ThreadFilter) -> list[int]:
    def activity(r: queries.ThreadRow) -> tuple[float, int]:
        return (-r.last_activity.timestamp(), -r.id)

    if flt.sort is ThreadSort.DEADLINE:
        owed = sorted((r for r in rows if r.needs_response), key=lambda r: (r.awaiting_since, r.id))
        rest = sorted((r for r in rows if not r.needs_response), key=activity)
        if flt.status is ConversationStatus.NEEDS_RESPONSE:
            rest = []
        return [r.id for r in owed + rest]
    return [r.id for r in sorted(rows, key=activity)]


def matches(row: queries.ThreadRow, flt: ThreadFilter) -> bool:
    if flt.marketplace_id and row.marketplace_id != flt.marketplace_id:
        return False
    if flt.status is ConversationStatus.NEEDS_RESPONSE and not row.needs_response:
        return False
    if flt.status is ConversationStatus.WAITING_ON_BUYER and row.needs_response:
        return False
    return not (flt.flagged_only and not row.flagged)


@pytest.fixture(scope="module")
def everything(filled: Store) -> list[queries.ThreadRow]:
    with filled.read() as conn:
        return queries.thread_page(conn, ThreadFilter(), None, limit=1_000_000)


@pytest.mark.parametrize(
    "flt",
    FILTERS,
    ids=lambda f: f"{f.marketplace_id}-{f.status}-{f.sort}{'-flagged' if f.flagged_only else ''}",
)
def test_keyset_pages_list_every_matching_thread_once_in_order(
    filled: Store, everything: list[queries.ThreadRow], flt: ThreadFilter
) -> None:
    got = [r.id for r in all_pages(filled, flt, 50)]
    want = expected_order([r for r in everything if matches(r, flt)], flt)
    assert len(want) > 0
    assert got == want
    with filled.read() as conn:
        if flt.sort is ThreadSort.ACTIVITY:
            assert queries.count_threads(conn, flt) == len(want)


@pytest.mark.parametrize("flt", FILTERS[:6] + FILTERS[-1:])
def test_the_plain_sqlite_reader_gives_the_same_rows_as_sqlalchemy(
    filled: Store, flt: ThreadFilter
) -> None:
    # The window reads the thread list through read_sql (no SQLAlchemy); services and
    # tests through read(). Same SQL, so the same rows, field for field.
    with filled.read_sql() as db:
        after, plain = None, []
        for _ in range(100):
            page = threads.page(db.execute, flt, after, limit=97)
            if not page:
                break
            plain += page
            after = page[-1].key(flt.sort)
        plain_count = threads.count(db.execute, flt)
        plain_search = threads.search(db.execute, "paket", marketplace_id=flt.marketplace_id)
    via_engine = all_pages(filled, flt, 97)
    with filled.read() as conn:
        count = queries.count_threads(conn, flt)
        found = queries.search_threads(conn, "paket", marketplace_id=flt.marketplace_id)
    assert plain == via_engine and len(plain) > 0
    assert plain_count == count
    assert plain_search == found and found.rows


def test_opening_a_profile_and_reading_the_first_page_needs_no_sqlalchemy(filled: Store) -> None:
    # The window's launch path: SQLAlchemy (~0.4 s of imports) must stay off it.
    code = (
        "import sys; from pathlib import Path; from app.storage.store import Store; "
        "from app.storage import threads; from app.storage.rows import ThreadFilter; "
        f"s = Store.open(Path({str(filled.profile.root)!r}), take_lock=False); "
        "db = s.read_sql().__enter__(); "
        "print(len(threads.page(db.execute, ThreadFilter())), threads.count(db.execute, "
        "ThreadFilter()), sorted(m for m in sys.modules if m.startswith('sqlalchemy')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["50", "1500", "[]"]


@settings(max_examples=15, deadline=None)
@given(size=st.integers(min_value=1, max_value=400), which=st.sampled_from(FILTERS))
def test_any_page_size_gives_the_same_sequence(
    filled: Store, everything: list[queries.ThreadRow], size: int, which: ThreadFilter
) -> None:
    got = [r.id for r in all_pages(filled, which, size)]
    assert got == expected_order([r for r in everything if matches(r, which)], which)


def test_status_filter_uses_the_24_hour_clock(everything: list[queries.ThreadRow]) -> None:
    owed = [r for r in everything if r.needs_response]
    assert 0 < len(owed) < len(everything)
    assert any(NOW - r.awaiting_since > timedelta(hours=24) for r in owed if r.awaiting_since)
    assert any(NOW - r.awaiting_since < timedelta(hours=24) for r in owed if r.awaiting_since)


def test_a_conversation_opens_with_its_messages_in_order(filled: Store) -> None:
    with filled.read() as conn:
        row = queries.thread_page(conn, ThreadFilter(), limit=1)[0]
        messages = queries.conversation_messages(conn, row.id)
    assert len(messages) == row.message_count
    stamps = [m.received_at for m in messages]
    assert stamps == sorted(stamps)
    assert messages[-1].received_at == row.last_activity


SEARCH_TEXTS = {
    "es": (
        "amazon.es",
        "Feliz año",
        "¿Llegará antes de año nuevo? Gracias",
        "405-1112223-3334445",
    ),
    "sv": ("amazon.se", "Leverans", "När får jag paketet?", "302-9876543-1234567"),
    "de": ("amazon.de", "Frage", "Ist die Tasse spülmaschinenfest?", "028-5550001-7778889"),
}


def seed_search(
    store: Store, texts: dict[str, tuple[str, str, str, str]] = SEARCH_TEXTS
) -> dict[str, int]:
    with store.write() as conn:
        for mid in ("amazon.es", "amazon.se", "amazon.de"):
            writes.upsert_marketplace(conn, Marketplace(mid, mid, mid[-2:].upper()))
        ids = {}
        for n, (key, (mid, subject, body, number)) in enumerate(texts.items()):
            buyer = writes.upsert_buyer(conn, Buyer(f"{key}@m.example", key, key))
            order = writes.upsert_order(conn, Order(number, mid), buyer)
            cid = writes.insert_conversation(
                conn,
                marketplace_id=mid,
                buyer_id=buyer,
                subject=subject,
                started_at=NOW,
                order_id=order,
            )
            writes.insert_messages(
                conn,
                [
                    {
                        "conversation_id": cid,
                        "direction": "in",
                        "subject": subject,
                        "body_text": body,
                        "received_at": NOW - timedelta(hours=n),
                    }
                ],
            )
            writes.refresh_threads(conn, [cid])
            ids[key] = cid
    return ids


@pytest.mark.parametrize(
    ("typed", "expect"),
    [
        ("ano", {"es"}),  # año, typed without the tilde
        ("AÑO", {"es"}),
        ("far", {"sv"}),  # får
        ("spulmaschinenfest", {"de"}),
        ("spülm", {"de"}),  # prefix while typing
        ("sp", {"de"}),  # two letters: still a prefix
        ("s", set()),  # one letter: a whole word only ("s*" would expand to every s-word)
        ("die t", set()),
        ("die ta", {"de"}),
        ("9876", {"sv"}),  # order-number substring (trigram)
        ("5550001-777", {"de"}),
        ("98%76", set()),  # neither LIKE nor FTS syntax in an order-number search
        ('98"76', set()),
        ("zebra", set()),
        ('"; DROP TABLE messages; --', set()),  # FTS syntax is neutralised
        ("", set()),
    ],
)
def test_search_folds_diacritics_and_finds_order_numbers(
    store: Store, typed: str, expect: set[str]
) -> None:
    ids = seed_search(store)
    with store.read() as conn:
        found = {r.id for r in queries.search_threads(conn, typed).rows}
    assert found == {ids[k] for k in expect}


def brute_search(store: Store, like: str, marketplace_id: str | None = None) -> list[int]:
    """Every conversation with a message containing ``like`` (any case), by its newest such
    message, newest first: what search must give, computed without the index."""
    sql = (
        "SELECT m.conversation_id, m.received_at, m.id "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE (lower(m.body_text) LIKE ? OR lower(m.subject) LIKE ?) AND "
        "(? IS NULL OR c.marketplace_id = ?)"
    )
    newest: dict[int, tuple[int, int]] = {}
    with store.read() as conn:
        for cid, at, mid in conn.exec_driver_sql(sql, (like, like, marketplace_id, marketplace_id)):
            newest[cid] = max(newest.get(cid, (at, mid)), (at, mid))
    return sorted(newest, key=lambda cid: newest[cid], reverse=True)


def search_pages(
    store: Store, typed: str, size: int, marketplace_id: str | None = None
) -> list[int]:
    out: list[int] = []
    after = None
    with store.read() as conn:
        for _ in range(10_000):
            found = queries.search_threads(conn, typed, size, marketplace_id, after)
            assert len(found.rows) <= size
            out += [r.id for r in found.rows]
            if found.more is None:
                return out
            after = found.more
    raise AssertionError("paging did not end")


def test_search_results_are_the_newest_matching_conversations(filled: Store) -> None:
    # Any inflection starting so (paket, paketet, Pakete…): the generator's words begin so.
    brute = brute_search(filled, "%paket%")
    with filled.read() as conn:
        found = queries.search_threads(conn, "paket")
    assert len(found.rows) == 50 and len(brute) > 50
    assert [r.id for r in found.rows] == brute[:50]
    assert found.more is not None


@pytest.mark.parametrize("marketplace_id", [None, "amazon.se", "amazon.de", "nowhere.example"])
def test_search_pages_reach_every_match_once_in_order(
    filled: Store, marketplace_id: str | None
) -> None:
    # No cap: a common word pages through every matching conversation, none twice.
    brute = brute_search(filled, "%paket%", marketplace_id)
    assert search_pages(filled, "paket", 37, marketplace_id) == brute
    with filled.read() as conn:
        assert queries.count_search(conn, "paket", marketplace_id) == len(brute)


def test_a_long_prefix_is_expanded_into_its_terms(filled: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # "paket" is longer than the indexed prefixes: searched as the terms it begins, or, with
    # too many of them, by FTS5's own prefix merge; the same conversations either way.
    from app.storage import fts

    with filled.read_sql() as db:
        expanded = fts.fts_query("paket", db.execute)
        assert expanded is not None and expanded.startswith("(") and " OR " in expanded
        assert fts.fts_query("zzzzzz", db.execute) == ""  # no term begins so: nothing
        # Three letters walk the index's own prefix doclist; two letters (no prefix doclist
        # since schema 0006) walk the 3-letter ones they begin, listing no term.
        assert fts.fts_query("pak", db.execute) == '"pak"*'
        two = fts.fts_query("pa", db.execute)
        assert two is not None and two.startswith('("pa" OR "pa0"* OR ')
        assert '"paz"*)' in two and '"paket"' not in two
    brute = brute_search(filled, "%paket%")
    assert search_pages(filled, "paket", 50) == brute
    monkeypatch.setattr(fts, "EXPAND_MAX", 1)
    with filled.read_sql() as db:
        assert fts.fts_query("paket", db.execute) == '"paket"*'
    assert search_pages(filled, "paket", 50) == brute


@pytest.mark.parametrize(
    ("typed", "expect"),
    [
        ("fu", {"fußball", "fu9", "fu", "funda"}),  # ß and 9 after the two letters too
        ("FU", {"fußball", "fu9", "fu", "funda"}),
        ("fuß", {"fußball"}),
        ("sø", {"søndag"}),  # every term has an ø: none is an indexed 3-letter prefix of a-z
        ("so", set()),  # ø is a letter of its own, not an o with a diacritic
        ("пр", {"привет"}),
        ("th", {"the"}),  # thé: the diacritic folded
    ],
)
def test_two_letters_find_every_word_they_begin(store: Store, typed: str, expect: set[str]) -> None:
    texts = {
        "fußball": ("amazon.de", "Frage", "Ein Fußball in den Garten", "028-1000001-0000001"),
        "fu9": ("amazon.de", "Gutschein", "Der Code FU9X geht nicht", "028-1000002-0000002"),
        "fu": ("amazon.se", "Fråga", "fu", "302-1000003-0000003"),
        "funda": ("amazon.es", "Hola", "Qué funda tan bonita", "405-1000004-0000004"),
        "søndag": ("amazon.se", "Levering", "Kommer den på søndag?", "302-1000005-0000005"),
        "привет": ("amazon.de", "Hallo", "привет мир", "028-1000006-0000006"),
        "the": ("amazon.es", "Pedido", "Un thé verde", "405-1000007-0000007"),
    }
    ids = seed_search(store, texts)
    with store.read() as conn:
        found = {r.id for r in queries.search_threads(conn, typed).rows}
        assert queries.count_search(conn, typed) == len(expect)
    assert found == {ids[k] for k in expect}


def test_search_pages_merge_order_numbers_and_words(store: Store) -> None:
    ids = seed_search(store)
    # "9876" is sv's order number; no message says it. Words and order numbers in one list.
    with store.write() as conn:
        writes.insert_messages(
            conn,
            [
                {
                    "conversation_id": ids["es"],
                    "direction": "in",
                    "subject": "Re",
                    "body_text": "pedido 9876 llegó",
                    "received_at": NOW - timedelta(hours=5),
                }
            ],
        )
        writes.refresh_threads(conn, [ids["es"]])
    assert search_pages(store, "9876", 1) == [ids["sv"], ids["es"]]
    with store.read() as conn:
        assert queries.count_search(conn, "9876") == 2


def test_words_are_split_where_the_index_splits_them(store: Store) -> None:
    # The index keeps no positions, so a query never holds a phrase: "hello-world" and
    # "x\u0301y" (a combining accent) are searched as the index's own tokens.
    ids = seed_search(store)
    with store.write() as conn:
        writes.insert_messages(
            conn,
            [
                {
                    "conversation_id": ids["de"],
                    "direction": "in",
                    "subject": "Re",
                    "body_text": "hello-world xy",
                    "received_at": NOW,
                }
            ],
        )
    with store.read() as conn:
        for typed in ("hello-world", "world hello", "x\u0301y", "HELLO.WOR"):
            assert [r.id for r in queries.search_threads(conn, typed).rows] == [ids["de"]]


def test_editing_and_deleting_messages_keeps_the_index_in_step(store: Store) -> None:
    ids = seed_search(store)
    with store.write() as conn:
        conn.exec_driver_sql(
            "UPDATE messages SET body_text = 'ganz neu', received_at = received_at - 86400000 "
            "WHERE conversation_id = ?",
            (ids["de"],),
        )
        conn.exec_driver_sql("DELETE FROM messages WHERE conversation_id = ?", (ids["sv"],))
    with store.read() as conn:
        assert not queries.search_threads(conn, "spülmaschinenfest").rows
        assert [r.id for r in queries.search_threads(conn, "ganz neu").rows] == [ids["de"]]
        assert not queries.search_threads(conn, "paketet").rows
        conn.exec_driver_sql("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")


def test_closing_the_store_interrupts_a_plain_read_in_flight(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    import threading

    store = Store.open(tmp_path / "p")
    started, outcome = threading.Event(), []

    def long_read() -> None:  # a search still running when the window closes
        try:
            with store.read_sql() as db:
                started.set()
                db.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 1000000000) SELECT count(*) FROM n"
                ).fetchall()
            outcome.append("finished")
        except sqlite3.OperationalError as exc:
            outcome.append(str(exc))

    worker = threading.Thread(target=long_read)
    worker.start()
    assert started.wait(10)
    store.close()  # returns once the read has let go of its connection
    worker.join(10)
    assert outcome == ["interrupted"]
