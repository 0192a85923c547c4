"""A lenient second opinion on content type, asked only when `app.policy` cannot name a file."""

from __future__ import annotations

PDF = "application/pdf"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"


def sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
    if head.startswith(b"PK\x03\x04"):
        # A Word file is a zip whose first entries include [Content_Types].xml and word/.
        return DOCX if (b"word/" in head or b"[Content_Types].xml" in head) else "application/zip"
    if head.startswith((b"MZ", b"\x7fELF")):
        return "application/x-executable"
    return TEXT if _looks_text(head) else None


def _looks_text(head: bytes) -> bool:
    if not head:
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sniff window is still text.
        if exc.start < len(head) - 3:
            return False
    return True
