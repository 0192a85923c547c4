"""SSE push: StateChange after writes, pings, and across relay processes on PostgreSQL."""

from __future__ import annotations

from relay_testkit import RelayUnderTest, next_state, watch_events

from relay.embedded import start_embedded


def test_state_change_and_ping(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    q, stop = watch_events(relay.url, s.token)
    first = next_state(q)["changed"][s.account]
    assert set(first) >= {"Message", "Conversation", "Marketplace"}
    s.ok("Marketplace/set", {"update": {"amazon.se": {"messagingEnabled": False}}})
    change = next_state(q)["changed"][s.account]
    assert change == {"Marketplace": s.ok("Marketplace/get", {"ids": []})["state"]}
    relay.buyers.write("alice", "anna@example.net", "Hello again")
    change = next_state(q)["changed"][s.account]
    assert "Message" in change
    kinds = set()
    while len(kinds) < 1:
        event, data = q.get(timeout=5)
        if event == "ping":
            kinds.add(data["@type"])
    stop.set()


def test_push_reaches_a_client_of_another_process(
    relay: RelayUnderTest, conversation: dict
) -> None:
    """Two relays on one database: a write accepted by one wakes SSE clients of the other
    (PostgreSQL: LISTEN/NOTIFY; SQLite: the modseq poll)."""
    other = start_embedded(relay.db_url)
    try:
        s = relay.seller
        q, stop = watch_events(other.url, s.token)
        next_state(q)
        s.ok("Message/set", {"update": {conversation["messageId"]: {"keywords/$seen": True}}})
        change = next_state(q, timeout=10)["changed"][s.account]
        assert "Message" in change
        stop.set()
    finally:
        other.stop()
