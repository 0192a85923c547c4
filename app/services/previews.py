"""What a buyer's attachment may be previewed as, and its bytes for the preview.

The window decodes (Qt, on a thread: app/ui/previews.py); this module decides what may be
decoded at all. A file is previewed only when its *content* is one of the types below (the
shared sniffer: a web page or SVG named `photo.jpg` is never handed to an image decoder), it
is no larger than ``MAX_BYTES``, and its bytes are in the profile's blob store or come from the
relay (never from anywhere else: the remote-content rules are the conversation's, unchanged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.attachments import fetch, sniff_file

if TYPE_CHECKING:
    from app.services.relay_client import RelayClient
    from app.services.store_worker import StoreWorker
    from app.storage.rows import AttachmentInfo
    from app.storage.store import Store

# Content type -> the decoder's format name (None: a PDF, its first page rendered out of
# process by app.services.pdf_render, else a chip with its pages).
PREVIEWABLE: dict[str, str | None] = {
    "image/png": "png",
    "image/jpeg": "jpeg",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/pdf": None,
}
MAX_BYTES = 25 * 1024 * 1024  # a larger file is not fetched for a preview (pdf_render's too)
PDF_SCAN_BYTES = 8 * 1024 * 1024  # how much of a PDF is read for its page count
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d{1,6})\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def wanted(att: AttachmentInfo) -> bool:
    """Worth a preview by what the relay says it is (the content is checked once fetched)."""
    return att.media_type in PREVIEWABLE and 0 < att.size <= MAX_BYTES


@dataclass(frozen=True, slots=True)
class Source:
    """A stored file to preview: its path and the type its content shows."""

    path: Path
    media_type: str | None  # sniffed; None when unknown

    @property
    def previewable(self) -> bool:
        return self.media_type in PREVIEWABLE


async def source(
    client: RelayClient | None, store: Store, worker: StoreWorker, att: AttachmentInfo
) -> Source | None:
    """The attachment's bytes in the blob store (fetched from the relay when online), sniffed;
    None when they are not here and cannot be had (offline, no copy on the relay)."""
    import asyncio

    if att.sha256 is not None and store.blobs.has(att.sha256):
        path = store.blobs.path_for(att.sha256)
    elif client is None or att.blob_id is None:
        return None
    else:
        path = await fetch(client, store, worker, att.id)
    return Source(path, await asyncio.to_thread(sniff_file, path))


def pdf_pages(path: Path) -> int | None:
    """A PDF's page count from its page tree (the root's /Count, the largest), else its page
    objects; None when neither is readable (object streams hide both). Reads at most
    ``PDF_SCAN_BYTES``; the patterns are bounded (no backtracking over the file)."""
    with open(path, "rb") as handle:
        data = handle.read(PDF_SCAN_BYTES)
    counts = []
    for found in _PAGES.finditer(data):
        # The dictionary around "/Type /Pages": its /Count is within a few hundred bytes.
        start = data.rfind(b"<<", max(0, found.start() - 512), found.start())
        window = data[start if start >= 0 else found.start() : found.end() + 512]
        counts += [int(n) for n in _COUNT.findall(window)]
    if counts:
        return max(counts)
    pages = len(_PAGE.findall(data))
    return pages or None
