"""Templates and snooze as pure rules (app.domain.templates, app.domain.snooze)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.domain import snooze as sz
from app.domain import templates as tpl


def test_fill_replaces_known_placeholders_and_keeps_escapes() -> None:
    text = "Hi {buyer_first_name}, order {order_id} ({items}). {{not a placeholder}} {unknown}"
    out = tpl.fill(text, {"buyer_first_name": "Ana", "order_id": "123-1234567-1234567"})
    assert out == "Hi Ana, order 123-1234567-1234567 (). {not a placeholder} {unknown}"
    assert tpl.placeholders_in(text) == ["buyer_first_name", "order_id", "items", "unknown"]
    assert tpl.unknown_placeholders(text) == ["unknown"]


def test_fill_is_linear_on_hostile_text() -> None:
    hostile = "{" * 50_000 + "a" * 50_000 + "}" * 50_000
    assert tpl.fill(hostile, {}).count("{") > 0


@pytest.mark.parametrize(
    ("locale", "texts", "language", "fallback"),
    [
        ("es-MX", {"en": "a", "es": "b"}, "es", False),
        ("es-MX", {"en": "a", "es-MX": "b", "es": "c"}, "es-MX", False),
        ("sv_SE", {"en": "a", "sv": "b"}, "sv", False),
        ("de", {"en": "a", "es": "b"}, "en", True),
        ("fr", {"es": "b", "de": "c"}, "es", True),
        ("de-AT", {"de-DE": "x"}, "de-DE", False),
    ],
)
def test_the_buyers_language_is_picked_with_a_visible_fallback(
    locale: str, texts: dict[str, str], language: str, fallback: bool
) -> None:
    choice = tpl.pick_language(texts, locale)
    assert choice is not None
    assert (choice.language, choice.fallback) == (language, fallback)
    assert tpl.pick_language({}, "en") is None


def test_first_name_from_a_marketplace_display_name() -> None:
    assert tpl.first_name("Jane D.") == "Jane"
    assert tpl.first_name("Buyer") == ""
    assert tpl.first_name("") == ""


def test_validate_names_the_bad_properties() -> None:
    assert tpl.validate("Return label", {"en": "Here is your label for {order_id}."}) == []
    assert tpl.validate("", {"en": "x"}) == ["name"]
    assert tpl.validate("A", {"en": "{tracking}"}) == ["texts"]
    assert tpl.validate("A", {"EN": "x"}) == ["texts"]
    twelve = {"a" + chr(97 + i): "x" for i in range(12)}
    assert tpl.validate("A", twelve) == []
    assert tpl.validate("A", {**twelve, "zz": "x"}) == ["texts"]


NOW = datetime(2026, 12, 9, 15, 20, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday


def test_presets_in_local_time() -> None:
    assert sz.later_today(NOW) == NOW.replace(hour=18, minute=0)
    assert sz.tomorrow_morning(NOW) == datetime(2026, 12, 10, 9, 0, tzinfo=NOW.tzinfo)
    assert sz.next_monday_morning(NOW) == datetime(2026, 12, 14, 9, 0, tzinfo=NOW.tzinfo)
    monday = datetime(2026, 12, 14, 8, 0, tzinfo=NOW.tzinfo)
    assert sz.next_monday_morning(monday).date() == datetime(2026, 12, 21).date()
    assert sz.follow_up_at(NOW, 3) == NOW + timedelta(days=3)
    with pytest.raises(ValueError):
        sz.follow_up_at(NOW, 0)


def test_a_snooze_sleeps_wakes_and_ends_with_the_buyer() -> None:
    since = datetime(2026, 12, 9, 10, tzinfo=UTC)
    timed = sz.Snooze(sz.SnoozeKind.SNOOZE, since, since + timedelta(hours=5))
    assert timed.asleep(since + timedelta(hours=1)) and not timed.woken(since + timedelta(hours=1))
    assert timed.woken(since + timedelta(hours=5)) and not timed.asleep(since + timedelta(hours=5))
    until_reply = sz.Snooze(sz.SnoozeKind.SNOOZE, since, None)
    assert until_reply.asleep(since + timedelta(days=30)) and not until_reply.woken(since)
    assert until_reply.ended_by(since + timedelta(seconds=1)) and not until_reply.ended_by(since)
    # The marketplace's clock keeps running: a deadline inside the snooze is said.
    assert timed.due_while_asleep(since + timedelta(hours=2))
    assert not timed.due_while_asleep(since + timedelta(hours=6))
    assert until_reply.due_while_asleep(since + timedelta(days=1))
    assert not timed.due_while_asleep(None)
