"""Answers of pure-read /api requests, reused while the account has not changed.

Every committed write of an account raises its `modseq` (relay.store.Changes), so an answer
computed when the account was at modseq M is still the answer while it is at M. A lookup reads
the modseq first, on the connection the request would read with; an entry is stored under the
modseq read *before* its answer was computed (the answer can only be newer, never staler). The
modseq comes from the database on every request, so writes by other relay processes or by the
CLI are seen at once: nothing here depends on push or on in-process invalidation.

Only methods whose answers are a function of the account's rows alone are covered: no clock
(ResponseMetrics, a Marketplace's vacation window), nothing another account's write can
change without bumping this one, no change log (pruning does not bump modseq).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

CACHEABLE = frozenset({"Conversation/get", "Conversation/query", "Message/get", "Message/query"})
MAX_ENTRIES = 512
MAX_ANSWER_BYTES = 256 * 1024  # a cache of a few small answers, not of whole mailboxes


class ReadCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[int, bytes], tuple[int, bytes]] = OrderedDict()
        self._lock = threading.Lock()  # PostgreSQL runs requests in worker threads
        self.hits = 0
        self.misses = 0

    @staticmethod
    def covers(payload: dict[str, Any]) -> bool:
        calls = payload["methodCalls"]
        return bool(calls) and all(c[0] in CACHEABLE for c in calls)

    def get(self, key: tuple[int, bytes], modseq: int) -> bytes | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None or found[0] != modseq:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: tuple[int, bytes], modseq: int, answer: bytes) -> None:
        if len(answer) > MAX_ANSWER_BYTES:
            return
        with self._lock:
            self._entries[key] = (modseq, answer)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def has_server_failure(body: dict[str, Any]) -> bool:
    """A serverFail may be transient (a lost connection): never keep such an answer."""
    return any(
        r[0] == "error" and isinstance(r[1], dict) and r[1].get("type") == "serverFail"
        for r in body["methodResponses"]
    )
