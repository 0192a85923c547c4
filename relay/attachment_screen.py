"""The relay's one attachment screener: type by content (`app.policy`'s sniffer), pack limits.

Every path that offers attachments with a message goes through here: app submissions
(`Submission/set`), buyer mail (`/ingest/messages`) and seller mail (`/ingest/seller-mail`).
Types are `relay.enforce.sniff_media_type`, i.e. `app.policy`'s decision alone, which the
upload endpoint (with its streamed size cap, in `relay.server`) asks too: app and relay agree,
so an empty file or "text" full of control characters has no type anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from relay import blobs, rules
from relay.enforce import PackInfo, sniff_media_type

UNKNOWN = "application/octet-stream"  # no type app.policy knows: removed by every pack


@dataclass(frozen=True)
class Candidate:
    """An attachment offered with a message: an uploaded blob, or inline bytes from a mail."""

    name: str
    media_type: str
    size: int
    blob_id: str = ""  # set for uploaded blobs
    data: bytes | None = None  # set for inline attachments; stored only if kept

    @classmethod
    def inline(cls, name: str, data: bytes) -> Candidate:
        return cls(name, sniff_media_type(data) or UNKNOWN, len(data), data=data)

    @classmethod
    def uploaded(cls, name: str, info: blobs.BlobInfo) -> Candidate:
        return cls(name, info.media_type, info.size, blob_id=info.id)

    def as_attachment(self, blob_id: str | None = None) -> rules.Attachment:
        return rules.Attachment(blob_id or self.blob_id, self.name, self.media_type, self.size)


@dataclass(frozen=True)
class Screened:
    kept: list[Candidate]
    removed: list[tuple[rules.Attachment, str]]  # reason "type" | "size"
    max_total: int

    def notice(self) -> str:
        return rules.removal_notice(self.removed, self.max_total)

    def notice_code(self) -> tuple[str, dict[str, Any]]:
        """The notice as a code and its parameters (the window words it)."""
        files = [{"name": a.name, "type": a.media_type, "reason": why} for a, why in self.removed]
        return "attachmentsRemoved", {"files": files, "maxBytes": self.max_total}

    def removed_json(self) -> list[dict[str, object]]:
        # Inline attachments that were removed were never stored: no blob id to show.
        return [
            {**{k: v for k, v in a.as_json().items() if v != ""}, "reason": why}
            for a, why in self.removed
        ]

    def store(self, conn: Connection, seller_id: int) -> list[rules.Attachment]:
        """The kept attachments, inline ones now in the blob store (removed ones never are)."""
        out = []
        for c in self.kept:
            if c.data is not None:
                out.append(c.as_attachment(blobs.put(conn, seller_id, c.data, c.media_type).id))
            else:
                out.append(c.as_attachment())
        return out


def screen(candidates: list[Candidate], pack: PackInfo) -> Screened:
    """Keep what the pack allows, in order, while the per-message total stays in its limit."""
    by_key = {str(i): c for i, c in enumerate(candidates)}
    kept, removed = rules.vet_attachments(
        [c.as_attachment(key) for key, c in by_key.items()],
        pack.max_attachment_bytes,
        pack.allowed_media_types,
    )
    return Screened(
        [by_key[a.blob_id] for a in kept],
        [(by_key[a.blob_id].as_attachment(), why) for a, why in removed],
        pack.max_attachment_bytes,
    )
