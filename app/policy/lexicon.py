"""Hand-written lexicons and one multi-pattern matcher over all of them.

Entry syntax (folded before use, so case and diacritics do not matter):
- `promo code`      whole words on both sides;
- `rabatt*`         any continuation: rabatten, rabattkod, rabattkoden;
- `*gutschein*`     also inside a compound: Geschenkgutschein, Gutscheincode;
- `leave … review*` parts in order, at most `GAP` characters apart, in one sentence;
- `~reviews`        the Snowball stem of the (last) word and any ending: review, reviewed,
                    reviews (app.policy.stems; stemmed once, at pack load).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from app.policy.normalize import fold
from app.policy.stems import stem

GAP = 40  # max folded characters between the parts of a `…` entry
_GAP_SPLIT = re.compile(r"\s*(?:…|\.\.\.)\s*")


class LexiconError(ValueError):
    """A lexicon file is malformed (a data error, found at pack load time)."""


@dataclass(frozen=True, slots=True)
class Literal:
    text: str
    left_bound: bool  # must start at a word boundary
    right_bound: bool  # must end at a word boundary


@dataclass(frozen=True, slots=True)
class Entry:
    family: str
    language: str
    source: str  # as written in the lexicon, for messages
    parts: tuple[Literal, ...]


class Hit(NamedTuple):
    """A lexicon match in folded coordinates (a tuple: paragraphs make hundreds of them)."""

    family: str
    language: str
    term: str
    start: int
    end: int


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def parse_literal(raw: str, language: str = "") -> Literal:
    text = raw.strip()
    if text.startswith("~"):
        words = fold(text[1:]).split(" ")
        if not words[-1]:
            raise LexiconError(f"bad lexicon entry part: {raw!r}")
        words[-1] = stem(language, words[-1])
        text = " ".join(words) + "*"
    left = not text.startswith("*")
    right = not text.endswith("*")
    core = fold(text.strip("*"))
    if not core or "*" in core:
        raise LexiconError(f"bad lexicon entry part: {raw!r}")
    # A boundary only means something next to a word character ("% off" has none on the left).
    return Literal(core, left and _is_word(core[0]), right and _is_word(core[-1]))


def parse_entry(family: str, language: str, raw: str) -> Entry:
    parts = tuple(parse_literal(p, language) for p in _GAP_SPLIT.split(raw.strip()) if p)
    if not parts:
        raise LexiconError(f"empty lexicon entry in {language}/{family}")
    return Entry(family, language, raw.strip(), parts)


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    name: str
    families: Mapping[str, tuple[Entry, ...]]
    stopwords: frozenset[str]

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.families.values())


def load_lexicon(path: Path) -> Lexicon:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        language = str(raw["language"])
        families = {
            str(fam): tuple(parse_entry(str(fam), language, str(e)) for e in entries)
            for fam, entries in raw["families"].items()
        }
        stopwords = frozenset(fold(str(w)) for w in raw.get("stopwords", ()))
        return Lexicon(language, str(raw.get("name", language)), families, stopwords)
    except (OSError, KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"cannot load lexicon {path}: {exc}") from exc


# A word-char run: where a left-bound literal can start, and the key it is indexed under.
_WORD_RUN = re.compile(r"\w+")
WORD_CACHE_MAX = 50_000  # words remembered with their candidates (a 1 MB paste stays bounded)
# (literal text, length, right-bound, literal id, matched without reading on)
_Check = tuple[str, int, bool, int, bool]
# A word's (length, literal id) matches, literals to read on from it, and whether it may open
# a two-word literal.
_Candidates = tuple[tuple[tuple[int, int], ...], tuple[_Check, ...], bool]


class Matcher:
    """All entries of all loaded lexicons, indexed once per pack for word-at-a-time look-ups.

    A literal bound on the left starts at a word, so the text is read a word at a time: one
    look-up (cached per word) gives the literals that are that word (`promo`), one-word
    prefixes it starts with (`rabatt*`) and the few that must be read on from it; one more,
    of the word with the next one ("leave a", "don't"), gives the literals of two words and
    more. The few literals that may start anywhere (`*gutschein*`, `% off`) are found with
    `str.find`. Hits come out in the order a left-to-right scan reports them (by end, longer
    first), which the rules rely on for ties.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        literals: dict[Literal, int] = {}
        # For each literal: the (entry index, part index) pairs that use it.
        self._refs: list[list[tuple[int, int]]] = []
        for ei, entry in enumerate(self.entries):
            for pi, lit in enumerate(entry.parts):
                lid = literals.setdefault(lit, len(literals))
                if lid == len(self._refs):
                    self._refs.append([])
                self._refs[lid].append((ei, pi))
        self._literals: tuple[Literal, ...] = tuple(literals)
        # Per literal: the (family, language, source) of one-part entries it is, and the
        # (entry, part) of longer entries it is a part of.
        self._singles = [
            tuple(
                (e.family, e.language, e.source)
                for ei, _pi in ref
                if len((e := self.entries[ei]).parts) == 1
            )
            for ref in self._refs
        ]
        self._multis = [
            tuple((ei, pi) for ei, pi in ref if len(self.entries[ei].parts) > 1)
            for ref in self._refs
        ]
        whole: dict[str, list[int]] = {}  # a whole word
        prefix: dict[str, list[int]] = {}  # a word's beginning
        loose: dict[str, list[_Check]] = {}  # first word -> read on from it
        pairs: dict[str, list[_Check]] = {}  # first two words as written -> read on
        inner: dict[str, list[int]] = {}  # anywhere
        heads: set[str] = set()  # first words of `pairs`
        for lid, lit in enumerate(self._literals):
            text = lit.text
            runs = list(_WORD_RUN.finditer(text)) if lit.left_bound else []
            if not runs:
                inner.setdefault(text, []).append(lid)
            elif runs[0].end() == len(text):
                (whole if lit.right_bound else prefix).setdefault(text, []).append(lid)
            elif len(runs) > 1 and (lit.right_bound or runs[1].end() < len(text)):
                # the second word is whole in any match: it ends before a non-word character
                key = text[: runs[1].end()]
                heads.add(runs[0].group(0))
                exact = key == text
                pairs.setdefault(key, []).append((text, len(text), lit.right_bound, lid, exact))
            else:
                check = (text, len(text), lit.right_bound, lid, False)
                loose.setdefault(runs[0].group(0), []).append(check)
        self._whole = {k: tuple(v) for k, v in whole.items()}
        self._prefix = {k: tuple(v) for k, v in prefix.items()}
        self._prefix_lengths = tuple(sorted({len(k) for k in prefix}))
        self._loose = {k: tuple(v) for k, v in loose.items()}
        self._pairs = {k: tuple(v) for k, v in pairs.items()}
        self._pair_heads = frozenset(heads)
        self._inner = tuple((k, tuple(v)) for k, v in inner.items())
        # Where one may start (a match, then every one starting there is read with startswith).
        self._inner_re = re.compile("|".join(map(re.escape, inner)) or "(?!)")
        self._words: dict[str, _Candidates] = {}

    @property
    def literal_count(self) -> int:
        return len(self._literals)

    def _candidates(self, word: str) -> _Candidates:
        found = self._words.get(word)
        if found is None:
            plain = [(len(word), lid) for lid in self._whole.get(word, ())]
            for k in self._prefix_lengths:
                if k > len(word):
                    break
                plain.extend((k, lid) for lid in self._prefix.get(word[:k], ()))
            found = (tuple(plain), self._loose.get(word, ()), word in self._pair_heads)
            if len(self._words) >= WORD_CACHE_MAX:
                self._words.clear()
            self._words[word] = found
        return found

    def find(self, text: str, sentence_break: Iterable[int] = ()) -> list[Hit]:
        """All entry hits in folded `text`.

        `sentence_break` holds folded offsets where a sentence ends; the parts of a `…` entry
        must not straddle one.
        """
        entries, pairs = self.entries, self._pairs
        n = len(text)
        # (end, -length, literal id, start) of each literal occurrence within its bounds
        raw: list[tuple[int, int, int, int]] = []
        candidates, cache = self._candidates, self._words

        def read_on(checks: tuple[_Check, ...], start: int) -> None:
            for lit, size, right_bound, lid, exact in checks:
                end = start + size
                if exact or (
                    text.startswith(lit, start)
                    and not (right_bound and end < n and _is_word(text[end]))
                ):
                    raw.append((end, -size, lid, start))

        head = -1  # start of the previous word when it may open a pair
        for m in _WORD_RUN.finditer(text):
            start = m.start()
            if head >= 0:
                checks = pairs.get(text[head : m.end()])
                if checks:
                    read_on(checks, head)
            word = m.group(0)
            found_for = cache.get(word)
            if found_for is None:
                found_for = candidates(word)
            plain, loose, opens_pair = found_for
            for size, lid in plain:
                raw.append((start + size, -size, lid, start))
            if loose:
                read_on(loose, start)
            head = start if opens_pair else -1
        found = self._inner_re.search(text)
        while found is not None:
            at = found.start()
            for needle, lids in self._inner:
                if text.startswith(needle, at):
                    end = at + len(needle)
                    cut = end < n and _is_word(text[end])
                    for lid in lids:
                        if not (cut and self._literals[lid].right_bound):
                            raw.append((end, -len(needle), lid, at))
            found = self._inner_re.search(text, at + 1)
        raw.sort()
        hits: list[Hit] = []
        singles, multis = self._singles, self._multis
        # entry -> (part, start, end) of its parts found, for entries of several parts
        partial: dict[int, list[tuple[int, int, int]]] = {}
        for end, _size, lid, start in raw:
            for family, language, source in singles[lid]:
                hits.append(Hit(family, language, source, start, end))
            for ei, pi in multis[lid]:
                got = partial.get(ei)
                if got is None:
                    partial[ei] = got = []
                got.append((pi, start, end))
        if partial:
            breaks = sorted(set(sentence_break))
            for ei, got in partial.items():
                entry = entries[ei]
                if len(got) < len(entry.parts):
                    continue  # most entries are met only in part: "leave" without "… review"
                slots: list[list[tuple[int, int]]] = [[] for _ in entry.parts]
                for pi, start, end in got:
                    slots[pi].append((start, end))
                if all(slots):
                    hits.extend(_chain(entry, slots, breaks))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _chain(entry: Entry, slots: list[list[tuple[int, int]]], breaks: list[int]) -> list[Hit]:
    found: list[Hit] = []
    for start, end in slots[0]:
        cur_end = end
        ok = True
        for later in slots[1:]:
            nxt = [(s, e) for s, e in later if cur_end <= s <= cur_end + GAP]
            if not nxt:
                ok = False
                break
            s, e = nxt[0]
            # A sentence break strictly between the parts cuts the chain.
            k = bisect_left(breaks, cur_end)
            if k < len(breaks) and breaks[k] < s:
                ok = False
                break
            cur_end = e
        if ok:
            found.append(Hit(entry.family, entry.language, entry.source, start, cur_end))
    return found
