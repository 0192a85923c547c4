"""Protocol over real HTTP on loopback: session, request errors, get/changes/set/query."""

from __future__ import annotations

from typing import Any

from relay_testkit import USING, RelayUnderTest, make_relay

from relay import auth
from relay.maintenance import reset_horizon


def test_session_publishes_limits_and_urls(relay: RelayUnderTest) -> None:
    s = relay.seller.http.get("/.well-known/jmap").json()
    core = s["capabilities"]["urn:ietf:params:jmap:core"]
    for limit in ("maxSizeUpload", "maxObjectsInGet", "maxCallsInRequest", "maxSizeRequest"):
        assert isinstance(core[limit], int)
    assert s["apiUrl"].startswith("http://127.0.0.1:")
    assert "{accountId}" in s["uploadUrl"] and "{blobId}" in s["downloadUrl"]
    assert "{types}" in s["eventSourceUrl"]
    assert s["primaryAccounts"]["urn:ietf:params:jmap:core"] == relay.seller.account


def test_request_level_errors_are_problem_json(relay: RelayUnderTest) -> None:
    http = relay.seller.http
    cases: list[tuple[Any, int, str]] = [
        (b"{not json", 400, "notJSON"),
        (b"\xff\xfe", 400, "notJSON"),
        (b"[1, 2]", 400, "notRequest"),
        (b'{"using": [], "methodCalls": [["Core/echo", {}]]}', 400, "notRequest"),
        (b'{"using": ["urn:x"], "methodCalls": []}', 400, "unknownCapability"),
    ]
    for body, status, kind in cases:
        r = http.post("/api", content=body)
        assert r.status_code == status, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["type"].endswith(kind)
    many = {"using": USING, "methodCalls": [["Core/echo", {}, str(i)] for i in range(100)]}
    r = http.post("/api", json=many)
    assert r.status_code == 400 and r.json()["limit"] == "maxCallsInRequest"
    r = http.post("/api", content=b"x" * 2_000_000)
    assert r.status_code == 413 and r.json()["limit"] == "maxSizeRequest"


