"""The one place the relay calls the shared policy engine (`app.policy`).

Until `app.policy` exports `check`, a small built-in fallback keeps the relay honest about the
most obvious `block` rules (links, e-mail addresses, phone numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.domain import ContactReason, OrderKind
from relay import sniff

DEFAULT_MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024

try:  # pragma: no cover - depends on the other engineer's progress
    from app import policy as _policy

    _HAVE_POLICY = hasattr(_policy, "check") and hasattr(_policy, "load_pack")
except ImportError:  # pragma: no cover
    _policy = None  # type: ignore[assignment]
    _HAVE_POLICY = False


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    start: int
    end: int
    message: str


@dataclass(frozen=True)
class PackInfo:
    max_attachment_bytes: int
    allowed_media_types: frozenset[str]
    important_tag_required: bool = True
    important_tags: tuple[str, ...] = ("[Important]",)


# Delivery decisions the relay takes itself (relay.rules): bounce, importantTagRequired, and
# attachment removal with a notice. The engine's findings for them are not content refusals.
RELAY_DECIDES = frozenset(
    {
        "opted-out-non-critical",
        "important-tag-required",
        "attachment-size",
        "attachment-type",
        "attachment-unreadable",
    }
)


def _load_pack(marketplace_id: str) -> Any:
    try:
        return _policy.load_pack(marketplace_id)
    except _policy.UnknownMarketplaceError:  # no pack of its own: the brief's default pack
        return _policy.load_pack(None)


def policy_available() -> bool:
    return _HAVE_POLICY


def pack_info(marketplace_id: str) -> PackInfo:
    if _HAVE_POLICY:
        try:
            pack = _policy.load_pack(marketplace_id)
            return PackInfo(int(pack.max_attachment_bytes), frozenset(pack.allowed_media_types))
        except Exception:  # an unknown marketplace falls back to the brief's defaults
            pass
    return PackInfo(DEFAULT_MAX_ATTACHMENT_BYTES, sniff.DEFAULT_ALLOWED)


def largest_attachment_limit() -> int:
    """The upload cap: no marketplace's pack allows more per message."""
    limits = [DEFAULT_MAX_ATTACHMENT_BYTES]
    if _HAVE_POLICY:
        limits.append(int(_policy.load_pack(None).max_attachment_bytes))
        for mid in _policy.available_marketplaces():
            limits.append(int(_policy.load_pack(mid).max_attachment_bytes))
    return max(limits)


def sniff_media_type(head: bytes) -> str | None:
    if _HAVE_POLICY and hasattr(_policy, "sniff_media_type"):
        try:
            found = _policy.sniff_media_type(head)
            if found:
                return str(found)
        except Exception:
            pass
    return sniff.sniff(head)


_FALLBACK = [
    ("external-link", re.compile(r"https?://|www\.", re.I), "External links are not allowed."),
    ("email-address", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "E-mail addresses are not allowed."),
    ("phone-number", re.compile(r"\+?\d[\d\s().-]{7,}\d"), "Phone numbers are not allowed."),
    ("marketing", re.compile(r"\b(coupon|discount|promo code)\b", re.I), "No marketing."),
]


def check(
    *,
    marketplace_id: str,
    subject: str,
    body: str,
    attachments: tuple[Any, ...] = (),
    buyer_opted_out: bool,
    buyer_initiated: bool,
    order_kind: OrderKind,
    contact_reason: ContactReason,
    buyer_locale: str,
) -> list[Finding]:
    """Findings for a seller's message (the relay refuses any `block`)."""
    if _HAVE_POLICY:
        ctx = _policy.PolicyContext(
            pack=_load_pack(marketplace_id),
            buyer_opted_out=buyer_opted_out,
            buyer_initiated=buyer_initiated,
            order_kind=order_kind,
            contact_reason=contact_reason,
            buyer_locale=buyer_locale,
        )
        found = _policy.check(_policy.PolicyDraft(subject, body, attachments=()), ctx)
        return [
            Finding(
                str(f.rule),
                str(getattr(f.severity, "value", f.severity)),
                int(f.start),
                int(f.end),
                str(f.message),
            )
            for f in found
            if f.rule not in RELAY_DECIDES
        ]
    out = []
    for rule, pattern, message in _FALLBACK:
        for m in pattern.finditer(body):
            out.append(Finding(rule, "block", m.start(), m.end(), message))
    return out
