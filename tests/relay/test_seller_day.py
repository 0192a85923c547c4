"""Templates, notes and snooze over the protocol (docs/protocol.md §4), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from relay_testkit import RelayUnderTest


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _set(relay: RelayUnderTest, type_: str, **ops: Any) -> dict[str, Any]:
    result: dict[str, Any] = relay.seller.ok(f"{type_}/set", ops)
    return result


WHERE = {
    "en": "Hi {buyer_first_name}, your order {order_id} left our warehouse today.",
    "es": "Hola {buyer_first_name}, su pedido {order_id} salió hoy de nuestro almacén.",
}


def test_templates_are_created_changed_listed_and_destroyed(relay: RelayUnderTest) -> None:
    done = _set(
        relay,
        "Template",
        create={"w": {"name": "Where is my order?", "contactReason": "other", "texts": WHERE}},
    )
    tid = done["created"]["w"]["id"]
    assert done["created"]["w"]["findings"] == []
    got = relay.seller.get_one("Template", tid)
    assert got["texts"] == WHERE and got["name"] == "Where is my order?"
    # Names are unique per account, whatever their case.
    again = _set(relay, "Template", create={"x": {"name": "where is my ORDER?", "texts": WHERE}})
    assert again["notCreated"]["x"]["type"] == "alreadyExists"
    changes = relay.seller.ok("Template/changes", {"sinceState": done["oldState"]})
    assert changes["created"] == [tid]
    upd = _set(
        relay, "Template", update={tid: {"texts": {**WHERE, "de": "Hallo {buyer_first_name}!"}}}
    )
    assert tid in upd["updated"]
    assert set(relay.seller.get_one("Template", tid)["texts"]) == {"en", "es", "de"}
    assert relay.seller.ok("Template/query", {})["ids"] == [tid]
    gone = _set(relay, "Template", destroy=[tid])
    assert gone["destroyed"] == [tid]
    changes = relay.seller.ok("Template/changes", {"sinceState": upd["newState"]})
    assert changes["destroyed"] == [tid]


def test_a_template_is_refused_for_what_it_cannot_be(relay: RelayUnderTest) -> None:
    bad = {
        "unknown-placeholder": {"name": "A", "texts": {"en": "Hi {buyer_email}"}},
        "bad-language": {"name": "B", "texts": {"english": "Hi"}},
        "empty": {"name": "C", "texts": {}},
        "newline-name": {"name": "D\nE", "texts": {"en": "Hi"}},
        "reason": {"name": "F", "texts": {"en": "Hi"}, "contactReason": "promo"},
        "read-only": {"name": "G", "texts": {"en": "Hi"}, "findings": []},
        "too-long": {"name": "H", "texts": {"en": "x" * 10_001}},
    }
    result = _set(relay, "Template", create=bad)
    assert result["created"] is None
    assert set(result["notCreated"]) == set(bad)
    assert all(e["type"] == "invalidProperties" for e in result["notCreated"].values())


def test_a_template_that_breaks_the_rules_is_flagged_when_saved(relay: RelayUnderTest) -> None:
    texts = {
        "en": "Thanks {buyer_first_name}! Visit www.myshop.example for 20% off your next order."
    }
    done = _set(relay, "Template", create={"t": {"name": "Promo", "texts": texts}})
    rules = {f["rule"] for f in done["created"]["t"]["findings"]}
    assert "external-link" in rules
    assert all(f["language"] == "en" for f in done["created"]["t"]["findings"])


def test_notes_stay_with_their_conversation_and_their_seller(
    relay: RelayUnderTest, conversation: dict[str, Any]
) -> None:
    conv = conversation["conversationId"]
    done = _set(
        relay,
        "Note",
        create={
            "n": {
                "conversationId": conv,
                "body": "Called the carrier:\nback Monday",
                "author": "Eva",
            }
        },
    )
    nid = done["created"]["n"]["id"]
    note = relay.seller.get_one("Note", nid)
    assert note["body"] == "Called the carrier:\nback Monday" and note["author"] == "Eva"
    assert relay.seller.ok("Note/query", {"filter": {"conversationId": conv}})["ids"] == [nid]
    bad = _set(
        relay,
        "Note",
        create={
            "no-conv": {"conversationId": "C-nope", "body": "x"},
            "empty": {"conversationId": conv, "body": "  "},
            "control": {"conversationId": conv, "body": "a\x1b[2Jb"},
        },
    )
    assert set(bad["notCreated"]) == {"no-conv", "empty", "control"}
    # Another seller sees none of it and cannot touch it.
    bob = relay.new_seller("bob")
    try:
        assert bob.ok("Note/get", {"ids": [nid]})["notFound"] == [nid]
        theirs = bob.ok("Note/set", {"update": {nid: {"body": "mine"}}, "destroy": [nid]})
        assert theirs["notUpdated"][nid]["type"] == "notFound"
        assert theirs["notDestroyed"][nid]["type"] == "notFound"
        made = bob.ok("Note/set", {"create": {"n": {"conversationId": conv, "body": "x"}}})
        assert made["notCreated"]["n"]["type"] == "invalidProperties"
    finally:
        bob.close()
    _set(relay, "Note", update={nid: {"body": "Carrier found it"}})
    assert relay.seller.get_one("Note", nid)["body"] == "Carrier found it"
    assert _set(relay, "Note", destroy=[nid])["destroyed"] == [nid]
    # A note is never a message: the conversation has only the buyer's message.
    msgs = relay.seller.ok("Message/query", {"filter": {"conversationId": conv}})["ids"]
    assert len(msgs) == 1


def test_snooze_until_a_time_and_until_the_buyer_replies(
    relay: RelayUnderTest, conversation: dict[str, Any]
) -> None:
    conv = conversation["conversationId"]
    until = datetime.now(UTC) + timedelta(days=1)
    done = _set(
        relay,
        "Conversation",
        update={
            conv: {"snooze": {"kind": "snooze", "until": _iso(until), "reason": "Ask the workshop"}}
        },
    )
    assert done["updated"][conv]["snooze"]["since"]
    snooze = relay.seller.get_one("Conversation", conv)["snooze"]
    assert snooze["kind"] == "snooze" and snooze["until"] == _iso(until)
    assert snooze["reason"] == "Ask the workshop"
    # The buyer writes again: every snooze ends, on every seat.
    r = relay.buyers.write("alice", "anna@example.net", "Any news?", orderId="114-0000001-0000001")
    assert r.status_code == 200, r.text
    assert relay.seller.get_one("Conversation", conv)["snooze"] is None
    # Until the buyer replies: no end time.
    _set(relay, "Conversation", update={conv: {"snooze": {"kind": "snooze", "until": None}}})
    assert relay.seller.get_one("Conversation", conv)["snooze"]["until"] is None
    _set(relay, "Conversation", update={conv: {"snooze": None}})
    assert relay.seller.get_one("Conversation", conv)["snooze"] is None
    # Set offline and flushed after its time: accepted, and simply over (woken).
    past = _iso(datetime.now(UTC) - timedelta(hours=1))
    done = _set(relay, "Conversation", update={conv: {"snooze": {"until": past}}})
    assert conv in done["updated"]
    assert relay.seller.get_one("Conversation", conv)["snooze"]["until"] == past


def test_snooze_is_refused_for_what_it_cannot_be(
    relay: RelayUnderTest, conversation: dict[str, Any]
) -> None:
    conv = conversation["conversationId"]
    long_ago = _iso(datetime.now(UTC) - timedelta(days=400))
    far = _iso(datetime.now(UTC) + timedelta(days=400))
    cases = [
        {"snooze": {"kind": "nap"}},
        {"snooze": {"until": long_ago}},
        {"snooze": {"until": far}},
        {"snooze": {"until": "9999-12-31T23:59:59Z"}},
        {"snooze": {"until": "tomorrow"}},
        {"snooze": {"kind": "followUp"}},  # a follow-up needs a time
        {"snooze": {"reason": "a\nb"}},
        {"snooze": {}, "subject": "x"},
        {"snooze": "soon"},
    ]
    for patch in cases:
        result = _set(relay, "Conversation", update={conv: patch})
        assert result["notUpdated"][conv]["type"] == "invalidProperties", patch
    missing = _set(relay, "Conversation", update={"C-nope": {"snooze": None}})
    assert missing["notUpdated"]["C-nope"]["type"] == "notFound"
    made = _set(relay, "Conversation", create={"c": {"subject": "x"}}, destroy=[conv])
    assert made["notCreated"]["c"]["type"] == "forbidden"
    assert made["notDestroyed"][conv]["type"] == "forbidden"
    assert relay.seller.get_one("Conversation", conv)["snooze"] is None


def test_a_stale_if_in_state_writes_nothing(relay: RelayUnderTest) -> None:
    first = _set(relay, "Template", create={"a": {"name": "A", "texts": {"en": "Hello"}}})
    got, error = relay.seller.call(
        "Template/set",
        {"ifInState": first["oldState"], "create": {"b": {"name": "B", "texts": {"en": "Hi"}}}},
    )
    assert got == "error" and error["type"] == "stateMismatch"
    assert len(relay.seller.ok("Template/get", {"ids": None})["list"]) == 1


def test_the_demo_templates_are_within_the_rules(tmp_path: Any) -> None:
    from relay.db import open_database
    from relay.demo import seed_demo

    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    try:
        assert seed_demo(db, per_marketplace=1)["templates"] == 3
        seed_demo(db, per_marketplace=1)  # seeding again adds none twice
        with db.reading() as conn:
            from relay import schema

            rows = conn.execute(schema.templates.select()).all()
    finally:
        db.dispose()
    assert len(rows) == 3
    for row in rows:
        assert row.findings == "[]", (row.name, row.findings)
        assert set(json.loads(row.texts)) == {"en", "sv", "es", "de"}
