"""Rules driven by the lexicons: marketing, cross-promotion, off-platform, opt-out, reviews."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from app.policy.lexicon import Hit

# family -> (rule id, severity key in the pack)
SIMPLE_FAMILIES: dict[str, tuple[str, str]] = {
    "marketing": ("marketing", "marketing"),
    "marketing_soft": ("marketing", "marketing.soft"),
    "cross_promotion": ("cross-promotion", "cross-promotion"),
    "off_platform": ("off-platform", "off-platform"),
    "opt_out": ("opt-out-link", "opt-out-link"),
}

# review_spans kind -> explanation code (app.policy.explanations)
REVIEW_CODES: dict[str, str] = {
    "review-incentive": "review-incentive",
    "review-change": "review-incentive.change",
}

_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


def sentence_breaks(folded: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(folded)]


def _sentence_of(breaks: Sequence[int], pos: int) -> int:
    return bisect_right(breaks, pos)


def review_spans(hits: Sequence[Hit], breaks: Sequence[int]) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, term) for review requests with an incentive or condition, and for
    asks to change a review. Both sides must sit in the same sentence: "we refunded you" in
    one sentence and "feel free to leave feedback" in the next is not an incentive."""
    by_sentence: dict[int, dict[str, list[Hit]]] = {}
    out: list[tuple[str, int, int, str]] = []
    for h in hits:
        if h.family == "review_change":
            out.append(("review-change", h.start, h.end, h.term))
        elif h.family in ("review_request", "review_incentive", "review_conditional"):
            fams = by_sentence.setdefault(_sentence_of(breaks, h.start), {})
            fams.setdefault(h.family, []).append(h)
    for fams in by_sentence.values():
        requests = fams.get("review_request")
        extras = fams.get("review_incentive", []) + fams.get("review_conditional", [])
        if requests and extras:
            parts = requests + extras
            start = min(h.start for h in parts)
            end = max(h.end for h in parts)
            out.append(("review-incentive", start, end, extras[0].term))
    return out
