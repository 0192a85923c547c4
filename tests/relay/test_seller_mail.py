"""Seller mail (`/ingest/seller-mail`): a seller answers from their own mail client, over HTTP.

Every rule is checked against what `Submission/set` does with the same message: the two paths
share `relay.api.submission.deliver`, and these tests hold them to it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from relay_testkit import RelayUnderTest, Seller, make_relay

from app.services.relay_client import RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries
from app.storage.queries import ThreadFilter
from app.storage.store import Store
from relay import cli, seller_mail
from relay.config import RelayConfig
from relay.enforce import pack_info

SHOP = "shop@alice-crafts.example"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
EXAMPLES = int(os.environ.get("RELAY_HYPOTHESIS_EXAMPLES", "40"))
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def _mail(
    relay: RelayUnderTest, alias: str, text: str | None = "Thanks, it ships today.", **extra: Any
) -> httpx.Response:
    body: dict[str, Any] = {
        "mailFrom": extra.pop("mailFrom", SHOP),
        "from": {"email": extra.pop("sender", SHOP), "name": "Alice Crafts"},
        "to": extra.pop("to", alias),
        "messageId": extra.pop("messageId", f"<{uuid.uuid4()}@mail.alice-crafts.example>"),
        "subject": extra.pop("subject", "Re: Question"),
        "text": text,
        **extra,
    }
    if body["text"] is None:
        del body["text"]
    return relay.buyers.http.post("/ingest/seller-mail", json=body)


def _att(name: str, data: bytes) -> dict[str, str]:
    return {"name": name, "contentBase64": base64.b64encode(data).decode()}


def _states(s: Seller) -> dict[str, str]:
    return {t: s.ok(f"{t}/get", {"ids": []})["state"] for t in ("Message", "Conversation")}


def _messages(s: Seller, conversation_id: str) -> list[dict[str, Any]]:
    ids = s.ok("Message/query", {"filter": {"conversationId": conversation_id}})["ids"]
    return list(s.ok("Message/get", {"ids": ids})["list"])


@pytest.fixture
def alice(relay: RelayUnderTest, conversation: dict[str, Any]) -> dict[str, Any]:
    """Alice's mail address registered (through the CLI) and her buyer's conversation."""
    assert cli.main(["seller-mail", "add", "--db", relay.db_url, "--seller", "alice",
                     "--email", SHOP.upper()]) == 0  # fmt: skip
    conv = relay.seller.get_one("Conversation", conversation["conversationId"])
    return {**conversation, "alias": conv["buyerAlias"], "conv": conv}


def test_reply_by_mail_lands_in_the_conversation_and_reaches_the_buyer(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    s = relay.seller
    assert alice["conv"]["deadline"] is not None  # the buyer is waiting
    before = s.ok("Message/get", {"ids": []})["state"]
    relay_id = seller_mail.relay_message_id(1, alice["messageId"], "relay.example")
    text = (
        "Hello Anna,\nyour mug ships today.\n\n"
        f"On Mon, 23 Nov 2026, Anna K. <{alice['alias']}> wrote:\n"
        "> Hello, where is my order?\n"
        "\n-- \nAlice Crafts\nshop@alice-crafts.example\n+46 70 123 45 67\n"
    )
    r = _mail(relay, alice["alias"], text, subject="Your mug", inReplyTo=relay_id,
              html='<p>Hello Anna,<br>your mug ships today.</p><blockquote>'
                   f'{alice["alias"]} wrote: where?</blockquote><script>x()</script>')  # fmt: skip
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["deliveryStatus"] == "delivered" and got["duplicate"] is False
    assert got["conversationId"] == alice["conversationId"]
    # In the seller's conversation, as any outbound message: synced through changes.
    changes = s.ok("Message/changes", {"sinceState": before})
    assert got["messageId"] in changes["created"]
    out = s.get_one("Message", got["messageId"])
    assert out["direction"] == "out" and out["delivered"] is True
    assert out["bodyText"] == "Hello Anna,\nyour mug ships today."  # no quote, no signature
    assert "blockquote" not in out["bodyHtml"] and "script" not in out["bodyHtml"]
    assert "alice-crafts" not in json.dumps(out) and alice["alias"] not in json.dumps(out)
    sub = s.get_one("Submission", got["submissionId"])
    assert sub["clientSubmissionId"].startswith("mail:") and sub["messageId"] == out["id"]
    # The clock is answered, the buyer's message marked, the metric counts it.
    conv = s.get_one("Conversation", alice["conversationId"])
    assert conv["deadline"] is None and conv["messageCount"] == 2
    assert s.get_one("Message", alice["messageId"])["keywords"].get("$answered") is True
    metrics = s.get_one("ResponseMetrics", "amazon.se")
    assert metrics["windows"]["7"]["answered"] == 1
    # The buyer receives it, from the seller's name, not the seller's mail address.
    box = relay.buyers.mailbox("anna@example.net")
    assert [m["bodyText"] for m in box] == ["Hello Anna,\nyour mug ships today."]
    assert box[0]["from"] == "alice" and "alice-crafts" not in json.dumps(box)


def test_the_app_syncs_a_reply_sent_by_mail(
    relay: RelayUnderTest, alice: dict[str, Any], tmp_path: Path
) -> None:
    """The app's own sync engine picks the mailed reply up like any outbound message."""

    async def run() -> None:
        store = Store.open(tmp_path / "profile")
        worker = StoreWorker()
        client = RelayClient(relay.url, relay.seller.token)
        try:
            engine = SyncEngine(client, store, worker)
            await engine.sync()
            with store.read() as conn:
                assert queries.thread_page(conn, ThreadFilter(), limit=1)[0].needs_response
            r = await asyncio.to_thread(_mail, relay, alice["alias"], "Shipped today.")
            assert r.status_code == 200, r.text
            after = await engine.sync()
            # The reply, and the buyer's message now marked $answered; no full resync.
            assert after.of("Message").upserted == 2 and not after.of("Message").full_resync
            with store.read() as conn:
                row = conn.exec_driver_sql(
                    "SELECT direction, body_text FROM messages WHERE relay_id = ?",
                    (r.json()["messageId"],),
                ).one()
                top = queries.thread_page(conn, ThreadFilter(), limit=1)[0]
            assert tuple(row) == ("out", "Shipped today.")
            assert not top.needs_response
        finally:
            await client.aclose()
            worker.shutdown()
            store.close()

    asyncio.run(run())


