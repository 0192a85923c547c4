"""Solo-seller mode: the relay runs inside the app over a database in the profile, and its mail
bridge reads and sends through the seller's own mailbox.

Like the demo (``app.ui.demo``), the relay listens on a free loopback port. Unlike the demo it
holds real mail, so no token is written anywhere: each start mints a fresh token, kept in
memory, and revokes the previous ones. The mailbox password comes from the seller's keyring
(``app.services.mailbox_secrets``), never from the relay's database.

No Qt here: the window calls these (blocking; off the UI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relay.mailbridge.accounts import MailboxState, SecretStore

SOLO_SELLER = "me"  # the one seller of a solo profile's relay
RELAY_DB = "mailbox-relay.sqlite3"


def db_url(profile: Path) -> str:
    return f"sqlite:///{profile / RELAY_DB}"


def is_solo(profile: Path) -> bool:
    """A profile connected to the seller's own mailbox (set up once, by the connect dialog)."""
    return (profile / RELAY_DB).exists()


@dataclass
class SoloRelay:
    url: str
    token: str
    db_url: str
    embedded: Any  # relay.embedded.EmbeddedRelay

    def stop(self) -> None:
        self.embedded.stop()


def _database(profile: Path) -> Any:
    from relay.db import open_database

    return open_database(db_url(profile))  # created and migrated on first use


def add_mailbox(profile: Path, address: str, imap_url: str, smtp_url: str) -> None:
    """Record the seller's mailbox in the profile's relay (the password is not part of it)."""
    from relay.mailbridge.accounts import MailboxSettings
    from relay.mailbridge.accounts import add_mailbox as add

    db = _database(profile)
    try:
        add(db, MailboxSettings(SOLO_SELLER, address.strip().lower(), imap_url, smtp_url))
    finally:
        db.dispose()


def mailboxes(profile: Path) -> list[MailboxState]:
    """What the bridge last reported for each mailbox (connected, last fetch, error)."""
    from relay.mailbridge.accounts import list_mailboxes

    db = _database(profile)
    try:
        return list_mailboxes(db, SOLO_SELLER)
    finally:
        db.dispose()


def _fresh_token(db: Any) -> str:
    from relay import auth

    for token in auth.list_tokens(db):
        if token["seller"] == SOLO_SELLER and token["revoked"] is None:
            auth.revoke(db, token_id=int(str(token["id"])))
    return auth.create_token(db, SOLO_SELLER, label="seller-inbox (this computer)")


def start_solo(profile: Path, secrets: SecretStore) -> SoloRelay:
    """Start the profile's relay with its mail bridge; return where it listens and a token."""
    from relay.config import RelayConfig
    from relay.embedded import start_embedded

    db = _database(profile)
    try:
        token = _fresh_token(db)
    finally:
        db.dispose()
    embedded = start_embedded(db_url(profile), RelayConfig(mail_bridge=True), mail_secrets=secrets)
    return SoloRelay(embedded.url, token, db_url(profile), embedded)


def mailbox_urls(profile: Path) -> list[tuple[str, str, str]]:
    """(address, imap_url, smtp_url) of each mailbox, to ask again for a password."""
    from relay.mailbridge.accounts import load_mailboxes

    db = _database(profile)
    try:
        found = load_mailboxes(db, SOLO_SELLER)
    finally:
        db.dispose()

    return [(m.address, m.imap.url, m.smtp.url) for m in found]
