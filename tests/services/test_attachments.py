"""Attachments: decided by content before upload, streamed up, fetched on demand."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.domain import OutboxState
from app.policy.attachments import EXE
from app.services.attachments import (
    AttachmentRefused,
    RefusalReason,
    check_file,
    fetch,
    safe_export_name,
    upload,
)
from app.services.outbox import OutboxSender
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import drafts
from app.storage.drafts import DraftData
from app.storage.store import Store

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_type_and_size_are_decided_before_upload(tmp_path: Path) -> None:
    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(PDF * 50)
    assert check_file(invoice).media_type == "application/pdf"
    disguised = tmp_path / "invoice2.pdf"
    disguised.write_bytes(b"MZ\x90\x00" + b"\x00" * 4000)  # a Windows program
    with pytest.raises(AttachmentRefused, match="by its content") as refused:
        check_file(disguised)
    # Structured, for the window to word in the seller's language.
    assert refused.value.reason is RefusalReason.TYPE
    assert (refused.value.name, refused.value.media_type) == ("invoice2.pdf", EXE)
    huge = tmp_path / "scan.pdf"
    with open(huge, "wb") as f:
        f.write(PDF)
        f.truncate(8 * 1024 * 1024)  # sparse: 8 MB on paper
    with pytest.raises(AttachmentRefused, match="allows 7 MB") as refused:
        check_file(huge)
    assert refused.value.reason is RefusalReason.TOO_LARGE
    assert (refused.value.size, refused.value.limit) == (8 * 1024 * 1024, 7 * 1024 * 1024)
    with open(huge, "r+b") as f:
        f.truncate(11 * 1024 * 1024)
    with pytest.raises(AttachmentRefused, match=r"amazon\.es allows 10 MB") as refused:
        check_file(huge, "amazon.es")
    assert (refused.value.marketplace_id, refused.value.limit) == ("amazon.es", 10 * 1024 * 1024)
    with pytest.raises(AttachmentRefused, match="cannot be read") as refused:
        check_file(tmp_path / "missing.pdf")
    assert refused.value.reason is RefusalReason.UNREADABLE and refused.value.detail


def test_export_names_cannot_escape_the_folder() -> None:
    assert safe_export_name("../../etc/passwd") == "passwd"
    assert safe_export_name("..\\..\\boot.ini") == "boot.ini"
    assert safe_export_name("a\r\nb.pdf") == "ab.pdf"
    assert safe_export_name("...") == "attachment"


@pytest.mark.asyncio
async def test_send_with_an_attachment_and_fetch_it_back(
    tmp_path: Path, live_relay: LiveRelay
) -> None:
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    try:
        engine = SyncEngine(client, store, worker)
        await engine.sync()
        with store.read() as conn:
            conv = conn.exec_driver_sql(
                "SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE "
                "c.buyer_initiated AND NOT b.opted_out ORDER BY c.id LIMIT 1"
            ).scalar_one()
        invoice = tmp_path / "faktura.pdf"
        invoice.write_bytes(PDF * 200)
        blob = await upload(client, check_file(invoice))
        assert blob["type"] == "application/pdf" and blob["size"] == invoice.stat().st_size
        key = drafts.draft_key_for_conversation(conv)
        with store.write() as c:
            drafts.save_draft(
                c,
                DraftData(
                    key,
                    "Re: faktura",
                    "Här är fakturan.",
                    attachments=(blob,),
                    conversation_id=conv,
                ),
                datetime.now(UTC),
            )
        outbox = OutboxSender(client, store, worker, undo_window=timedelta(0))
        await outbox.send(key)
        (sent,) = await outbox.process_due()
        assert sent.state is OutboxState.SENT
        await engine.sync()
        with store.read() as conn:
            att_id = conn.exec_driver_sql(
                "SELECT a.id FROM attachments a JOIN messages m ON m.id = a.message_id "
                "WHERE m.conversation_id = ? AND a.name = 'faktura.pdf'",
                (conv,),
            ).scalar_one()
        path = await fetch(client, store, worker, att_id)
        assert path.read_bytes() == invoice.read_bytes()
        assert path.name == hashlib.sha256(invoice.read_bytes()).hexdigest()
        assert await fetch(client, store, worker, att_id) == path  # second time: local
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()
