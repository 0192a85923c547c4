"""Attachments: checked against the marketplace's rule pack before they leave the machine,
uploaded as a stream, and downloaded on demand into the profile's blob store."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from app.policy import load_pack, sniff_media_type
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.storage.schema import AttachmentRow
from app.storage.store import Store

CHUNK = 1 << 16
_attachments = AttachmentRow.__table__


class AttachmentRefused(Exception):
    """The file cannot be sent: too large or of a type the marketplace does not allow."""


@dataclass(frozen=True, slots=True)
class CheckedFile:
    path: Path
    name: str
    media_type: str
    size: int


def check_file(path: Path, marketplace_id: str | None = None) -> CheckedFile:
    """Decide by content and size whether ``path`` may be attached (blocking; small reads)."""
    pack = load_pack(marketplace_id)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(0, size - 65536))
            tail = handle.read(65536)
    except OSError as exc:
        raise AttachmentRefused(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if size > pack.max_attachment_bytes:
        raise AttachmentRefused(
            f"{path.name} is {size / 1e6:.1f} MB; {pack.marketplace_id or 'this marketplace'} "
            f"allows {pack.max_attachment_bytes / 1e6:.0f} MB per message"
        )
    media_type = sniff_media_type(head, tail)
    if media_type is None or media_type not in pack.allowed_media_types:
        found = media_type or "an unknown type"
        raise AttachmentRefused(
            f"{path.name} is {found} by its content; allowed are PDF, Word, images and text"
        )
    return CheckedFile(path, path.name, media_type, size)


async def upload(client: RelayClient, checked: CheckedFile) -> dict[str, Any]:
    """Stream the file to the relay; returns {blobId, name, type, size}."""

    async def chunks() -> AsyncIterator[bytes]:
        handle = await asyncio.to_thread(open, checked.path, "rb")
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK):
                yield chunk
        finally:
            handle.close()

    result = await client.upload_stream(chunks(), checked.media_type, checked.size)
    return {
        "blobId": result["blobId"],
        "name": checked.name,
        "type": checked.media_type,
        "size": checked.size,
    }


async def fetch(client: RelayClient, store: Store, worker: StoreWorker, attachment_id: int) -> Path:
    """The local file of an attachment, downloading it into the blob store the first time."""

    def lookup() -> tuple[str | None, str | None, str]:
        with store.read() as conn:
            row = conn.execute(
                select(_attachments.c.blob_id, _attachments.c.sha256, _attachments.c.name).where(
                    _attachments.c.id == attachment_id
                )
            ).one()
            return row[0], row[1], row[2]

    blob_id, sha, name = await worker.call(lookup)
    if sha is not None and store.blobs.has(sha):
        return store.blobs.path_for(sha)
    if blob_id is None:
        raise FileNotFoundError(f"attachment {name} has no copy on the relay")
    data = await client.download(blob_id, safe_export_name(name))  # "/" in a name: 404
    sha = await asyncio.to_thread(store.blobs.put_bytes, data)

    def remember() -> None:
        with store.write() as conn:
            conn.execute(
                update(_attachments).where(_attachments.c.id == attachment_id).values(sha256=sha)
            )

    await worker.call(remember)
    return store.blobs.path_for(sha)


def safe_export_name(name: str) -> str:
    """A file name to save an attachment under: no folders, no control characters."""
    base = os.path.basename(name.replace("\\", "/")).strip()
    cleaned = "".join(c for c in base if c.isprintable() and c not in '<>:"|?*')
    return cleaned.lstrip(".") or "attachment"
