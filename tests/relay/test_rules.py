"""The rule pack's defaults as the relay enforces them."""

from __future__ import annotations

import base64
import socket
from datetime import UTC, datetime, timedelta

from relay_testkit import RelayUnderTest

PDF = b"%PDF-1.4\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_messaging_switch_refuses_only_new_buyers(
    relay: RelayUnderTest, conversation: dict
) -> None:
    s, b = relay.seller, relay.buyers
    s.ok("Marketplace/set", {"update": {"amazon.se": {"messagingEnabled": False}}})
    r = b.write("alice", "stranger@example.org", "Hi")
    assert r.status_code == 403
    assert r.json()["setError"]["type"] == "messagingDisabled"
    assert "stranger" not in r.text
    # A buyer who wrote before still gets through.
    assert b.write("alice", "anna@example.net", "Me again").status_code == 200
    # A scheduled vacation window that covers now refuses too; one in the future does not.
    now = datetime.now(UTC)
    s.ok(
        "Marketplace/set",
        {
            "update": {
                "amazon.se": {
                    "messagingEnabled": True,
                    "vacationFrom": _iso(now - timedelta(hours=1)),
                    "vacationUntil": _iso(now + timedelta(days=3)),
                }
            }
        },
    )
    r = b.write("alice", "stranger@example.org", "Hi")
    assert r.status_code == 403 and r.json()["setError"]["until"] is not None
    s.ok(
        "Marketplace/set",
        {
            "update": {
                "amazon.se": {
                    "vacationFrom": _iso(now + timedelta(days=1)),
                    "vacationUntil": _iso(now + timedelta(days=3)),
                }
            }
        },
    )
    assert b.write("alice", "stranger@example.org", "Hi").status_code == 200


def test_opt_out_bounces_unsolicited_and_notifies_seller(relay: RelayUnderTest) -> None:
    s, b = relay.seller, relay.buyers
    order = b.order("alice", "114-0000002-0000002", "olle@example.net")
    b.opt_out("olle@example.net")
    assert s.get_one("Buyer", order["buyerId"])["optedOut"] is True
    sent, err = s.send(
        buyerId=order["buyerId"],
        orderId="114-0000002-0000002",
        subject="Your order shipped",
        body="It is on its way.",
        contactReason="shipping-confirmation",
    )
    assert err is None and sent is not None
    assert sent["deliveryStatus"] == "rejected" and sent["rejectReason"] == {
        "type": "buyerOptedOut"
    }
    msgs = s.ok("Message/query", {"filter": {"conversationId": sent["conversationId"]}})["ids"]
    got = s.ok("Message/get", {"ids": msgs})["list"]
    assert [m["direction"] for m in got] == ["out", "system"]
    assert got[0]["delivered"] is False and got[1]["notice"] == "bounce"
    # As data for the seller's language, and in English for older clients
    assert (got[1]["noticeCode"], got[1]["noticeParams"]) == ("buyerOptedOut", {})
    assert "opted out" in got[1]["bodyText"] and got[0]["noticeCode"] is None
    assert b.mailbox("olle@example.net") == []
    # Critical without [Important]: refused, nothing stored.
    before = s.ok("Message/get", {"ids": []})["state"]
    sent, err = s.send(
        buyerId=order["buyerId"],
        orderId="114-0000002-0000002",
        subject="Address problem",
        body="Please confirm your street number.",
        contactReason="shipping-problem",
    )
    assert sent is None and err["type"] == "importantTagRequired"
    assert s.ok("Message/get", {"ids": []})["state"] == before
    sent, err = s.send(
        buyerId=order["buyerId"],
        orderId="114-0000002-0000002",
        subject="[Important] Address problem",
        body="Please confirm your street number.",
        contactReason="shipping-problem",
    )
    assert err is None and sent["deliveryStatus"] == "delivered"
    assert len(b.mailbox("olle@example.net")) == 1
    # onOptOut=refuse turns the bounce into a SetError.
    sent, err = s.send(
        buyerId=order["buyerId"],
        subject="Manual",
        body="Here is the manual.",
        contactReason="product-manual",
        onOptOut="refuse",
    )
    assert err["type"] == "buyerOptedOut"


