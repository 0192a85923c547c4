"""Body-wide rules from per-paragraph counters: thank-you-only and language-mismatch."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.policy.draft import PolicyContext
from app.policy.explanations import explained
from app.policy.findings import Field, Finding
from app.policy.packs import RulePack
from app.policy.scan import TextScan

_LOCALE_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_].*)?$")


def locale_language(locale: str | None) -> str | None:
    """'sv-SE' -> 'sv', 'de_DE.UTF-8' -> 'de'; None for junk."""
    if not locale:
        return None
    m = _LOCALE_RE.match(locale)
    return m.group(1).lower() if m else None


def tone_findings(
    scans: Sequence[TextScan], ctx: PolicyContext, has_attachments: bool
) -> list[Finding]:
    pack = ctx.pack
    out: list[Finding] = []
    thanks = sum(s.thanks for s in scans)
    words = sum(s.words for s in scans)
    scores: dict[str, float] = {}
    for s in scans:
        for lang, v in s.lang_scores.items():
            scores[lang] = scores.get(lang, 0.0) + v
    if thanks and not has_attachments and _only_courtesy(scans, scores, pack):
        sev = pack.severity("thank-you-only")
        if sev is not None:
            out.append(explained("thank-you-only", sev, 0, 0, Field.DRAFT))

    buyer = locale_language(ctx.buyer_locale)
    if buyer is not None and buyer in pack.lexicons and words >= pack.language_min_words and scores:
        best = max(scores, key=lambda k: scores[k])
        if best != buyer and scores[best] >= 3 and scores.get(buyer, 0.0) < 0.5 * scores[best]:
            sev = pack.severity("language-mismatch")
            if sev is not None:
                out.append(
                    explained(
                        "language-mismatch",
                        sev,
                        0,
                        0,
                        Field.DRAFT,
                        language=best,
                        buyer_language=buyer,
                    )
                )
    return out


def _only_courtesy(scans: Sequence[TextScan], scores: dict[str, float], pack: RulePack) -> bool:
    """At most `max_other_words` other words and every clause with words of its own polite;
    or, when nothing is news of the order ("Cheers
    for the order, hope you get loads of use out of it!") in a language whose lexicon lists
    that news (a `news` family) to tell, `max_other_words_without_news` counting names."""
    other = sum(s.other_words for s in scans)
    if other <= pack.thank_you_max_other_words and not any(s.bare for s in scans):
        return True
    if any(s.news for s in scans) or not scores:
        return False
    lexicon = pack.lexicons.get(max(scores, key=lambda k: scores[k]))
    if lexicon is None or not lexicon.families.get("news"):
        return False
    return other + sum(s.names for s in scans) <= pack.thank_you_max_other_words_without_news
