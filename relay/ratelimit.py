"""Token buckets per credential (per process; a cluster multiplies the budget by its size)."""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._buckets: dict[object, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: object, cost: float = 1.0) -> float:
        """0 when allowed, else the seconds to wait before retrying."""
        if self.rate <= 0:
            return 0.0
        t = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, t))
            tokens = min(self.burst, tokens + (t - last) * self.rate)
            if tokens >= cost:
                self._buckets[key] = (tokens - cost, t)
                return 0.0
            self._buckets[key] = (tokens, t)
            return (cost - tokens) / self.rate


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))
