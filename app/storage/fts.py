"""Full-text search: the index's keys and turning what the seller typed into an FTS5 query.

The indexes themselves (FTS5 over message subjects/bodies with ``unicode61 remove_diacritics
2``, trigrams over order numbers) are created by the migrations and kept in step by triggers,
so every writer indexes in the same transaction as it writes.

Since schema 0002 a message's FTS rowid is its *search key*: the time bucket it was received
in (``received_at >> BUCKET_BITS``) above its message id (the low ``ID_BITS``). FTS5 walks a
word's matches by rowid, so walking them in descending order meets the newest messages first,
and a search can stop once it has a page of conversations instead of ranking every match.
Within a bucket (about 19 hours) the order is by id, so the walk reads whole buckets and
orders each one by time (``threads.search``); smaller buckets make the index bigger, because
a posting stores the difference to the previous key. The index keeps no positions
(``detail=none``) and no copy of the text (``content=''``): a query is words and a last
prefix, never a phrase.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

ID_BITS = 30
ID_MASK = (1 << ID_BITS) - 1  # the largest message id the search key can hold
BUCKET_BITS = 26  # a bucket is 2**26 ms, about 19 hours


def search_key(received_ms: int, message_id: int) -> int:
    """The FTS rowid of a message (the migrations' triggers compute the same in SQL)."""
    return ((received_ms >> BUCKET_BITS) << ID_BITS) | message_id


def message_id(key: int) -> int:
    return key & ID_MASK


def bucket(key: int) -> int:
    return key >> ID_BITS


PREFIX_MIN = 2
"""A last word shorter than this is matched as a whole word, not as a prefix: "t*" expands to
every indexed term starting with t, and a seller typing on gets the prefix results one key
later."""

PREFIX_INDEXED = 3
"""The index keeps prefix doclists of 3 characters (``prefix='3'``), which FTS5 walks
lazily. Any other prefix has no doclist of its own and FTS5 would merge every matching term's
doclist before returning a single row; it is expanded into its terms instead
(``messages_fts_terms``) and searched as an OR of whole words, which FTS5 walks lazily; two
letters are searched as the 3-letter prefixes they begin (``NEXT_CHARS``). Until schema 0006
the index kept 2-character prefixes too: ~15% of a fresh store's size and ~10% of its write
rate."""

EXPAND_MAX = 200
"""More terms than this under one long prefix: let FTS5 merge them (rare: a long prefix)."""

NEXT_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"
"""What follows the first two letters of nearly every indexed term (case and most diacritics
folded): a last word one letter short of the indexed prefixes is searched as the indexed
prefixes it begins ("th" as "th" OR "th0"* … OR "thz"*), walked lazily like any 3-letter
prefix. Listing its terms instead (``expand``) reads every doclist under it: for "th" that is
"the", most of a million-message store's postings, 10-40 ms of a key typed."""

Run = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]


class _Tokenizer:
    """The index's own tokenizer on a private in-memory table: a query is made of exactly the
    tokens the index holds (case and diacritics folded, split where the index splits), so no
    word can turn into a phrase, which an index without positions cannot answer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def tokens(self, text: str) -> list[str]:
        with self._lock:
            if self._db is None:
                self._db = sqlite3.connect(":memory:", check_same_thread=False)
                self._db.execute(
                    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
                )
                self._db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
            db = self._db
            db.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (text,))
            try:
                return [term for (term,) in db.execute("SELECT term FROM v ORDER BY offset")]
            finally:
                db.execute("DELETE FROM t")


_tokenizer = _Tokenizer()


def tokens(user_text: str) -> list[str]:
    return _tokenizer.tokens(user_text)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(user_text: str, run: Run | None = None) -> str | None:
    """Turn what the seller typed into a safe FTS5 query: every word must appear, the last
    one as a prefix (results as you type). Quoting neutralises FTS syntax in the input.

    With ``run`` (a reader of the store), a last word of another length than the indexed
    prefixes is expanded into the terms it begins; an empty string means no term does
    (nothing matches).
    """
    words = tokens(user_text)
    if not words:
        return None
    *whole, last = words
    parts = [_quoted(w) for w in whole]
    if len(last) < PREFIX_MIN:
        parts.append(_quoted(last))
    elif len(last) == PREFIX_INDEXED or run is None:
        parts.append(_quoted(last) + "*")
    elif len(last) == PREFIX_INDEXED - 1:
        parts.append(_one_short(run, last))
    else:
        terms = expand(run, last)
        if terms is None:
            parts.append(_quoted(last) + "*")  # too many to list: left to FTS5's merge
        elif not terms:
            return ""
        else:
            parts.append("(" + " OR ".join(_quoted(t) for t in terms) + ")")
    return " AND ".join(parts)


def _one_short(run: Run, prefix: str) -> str:
    """``prefix`` (one letter short of the indexed prefixes) as an OR of the word itself, the
    indexed prefixes ``prefix`` + a ``NEXT_CHARS`` character, and the terms whose next
    character is another one (ø, ß, another script: usually none; listed, which reads only
    their doclists; more than ``EXPAND_MAX`` of them are left out, as whole words)."""
    parts = [_quoted(prefix)] + [_quoted(prefix + c) + "*" for c in NEXT_CHARS]
    top = "\U0010ffff"  # above every character: prefix + c + top is above every prefix+c term
    for low, high in (
        (prefix, prefix + NEXT_CHARS[0]),  # above the word itself, below its first digit
        (prefix + "9" + top, prefix + "a"),
        (prefix + "z" + top, prefix + top),
    ):
        rows = run(
            "SELECT term FROM messages_fts_terms WHERE term > ? AND term < ? LIMIT ?",
            (low, high, EXPAND_MAX + 1),
        )
        others = [term for (term,) in rows]
        if len(others) <= EXPAND_MAX:
            parts += [_quoted(term) for term in others]
    return "(" + " OR ".join(parts) + ")"


def expand(run: Run, prefix: str) -> list[str] | None:
    """The indexed terms that begin with ``prefix`` (None: too many to list)."""
    # Terms sort by their UTF-8 bytes; every term with the prefix is below prefix + U+10FFFF.
    rows = run(
        "SELECT term FROM messages_fts_terms WHERE term >= ? AND term < ? LIMIT ?",
        (prefix, prefix + "\U0010ffff", EXPAND_MAX + 1),
    )
    terms = [term for (term,) in rows]
    return None if len(terms) > EXPAND_MAX else terms


def order_number_query(user_text: str) -> str | None:
    """A trigram MATCH for substring search on order numbers, or None when the text cannot be
    part of one (order numbers are digits and dashes; a trigram needs 3 characters). MATCH,
    not LIKE: SQLite hands FTS5 no LIKE with an ESCAPE clause, which then reads every order."""
    needle = user_text.strip()
    if len(needle) < 3 or not any(c.isdigit() for c in needle):
        return None
    return _quoted(needle)
