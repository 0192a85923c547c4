"""Fold text for matching while keeping a map back to the original offsets.

Folding: NFKD + casefold, combining marks dropped ("Réduction" -> "reduction", fullwidth
letters -> ASCII), typographic apostrophes and dashes unified, zero-width characters removed
(they are a classic way to dodge filters), and whitespace runs collapsed to one space so a
phrase still matches across a line break.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_APOSTROPHES = frozenset("\u2018\u2019\u02bc\u00b4`")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2212")


def fold_char(ch: str) -> str:
    """The folded form of one character: may be empty or several characters."""
    if ch in _INVISIBLE:
        return ""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    # A second casefold: NFKD can produce upper-case letters (e.g. from ligatures).
    return folded.casefold()


class _FoldTable(dict[str, str]):
    def __missing__(self, ch: str) -> str:
        folded = fold_char(ch)
        self[ch] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Folded text without the offset map (for lexicon entries)."""
    return " ".join("".join(_TABLE[c] for c in text).split())


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    # origin[i] is the offset in the original text of folded character i;
    # origin[len(text)] is the original length (end sentinel).
    origin: tuple[int, ...] | None  # None: identity map

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span for a folded span [start, end)."""
        if self.origin is None:
            return start, end
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


class _OrdTable(dict[int, str]):
    """`_TABLE` by code point, for `str.translate`; remembers which characters do not fold to
    exactly one character (those need the offset map)."""

    def __missing__(self, code: int) -> str:
        folded = _TABLE[chr(code)]
        if len(folded) != 1:
            _UNEVEN.add(chr(code))
        self[code] = folded
        return folded


_UNEVEN: set[str] = set()
_ORD_TABLE = _OrdTable()


def fold_with_map(text: str) -> Folded:
    # Most paragraphs fold character for character with single spaces: one C-level pass.
    folded = text.translate(_ORD_TABLE)
    if "  " not in folded and _UNEVEN.isdisjoint(text):
        return Folded(folded, None)
    parts = [_TABLE[c] for c in text]
    out: list[str] = []
    origin: list[int] = []
    identity = True
    prev_space = False
    for i, part in enumerate(parts):
        if part == " ":
            if prev_space:
                identity = False
                continue
            prev_space = True
        elif len(part) != 1:
            identity = False
            if not part:
                continue
            prev_space = part[-1] == " "
            for c in part:
                out.append(c)
                origin.append(i)
            continue
        else:
            prev_space = False
        out.append(part)
        origin.append(i)
    folded = "".join(out)
    if identity:
        return Folded(folded, None)
    origin.append(len(text))
    return Folded(folded, tuple(origin))
