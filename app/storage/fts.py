"""Full-text search syntax.

The indexes themselves (FTS5 over message subjects/bodies with ``unicode61 remove_diacritics
2``, trigrams over order numbers) are created by the migrations and kept in step by triggers,
so every writer indexes in the same transaction as it writes.
"""

from __future__ import annotations

PREFIX_MIN = 2
"""A last word shorter than this is matched as a whole word, not as a prefix: "t*" expands to
every indexed term starting with t and takes ~0.3 s at 1M messages ("th*": ~0.07 s), and a
seller typing on gets the prefix results one key later."""


def fts_query(user_text: str) -> str | None:
    """Turn what the seller typed into a safe FTS5 query: every word must appear, the last
    one as a prefix (results as you type). Quoting neutralises FTS syntax in the input."""
    words = "".join(c if c.isalnum() else " " for c in user_text).split()
    if not words:
        return None
    last = f'"{words[-1]}"' + ("*" if len(words[-1]) >= PREFIX_MIN else "")
    return " ".join([f'"{w}"' for w in words[:-1]] + [last])


def like_pattern(user_text: str) -> str | None:
    """A LIKE pattern for substring search on order numbers, or None when the text cannot be
    part of one (order numbers are digits and dashes; the trigram index needs 3 characters)."""
    needle = user_text.strip()
    if len(needle) < 3 or not any(c.isdigit() for c in needle):
        return None
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
