"""Body-wide rules from per-paragraph counters: thank-you-only and language-mismatch."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.policy.draft import PolicyContext
from app.policy.explanations import explained
from app.policy.findings import Field, Finding
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
    other = sum(s.other_words for s in scans)
    words = sum(s.words for s in scans)
    if thanks and not has_attachments and other <= pack.thank_you_max_other_words:
        sev = pack.severity("thank-you-only")
        if sev is not None:
            out.append(explained("thank-you-only", sev, 0, 0, Field.DRAFT))

    buyer = locale_language(ctx.buyer_locale)
    if buyer is not None and buyer in pack.lexicons and words >= pack.language_min_words:
        scores: dict[str, float] = {}
        for s in scans:
            for lang, v in s.lang_scores.items():
                scores[lang] = scores.get(lang, 0.0) + v
        if scores:
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
