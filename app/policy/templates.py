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
