"""The read cache (relay.readcache) never answers from before a committed write, wherever the
write came from: here a second relay on the same database (another process, as far as the
first relay's memory goes), on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from relay_testkit import USING, RelayUnderTest, make_relay

from relay.readcache import ReadCache


def _inbox(relay: RelayUnderTest) -> tuple[bytes, dict[str, Any]]:
    acc = relay.seller.account
    calls = [
        ["Conversation/query", {"accountId": acc, "limit": 50}, "q"],
        [
            "Conversation/get",
            {
                "accountId": acc,
                "#ids": {"resultOf": "q", "name": "Conversation/query", "path": "/ids"},
            },
            "g",
        ],
    ]
    r = relay.seller.request(*calls)
    assert r.status_code == 200, r.text
    return r.content, r.json()


def _cache(relay: RelayUnderTest) -> ReadCache:
    cache: ReadCache = relay.embedded.server.config.app.state.relay.cache
    return cache


def test_cached_inbox_follows_writes_of_another_relay(
    relay: RelayUnderTest, conversation: dict
) -> None:
    cache = _cache(relay)
    first, answer = _inbox(relay)
    hits = cache.hits
    again, _ = _inbox(relay)
    assert again == first and cache.hits == hits + 1  # served from the cache, byte for byte
    ids = answer["methodResponses"][0][1]["ids"]

    for other in make_relay(relay.db_url):
        r = other.buyers.write("alice", "new-buyer@example.net", "Is this still in stock?")
        assert r.status_code == 200, r.text
        new_id = r.json()["conversationId"]
        after_raw, after = _inbox(relay)  # the very next read, no push involved
        assert after_raw != first
        (_, query, _), (_, got, _) = after["methodResponses"]
        assert query["ids"] == [new_id, *ids]
        assert got["list"][0]["preview"] == "Is this still in stock?"
        assert int(got["state"]) > int(answer["methodResponses"][1][1]["state"])

        # A send through the other relay (a message appended, the conversation updated).
        other.seller.send(conversationId=new_id, body="Yes, it ships tomorrow.")
        _, latest = _inbox(relay)
        conv = latest["methodResponses"][1][1]["list"][0]
        assert conv["id"] == new_id and conv["messageCount"] == 2
        assert conv["preview"] == "Yes, it ships tomorrow."


def test_only_clock_free_reads_are_cached() -> None:
    def payload(*names: str) -> dict[str, Any]:
        return {"using": USING, "methodCalls": [[n, {}, "c"] for n in names]}

    assert ReadCache.covers(payload("Conversation/query", "Conversation/get"))
    assert ReadCache.covers(payload("Message/get"))
    assert not ReadCache.covers(payload("Conversation/get", "ResponseMetrics/get"))
    assert not ReadCache.covers(payload("Marketplace/get"))  # vacation windows follow the clock
    assert not ReadCache.covers(payload("Conversation/changes"))  # pruning does not bump modseq
    assert not ReadCache.covers(payload())


def test_cache_keeps_its_size_and_checks_the_modseq() -> None:
    cache = ReadCache(max_entries=2)
    cache.put((1, b"a"), 5, b"A")
    cache.put((1, b"b"), 5, b"B")
    assert cache.get((1, b"a"), 5) == b"A"  # now the most recent
    cache.put((2, b"a"), 5, b"C")  # evicts (1, b"b")
    assert cache.get((1, b"b"), 5) is None
    assert cache.get((1, b"a"), 6) is None  # the account moved on
    assert cache.get((2, b"a"), 5) == b"C"
