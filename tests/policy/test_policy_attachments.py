"""Attachments with real bytes: type by content, size by pack, unreadable paths."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from policy_helpers import rules, run_check

from app.policy import AttachmentInput, Field, Severity, sniff_media_type
from app.policy.attachments import DOCX

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _docx(filler: int = 0) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        if filler:  # pushes the central directory far past the sniffed head
            z.writestr("word/media/image1.bin", os.urandom(filler))
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes/readme.txt", "word/document.xml is mentioned here only")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (MINIMAL_PDF, "application/pdf"),
        (_png(), "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "application/msword"),
        (_docx(), DOCX),
        (_zip(), "application/zip"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60, "application/x-msdownload"),
        ("Hej, här är manualen. Ça va? Grüße!\n".encode(), "text/plain"),
        ("\ufeffUTF-16 text åäö".encode("utf-16"), "text/plain"),
        (bytes(range(256)) * 4, None),
        (b"", None),
    ],
)
def test_sniff(data: bytes, expected: str | None) -> None:
    assert sniff_media_type(data) == expected


def test_sniff_text_cut_mid_character() -> None:
    data = ("å" * 5000).encode()[:8191]  # head boundary splits a 2-byte character
    assert sniff_media_type(data) == "text/plain"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("manual.pdf", MINIMAL_PDF),
        ("photo.png", _png()),
        ("letter.docx", _docx()),
        ("notes.txt", b"plain notes"),
    ],
)
def test_allowed_attachments_from_bytes(name: str, data: bytes) -> None:
    att = [AttachmentInput.from_bytes(name, data)]
    assert run_check("Here is the manual for your order.", attachments=att) == []


def test_renamed_exe_and_plain_zip_are_blocked(tmp_path: Path) -> None:
    exe = tmp_path / "invoice.pdf"
    exe.write_bytes(b"MZ\x90\x00" + b"\x00" * 500)
    fake = tmp_path / "letter.docx"
    fake.write_bytes(_zip())
    found = run_check(
        "See attached.",
        attachments=[AttachmentInput.from_path(exe), AttachmentInput.from_path(fake)],
    )
    types = [f for f in found if f.rule == "attachment-type"]
    assert [(f.start, f.end, f.field, f.severity) for f in types] == [
        (0, 1, Field.ATTACHMENT, Severity.BLOCK),
        (1, 2, Field.ATTACHMENT, Severity.BLOCK),
    ]
    assert "invoice.pdf" in types[0].message


def test_large_docx_from_path_reads_the_tail(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(_docx(filler=300_000))
    assert run_check("Manual attached.", attachments=[AttachmentInput.from_path(path)]) == []


def test_oversize_total_blocks_by_pack_limit(tmp_path: Path) -> None:
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as fh:  # sparse: 8 MB on paper, only the head is ever read
        fh.write(MINIMAL_PDF)
        fh.truncate(8 * 1024 * 1024)
    att = [AttachmentInput.from_path(big)]
    found = run_check("Scan attached.", attachments=att)
    assert rules(found) == {"attachment-size"}
    assert "7.0 MB" in found[0].message
    assert run_check("Scan attached.", attachments=att, marketplace="amazon.se") == []  # 10 MB


def test_total_of_small_files_counts(tmp_path: Path) -> None:
    parts = []
    for i in range(3):
        p = tmp_path / f"part{i}.txt"
        with open(p, "wb") as fh:
            fh.write(b"text")
            fh.truncate(3 * 1024 * 1024)
        parts.append(AttachmentInput.from_path(p))
    found = run_check("Files attached.", attachments=parts)
    size = [f for f in found if f.rule == "attachment-size"]
    assert len(size) == 1 and (size[0].start, size[0].end) == (0, 3)


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_path_is_a_finding(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "gone.pdf" if kind == "missing" else tmp_path
    found = run_check("See attached.", attachments=[AttachmentInput.from_path(path)])
    assert [(f.rule, f.severity) for f in found] == [("attachment-unreadable", Severity.BLOCK)]


def test_attachment_input_needs_exactly_one_source() -> None:
    with pytest.raises(ValueError):
        AttachmentInput(name="x")
    with pytest.raises(ValueError):
        AttachmentInput(name="x", path=Path("x"), data=b"x")
