"""SSE push: StateChange after writes, pings, and across relay processes on PostgreSQL."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

import httpx
from relay_testkit import RelayUnderTest

from relay.embedded import start_embedded


def _listen(url: str, token: str, out: queue.Queue, stop: threading.Event) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(30, read=30)) as c,
        c.stream(
            "GET",
            f"{url}/events?types=*&closeafter=no&ping=1",
            headers={"Authorization": f"Bearer {token}"},
        ) as r,
    ):
        assert r.headers["content-type"].startswith("text/event-stream")
        event = None
        for line in r.iter_lines():
            if stop.is_set():
                return
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                out.put((event, json.loads(line[6:])))


def _next_state(q: queue.Queue, timeout: float = 10) -> dict[str, Any]:
    while True:
        event, data = q.get(timeout=timeout)
        if event == "state":
            return data


def _watch(url: str, token: str) -> tuple[queue.Queue, threading.Event]:
    q: queue.Queue = queue.Queue()
    stop = threading.Event()
    threading.Thread(target=_listen, args=(url, token, q, stop), daemon=True).start()
    return q, stop


def test_state_change_and_ping(relay: RelayUnderTest, conversation: dict) -> None:
    s = relay.seller
    q, stop = _watch(relay.url, s.token)
    first = _next_state(q)["changed"][s.account]
    assert set(first) >= {"Message", "Conversation", "Marketplace"}
    s.ok("Marketplace/set", {"update": {"amazon.se": {"messagingEnabled": False}}})
    change = _next_state(q)["changed"][s.account]
    assert change == {"Marketplace": s.ok("Marketplace/get", {"ids": []})["state"]}
    relay.buyers.write("alice", "anna@example.net", "Hello again")
    change = _next_state(q)["changed"][s.account]
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
        q, stop = _watch(other.url, s.token)
        _next_state(q)
        s.ok("Message/set", {"update": {conversation["messageId"]: {"keywords/$seen": True}}})
        change = _next_state(q, timeout=10)["changed"][s.account]
        assert "Message" in change
        stop.set()
    finally:
        other.stop()
