"""The rules check of a reply template: each text as a buyer would read it, placeholders
filled with sample values (an order number is judged as the digits it becomes), in the
default pack. The relay stores it with a saved template; the Templates dialog shows it live."""

from __future__ import annotations

from app.domain import ContactReason
from app.domain import templates as tpl
from app.policy.draft import PolicyContext, PolicyDraft
from app.policy.engine import check
from app.policy.findings import Finding
from app.policy.packs import load_pack


def check_template_text(text: str, language: str, reason: ContactReason) -> list[Finding]:
    ctx = PolicyContext(pack=load_pack(None), contact_reason=reason, buyer_locale=language)
    return check(PolicyDraft("", tpl.fill(text, tpl.SAMPLE_VALUES)), ctx)


def template_findings(texts: dict[str, str], reason: ContactReason) -> list[dict[str, str]]:
    """Each text's findings as stored with a template (``{language, rule, severity}``, one per
    rule and severity): the relay's on save, the app's for a template saved offline."""
    out: list[dict[str, str]] = []
    for language, text in sorted(texts.items()):
        seen: set[tuple[str, str]] = set()
        for f in check_template_text(text, language, reason):
            if (f.rule, f.severity) not in seen:
                seen.add((f.rule, f.severity))
                out.append({"language": language, "rule": f.rule, "severity": f.severity.value})
    return out
