"""Attachment checks: type by content (magic bytes), size by the pack's limit.

Paths are read with bounded reads only: the head for sniffing, the tail for a zip's central
directory, and stat for the size, so a huge file costs the same as a small one.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from app.policy.draft import AttachmentInput
from app.policy.explanations import explained
from app.policy.findings import Field, Finding
from app.policy.packs import RulePack

HEAD_BYTES = 8192
TAIL_BYTES = 256 * 1024  # enough for the central directory of any ordinary .docx

PDF = "application/pdf"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP = "application/zip"
EXE = "application/x-msdownload"
ELF = "application/x-executable"
TEXT = "text/plain"
HTML = "text/html"
SVG = "image/svg+xml"
XML = "application/xml"

# Text a browser or the OS would take for markup (the WHATWG MIME-sniffing list, plus SVG and
# XML): an HTML page named "photo.jpg" is HTML, never "plain text" a seller may open.
_MARKUP_TAGS = (
    b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div", b"<font",
    b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p", b"<!--", b"<img",
    b"<form", b"<meta", b"<object", b"<embed", b"<link", b"<base", b"<svg", b"<?xml", b"<hta:",
)  # fmt: skip

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", DOC),  # OLE2 compound file: .doc
    (b"MZ", EXE),
    (b"\x7fELF", ELF),
)
_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"


def _zip_names(tail: bytes) -> list[bytes]:
    """Entry names from a zip's central directory, found through the end record in `tail`."""
    pos = tail.rfind(_EOCD)
    if pos < 0 or len(tail) - pos < 22:
        return []
    cd_size = struct.unpack_from("<I", tail, pos + 12)[0]
    i = pos - cd_size
    if i < 0:
        return []
    names: list[bytes] = []
    while i + 46 <= pos and tail[i : i + 4] == _CENTRAL:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", tail, i + 28)
        names.append(tail[i + 46 : i + 46 + name_len])
        i += 46 + name_len + extra_len + comment_len
    return names


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        body = head[: len(head) - (len(head) % 2)]
    else:
        if b"\x00" in head:
            return False
        encoding, body = "utf-8", head
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the head is fine.
        if exc.start < len(body) - 4:
            return False
        text = body[: exc.start].decode(encoding, errors="strict")
    if not text:
        return True
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return controls * 100 <= len(text)  # at most 1 % control characters


def _markup(head: bytes) -> str | None:
    """HTML, SVG or XML when the text starts (after a BOM and white space) with markup."""
    text = head.removeprefix(b"\xef\xbb\xbf")
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = text[: len(text) - len(text) % 2].decode("utf-16", "ignore").encode()
        except UnicodeError:
            return None
    start = text.lstrip(b" \t\r\n\f").lower()
    for tag in _MARKUP_TAGS:
        if start.startswith(tag):
            after = start[len(tag) : len(tag) + 1]
            if tag in (b"<!--", b"<?xml", b"<hta:") or after in (
                b"",
                b" ",
                b">",
                b"\t",
                b"\n",
                b"\r",
                b"/",
            ):
                if tag == b"<svg" or (tag == b"<?xml" and b"<svg" in start):
                    return SVG
                return XML if tag == b"<?xml" else HTML
    return None


def sniff_media_type(head: bytes, tail: bytes | None = None) -> str | None:
    """Media type decided by content, not by name; None when unknown.

    `head` is the start of the file; for zips and PDFs pass the last bytes as `tail` (or the
    whole file as `head`): a zip is Word only if its central directory holds
    `word/document.xml`, and a PDF that is also a zip (a polyglot) is a zip.
    """
    if head.startswith(b"%PDF-") and _zip_names(tail if tail is not None else head):
        return ZIP
    for magic, media_type in _SIGNATURES:
        if head.startswith(magic):
            return media_type
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"PK\x03\x04"):
        names = _zip_names(tail if tail is not None else head)
        return DOCX if b"word/document.xml" in names else ZIP
    if head and _looks_like_text(head):
        return _markup(head) or TEXT
    return None


@dataclass(frozen=True, slots=True)
class AttachmentFacts:
    size: int
    media_type: str | None


class AttachmentReadError(OSError):
    """An attachment path could not be read."""


def inspect_attachment(att: AttachmentInput) -> AttachmentFacts:
    """Size and sniffed type; raises AttachmentReadError for unreadable paths."""
    if att.data is not None:
        return AttachmentFacts(len(att.data), sniff_media_type(att.data[:HEAD_BYTES], att.data))
    assert att.path is not None
    try:
        with open(att.path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(HEAD_BYTES)
            tail: bytes | None = None
            if head.startswith((b"PK\x03\x04", b"%PDF-")):
                fh.seek(max(0, size - TAIL_BYTES))
                tail = fh.read(TAIL_BYTES)
    except OSError as exc:
        raise AttachmentReadError(f"{att.name}: {exc.strerror or exc}") from exc
    return AttachmentFacts(size, sniff_media_type(head, tail))


def check_attachments(attachments: Sequence[AttachmentInput], pack: RulePack) -> list[Finding]:
    findings: list[Finding] = []
    total = 0
    type_sev = pack.severity("attachment-type")
    for index, att in enumerate(attachments):
        try:
            facts = inspect_attachment(att)
        except AttachmentReadError as exc:
            sev = pack.severity("attachment-unreadable")
            if sev is not None:
                cause = exc.__cause__
                error = cause.strerror if isinstance(cause, OSError) and cause.strerror else ""
                findings.append(
                    explained(
                        "attachment-unreadable",
                        sev,
                        index,
                        index + 1,
                        Field.ATTACHMENT,
                        name=att.name,
                        error=error or str(cause or exc),
                    )
                )
            continue
        total += facts.size
        if type_sev is not None and facts.media_type not in pack.allowed_media_types:
            findings.append(
                explained(
                    "attachment-type",
                    type_sev,
                    index,
                    index + 1,
                    Field.ATTACHMENT,
                    name=att.name,
                    kind=facts.media_type or "",
                )
            )
    size_sev = pack.severity("attachment-size")
    if size_sev is not None and total > pack.max_attachment_bytes:
        n = len(attachments)
        findings.append(
            explained(
                "attachment-size",
                size_sev,
                0,
                n,
                Field.ATTACHMENT,
                total=str(total),
                limit=str(pack.max_attachment_bytes),
            )
        )
    return findings