def test_auth_and_revocation(relay: RelayUnderTest) -> None:
    r = relay.seller.http.get("/.well-known/jmap", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers
    # An ingest key is not a seller token, and the other way round.
    r = relay.seller.http.get(
        "/.well-known/jmap", headers={"Authorization": f"Bearer {relay.ingest_key}"}
    )
    assert r.status_code == 401
    r = relay.seller.http.post("/ingest/opt-out", json={})
    assert r.status_code == 401
    token = auth.create_token(relay.db, "bob")
    assert auth.revoke(relay.db, token=token) == 1
    import time

    time.sleep(2.1)  # the relay caches a verdict for 2 s
    r = relay.seller.http.get("/.well-known/jmap", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401


def test_method_errors(relay: RelayUnderTest) -> None:
    s = relay.seller
    r = s.request(
        ["Nope/get", {}, "a"],
        ["Message/get", {"accountId": "A999"}, "b"],
        ["Message/get", {"accountId": s.account, "ids": "x"}, "c"],
        ["Message/changes", {"accountId": s.account, "sinceState": "zz"}, "d"],
        ["Message/query", {"accountId": s.account, "filter": {"nope": 1}}, "e"],
        [
            "Message/get",
            {"accountId": s.account, "#ids": {"resultOf": "q", "name": "x", "path": "/"}},
            "f",
        ],
        ["Core/echo", {"hello": True}, "g"],
    ).json()["methodResponses"]
    kinds = [x[1].get("type") for x in r[:6]]
    assert kinds == [
        "unknownMethod",
        "accountNotFound",
        "invalidArguments",
        "cannotCalculateChanges",
        "unsupportedFilter",
        "invalidResultReference",
    ]
    assert r[6] == ["Core/echo", {"hello": True}, "g"]


def test_get_query_changes_for_every_type(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    for type_ in ("Marketplace", "Buyer", "Order", "Conversation", "Message"):
        got = s.ok(f"{type_}/get", {"ids": None})
        assert got["list"], type_
        q = s.ok(f"{type_}/query", {"calculateTotal": True})
        assert q["total"] == len(got["list"]) and len(q["ids"]) == q["total"]
        ch = s.ok(f"{type_}/changes", {"sinceState": "0"})
        assert sorted(ch["created"]) == sorted(o["id"] for o in got["list"])
        assert ch["newState"] == got["state"]
    sent, err = s.send(conversationId=conversation["conversationId"], body="It ships today.")
    assert err is None and sent is not None
    sub = s.get_one("Submission", sent["id"])
    assert sub["deliveryStatus"] == "delivered"
    conv = s.get_one("Conversation", conversation["conversationId"])
    assert conv["awaitingSince"] is None and conv["messageCount"] == 2
    buyer = s.get_one("Buyer", conv["buyerId"])
    assert buyer["alias"].endswith("@marketplace.relay.example")
    assert "email" not in buyer
    metrics = s.ok("ResponseMetrics/get", {"ids": ["amazon.se"]})["list"][0]
    assert metrics["windows"]["7"]["answered"] == 1
    assert metrics["windows"]["7"]["lateRate"] == 0.0


def test_result_references_chain(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    r = s.request(
        ["Conversation/query", {"accountId": s.account, "filter": {"needsResponse": True}}, "q"],
        [
            "Conversation/get",
            {
                "accountId": s.account,
                "#ids": {"resultOf": "q", "name": "Conversation/query", "path": "/ids"},
            },
            "g",
        ],
        [
            "Message/query",
            {
                "accountId": s.account,
                "#filter": {"resultOf": "q", "name": "Conversation/query", "path": "/filter"},
            },
            "bad",
        ],
    ).json()["methodResponses"]
    assert r[1][1]["list"][0]["id"] == conversation["conversationId"]
    assert r[2][0] == "error"


def test_keywords_and_if_in_state(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    mid = conversation["messageId"]
    state = s.ok("Message/get", {"ids": [mid]})["state"]
    res = s.ok(
        "Message/set",
        {"ifInState": state, "update": {mid: {"keywords/$seen": True, "keywords/$flagged": True}}},
    )
    assert mid in res["updated"]
    assert s.get_one("Message", mid)["keywords"] == {"$seen": True, "$flagged": True}
    got, err = s.call(
        "Message/set", {"ifInState": state, "update": {mid: {"keywords/$seen": None}}}
    )
    assert got == "error" and err["type"] == "stateMismatch"
    assert s.get_one("Message", mid)["keywords"]["$seen"] is True  # nothing written
    res = s.ok(
        "Message/set",
        {
            "update": {mid: {"keywords/$bogus": True}, "M0": {"keywords": {}}},
            "destroy": [mid],
            "create": {"x": {}},
        },
    )
    assert res["notUpdated"][mid]["type"] == "invalidProperties"
    assert res["notUpdated"]["M0"]["type"] == "notFound"
    assert res["notDestroyed"][mid]["type"] == "forbidden"
    assert res["notCreated"]["x"]["type"] == "forbidden"
    # $noResponseNeeded stops the clock.
    res = s.ok("Message/set", {"update": {mid: {"keywords/$noResponseNeeded": True}}})
    assert s.get_one("Conversation", conversation["conversationId"])["awaitingSince"] is None
    changes = s.ok("Conversation/changes", {"sinceState": "0"})
    assert conversation["conversationId"] in changes["created"]


def test_cannot_calculate_changes_after_pruning(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    old = s.ok("Message/get", {"ids": []})["state"]
    relay.buyers.write("alice", "anna@example.net", "one more", orderId="114-0000001-0000001")
    reset_horizon(relay.db)
    # A client at state 0 holds nothing: it can still page the whole log (every live object).
    from_zero = s.ok("Message/changes", {"sinceState": "0"})
    assert set(from_zero["created"]) == set(s.ok("Message/query", {})["ids"])
    got, err = s.call("Message/changes", {"sinceState": old})
    assert got == "error" and err["type"] == "cannotCalculateChanges"
    now_state = s.ok("Message/get", {"ids": []})["state"]
    assert s.ok("Message/changes", {"sinceState": now_state})["created"] == []


def test_marketplace_switch_and_vacation(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    res = s.ok("Marketplace/set", {"update": {"amazon.se": {"messagingEnabled": False}}})
    assert "amazon.se" in res["updated"]
    m = s.get_one("Marketplace", "amazon.se")
    assert m["messagingEnabled"] is False and m["acceptsNewBuyers"] is False
    bad = s.ok(
        "Marketplace/set",
        {
            "update": {
                "amazon.se": {
                    "vacationFrom": "2030-01-10T00:00:00Z",
                    "vacationUntil": "2030-01-01T00:00:00Z",
                },
                "amazon.nope": {"messagingEnabled": True},
            }
        },
    )
    assert bad["notUpdated"]["amazon.se"]["type"] == "invalidProperties"
    assert bad["notUpdated"]["amazon.nope"]["type"] == "notFound"
    bad = s.ok("Marketplace/set", {"update": {"amazon.se": {"name": "x"}}, "create": {"n": {}}})
    assert bad["notUpdated"]["amazon.se"]["type"] == "invalidProperties"
    assert bad["notCreated"]["n"]["type"] == "forbidden"


def test_rate_limit_answers_429_with_retry_after(db_url: str) -> None:
    from relay.config import RelayConfig

    for relay in make_relay(db_url, RelayConfig(rate_per_second=1, rate_burst=3)):
        statuses = [relay.seller.http.get("/.well-known/jmap") for _ in range(3)]
        r = relay.seller.http.get("/.well-known/jmap")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
        assert r.json()["type"].endswith("rateLimited")
        del statuses
