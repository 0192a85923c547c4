"""Attachments: checked against the marketplace's rule pack before they leave the machine,
uploaded as a stream, and downloaded on demand into the profile's blob store."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from app.policy import pack_for, sniff_media_type
from app.policy.attachments import HEAD_BYTES, TAIL_BYTES
from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.storage import schema
from app.storage.profile import private_dir
from app.storage.store import Store

CHUNK = 1 << 16
# The types the window opens with the system's program, with the extension they get.
OPENABLE = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
}
OPENABLE_EXTENSIONS = {".jpg": (".jpg", ".jpeg")}
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_attachments = schema.attachments


class RefusalReason(StrEnum):
    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    TYPE = "type"  # the content is not a type the marketplace allows


class AttachmentRefused(Exception):
    """The file cannot be sent: unreadable, too large, or of a type the marketplace does not
    allow. The fields say why as data, so the window can word it in the seller's language;
    ``str()`` is an English sentence for logs."""

    def __init__(
        self,
        reason: RefusalReason,
        name: str,
        *,
        media_type: str | None = None,  # what the content is (TYPE); None when unknown
        size: int = 0,
        limit: int = 0,  # bytes the marketplace allows per message (TOO_LARGE)
        marketplace_id: str = "",
        detail: str = "",  # the system's words for an unreadable file
    ) -> None:
        self.reason = reason
        self.name = name
        self.media_type = media_type
        self.size = size
        self.limit = limit
        self.marketplace_id = marketplace_id
        self.detail = detail
        super().__init__(self._english())

    def _english(self) -> str:
        if self.reason is RefusalReason.UNREADABLE:
            return f"{self.name}: cannot be read ({self.detail})"
        if self.reason is RefusalReason.TOO_LARGE:
            where = self.marketplace_id or "this marketplace"
            return (
                f"{self.name} is {self.size / 1e6:.1f} MB; {where} allows "
                f"{self.limit / 1e6:.0f} MB per message"
            )
        found = self.media_type or "an unknown type"
        return f"{self.name} is {found} by its content; allowed are PDF, Word, images and text"


@dataclass(frozen=True, slots=True)
class CheckedFile:
    path: Path
    name: str
    media_type: str
    size: int


def check_file(path: Path, marketplace_id: str | None = None) -> CheckedFile:
    """Decide by content and size whether ``path`` may be attached (blocking; small reads)."""
    pack = pack_for(marketplace_id)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(0, size - 65536))
            tail = handle.read(65536)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise AttachmentRefused(RefusalReason.UNREADABLE, path.name, detail=detail) from exc
    if size > pack.max_attachment_bytes:
        raise AttachmentRefused(
            RefusalReason.TOO_LARGE,
            path.name,
            size=size,
            limit=pack.max_attachment_bytes,
            marketplace_id=marketplace_id or "",
        )
    media_type = sniff_media_type(head, tail)
    if media_type is None or media_type not in pack.allowed_media_types:
        raise AttachmentRefused(RefusalReason.TYPE, path.name, media_type=media_type, size=size)
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


def safe_export_name(name: str, media_type: str | None = None) -> str:
    """A file name to save an attachment under: no folders, no control characters, no bidi
    overrides; with a `media_type`, the extension is that type's (`.txt` for text), so a text
    file named ".bat" or ".hta" never becomes one."""
    base = os.path.basename(name.replace("\\", "/")).strip()
    cleaned = "".join(
        c for c in base if c.isprintable() and c not in '<>:"|?*' and not _BIDI.match(c)
    )
    cleaned = cleaned.lstrip(".") or "attachment"
    ext = OPENABLE.get(media_type or "")
    if ext is None:
        return cleaned
    stem, dot, old = cleaned.rpartition(".")
    if dot and "." + old.lower() in OPENABLE_EXTENSIONS.get(ext, (ext,)):
        return cleaned
    return (stem if dot else cleaned) + ext


class OpenRefused(Exception):
    """An attachment whose content is a type the window never hands to another program (a
    script, a program, a web page, an archive, or unknown). ``str()`` is English for logs."""

    def __init__(self, name: str, media_type: str | None) -> None:
        self.name = name
        self.media_type = media_type
        super().__init__(
            f"{name} is {media_type or 'of an unknown type'} by its content: not opened, "
            "as opening it could run code. Save it if you need it."
        )


def sniff_file(path: Path) -> str | None:
    """The media type of a stored file by its content (its start and end; blocking)."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        handle.seek(max(0, path.stat().st_size - TAIL_BYTES))
        tail = handle.read(TAIL_BYTES)
    return sniff_media_type(head, tail)


def export_for_opening(blob: Path, name: str, exports: Path) -> Path:
    """A private copy of an attachment, named for its sniffed type, for the OS to open.
    Raises OpenRefused for anything but documents, images and plain text (blocking)."""
    media_type = sniff_file(blob)
    if media_type not in OPENABLE:
        raise OpenRefused(name, media_type)
    target = private_dir(exports) / safe_export_name(name, media_type)
    target.unlink(missing_ok=True)  # a fresh file: created 0600, never through a link
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out, open(blob, "rb") as src:
        shutil.copyfileobj(src, out, CHUNK)
    return target
