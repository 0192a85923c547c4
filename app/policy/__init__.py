"""Policy engine: checks a draft against the marketplace's messaging rules (DESIGN.md §4).

Pure Python, no Qt and no I/O at check time (attachment paths get bounded reads). Rule packs
and lexicons are data under `resources/policy/`; see docs/policy.md for the rule reference.
"""

from app.policy.attachments import sniff_media_type
from app.policy.draft import AttachmentInput, PolicyContext, PolicyDraft
from app.policy.engine import check
from app.policy.findings import Field, Finding, Severity, has_blocking
from app.policy.live import LiveChecker
from app.policy.packs import (
    PackError,
    RulePack,
    UnknownMarketplaceError,
    available_marketplaces,
    load_pack,
    pack_for,
)

RULE_IDS: tuple[str, ...] = (
    "external-link",
    "contact-info",
    "off-platform",
    "marketing",
    "cross-promotion",
    "logo-link",
    "tracking-pixel",
    "review-incentive",
    "opt-out-link",
    "opted-out-non-critical",
    "important-tag-required",
    "important-tag-misuse",
    "attachment-size",
    "attachment-type",
    "attachment-unreadable",
    "thank-you-only",
    "language-mismatch",
)

__all__ = [
    "RULE_IDS",
    "AttachmentInput",
    "Field",
    "Finding",
    "LiveChecker",
    "PackError",
    "PolicyContext",
    "PolicyDraft",
    "RulePack",
    "Severity",
    "UnknownMarketplaceError",
    "available_marketplaces",
    "check",
    "has_blocking",
    "load_pack",
    "pack_for",
    "sniff_media_type",
]
