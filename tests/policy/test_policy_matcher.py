"""The lexicon matcher against a brute-force reading of the entry syntax (app.policy.lexicon):
every occurrence of every literal within its word bounds, the parts of `…` entries chained."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.policy import load_pack
from app.policy.lexicon import Hit, Matcher, _chain, _is_word, parse_entry
from app.policy.normalize import fold
from app.policy.rules.lexical import sentence_breaks

CORPUS = Path(__file__).parent / "corpus"

# One entry of each shape the matcher indexes differently: a whole word, a one-word prefix, a
# prefix inside compounds, a literal opening on punctuation, words joined by punctuation,
# several words (bound and open at the end), a stem, parts in order, and words sharing starts.
ENTRIES = [
    ("marketing", "en", "promo code"),
    ("marketing", "sv", "rabatt*"),
    ("marketing", "de", "*gutschein*"),
    ("marketing", "en", "% off"),
    ("negation", "en", "don't"),
    ("negation", "en", "*n't"),
    ("review_request", "en", "leave … review*"),
    ("review_mention", "en", "~reviews"),
    ("review_mention", "en", "5-star"),
    ("contact_verb", "en", "e-mail*"),
    ("thanks", "en", "we will send you"),
    ("thanks", "en", "we will sen*"),
    ("news", "en", "rev"),
    ("news", "en", "review"),
    ("news", "en", "promo"),
    ("news", "en", "promo*"),
]
FRAGMENTS = [
    "promo",
    " code",
    "codes",
    "rabatt",
    "en",
    "geschenk",
    "gutschein",
    "gutscheine",
    "%",
    " off",
    "don",
    "'",
    "t",
    "n't",
    "leave",
    " a ",
    "review",
    "reviews",
    "rev",
    "5",
    "-",
    "star",
    "e",
    "mail",
    "we will send you",
    "we will sending",
    " ",
    ". ",
    "x",
    "_",
    "é",
]


def reference_hits(matcher: Matcher, text: str, breaks: list[int]) -> Counter[Hit]:
    found: Counter[Hit] = Counter()
    n = len(text)
    for entry in matcher.entries:
        slots: list[list[tuple[int, int]]] = []
        for lit in entry.parts:
            spans = []
            at = text.find(lit.text)
            while at >= 0:
                end = at + len(lit.text)
                left_ok = not (lit.left_bound and at > 0 and _is_word(text[at - 1]))
                right_ok = not (lit.right_bound and end < n and _is_word(text[end]))
                if left_ok and right_ok:
                    spans.append((at, end))
                at = text.find(lit.text, at + 1)
            slots.append(spans)
        if len(entry.parts) == 1:
            found.update(Hit(entry.family, entry.language, entry.source, s, e) for s, e in slots[0])
        elif all(slots):
            found.update(_chain(entry, slots, sorted(set(breaks))))
    return found


def assert_same(matcher: Matcher, text: str) -> None:
    breaks = sentence_breaks(text)
    hits = matcher.find(text, breaks)
    assert Counter(hits) == reference_hits(matcher, text, breaks), text
    assert hits == sorted(hits, key=lambda h: (h.start, -h.end))


SMALL = Matcher(parse_entry(fam, lang, raw) for fam, lang, raw in ENTRIES)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_every_entry_shape_matches_as_written(parts: list[str]) -> None:
    assert_same(SMALL, fold("".join(parts)))


def test_the_shapes_are_found() -> None:
    text = fold("Leave us a review: promo code GESCHENKGUTSCHEIN, 20 % off, don't e-mails.")
    families = Counter(h.family for h in SMALL.find(text, sentence_breaks(text)))
    assert families == Counter(
        {"marketing": 3, "news": 3, "negation": 2, "review_request": 1, "review_mention": 1}
        | {"contact_verb": 1}
    )


def test_the_six_lexicons_match_corpus_cases_as_written() -> None:
    matcher = load_pack("amazon.se").matcher
    for path in sorted(CORPUS.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()[::25]
        for line in lines:
            assert_same(matcher, fold(json.loads(line)["text"]))