def test_the_same_mail_twice_is_one_message(relay: RelayUnderTest, alice: dict[str, Any]) -> None:
    mid = "<dup-1@mail.alice-crafts.example>"
    first = _mail(relay, alice["alias"], messageId=mid)
    again = _mail(relay, alice["alias"], messageId=mid)
    assert first.status_code == again.status_code == 200, again.text
    assert again.json()["duplicate"] is True
    assert again.json()["messageId"] == first.json()["messageId"]
    assert len(_messages(relay.seller, alice["conversationId"])) == 2
    assert len(relay.buyers.mailbox("anna@example.net")) == 1
    # A later mail answering the seller's own earlier one finds the conversation by it.
    r = _mail(relay, alice["alias"], subject="Something else", inReplyTo=mid)
    assert r.status_code == 200 and r.json()["conversationId"] == alice["conversationId"]


def test_the_same_mail_at_once_from_many_gateways_is_one_message(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    mid = "<race-1@mail.alice-crafts.example>"
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: _mail(relay, alice["alias"], messageId=mid), range(8)))
    assert [r.status_code for r in answers] == [200] * 8, [r.text for r in answers]
    assert sorted(r.json()["duplicate"] for r in answers) == [False] + [True] * 7
    assert len({r.json()["messageId"] for r in answers}) == 1
    assert len(_messages(relay.seller, alice["conversationId"])) == 2


