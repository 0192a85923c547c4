"""Delivery decisions of the default rule pack: the messaging switch, opt-out, attachments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain import ContactReason, Marketplace, OrderKind


class Delivery(StrEnum):
    DELIVER = "deliver"
    BOUNCE = "bounce"  # stored, not delivered, the seller gets a bounce notice
    NEEDS_IMPORTANT_TAG = "importantTagRequired"


def accepts_new_conversation(market: Marketplace, buyer_wrote_before: bool, at: datetime) -> bool:
    """Off or on vacation: only buyers with an earlier conversation get through."""
    return buyer_wrote_before or market.accepts_new_buyers(at)


def opt_out_delivery(
    *,
    opted_out: bool,
    buyer_initiated: bool,
    order_kind: OrderKind,
    reason: ContactReason,
    subject: str,
    tag_required: bool = True,
    tags: tuple[str, ...] = ("[Important]",),
) -> Delivery:
    if not opted_out or buyer_initiated or order_kind.exempt_from_opt_out:
        return Delivery.DELIVER
    if reason.critical:
        # Packs that retired the tag (critical contact reasons alone) deliver without it.
        if not tag_required or any(t.lower() in subject.lower() for t in tags):
            return Delivery.DELIVER
        return Delivery.NEEDS_IMPORTANT_TAG
    return Delivery.BOUNCE


@dataclass(frozen=True)
class Attachment:
    blob_id: str
    name: str
    media_type: str
    size: int

    def as_json(self) -> dict[str, object]:
        return {
            "blobId": self.blob_id,
            "name": self.name,
            "type": self.media_type,
            "size": self.size,
        }


def vet_attachments(
    items: list[Attachment], max_total: int, allowed: frozenset[str]
) -> tuple[list[Attachment], list[tuple[Attachment, str]]]:
    """(kept, [(removed, reason "type"|"size")]): in order, while the total stays in the limit."""
    kept: list[Attachment] = []
    removed: list[tuple[Attachment, str]] = []
    total = 0
    for att in items:
        if att.media_type not in allowed:
            removed.append((att, "type"))
        elif total + att.size > max_total:
            removed.append((att, "size"))
        else:
            kept.append(att)
            total += att.size
    return kept, removed


def removal_notice(removed: list[tuple[Attachment, str]], max_total: int) -> str:
    lines = ["The relay removed attachments that do not comply with the marketplace's rules:"]
    for att, why in removed:
        if why == "type":
            lines.append(f"- {att.name}: file type {att.media_type} is not allowed")
        else:
            lines.append(
                f"- {att.name}: over the {max_total // (1024 * 1024)} MB limit per message"
            )
    return "\n".join(lines)
