"""What the window shows about the relay connection, and the retry schedule behind it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    ONLINE = "online"
    CONNECTING = "connecting"
    OFFLINE = "offline"  # unreachable, busy, or "work offline" chosen by the seller
    SESSION_ONLY = "session-only"  # online, but the token lives only in memory (no keyring)
    UNAUTHORIZED = "unauthorized"  # the relay refused the token: the seller must sign in again
    STALLED = "stalled"  # the relay answers but syncing fails here (a full disk, a bug)


@dataclass(frozen=True, slots=True)
class ConnectivityState:
    status: Status
    reason: str = ""
    next_try: datetime | None = None

    def describe(self) -> str:
        text = str(self.status)
        if self.reason:
            text += f": {self.reason}"
        if self.next_try is not None:
            text += f" (next try {self.next_try.astimezone():%H:%M:%S})"
        return text


class Backoff:
    """Exponential backoff with full jitter, 5 s doubling to 5 min (DESIGN.md §3)."""

    def __init__(self, first: float = 5.0, cap: float = 300.0, rng: random.Random | None = None):
        self.first = first
        self.cap = cap
        self.attempt = 0
        self._rng = rng or random.Random()

    def next_delay(self, server_hint: float | None = None) -> float:
        ceiling = min(self.cap, self.first * (2**self.attempt))
        self.attempt += 1
        delay = self._rng.uniform(ceiling / 2, ceiling)
        # The server's Retry-After is a floor: coming back sooner only earns another 429.
        return max(delay, server_hint or 0.0)

    def reset(self) -> None:
        self.attempt = 0
