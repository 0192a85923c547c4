"""Templates and notes: written through the relay (so the team shares them), read from the
local store (so they are there offline).

Writes need the relay: an offline seller gets `Offline` at once (the window says so) instead
of an edit that waits unseen. The relay's answer is applied to the store in the same step, so
the window shows the saved object without waiting for the next sync.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from app.domain import templates as tpl
from app.services import sync_mapping as m
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.storage import schema, writes
from app.storage.rows import ConversationDetails, NoteInfo, TemplateInfo
from app.storage.seller_day import notes, templates
from app.storage.store import Store

EXPORT_FORMAT = "seller-inbox-templates/1"


class Refused(ValueError):
    """The relay refused the object: `properties` names what to fix."""

    def __init__(self, error: dict[str, Any]) -> None:
        self.type = str(error.get("type") or "invalidProperties")
        self.properties = tuple(error.get("properties") or ())
        super().__init__(str(error.get("description") or self.type))


class SellerDay:
    def __init__(self, store: Store, worker: StoreWorker, client: RelayClient) -> None:
        self.store = store
        self.worker = worker
        self.client = client

    # --- reads ---------------------------------------------------------------------------

    async def templates(self) -> list[TemplateInfo]:
        return await self.worker.call(self._read, templates)

    async def notes(self, conversation_id: int) -> list[NoteInfo]:
        return await self.worker.call(self._read, notes, conversation_id)

    def _read(self, fn: Callable[..., Any], *args: Any) -> Any:
        with self.store.read() as conn:
            return fn(conn, *args)

    # --- templates -------------------------------------------------------------------------

    async def save_template(
        self, relay_id: str | None, name: str, contact_reason: str, texts: dict[str, str]
    ) -> TemplateInfo:
        """Create (relay_id None) or replace a template; the saved one, with the relay's
        rules findings. Raises Refused (e.g. `alreadyExists` for a name in use)."""
        bad = tpl.validate(name, texts)
        if bad:
            raise Refused({"type": "invalidProperties", "properties": bad})
        obj = {"name": name, "contactReason": contact_reason, "texts": texts}
        if relay_id is None:
            result = await self._set("Template", {"create": {"t": obj}})
            relay_id = result["created"]["t"]["id"]
        else:
            await self._set("Template", {"update": {relay_id: obj}})
        saved = await self._fetch("Template", [relay_id])
        await self.worker.call(self._upsert, schema.templates, [m.template_row(o) for o in saved])
        for t in await self.templates():
            if t.relay_id == relay_id:
                return t
        raise Refused({"type": "notFound"})  # destroyed by a teammate in between

    async def delete_template(self, relay_id: str) -> None:
        await self._set("Template", {"destroy": [relay_id]})
        await self.worker.call(self._delete, schema.templates, [relay_id])

    async def import_templates(self, data: bytes) -> tuple[int, list[str]]:
        """Templates from an export file: (how many saved, the names refused with why). A name
        that exists is replaced, so importing the same file twice changes nothing."""
        items = parse_export(data)
        existing = {t.name.casefold(): t.relay_id for t in await self.templates()}
        saved, refused = 0, []
        for item in items:
            try:
                await self.save_template(
                    existing.get(item["name"].casefold()),
                    item["name"],
                    item.get("contactReason") or "other",
                    item["texts"],
                )
                saved += 1
            except Refused as exc:
                refused.append(f"{item['name']}: {exc}")
        return saved, refused

    async def export_templates(self) -> bytes:
        return export(await self.templates())

    # --- notes -------------------------------------------------------------------------------

    async def add_note(self, conversation_relay_id: str, body: str, author: str) -> None:
        obj = {"conversationId": conversation_relay_id, "body": body, "author": author}
        result = await self._set("Note", {"create": {"n": obj}})
        await self._refresh_notes([result["created"]["n"]["id"]])

    async def edit_note(self, relay_id: str, body: str) -> None:
        await self._set("Note", {"update": {relay_id: {"body": body}}})
        await self._refresh_notes([relay_id])

    async def delete_note(self, relay_id: str) -> None:
        await self._set("Note", {"destroy": [relay_id]})
        await self.worker.call(self._delete, schema.notes, [relay_id])

    async def _refresh_notes(self, relay_ids: list[str]) -> None:
        objects = await self._fetch("Note", relay_ids)
        await self.worker.call(self._upsert_notes, objects)

    # --- plumbing --------------------------------------------------------------------------

    async def _set(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        result = await self.client.call_one(f"{name}/set", args)
        for failed in ("notCreated", "notUpdated", "notDestroyed"):
            for error in (result.get(failed) or {}).values():
                raise Refused(error)
        return result

    async def _fetch(self, name: str, relay_ids: list[str]) -> list[dict[str, Any]]:
        got = await self.client.call_one(f"{name}/get", {"ids": relay_ids})
        return list(got["list"])

    def _upsert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        with self.store.write() as conn:
            writes.upsert_by_relay_id(conn, table, rows)

    def _upsert_notes(self, objects: list[dict[str, Any]]) -> None:
        with self.store.write() as conn:
            conversations = writes.local_ids(
                conn, schema.conversations, {o["conversationId"] for o in objects}
            )
            rows = [
                m.note_row(o, conversations)
                for o in objects
                if o["conversationId"] in conversations
            ]
            writes.upsert_by_relay_id(conn, schema.notes, rows)

    def _delete(self, table: Any, relay_ids: list[str]) -> None:
        with self.store.write() as conn:
            writes.delete_by_relay_id(conn, table, relay_ids)


# --- filling and files (pure) --------------------------------------------------------------


def fill_values(
    details: ConversationDetails,
    *,
    marketplace_name: str,
    seller_name: str,
    format_date: Callable[[datetime], str],
) -> dict[str, str]:
    """The placeholders' values for a conversation (app.domain.templates.PLACEHOLDERS)."""
    items = ", ".join(
        str(i.get("title") or "").strip() for i in details.order_items if i.get("title")
    )
    return {
        "buyer_first_name": tpl.first_name(details.buyer_name),
        "order_id": details.order_number or "",
        "items": items,
        "order_date": format_date(details.order_placed_at) if details.order_placed_at else "",
        "marketplace": marketplace_name,
        "seller_name": seller_name,
    }


def export(items: Iterable[TemplateInfo]) -> bytes:
    doc = {
        "format": EXPORT_FORMAT,
        "templates": [
            {"name": t.name, "contactReason": t.contact_reason, "texts": t.texts} for t in items
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


MAX_IMPORT = 2 * 1024 * 1024


def parse_export(data: bytes) -> list[dict[str, Any]]:
    """The templates of an export file; ValueError with a sentence a seller can act on."""
    if len(data) > MAX_IMPORT:
        raise ValueError("The file is larger than 2 MB: not a template export.")
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("The file is not a Seller Inbox template export (not JSON).") from None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise ValueError("The file is not a Seller Inbox template export.")
    items = doc.get("templates")
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and isinstance(i.get("name"), str) and isinstance(i.get("texts"), dict)
        for i in items
    ):
        raise ValueError("The template export is damaged: each template needs a name and texts.")
    return items
