"""Hand-written lexicons and one multi-pattern matcher (Aho-Corasick) over all of them.

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
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon match in folded coordinates."""

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


@dataclass(slots=True)
class _Automaton:
    goto: list[dict[str, int]] = field(default_factory=lambda: [{}])
    fail: list[int] = field(default_factory=lambda: [0])
    out: list[tuple[int, ...]] = field(default_factory=lambda: [()])


class Matcher:
    """All entries of all loaded lexicons in one Aho-Corasick automaton (built once per pack)."""

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
        self._ac = self._build(self._literals)

    @property
    def literal_count(self) -> int:
        return len(self._literals)

    @staticmethod
    def _build(literals: tuple[Literal, ...]) -> _Automaton:
        ac = _Automaton()
        outs: list[list[int]] = [[]]
        for lid, lit in enumerate(literals):
            node = 0
            for ch in lit.text:
                nxt = ac.goto[node].get(ch)
                if nxt is None:
                    nxt = len(ac.goto)
                    ac.goto[node][ch] = nxt
                    ac.goto.append({})
                    ac.fail.append(0)
                    outs.append([])
                node = nxt
            outs[node].append(lid)
        queue: deque[int] = deque(ac.goto[0].values())
        while queue:
            node = queue.popleft()
            for ch, nxt in ac.goto[node].items():
                queue.append(nxt)
                f = ac.fail[node]
                while f and ch not in ac.goto[f]:
                    f = ac.fail[f]
                cand = ac.goto[f].get(ch, 0)
                ac.fail[nxt] = cand if cand != nxt else 0
                outs[nxt].extend(outs[ac.fail[nxt]])
        ac.out = [tuple(o) for o in outs]
        return ac

    def find(self, text: str, sentence_break: Iterable[int] = ()) -> list[Hit]:
        """All entry hits in folded `text`.

        `sentence_break` holds folded offsets where a sentence ends; the parts of a `…` entry
        must not straddle one.
        """
        goto, fail, out = self._ac.goto, self._ac.fail, self._ac.out
        literals, refs, entries = self._literals, self._refs, self.entries
        n = len(text)
        hits: list[Hit] = []
        partial: dict[int, list[list[tuple[int, int]]]] = {}
        node = 0
        for i, ch in enumerate(text):
            while node and ch not in goto[node]:
                node = fail[node]
            node = goto[node].get(ch, 0)
            if not out[node]:
                continue
            end = i + 1
            for lid in out[node]:
                lit = literals[lid]
                start = end - len(lit.text)
                if lit.left_bound and start > 0 and _is_word(text[start - 1]):
                    continue
                if lit.right_bound and end < n and _is_word(text[end]):
                    continue
                for ei, pi in refs[lid]:
                    entry = entries[ei]
                    if len(entry.parts) == 1:
                        hits.append(Hit(entry.family, entry.language, entry.source, start, end))
                    else:
                        slots = partial.setdefault(ei, [[] for _ in entry.parts])
                        slots[pi].append((start, end))
        if partial:
            breaks = sorted(set(sentence_break))
            for ei, slots in partial.items():
                hits.extend(_chain(entries[ei], slots, breaks))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _chain(entry: Entry, slots: list[list[tuple[int, int]]], breaks: list[int]) -> list[Hit]:
    from bisect import bisect_left

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