def test_opt_out_exemptions(relay: RelayUnderTest) -> None:
    s, b = relay.seller, relay.buyers
    hand = b.order("alice", "114-0000003-0000003", "eva@example.net", kind="handmade")
    b.opt_out("eva@example.net")
    sent, err = s.send(
        buyerId=hand["buyerId"],
        orderId="114-0000003-0000003",
        subject="Your engraving",
        body="Which font would you like?",
        contactReason="other",
    )
    assert err is None and sent["deliveryStatus"] == "delivered"
    # A reply in a conversation the buyer started is delivered.
    b.order("alice", "114-0000004-0000004", "nils@example.net")
    b.opt_out("nils@example.net")
    conv = b.write(
        "alice", "nils@example.net", "Where is it?", orderId="114-0000004-0000004"
    ).json()
    sent, err = s.send(
        conversationId=conv["conversationId"],
        body="It arrives Tuesday.",
        contactReason="shipping-confirmation",
    )
    assert err is None and sent["deliveryStatus"] == "delivered"
    assert b.mailbox("nils@example.net")[0]["bodyText"] == "It arrives Tuesday."


def test_policy_violation_names_rules(relay: RelayUnderTest, conversation: dict) -> None:
    sent, err = relay.seller.send(
        conversationId=conversation["conversationId"],
        body="Use coupon SAVE20 at https://my-shop.example for 20% off!",
    )
    assert sent is None and err["type"] == "policyViolation"
    assert "external-link" in err["ruleIds"]
    assert all(f["severity"] == "block" for f in err["findings"])


