"""The 24-hour clock and the thread-list columns, from a conversation's messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import Direction, Keyword, ThreadMessage, summarize

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
IN, OUT, SYS = Direction.INBOUND, Direction.OUTBOUND, Direction.SYSTEM


def msg(direction: Direction, minutes: int, *keywords: str) -> ThreadMessage:
    return ThreadMessage(
        direction, T0 + timedelta(minutes=minutes), f"m{minutes}", frozenset(keywords)
    )


def test_a_new_buyer_message_restarts_the_clock() -> None:
    s = summarize([msg(IN, 0), msg(IN, 30)])
    assert s.awaiting_since == T0 + timedelta(minutes=30)
    assert s.needs_response and s.unread_count == 2


def test_a_seller_reply_answers_everything_before_it() -> None:
    s = summarize([msg(IN, 0, Keyword.SEEN), msg(OUT, 10), msg(SYS, 20)])
    assert s.awaiting_since is None and not s.needs_response
    assert s.last_activity == T0 + timedelta(minutes=20) and s.message_count == 3


def test_no_response_needed_leaves_a_message_out() -> None:
    s = summarize([msg(IN, 0), msg(IN, 5, Keyword.NO_RESPONSE_NEEDED)])
    assert s.awaiting_since == T0 and s.needs_response
    s = summarize([msg(OUT, 0), msg(IN, 5, Keyword.NO_RESPONSE_NEEDED, Keyword.SEEN)])
    assert s.no_response_needed and not s.needs_response and s.unread_count == 0


def test_a_conversation_has_messages() -> None:
    with pytest.raises(ValueError):
        summarize([])


@given(
    st.lists(
        st.tuples(
            st.sampled_from([IN, OUT, SYS]), st.integers(0, 10_000), st.booleans(), st.booleans()
        ),
        min_size=1,
        max_size=30,
    )
)
def test_summary_does_not_depend_on_the_order_given(items) -> None:  # type: ignore[no-untyped-def]
    messages = [
        msg(d, m, *([Keyword.SEEN] * seen + [Keyword.NO_RESPONSE_NEEDED] * nrn))
        for d, m, seen, nrn in items
    ]
    assert summarize(messages) == summarize(list(reversed(messages)))
    s = summarize(messages)
    assert s.needs_response == (s.awaiting_since is not None and not s.no_response_needed)


def test_a_relay_notice_last_gives_the_preview_its_code() -> None:
    """The list words a notice's preview in the window's language from its code; any other
    last message (or a notice without a code) leaves the preview to its text."""
    code = '{"code": "buyerOptedOut", "params": {}}'
    bounce = ThreadMessage(SYS, T0 + timedelta(minutes=20), "Your message was not…", notice=code)
    s = summarize([msg(IN, 0), msg(OUT, 10), bounce])
    assert s.preview_notice == code and s.preview == "Your message was not…"
    assert summarize([msg(IN, 0), bounce, msg(IN, 30)]).preview_notice is None
    assert summarize([msg(IN, 0), msg(SYS, 30)]).preview_notice is None
