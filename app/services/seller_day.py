"""Templates and notes: written to the local store at once and queued for the relay (so the
team shares them), read from the local store; both work offline.

A write is checked here as the relay would check it (the placeholders and names of
``app.domain.templates``, a name in use whatever its case, the rules check's findings), so a
template saved offline is flagged at once; the queue (``app.services.shared_edits``) sends it
with the next sync and the relay's answer settles it (docs/protocol.md, "Template", "Note").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update

from app.domain import ContactReason
from app.domain import templates as tpl
from app.policy.templates import template_findings
from app.services import shared_edits as edits
from app.services.store_worker import StoreWorker
from app.storage import schema
from app.storage.rows import ConversationDetails, NoteInfo, TemplateInfo
from app.storage.seller_day import notes, templates
from app.storage.store import Store

EXPORT_FORMAT = "seller-inbox-templates/1"
_T = schema.templates
_N = schema.notes


class Refused(ValueError):
    """The template or note cannot be saved: `properties` names what to fix."""

    def __init__(self, error: dict[str, Any]) -> None:
        self.type = str(error.get("type") or "invalidProperties")
        self.properties = tuple(error.get("properties") or ())
        super().__init__(str(error.get("description") or self.type))


class SellerDay:
    def __init__(self, store: Store, worker: StoreWorker) -> None:
        self.store = store
        self.worker = worker

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
        """Create (relay_id None) or replace a template; the saved one, with its rules
        findings. Raises Refused (e.g. `alreadyExists` for a name in use)."""
        bad = tpl.validate(name, texts)
        try:
            reason = ContactReason(contact_reason)
        except ValueError:
            bad = [*bad, "contactReason"]
        if bad:
            raise Refused({"type": "invalidProperties", "properties": bad})
        findings = template_findings(texts, reason)
        obj = {"name": name, "contactReason": reason.value, "texts": texts}
        key = await self.worker.call(self._write_template, relay_id, obj, findings)
        for t in await self.templates():
            if t.relay_id == key:
                return t
        raise Refused({"type": "notFound"})  # destroyed by a teammate in between

    def _write_template(
        self, relay_id: str | None, obj: dict[str, Any], findings: list[dict[str, str]]
    ) -> str:
        with self.store.write() as conn:
            names = conn.execute(select(_T.c.relay_id, _T.c.name)).all()  # at most 500
            wanted = obj["name"].casefold()
            if any(n.casefold() == wanted and r != relay_id for r, n in names):
                raise Refused({"type": "alreadyExists"})  # as the relay would answer
            values = {
                **edits.columns("Template", obj),
                "findings_json": json.dumps(findings),
                "updated_at": datetime.now(UTC),
            }
            if relay_id is None:
                relay_id = edits.new_local_id()
                conn.execute(insert(_T).values(relay_id=relay_id, **values))
                edits.queue(conn, "Template", relay_id, "create", obj)
            else:
                found = conn.execute(
                    update(_T).where(_T.c.relay_id == relay_id).values(values)
                ).rowcount
                if not found:
                    raise Refused({"type": "notFound"})
                edits.queue(conn, "Template", relay_id, "update", obj)
            return relay_id

    async def delete_template(self, relay_id: str) -> None:
        await self.worker.call(self._destroy, "Template", relay_id)

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
        await self.worker.call(self._write_note, obj)

    def _write_note(self, obj: dict[str, Any]) -> None:
        with self.store.write() as conn:
            c = schema.conversations.c
            conversation = conn.execute(
                select(c.id).where(c.relay_id == obj["conversationId"])
            ).scalar()
            if conversation is None:
                raise Refused({"type": "notFound"})
            relay_id, now = edits.new_local_id(), datetime.now(UTC)
            conn.execute(
                insert(_N).values(
                    relay_id=relay_id,
                    conversation_id=conversation,
                    body=obj["body"],
                    author=obj["author"],
                    created_at=now,
                    updated_at=now,
                )
            )
            edits.queue(conn, "Note", relay_id, "create", obj)

    async def edit_note(self, relay_id: str, body: str) -> None:
        await self.worker.call(self._edit_note, relay_id, body)

    def _edit_note(self, relay_id: str, body: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                update(_N)
                .where(_N.c.relay_id == relay_id)
                .values(body=body, updated_at=datetime.now(UTC))
            )
            edits.queue(conn, "Note", relay_id, "update", {"body": body})

    async def delete_note(self, relay_id: str) -> None:
        await self.worker.call(self._destroy, "Note", relay_id)

    def _destroy(self, type_name: str, relay_id: str) -> None:
        table = edits.TABLES[type_name]
        with self.store.write() as conn:
            conn.execute(delete(table).where(table.c.relay_id == relay_id))
            edits.queue(conn, type_name, relay_id, "destroy")


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
