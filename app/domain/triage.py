"""Triage as keyword patches: what marking read/unread, flagging and "no response needed" change
on a conversation's messages, and what puts them back. One rule for the open conversation's
buttons and for a bulk action over thousands (app/services/bulk.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.domain.enums import Direction, Keyword

Patch = tuple[str, dict[str, bool]]  # (message relay id, {keyword: on})
TRIAGE = (Keyword.SEEN, Keyword.FLAGGED, Keyword.NO_RESPONSE_NEEDED)


class MessageLike(Protocol):
    @property
    def relay_id(self) -> str | None: ...
    @property
    def direction(self) -> Direction: ...
    @property
    def keywords(self) -> frozenset[str]: ...


def patches(kind: Keyword, on: bool, msgs: Sequence[MessageLike]) -> list[Patch]:
    """The keyword changes that make a conversation (its messages oldest first) read or
    unread, flagged or not, "no response needed" or not. Messages the relay does not know
    yet (no relay id) are left alone."""
    msgs = [m for m in msgs if m.relay_id]
    inbound = [m for m in msgs if m.direction is Direction.INBOUND]
    key = kind.value
    if kind is Keyword.SEEN:
        # Read: every buyer message; unread: the newest one is enough to show it bold.
        todo = [m for m in inbound if key not in m.keywords] if on else inbound[-1:]
    elif kind is Keyword.FLAGGED:
        todo = msgs[-1:] if on else [m for m in msgs if key in m.keywords]
    elif on:  # the buyer messages since the seller last wrote: the ones the clock runs for
        todo = []
        for m in reversed(msgs):
            if m.direction is Direction.OUTBOUND:
                break
            if m.direction is Direction.INBOUND:
                todo.append(m)
    else:
        todo = [m for m in msgs if key in m.keywords]
    return [(str(m.relay_id), {key: on}) for m in todo]


def effective(
    patches_: Sequence[Patch], msgs: Sequence[MessageLike]
) -> tuple[list[Patch], list[Patch]]:
    """The patches that change something, and the ones that undo them (each keyword back to
    what the message had)."""
    had = {m.relay_id: m.keywords for m in msgs}
    done: list[Patch] = []
    undo: list[Patch] = []
    for relay_id, change in patches_:
        before = had.get(relay_id, frozenset())
        real = {k: on for k, on in change.items() if (k in before) != on}
        if real:
            done.append((relay_id, real))
            undo.append((relay_id, {k: not on for k, on in real.items()}))
    return done, undo
