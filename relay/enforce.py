"""The one place the relay calls the shared policy engine (`app.policy`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app import policy as _policy
from app.domain import ContactReason, OrderKind
from app.policy.attachments import HEAD_BYTES


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


def pack_info(marketplace_id: str) -> PackInfo:
    pack = _policy.pack_for(marketplace_id)
    return PackInfo(int(pack.max_attachment_bytes), frozenset(pack.allowed_media_types))


def default_allowed_media_types() -> frozenset[str]:
    """What the brief's default pack accepts: the upload check before any marketplace is known."""
    return frozenset(_policy.load_pack(None).allowed_media_types)


def largest_attachment_limit() -> int:
    """The upload cap: no marketplace's pack allows more per message."""
    packs = [_policy.load_pack(None)] + [
        _policy.load_pack(mid) for mid in _policy.available_marketplaces()
    ]
    return max(int(p.max_attachment_bytes) for p in packs)


def sniff_media_type(data: bytes) -> str | None:
    """The content's type as the app's engine decides it: app and relay must agree."""
    # The whole file doubles as the tail: a zip is Word only if its central directory says so.
    found = _policy.sniff_media_type(data[:HEAD_BYTES], data)
    return str(found) if found else None


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
    ctx = _policy.PolicyContext(
        pack=_policy.pack_for(marketplace_id),
        buyer_opted_out=buyer_opted_out,
        buyer_initiated=buyer_initiated,
        order_kind=order_kind,
        contact_reason=contact_reason,
        buyer_locale=buyer_locale,
    )
    found = _policy.check(_policy.PolicyDraft(subject, body, attachments=()), ctx)
    return [
        Finding(str(f.rule), str(f.severity.value), int(f.start), int(f.end), str(f.message))
        for f in found
        if f.rule not in RELAY_DECIDES
    ]