def test_bad_send_input_gets_invalid_properties(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    cid = conversation["conversationId"]
    up = s.http.post(f"/upload/{s.account}", content=PDF).json()
    for extra, prop in [
        ({"subject": "Hi\r\nBcc: evil@example.com"}, "subject"),
        (
            {"attachments": [{"blobId": up["blobId"], "name": "../../etc/passwd.pdf"}]},
            "attachments/0/name",
        ),
        ({"attachments": [{"blobId": up["blobId"], "name": "a\r\nb.pdf"}]}, "attachments/0/name"),
        ({"contactReason": "spam"}, "contactReason"),
    ]:
        sent, err = s.send(conversationId=cid, body="Hello", **extra)
        assert sent is None and err["type"] == "invalidProperties" and prop in err["properties"]
    sent, err = s.send(
        conversationId=cid, body="Hello", attachments=[{"blobId": "G0", "name": "x.pdf"}]
    )
    assert err["type"] == "blobNotFound" and err["notFound"] == ["G0"]
    assert s.ok("Submission/query", {})["ids"] == []


def test_uploads_sniffed_capped_and_downloaded(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    r = s.http.post(
        f"/upload/{s.account}", content=EXE, headers={"Content-Type": "application/pdf"}
    )
    assert r.status_code == 415 and r.json()["reason"] == "type"
    # A 2 GB upload is refused from its Content-Length, before the body is read.
    host, port = relay.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"POST /upload/{s.account} HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {s.token}\r\nContent-Length: {2 * 1024**3}\r\n\r\n".encode()
            + b"%PDF-"
            + b"0" * 65536
        )
        head = sock.recv(4096)
    assert head.startswith(b"HTTP/1.1 413"), head[:80]

    # No Content-Length: the stream is cut off at the limit.
    def chunks():
        for _ in range(20):
            yield b"A" * (1024 * 1024)

    r = s.http.post(f"/upload/{s.account}", content=chunks())
    assert r.status_code == 413 and r.json()["limit"] == "maxSizeUpload"
    r = s.http.post("/upload/A999999/", content=PDF)
    assert r.status_code in (404, 405)
    up = s.http.post(f"/upload/{s.account}", content=PDF).json()
    assert up["type"] == "application/pdf" and up["size"] == len(PDF)
    d = s.http.get(f'/download/{s.account}/{up["blobId"]}/in"voice.pdf')
    assert d.status_code == 200 and d.content == PDF
    assert d.headers["x-content-type-options"] == "nosniff"
    assert d.headers["content-disposition"].startswith("attachment;")
    assert "\r" not in d.headers["content-disposition"]


def test_oversize_attachments_removed_with_notice(
    relay: RelayUnderTest, conversation: dict
) -> None:
    s = relay.seller
    big = PDF + b"0" * (6 * 1024 * 1024)  # two of them pass any pack's per-message total
    a = s.http.post(f"/upload/{s.account}", content=big).json()
    b_ = s.http.post(f"/upload/{s.account}", content=big).json()
    sent, err = s.send(
        conversationId=conversation["conversationId"],
        body="Two manuals attached.",
        attachments=[
            {"blobId": a["blobId"], "name": "one.pdf"},
            {"blobId": b_["blobId"], "name": "two.pdf"},
        ],
    )
    assert err is None
    assert [x["name"] for x in sent["removedAttachments"]] == ["two.pdf"]
    assert sent["removedAttachments"][0]["reason"] == "size"
    msg = s.get_one("Message", sent["messageId"])
    assert [x["name"] for x in msg["attachments"]] == ["one.pdf"]
    ids = s.ok("Message/query", {"filter": {"conversationId": conversation["conversationId"]}})[
        "ids"
    ]
    notices = [
        m for m in s.ok("Message/get", {"ids": ids})["list"] if m["notice"] == "attachmentRemoved"
    ]
    assert len(notices) == 1 and "two.pdf" in notices[0]["bodyText"]
    assert notices[0]["noticeCode"] == "attachmentsRemoved"
    assert notices[0]["noticeParams"] == {
        "files": [{"name": "two.pdf", "type": "application/pdf", "reason": "size"}],
        "maxBytes": notices[0]["noticeParams"]["maxBytes"],
    }
    sent, err = s.send(
        conversationId=conversation["conversationId"],
        body="Again.",
        attachments=[
            {"blobId": a["blobId"], "name": "one.pdf"},
            {"blobId": b_["blobId"], "name": "two.pdf"},
        ],
        onAttachmentRejected="refuse",
    )
    assert err["type"] == "attachmentRejected" and err["reason"] == "size"


def test_buyer_attachments_checked_and_names_cleaned(relay: RelayUnderTest) -> None:
    s, b = relay.seller, relay.buyers
    r = b.write(
        "alice",
        "anna@example.net",
        "See attached",
        attachments=[
            {"name": "../../etc/invoice.pdf", "contentBase64": base64.b64encode(PDF).decode()},
            {"name": "invoice.pdf", "contentBase64": base64.b64encode(EXE).decode()},
        ],
    )
    assert r.status_code == 200
    assert [x["reason"] for x in r.json()["removedAttachments"]] == ["type"]
    msg = s.get_one("Message", r.json()["messageId"])
    assert [x["name"] for x in msg["attachments"]] == ["invoice.pdf"]
    d = s.http.get(f"/download/{s.account}/{msg['attachments'][0]['blobId']}/invoice.pdf")
    assert d.content == PDF


def test_ingest_bad_input(relay: RelayUnderTest) -> None:
    h = relay.buyers.http
    assert h.post("/ingest/messages", content=b"{oops").status_code == 400
    assert h.post("/ingest/messages", json={"seller": "alice"}).status_code == 400
    r = relay.buyers.write("nobody", "x@example.org", "hi")
    assert r.status_code == 404
    r1 = relay.buyers.write("alice", "x@example.org", "hi", externalId="same")
    r2 = relay.buyers.write("alice", "x@example.org", "hi", externalId="same")
    assert r1.json()["messageId"] == r2.json()["messageId"] and r2.json()["duplicate"] is True


def test_response_metrics_late_and_clock_restart(relay: RelayUnderTest) -> None:
    s, b = relay.seller, relay.buyers
    now = datetime.now(UTC)
    # Written 30 h ago and never answered: late.
    b.write("alice", "late@example.net", "Hello?", receivedAt=_iso(now - timedelta(hours=30)))
    # Written 30 h ago, again 1 h ago (restarts the clock), then answered: on time.
    c = b.write("alice", "ok@example.net", "Hi", receivedAt=_iso(now - timedelta(hours=30))).json()
    b.write(
        "alice",
        "ok@example.net",
        "Hi again",
        conversationId=c["conversationId"],
        receivedAt=_iso(now - timedelta(hours=1)),
    )
    s.send(conversationId=c["conversationId"], body="Sorry for the wait, it ships today.")
    # Marked as no response needed: left out.
    n = b.write(
        "alice", "thanks@example.net", "Thanks!", receivedAt=_iso(now - timedelta(hours=40))
    ).json()
    s.ok("Message/set", {"update": {n["messageId"]: {"keywords/$noResponseNeeded": True}}})
    w = s.ok("ResponseMetrics/get", {"ids": ["amazon.se"]})["list"][0]["windows"]["7"]
    assert (w["answered"], w["late"], w["pending"]) == (1, 1, 0)
    assert w["lateRate"] == 0.5
    assert w["averageResponseSeconds"] < 3700
