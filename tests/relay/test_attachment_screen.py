"""One attachment screener: the app's engine and every relay path decide the same way.

Paths: upload (`/upload`, then `Submission/set`), buyer mail (`/ingest/messages`) and seller
mail (`/ingest/seller-mail`), each over real HTTP.
"""

from __future__ import annotations

import base64
import io
import zipfile
from typing import Any

import pytest
from relay_testkit import RelayUnderTest

from app import policy
from app.policy.attachments import check_attachments
from relay import seller_mail
from relay.enforce import pack_info, sniff_media_type


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("setup.bat", "echo hi")
    return buf.getvalue()


GOOD = {
    "receipt.pdf": b"%PDF-1.4\n%%EOF\n",
    "photo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    "notes.txt": "Tack för beställningen!\nMåtten: 20×30 cm\n".encode(),
    "letter.docx": _docx(),
}
BAD = {
    "empty.txt": b"",
    "invoice.pdf": b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64,  # a Windows .exe
    "readme.txt": b"\x01\x02\x03\x04 not text \x05\x06\x07\x08" * 8,  # control characters
    "archive.docx": _zip(),  # a zip without word/document.xml
}


@pytest.mark.parametrize(("name", "data"), [*GOOD.items(), *BAD.items()])
def test_relay_and_app_agree_on_every_sample(name: str, data: bytes) -> None:
    pack = policy.load_pack("amazon.se")
    relay_type = sniff_media_type(data)
    relay_ok = relay_type in pack_info("amazon.se").allowed_media_types
    found = check_attachments([policy.AttachmentInput(name, data=data)], pack)
    app_ok = not any(f.rule == "attachment-type" for f in found)
    assert relay_ok == app_ok == (name in GOOD), (name, relay_type, found)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_upload_refuses_by_content_and_caps_the_size(relay: RelayUnderTest) -> None:
    s = relay.seller
    for name, data in BAD.items():
        r = s.http.post(f"/upload/{s.account}", content=data)
        assert r.status_code == 415, name
        assert r.json()["reason"] == "type"
    for name, data in GOOD.items():
        r = s.http.post(f"/upload/{s.account}", content=data)
        assert r.status_code == 201, (name, r.text)
        assert r.json()["type"] == sniff_media_type(data)
    cap = relay.seller.http.get("/.well-known/jmap").json()["capabilities"]
    limit = cap["urn:ietf:params:jmap:core"]["maxSizeUpload"]
    r = s.http.post(f"/upload/{s.account}", content=b"%PDF-1.4\n" + b"0" * limit)
    assert r.status_code == 413


def test_submission_removes_what_the_pack_refuses(
    relay: RelayUnderTest, conversation: dict[str, Any]
) -> None:
    s = relay.seller
    # Each under the upload cap, together over the pack's per-message total.
    part = b"%PDF-1.4\n" + b"0" * (pack_info("amazon.se").max_attachment_bytes * 6 // 10)
    blobs = []
    for name, data in [("a.pdf", part), ("big.pdf", part)]:
        r = s.http.post(f"/upload/{s.account}", content=data)
        assert r.status_code == 201, r.text
        blobs.append({"blobId": r.json()["blobId"], "name": name})
    sent, err = s.send(conversationId=conversation["conversationId"], body="Receipt attached.",
                       attachments=blobs)  # fmt: skip
    assert err is None and sent is not None
    assert [(a["name"], a["reason"]) for a in sent["removedAttachments"]] == [("big.pdf", "size")]
    msg = s.get_one("Message", sent["messageId"])
    assert [a["name"] for a in msg["attachments"]] == ["a.pdf"]
    _, err = s.send(conversationId=conversation["conversationId"], body="Again.",
                    attachments=blobs, onAttachmentRejected="refuse")  # fmt: skip
    assert err is not None and err["type"] == "attachmentRejected" and err["reason"] == "size"


def _post_buyer(relay: RelayUnderTest, files: dict[str, bytes]) -> dict[str, Any]:
    atts = [{"name": n, "contentBase64": _b64(d)} for n, d in files.items()]
    r = relay.buyers.write("alice", "anna@example.net", "See attached.", attachments=atts)
    assert r.status_code == 200, r.text
    return dict(r.json())


def _post_seller(relay: RelayUnderTest, files: dict[str, bytes]) -> dict[str, Any]:
    seller_mail.add_address(relay.db, "alice", "shop@alice.example")
    alias = relay.seller.ok("Buyer/get", {"ids": None})["list"][0]["alias"]
    r = relay.buyers.http.post(
        "/ingest/seller-mail",
        json={
            "from": {"email": "shop@alice.example"},
            "to": alias,
            "messageId": "<att-1@alice.example>",
            "subject": "Re: Question",
            "text": "See attached.",
            "attachments": [{"name": n, "contentBase64": _b64(d)} for n, d in files.items()],
        },
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


@pytest.mark.parametrize("post", [_post_buyer, _post_seller], ids=["buyer-mail", "seller-mail"])
def test_mail_paths_remove_disguised_empty_control_and_oversize(
    relay: RelayUnderTest, conversation: dict[str, Any], post: Any
) -> None:
    limit = pack_info("amazon.se").max_attachment_bytes
    files = {**GOOD, **BAD, "huge.pdf": b"%PDF-1.4\n" + b"0" * limit}
    got = post(relay, files)
    removed = {a["name"]: a["reason"] for a in got["removedAttachments"]}
    assert removed == {**dict.fromkeys(BAD, "type"), "huge.pdf": "size"}
    assert all("blobId" not in a for a in got["removedAttachments"])  # never stored
    msg = relay.seller.get_one("Message", got["messageId"])
    kept = {a["name"]: a["type"] for a in msg["attachments"]}
    assert kept == {n: sniff_media_type(d) for n, d in GOOD.items()}
    ids = relay.seller.ok("Message/query", {"filter": {"conversationId": got["conversationId"]}})
    notices = [m for m in relay.seller.ok("Message/get", ids)["list"] if m["notice"]]
    assert [m["notice"] for m in notices] == ["attachmentRemoved"]
    for name in removed:
        assert name in notices[0]["bodyText"]
