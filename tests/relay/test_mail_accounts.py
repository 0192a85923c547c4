"""Mailbox settings: URL rules (TLS unless loopback), idempotent add, remove, the secret stores."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from relay.db import open_database
from relay.mailbridge.accounts import (
    EnvSecretStore,
    FileSecretStore,
    MailboxError,
    MailboxSettings,
    add_mailbox,
    list_mailboxes,
    load_mailboxes,
    parse_endpoint,
    remove_mailbox,
)


def settings(**kw: object) -> MailboxSettings:
    base = {
        "seller": "alice",
        "address": "Shop@Example.com",
        "imap_url": "imaps://shop@example.com@imap.example.com",
        "smtp_url": "smtp://shop@example.com@smtp.example.com",
    }
    base.update(kw)
    return MailboxSettings(**base)  # type: ignore[arg-type]


def test_endpoints() -> None:
    ep = parse_endpoint("imaps://shop@example.com@imap.example.com", "imap")
    assert (ep.user, ep.host, ep.port, ep.tls) == (
        "shop@example.com",
        "imap.example.com",
        993,
        "implicit",
    )
    assert parse_endpoint("smtp://u@smtp.example.com", "smtp").tls == "starttls"
    assert parse_endpoint("smtp://u@smtp.example.com:2525", "smtp").port == 2525
    assert parse_endpoint("smtps://u@smtp.example.com", "smtp").port == 465
    assert parse_endpoint("imap://u@127.0.0.1:10143", "imap").tls == "none"
    assert parse_endpoint("smtp://u@[::1]:2525", "smtp").tls == "none"
    assert parse_endpoint("imap://u%40x@localhost", "imap").user == "u@x"


@pytest.mark.parametrize(
    ("url", "kind", "why"),
    [
        ("imap://u@imap.example.com", "imap", "loopback"),
        ("http://u@imap.example.com", "imap", "imaps://"),
        ("imaps://imap.example.com", "imap", "login name"),
        ("imaps://u:pw@imap.example.com", "imap", "password"),
        ("imaps://u@imap.example.com:99999", "imap", "port"),
        ("imaps://u@imap.example.com/INBOX", "imap", "path"),
        ("smtps://u@", "smtp", "host"),
    ],
)
def test_refused_urls(url: str, kind: str, why: str) -> None:
    with pytest.raises(MailboxError, match=why):
        parse_endpoint(url, kind)


def test_add_is_idempotent_and_per_seller(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    try:
        add_mailbox(db, settings())
        add_mailbox(db, settings(folders=("INBOX", "Amazon"), sent_folder="Sent"))
        (state,) = list_mailboxes(db)
        assert (state.address, state.seller, state.connected, state.error_kind) == (
            "shop@example.com",
            "alice",
            False,
            None,
        )
        (box,) = load_mailboxes(db, "alice")
        assert (box.folders, box.sent_folder) == (("INBOX", "Amazon"), "Sent")
        with pytest.raises(MailboxError, match="another seller"):
            add_mailbox(db, settings(seller="bob"))
        with pytest.raises(MailboxError, match="e-mail address"):
            add_mailbox(db, settings(address="not-an-address"))
        assert list_mailboxes(db, "bob") == []
        assert remove_mailbox(db, "SHOP@example.com") is True
        assert remove_mailbox(db, "shop@example.com") is False
        assert list_mailboxes(db) == []
    finally:
        db.dispose()


def test_file_secret_store_is_private(tmp_path: Path) -> None:
    store = FileSecretStore(tmp_path / "cfg" / "mail-secrets.json")
    assert store.get("a@example.com") is None
    store.set("A@example.com", "pw1")
    store.set("b@example.com", "pw2")
    assert store.get("a@example.com") == "pw1"
    mode = stat.S_IMODE(os.stat(store.path).st_mode)
    assert mode == 0o600
    assert store.delete("a@example.com") is True
    assert store.get("a@example.com") is None and store.get("b@example.com") == "pw2"


def test_env_secret_store() -> None:
    env = {
        "SELLER_RELAY_MAIL_PASSWORD_SHOP_EXAMPLE_COM": "one",
        "SELLER_RELAY_MAIL_PASSWORD": "any",
    }
    store = EnvSecretStore(env)
    assert store.get("shop@example.com") == "one"
    assert store.get("other@example.com") == "any"
    assert EnvSecretStore({}).get("x@example.com") is None