def test_conversation_found_by_order_or_subject_else_refused(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    s = relay.seller
    by_order = _mail(relay, alice["alias"], subject="About 114-0000001-0000001")
    assert by_order.status_code == 200, by_order.text
    assert by_order.json()["conversationId"] == alice["conversationId"]
    by_subject = _mail(relay, alice["alias"], subject="SV: AW: Re: question")
    assert by_subject.json()["conversationId"] == alice["conversationId"]
    before = _states(s)
    r = _mail(relay, alice["alias"], subject="New topic", inReplyTo="<nothing@x.example>")
    assert r.status_code == 404 and r.json()["type"].endswith(":conversationNotFound")
    assert r.headers["content-type"].startswith("application/problem+json")
    assert _states(s) == before


def test_unknown_sender_and_alias_and_another_sellers_buyer(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    bob = relay.new_seller("bob")
    seller_mail.add_address(relay.db, "bob", "bob@bobs-shop.example")
    relay.buyers.order("bob", "114-0000009-0000009", "carl@example.net")
    bob_buyer = bob.ok("Buyer/get", {"ids": None})["list"][0]
    r = bob.send(buyerId=bob_buyer["id"], subject="Hello", body="Your order is packed.")[0]
    assert r is not None and r["deliveryStatus"] == "delivered"
    states = (_states(relay.seller), _states(bob))

    stranger = _mail(relay, alice["alias"], sender="x@elsewhere.example", mailFrom=None)
    assert stranger.status_code == 403 and stranger.json()["type"].endswith(":unknownSender")
    made_up = _mail(relay, "zzzzzzzzzzzzzzzz@marketplace.relay.example")
    foreign = _mail(relay, bob_buyer["alias"], subject="Re: Hello")
    assert made_up.status_code == foreign.status_code == 404
    # Another seller's buyer is answered exactly like an alias that does not exist.
    assert made_up.json() == foreign.json()
    assert "carl" not in foreign.text and "bob" not in foreign.text
    # Bob's address cannot write to Alice's buyer either.
    assert _mail(relay, alice["alias"], sender="bob@bobs-shop.example", mailFrom=None).json() == (
        made_up.json()
    )
    # An address registered for one seller cannot be taken by another.
    with pytest.raises(seller_mail.RegistrationError):
        seller_mail.add_address(relay.db, "bob", SHOP)
    assert (_states(relay.seller), _states(bob)) == states
    assert relay.buyers.mailbox("anna@example.net") == []
    assert len(relay.buyers.mailbox("carl@example.net")) == 1


def test_opted_out_buyer_bounces_exactly_as_from_the_app(relay: RelayUnderTest) -> None:
    s, b = relay.seller, relay.buyers
    seller_mail.add_address(relay.db, "alice", SHOP)
    order = b.order("alice", "114-0000002-0000002", "olle@example.net")
    first, _ = s.send(buyerId=order["buyerId"], orderId="114-0000002-0000002",
                      subject="Your order", body="Packed and ready.")  # fmt: skip
    assert first is not None and first["deliveryStatus"] == "delivered"
    alias = s.get_one("Buyer", order["buyerId"])["alias"]
    b.opt_out("olle@example.net")
    # A seller-started conversation, buyer opted out: stored, not delivered, a bounce notice.
    mid = "<optout-1@mail.alice-crafts.example>"
    r = _mail(relay, alias, "It has shipped.", subject="Re: Your order", messageId=mid)
    assert r.status_code == 422, r.text
    assert r.json()["setError"]["type"] == "buyerOptedOut"
    assert "olle" not in r.text
    msgs = _messages(s, first["conversationId"])
    assert [m["direction"] for m in msgs] == ["out", "out", "system"]
    assert msgs[1]["delivered"] is False and msgs[2]["notice"] == "bounce"
    again = _mail(relay, alias, "It has shipped.", subject="Re: Your order", messageId=mid)
    assert again.status_code == 422 and again.json()["duplicate"] is True
    app, _ = s.send(conversationId=first["conversationId"], body="It has shipped.")
    assert app is not None and app["deliveryStatus"] == "rejected"
    # Critical without [Important]: refused like the app's importantTagRequired, nothing kept.
    before = _states(s)
    r = _mail(relay, alias, "Which door?", subject="Re: Your order",
              contactReason="delivery-scheduling")  # fmt: skip
    assert r.status_code == 422 and r.json()["setError"]["type"] == "importantTagRequired"
    assert _states(s) == before
    r = _mail(relay, alias, "Which door?", subject="[Important] Re: Your order",
              contactReason="delivery-scheduling")  # fmt: skip
    assert r.status_code == 200 and r.json()["deliveryStatus"] == "delivered"
    assert [m["bodyText"] for m in b.mailbox("olle@example.net")] == [
        "Packed and ready.",
        "Which door?",
    ]


def test_messaging_off_limits_new_buyers_not_replies(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    s = relay.seller
    s.ok("Marketplace/set", {"update": {"amazon.se": {"messagingEnabled": False}}})
    r = _mail(relay, alice["alias"])
    assert r.status_code == 200 and r.json()["deliveryStatus"] == "delivered"
    app, _ = s.send(conversationId=alice["conversationId"], body="And from the app.")
    assert app is not None and app["deliveryStatus"] == "delivered"
    assert relay.buyers.write("alice", "stranger@example.org", "Hi").status_code == 403


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Use coupon SAVE20 for 20% off your next order at https://alice-crafts.example", None),
        ("See our shop.", '<p>See <a href="https://alice-crafts.example/">our shop</a>.</p>'),
        ("Thanks!", '<p>Thanks!<img src="https://t.alice-crafts.example/p.gif"></p>'),
        ("Call me on +46 70 123 45 67 or WhatsApp.", None),
    ],
)
def test_policy_block_is_refused_like_the_app(
    relay: RelayUnderTest, alice: dict[str, Any], text: str, html: str | None
) -> None:
    s = relay.seller
    before = _states(s)
    r = _mail(relay, alice["alias"], text, **({"html": html} if html else {}))
    assert r.status_code == 422, r.text
    err = r.json()["setError"]
    assert err["type"] == "policyViolation" and err["ruleIds"]
    assert _states(s) == before and relay.buyers.mailbox("anna@example.net") == []
    if html is None:  # the same words from the app meet the same rules
        _, app_err = s.send(conversationId=alice["conversationId"], body=text)
        assert app_err is not None and app_err["ruleIds"] == err["ruleIds"]


def test_disguised_attachments_are_removed_with_a_notice(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    s = relay.seller
    atts = [
        _att("invoice.pdf", EXE),
        _att("empty.txt", b""),
        _att("notes.txt", b"\x01\x02\x03\x04 binary \x05\x06\x07\x08" * 8),
        _att("receipt.pdf", PDF),
    ]
    r = _mail(relay, alice["alias"], "Your receipt.", attachments=atts)
    assert r.status_code == 200, r.text
    removed = r.json()["removedAttachments"]
    assert [(a["name"], a["reason"]) for a in removed] == [
        ("invoice.pdf", "type"),
        ("empty.txt", "type"),
        ("notes.txt", "type"),
    ]
    out = s.get_one("Message", r.json()["messageId"])
    assert [a["name"] for a in out["attachments"]] == ["receipt.pdf"]
    kept = out["attachments"][0]
    assert kept["type"] == "application/pdf"
    dl = s.http.get(f"/download/{s.account}/{kept['blobId']}/receipt.pdf")
    assert dl.status_code == 200 and dl.content == PDF
    notices = [m for m in _messages(s, alice["conversationId"]) if m["notice"]]
    assert [m["notice"] for m in notices] == ["attachmentRemoved"]
    assert "invoice.pdf" in notices[0]["bodyText"]


def test_control_characters_and_paths_in_names_and_subjects(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    s = relay.seller
    before = _states(s)
    for name in ("../../etc/passwd.pdf", "a\r\nX-Evil: 1.pdf", "..\\boot.ini"):
        r = _mail(relay, alice["alias"], attachments=[_att(name, PDF)])
        assert r.status_code == 422, r.text
        assert r.json()["setError"] == {
            "type": "invalidProperties",
            "properties": ["attachments/0/name"],
        }
    r = _mail(relay, alice["alias"], subject="Re: Question\r\nBcc: x@y.example")
    assert r.json()["setError"]["properties"] == ["subject"]
    assert _states(s) == before
    # A folded header is one line (RFC 5322), not an injection.
    r = _mail(relay, alice["alias"], subject="Re:\r\n  Question")
    assert r.status_code == 200, r.text
    assert s.get_one("Message", r.json()["messageId"])["subject"] == "Re: Question"


def test_bad_bodies_get_clear_errors(relay: RelayUnderTest, alice: dict[str, Any]) -> None:
    for extra, field in (
        ({"messageId": "no brackets"}, "messageId"),
        ({"to": "not an address"}, "to"),
        ({"text": None}, "text"),
        ({"contactReason": "bribe"}, "contactReason"),
        ({"attachments": [{"name": "a.pdf", "contentBase64": "@@@"}]}, "attachments/0"),
    ):
        r = _mail(relay, alice["alias"], **extra)
        assert r.status_code == 400, (extra, r.text)
        assert r.json()["field"].startswith(field)
    wrong_key = httpx.post(
        relay.url + "/ingest/seller-mail",
        json={},
        headers={"Authorization": f"Bearer {relay.seller.token}"},
    )
    assert wrong_key.status_code == 401  # a seller token is no ingest credential


@pytest.fixture
def small_relay(db_url: str) -> Iterator[RelayUnderTest]:
    cfg = RelayConfig(rate_per_second=10_000, rate_burst=10_000, max_ingest_bytes=3_000_000)
    yield from make_relay(db_url, cfg)


def test_oversize_attachment_removed_and_huge_mail_refused(small_relay: RelayUnderTest) -> None:
    relay = small_relay
    relay.buyers.order("alice", "114-0000001-0000001", "anna@example.net")
    relay.buyers.write("alice", "anna@example.net", orderId="114-0000001-0000001")
    seller_mail.add_address(relay.db, "alice", SHOP)
    alias = relay.seller.ok("Buyer/get", {"ids": None})["list"][0]["alias"]
    before = _states(relay.seller)
    # Over the ingest cap: 413 as soon as the stream passes it, declared or not.
    huge = b"%PDF-1.4\n" + b"0" * 3_000_000
    r = _mail(relay, alias, attachments=[_att("big.pdf", huge)])
    assert r.status_code == 413 and r.json()["limit"] == "maxSizeRequest"

    def chunks() -> Iterator[bytes]:
        yield b'{"to": "' + alias.encode() + b'", "text": "'
        for _ in range(64):
            yield b"x" * 65536
        yield b'"}'

    r = relay.buyers.http.post(
        "/ingest/seller-mail", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 413
    assert _states(relay.seller) == before


def test_oversize_attachment_is_removed_by_size(
    relay: RelayUnderTest, alice: dict[str, Any]
) -> None:
    big = b"%PDF-1.4\n" + b"0" * pack_info("amazon.se").max_attachment_bytes  # over the limit
    r = _mail(relay, alice["alias"], attachments=[_att("small.pdf", PDF), _att("big.pdf", big)])
    assert r.status_code == 200, r.text
    assert [(a["name"], a["reason"]) for a in r.json()["removedAttachments"]] == [
        ("big.pdf", "size")
    ]


def test_cli_registers_lists_removes_and_sends(
    relay: RelayUnderTest, alice: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", relay.db_url]
    assert cli.main(["seller-mail", "list", *db]) == 0
    assert capsys.readouterr().out.split() == ["alice", SHOP]
    assert cli.main(["seller-mail", "add", *db, "--seller", "nobody", "--email", "x@y.z"]) == 1
    args = ["seller-mail", "send", "--email", SHOP, "--to", alice["alias"], "--text", "By hand.",
            "--subject", "Re: Question"]  # fmt: skip
    assert cli.main([*args, "--url", relay.url, "--ingest-key", relay.ingest_key]) == 0
    sent = json.loads(capsys.readouterr().out)
    assert sent["deliveryStatus"] == "delivered"
    assert cli.main([*args, *db, "--subject", "Unrelated"]) == 1
    assert json.loads(capsys.readouterr().out)["refused"]["type"].endswith(":conversationNotFound")
    assert cli.main(["seller-mail", "remove", *db, "--email", SHOP]) == 0
    assert cli.main([*args, "--url", relay.url, "--ingest-key", relay.ingest_key]) == 1
    assert "unknownSender" in capsys.readouterr().out


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    subject=st.one_of(st.just("Re: Question"), st.text(max_size=250)),  # half find the thread
    text=st.one_of(st.none(), st.text(max_size=1500)),
    html=st.one_of(st.none(), st.text(max_size=1500)),
    names=st.lists(st.text(max_size=130), max_size=3),
    data=st.binary(max_size=256),
    refs=st.text(max_size=200),
)
def test_any_mail_gets_a_documented_answer(
    relay: RelayUnderTest,
    alice: dict[str, Any],
    subject: str,
    text: str | None,
    html: str | None,
    names: list[str],
    data: bytes,
    refs: str,
) -> None:
    extra: dict[str, Any] = {"subject": subject, "references": refs}
    if html is not None:
        extra["html"] = html
    extra["attachments"] = [_att(n, data) for n in names]
    r = _mail(relay, alice["alias"], text, **extra)
    assert r.status_code in (200, 400, 404, 422), r.text
    if r.status_code == 200:
        out = relay.seller.get_one("Message", r.json()["messageId"])
        assert SHOP not in json.dumps(out).lower()
