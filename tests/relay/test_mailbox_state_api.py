"""Mailbox/get: every seat of a team sees the bridge's state of the seller's mailboxes, and
nothing of another seller's or of the server settings."""

from __future__ import annotations

from relay_testkit import RelayUnderTest

from relay.mailbridge.accounts import MailboxSettings, add_mailbox, load_mailboxes, report


def test_each_seat_sees_its_sellers_mailboxes_as_the_bridge_reports_them(
    relay: RelayUnderTest,
) -> None:
    assert relay.seller.ok("Mailbox/get", {"ids": None})["list"] == []  # no bridge: empty
    add_mailbox(
        relay.db,
        MailboxSettings(
            "alice", "shop@example.com", "imaps://shop@example.com@imap.example.com",
            "smtps://shop@example.com@smtp.example.com",
        ),
    )  # fmt: skip
    add_mailbox(
        relay.db,
        MailboxSettings("bob", "bob@example.com", "imaps://b@imap.example.com", "smtps://b@smtp.example.com"),
    )  # fmt: skip
    (mine,) = load_mailboxes(relay.db, "alice")
    got = relay.seller.ok("Mailbox/get", {"ids": None})["list"]
    assert got == [
        {
            "id": str(mine.id),
            "address": "shop@example.com",
            "connected": False,
            "lastFetchAt": None,
            "lastError": None,
            "errorKind": None,
        }
    ]
    report(relay.db, mine.id, connected=False, error="AUTHENTICATIONFAILED", error_kind="login")
    (state,) = relay.seller.ok("Mailbox/get", {"ids": None})["list"]
    assert (state["errorKind"], state["lastError"]) == ("login", "AUTHENTICATIONFAILED")
    report(relay.db, mine.id, connected=True, fetched=True)
    (state,) = relay.seller.ok("Mailbox/get", {"ids": [str(mine.id)], "properties": ["connected"]})[
        "list"
    ]
    assert state == {"id": str(mine.id), "connected": True}
    (full,) = relay.seller.ok("Mailbox/get", {"ids": None})["list"]
    assert full["lastFetchAt"] is not None and full["errorKind"] is None
    # Another seller's mailbox is not found by id, and never listed.
    (bobs,) = load_mailboxes(relay.db, "bob")
    answer = relay.seller.ok("Mailbox/get", {"ids": [str(bobs.id)]})
    assert answer["list"] == [] and answer["notFound"] == [str(bobs.id)]
    bob = relay.new_seller("bob")
    try:
        assert [m["address"] for m in bob.ok("Mailbox/get", {"ids": None})["list"]] == [
            "bob@example.com"
        ]
    finally:
        bob.close()
    name, err = relay.seller.call("Mailbox/get", {"properties": ["imapUrl"]})
    assert name == "error" and err["type"] == "invalidArguments"
