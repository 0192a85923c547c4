"""The /api fast paths keep JMAP's semantics: calls of one request share a read connection (and
its states) yet see the writes of earlier calls; prebuilt query statements page like the
general ones; orjson answers fall back to the standard encoder."""

from __future__ import annotations

import json

from relay_testkit import RelayUnderTest

from relay.server import ApiResponse


def test_later_calls_see_earlier_writes_in_one_request(
    relay: RelayUnderTest, conversation: dict
) -> None:
    s = relay.seller
    acc = s.account
    get = ["Marketplace/get", {"accountId": acc, "ids": ["amazon.se"]}]
    r = s.request(
        [*get, "before"],
        [
            "Marketplace/set",
            {"accountId": acc, "update": {"amazon.se": {"messagingEnabled": False}}},
            "set",
        ],
        [*get, "after"],
    )
    assert r.status_code == 200, r.text
    (_, before, _), (_, done, _), (_, after, _) = r.json()["methodResponses"]
    assert "amazon.se" in done["updated"]
    assert before["list"][0]["messagingEnabled"] is True
    assert after["list"][0]["messagingEnabled"] is False
    assert int(after["state"]) > int(before["state"])
    assert after["state"] == done["newState"]


def test_prebuilt_query_pages_like_the_filtered_one(
    relay: RelayUnderTest, conversation: dict
) -> None:
    s = relay.seller
    for i in range(4):
        r = relay.buyers.write("alice", f"b{i}@example.net", f"question {i}")
        assert r.status_code == 200, r.text
    everything = s.ok("Conversation/query", {"limit": 100})["ids"]
    assert len(everything) >= 5
    page = s.ok("Conversation/query", {"position": 1, "limit": 2})
    assert page["ids"] == everything[1:3] and page["position"] == 1
    oldest_first = s.ok(
        "Conversation/query", {"sort": [{"property": "lastActivity", "isAscending": True}]}
    )["ids"]
    assert sorted(oldest_first) == sorted(everything) and oldest_first != everything
    # The same order through the general (filtered) path: every conversation awaits a reply.
    filtered = s.ok("Conversation/query", {"filter": {"needsResponse": True}, "limit": 100})
    assert filtered["ids"] == [i for i in everything if i in set(filtered["ids"])]
    assert filtered["ids"]


def test_api_response_falls_back_for_what_orjson_refuses() -> None:
    body = {"methodResponses": [["x", {"big": 2**70, "text": "é\u2028"}, "c"]]}
    assert json.loads(ApiResponse(body).body) == body
    assert ApiResponse({"a": "é"}).body == '{"a":"é"}'.encode()
