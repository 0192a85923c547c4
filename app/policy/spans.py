"""A set of character spans with logarithmic look-ups, so 1 MB bodies stay near-linear."""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterable


class SpanSet:
    """Spans kept merged and sorted; answers 'is this position/span covered?'."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        starts, ends = self._starts, self._ends
        # Sorted, so each span merges with the last one or follows it: one linear pass.
        for s, e in sorted(spans):
            if e <= s:
                continue
            if ends and ends[-1] >= s:
                if e > ends[-1]:
                    ends[-1] = e
            else:
                starts.append(s)
                ends.append(e)

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends, strict=True))

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        i = bisect_right(self._starts, start)
        # Merge with the previous span and any following ones it touches.
        if i > 0 and self._ends[i - 1] >= start:
            i -= 1
            start = self._starts[i]
            end = max(end, self._ends[i])
            del self._starts[i], self._ends[i]
        while i < len(self._starts) and self._starts[i] <= end:
            end = max(end, self._ends[i])
            del self._starts[i], self._ends[i]
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def contains(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end


def nearest_before(ends_sorted: list[int], pos: int, window: int) -> int | None:
    """Distance from the last end <= pos, if within `window`."""
    i = bisect_right(ends_sorted, pos) - 1
    if i >= 0 and pos - ends_sorted[i] <= window:
        return pos - ends_sorted[i]
    return None


__all__ = ["SpanSet", "insort", "nearest_before"]
