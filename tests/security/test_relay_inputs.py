"""Attacks 10-13 against a real relay: far-off dates, control and bidi characters, an event
stream that outlives its token, and a buyer naming another buyer's order."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from security_testkit import Target, api  # type: ignore[import-not-found]

from relay import auth

FAR_OFF = [
    "0001-01-01T00:00:00+01:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-01:00",
    "9999-12-31T23:30:00Z",
]


@pytest.mark.parametrize("date", FAR_OFF)
def test_far_off_dates_are_a_clear_400(target: Target, date: str) -> None:
    target.seller("alice")
    r = target.message("alice", "anna@example.net", receivedAt=date)
    assert r.status_code == 400 and r.json()["field"] == "receivedAt", r.text
    body = {
        "seller": "alice",
        "marketplaceId": "amazon.se",
        "orderId": "114-0000001-0000001",
        "placedAt": date,
        "buyer": {"email": "anna@example.net"},
    }
    r = target.ingest("/ingest/orders", body)
    assert r.status_code == 400 and r.json()["field"] == "placedAt", r.text


@pytest.mark.parametrize("date", FAR_OFF)
def test_far_off_vacation_dates_are_refused_not_a_server_failure(target: Target, date: str) -> None:
    _, alice, account = target.seller("alice")
    assert target.message("alice", "anna@example.net").status_code == 200  # the marketplace
    for prop in ("vacationFrom", "vacationUntil"):
        r = api(
            alice,
            ["Marketplace/set", {"accountId": account, "update": {"amazon.se": {prop: date}}}, "s"],
        )
        name, result = r.json()["methodResponses"][0][:2]
        assert name == "Marketplace/set", result
        assert result["notUpdated"]["amazon.se"]["type"] == "invalidProperties"
        assert result["notUpdated"]["amazon.se"]["properties"] == [prop]


HOSTILE_LINE = "invoice\u202efdp.exe \u0085 next\u009b[31m red \u2066x\u2069 \x1b[0m"


def test_control_and_bidi_characters_leave_subjects_and_file_names(target: Target) -> None:
    _, alice, account = target.seller("alice")
    r = target.message(
        "alice",
        "anna@example.net",
        subject=HOSTILE_LINE,
        name=HOSTILE_LINE,
        attachments=[
            {"name": "invoice\u202efdp.exe", "contentBase64": base64.b64encode(b"hi").decode()}
        ],
    )
    assert r.status_code == 200, r.text
    message = api(
        alice,
        ["Message/get", {"accountId": account, "ids": [r.json()["messageId"]]}, "m"],
    ).json()["methodResponses"][0][1]["list"][0]
    buyer = api(alice, ["Buyer/get", {"accountId": account}, "b"]).json()["methodResponses"][0][1]
    shown = [message["subject"], message["attachments"][0]["name"], buyer["list"][0]["displayName"]]
    for text in shown:
        assert not any(ch in text for ch in "\u202e\u0085\u009b\u2066\u2069\x1b"), repr(text)
    assert message["attachments"][0]["name"] == "invoicefdp.exe"


def test_a_seller_cannot_send_bidi_overrides_either(target: Target) -> None:
    _, alice, account = target.seller("alice")
    conv = target.message("alice", "anna@example.net").json()["conversationId"]
    r = api(
        alice,
        [
            "Submission/set",
            {
                "accountId": account,
                "create": {
                    "k": {
                        "conversationId": conv,
                        "subject": "Re: invoice\u202efdp.exe",
                        "body": "hi",
                        "clientSubmissionId": "k1",
                        "contactReason": "other",
                    }
                },
            },
            "s",
        ],
        **{"Idempotency-Key": "k1"},
    )
    result = r.json()["methodResponses"][0][1]
    assert "k" in (result.get("notCreated") or {}), result


def test_a_revoked_token_loses_its_open_event_stream(target: Target) -> None:
    token, alice, _ = target.seller("alice")
    ended = threading.Event()
    opened = threading.Event()

    def listen() -> None:
        with (
            httpx.Client(timeout=httpx.Timeout(30, read=30)) as c,
            c.stream(
                "GET",
                f"{target.url}/events?types=*&closeafter=no&ping=1",
                headers={"Authorization": f"Bearer {token}"},
            ) as r,
        ):
            for _ in r.iter_lines():
                opened.set()
        ended.set()

    threading.Thread(target=listen, daemon=True).start()
    assert opened.wait(10)
    t = time.monotonic()
    assert auth.revoke(target.db, token=token) == 1
    assert ended.wait(10), "the stream is still open 10 s after its token was revoked"
    print(f"\nstream closed {time.monotonic() - t:.1f} s after revocation")
    deadline = time.monotonic() + 5  # requests: within the relay's 2 s token cache
    while alice.get("/.well-known/jmap").status_code != 401:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    alice.close()


def test_an_order_belongs_to_one_buyer(target: Target) -> None:
    _, alice, account = target.seller("alice")
    assert target.order("alice", "114-0000001-0000001", "anna@example.net").status_code == 200
    # Another buyer names Anna's order: refused, and Anna's order stays hers.
    r = target.message("alice", "mallory@example.net", orderId="114-0000001-0000001")
    assert r.status_code == 400 and r.json()["field"] == "orderId", r.text
    r = target.order("alice", "114-0000001-0000001", "mallory@example.net")
    assert r.status_code == 400, r.text
    assert (
        target.message("alice", "anna@example.net", orderId="114-0000001-0000001").status_code
        == 200
    )
    convs = api(
        alice,
        ["Conversation/get", {"accountId": account}, "c"],
    ).json()["methodResponses"][0][1]["list"]
    buyers = api(alice, ["Buyer/get", {"accountId": account}, "b"]).json()["methodResponses"][0][1]
    anna = next(b["id"] for b in buyers["list"] if b["displayName"] == "A. Buyer")
    assert [c["buyerId"] for c in convs if c["orderId"] == "114-0000001-0000001"] == [anna]


@pytest.mark.parametrize(
    "name",
    ["ａｌｉｃｅ", "alice\u200b", "Alice", "ALICE", "alice ", "ali\u202ece", "", "a" * 101],
    ids=["full-width", "zero-width", "case", "upper", "space", "bidi", "empty", "long"],
)
def test_a_new_seller_cannot_look_like_another(target: Target, name: str) -> None:
    target.seller("alice")
    with pytest.raises(auth.SellerNameError):
        auth.create_token(target.db, name)
    assert auth.create_token(target.db, "alice")  # the seller itself: as before
    assert auth.create_token(target.db, "Ærø Design")  # any plain name of any script


@pytest.mark.parametrize("quantity", [0, -3, 2.5, True, "2", 10**22, int("9" * 4000)])
def test_an_order_quantity_is_a_count_of_pieces(target: Target, quantity: object) -> None:
    target.seller("alice")
    body = {
        "seller": "alice",
        "marketplaceId": "amazon.se",
        "orderId": "114-0000001-0000009",
        "buyer": {"email": "anna@example.net"},
        "items": [
            {"sku": "S1", "title": "mug", "quantity": 2},
            {"sku": "S2", "quantity": quantity},
        ],
    }
    r = target.ingest("/ingest/orders", body)
    assert r.status_code == 400 and r.json()["field"] == "items/1/quantity", r.text
    body["items"] = body["items"][:1]  # type: ignore[index]
    assert target.ingest("/ingest/orders", body).status_code == 200


def test_one_token_holds_a_bounded_number_of_event_streams(target: Target) -> None:
    from relay.server import MAX_STREAMS_PER_TOKEN

    token, alice, _ = target.seller("alice")
    other = auth.create_token(target.db, "alice")  # another seat: its own streams
    url = f"{target.url}/events?types=*&closeafter=no&ping=0"
    with httpx.Client(timeout=httpx.Timeout(10)) as c:
        opened: list[tuple[httpx.Response, Iterator[str]]] = []

        def open_stream(tok: str) -> None:
            r = c.send(
                c.build_request("GET", url, headers={"Authorization": f"Bearer {tok}"}), stream=True
            )
            assert r.status_code == 200
            lines = r.iter_lines()  # kept: a dropped iterator closes the stream
            assert next(lines) == "event: state"
            opened.append((r, lines))

        try:
            open_stream(other)
            for _ in range(MAX_STREAMS_PER_TOKEN + 3):
                open_stream(token)
            # the three oldest of the token ended (the relay closed them), the rest are open
            for _, lines in opened[1:4]:
                assert list(lines)[-1:] in ([], [""])  # runs out instead of waiting
            hub = target.embedded.server.config.app.state.relay.hub
            assert hub.count == MAX_STREAMS_PER_TOKEN + 1  # the other seat's one kept
        finally:
            for r, _ in opened:
                r.close()
    alice.close()
