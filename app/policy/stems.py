"""Snowball stems for lexicon entries, so one entry matches a word's inflections.

A lexicon part written `~Bewertungen` becomes the prefix `bewert*` (German stem), matching
Bewertung, Bewertungen, bewerten; `~estrellas` matches estrella, estrellas. Stemming happens
once, when a pack is compiled (off the typing path); checking a draft never stems.
"""

from __future__ import annotations

import functools
from typing import Any

# Lexicon language -> Snowball algorithm name.
ALGORITHMS = {
    "en": "english",
    "sv": "swedish",
    "es": "spanish",
    "de": "german",
    "fr": "french",
    "it": "italian",
}
MIN_STEM = 3  # shorter stems match too much ("re*"): keep the word as written instead


@functools.cache
def _stemmer(language: str) -> Any:
    import snowballstemmer  # lazy: imports every algorithm (~0.1-0.2 s), only at pack load

    return snowballstemmer.stemmer(ALGORITHMS[language])


def stem(language: str, word: str) -> str:
    """The folded word's stem in `language`; the word itself for a language without one."""
    if language not in ALGORITHMS:
        return word
    stemmed = str(_stemmer(language).stemWord(word))
    # Snowball may rewrite the end (German "ß" -> "ss", Italian accents): the entry must be
    # a prefix of the written word, so keep the longest common prefix.
    common = 0
    for a, b in zip(stemmed, word, strict=False):
        if a != b:
            break
        common += 1
    return word[:common] if common >= MIN_STEM else word
