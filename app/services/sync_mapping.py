"""Relay objects (docs/protocol.md §4) to local rows. Pure functions; no I/O."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.domain import Marketplace


def parse_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def marketplace(obj: dict[str, Any]) -> Marketplace:
    return Marketplace(
        id=obj["id"],
        name=obj.get("name") or obj["id"],
        country=obj.get("country") or "",
        messaging_enabled=bool(obj.get("messagingEnabled", True)),
        vacation_from=parse_time(obj.get("vacationFrom")),
        vacation_until=parse_time(obj.get("vacationUntil")),
        rule_pack=obj.get("rulePack") or "default",
    )


def buyer_row(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "relay_id": obj["id"],
        "alias": obj["alias"],
        "display_name": obj.get("displayName") or "",
        "locale": obj.get("locale") or "en",
        "opted_out": bool(obj.get("optedOut", False)),
    }


def order_row(obj: dict[str, Any], buyers: dict[str, int]) -> dict[str, Any]:
    return {
        "relay_id": obj["id"],
        "order_number": obj["id"],
        "marketplace_id": obj["marketplaceId"],
        "buyer_id": buyers.get(obj.get("buyerId") or ""),
        "kind": obj.get("kind") or "standard",
        "placed_at": parse_time(obj.get("placedAt")),
        "items_json": json.dumps(obj.get("items") or []),
    }


def conversation_row(
    obj: dict[str, Any], buyers: dict[str, int], orders: dict[str, int]
) -> dict[str, Any]:
    awaiting = parse_time(obj.get("awaitingSince"))
    return {
        "relay_id": obj["id"],
        "marketplace_id": obj["marketplaceId"],
        "buyer_id": buyers[obj["buyerId"]],
        "order_id": orders.get(obj.get("orderId") or ""),
        "subject": obj.get("subject") or "",
        "preview": obj.get("preview") or "",
        "buyer_initiated": bool(obj.get("buyerInitiated", True)),
        "last_activity": parse_time(obj.get("lastActivity") or obj.get("createdAt")),
        "awaiting_since": awaiting,
        "needs_response": awaiting is not None,
        **snooze_columns(obj.get("snooze")),
    }


def snooze_columns(snooze: dict[str, Any] | None) -> dict[str, Any]:
    """A Conversation's `snooze` (or a local patch of it) as the conversation's columns."""
    if not snooze:
        return {
            "snooze_kind": None,
            "snoozed_at": None,
            "snoozed_until": None,
            "snooze_reason": None,
        }
    return {
        "snooze_kind": snooze.get("kind") or "snooze",
        "snoozed_at": parse_time(snooze.get("since")),
        "snoozed_until": parse_time(snooze.get("until")),
        "snooze_reason": snooze.get("reason"),
    }


def template_row(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "relay_id": obj["id"],
        "name": obj["name"],
        "contact_reason": obj.get("contactReason") or "other",
        "texts_json": json.dumps(obj.get("texts") or {}, ensure_ascii=False),
        "findings_json": json.dumps(obj.get("findings") or []),
        "updated_at": parse_time(obj.get("updatedAt") or obj.get("createdAt")),
    }


def note_row(obj: dict[str, Any], conversations: dict[str, int]) -> dict[str, Any]:
    return {
        "relay_id": obj["id"],
        "conversation_id": conversations[obj["conversationId"]],
        "body": obj.get("body") or "",
        "author": obj.get("author") or "",
        "created_at": parse_time(obj["createdAt"]),
        "updated_at": parse_time(obj.get("updatedAt") or obj["createdAt"]),
    }


def message_row(obj: dict[str, Any], conversations: dict[str, int]) -> dict[str, Any]:
    keywords = obj.get("keywords") or {}
    return {
        "relay_id": obj["id"],
        "conversation_id": conversations[obj["conversationId"]],
        "direction": obj["direction"],
        "subject": obj.get("subject") or "",
        "body_text": obj.get("bodyText") or "",
        "body_html": obj.get("bodyHtml"),
        "received_at": parse_time(obj["receivedAt"]),
        "keywords": " ".join(sorted(k for k, on in keywords.items() if on)),
        "notice": (
            json.dumps({"code": code, "params": obj.get("noticeParams") or {}}, ensure_ascii=False)
            if (code := obj.get("noticeCode"))
            else None
        ),
    }


def attachment_rows(obj: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": a.get("name") or "attachment",
            "media_type": a.get("type") or "application/octet-stream",
            "size": int(a.get("size") or 0),
            "blob_id": a.get("blobId"),
            "sha256": None,
        }
        for a in obj.get("attachments") or []
    ]
