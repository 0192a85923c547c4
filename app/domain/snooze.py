"""Snooze and follow-up: when a conversation leaves the list, and when it comes back. Pure.

One mechanism serves both: a snooze has a start (`since`), an optional end (`until`, None =
"until the buyer replies") and a kind. A follow-up ("remind me if no reply in 3 days") is a
snooze of kind FOLLOW_UP until then. Every snooze ends when the buyer writes after it began
(the relay clears it with that message, so every seat agrees); a timed one also wakes at
`until`, and then stays marked as woken until the seller opens the conversation.

The marketplace's 24-hour clock keeps running under a snooze: `due_while_asleep` tells the
window to say so before the seller confirms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

MAX_REASON = 200


class SnoozeKind(StrEnum):
    SNOOZE = "snooze"
    FOLLOW_UP = "followUp"


@dataclass(frozen=True)
class Snooze:
    kind: SnoozeKind
    since: datetime
    until: datetime | None  # None: until the buyer replies
    reason: str | None = None

    def asleep(self, now: datetime) -> bool:
        """Out of the list now."""
        return self.until is None or now < self.until

    def woken(self, now: datetime) -> bool:
        """Back in the list because its time came (not because the buyer wrote)."""
        return self.until is not None and now >= self.until

    def ended_by(self, buyer_message_at: datetime) -> bool:
        """A buyer message at that time ends the snooze."""
        return buyer_message_at > self.since

    def due_while_asleep(self, deadline: datetime | None) -> bool:
        """The 24-hour deadline falls before the snooze ends (or it has no end)."""
        return deadline is not None and (self.until is None or deadline < self.until)


# Presets, in the seller's local time (`now` carries its time zone).
MORNING = time(9, 0)


def later_today(now: datetime) -> datetime:
    """Three hours from now, on the hour."""
    return (now + timedelta(hours=3)).replace(minute=0, second=0, microsecond=0)


def tomorrow_morning(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), MORNING, tzinfo=now.tzinfo)


def next_monday_morning(now: datetime) -> datetime:
    """The coming Monday at nine (a week ahead when today is Monday)."""
    days = (7 - now.weekday()) % 7 or 7
    return datetime.combine(now.date() + timedelta(days=days), MORNING, tzinfo=now.tzinfo)


def follow_up_at(sent: datetime, days: int) -> datetime:
    if not 1 <= days <= 60:
        raise ValueError("a follow-up is 1 to 60 days ahead")
    return sent + timedelta(days=days)
