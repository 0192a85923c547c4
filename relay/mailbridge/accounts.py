"""Mailboxes of a seller: settings, validation, the state the bridge reports.

The API the app (first-run dialog, Settings, solo mode) and `seller-relay mailbox` use. A
mailbox is stored without its password; that lives in a `SecretStore` (keyring, env, file).
URLs: `imaps://USER@HOST[:PORT]` (IMAP over TLS), `smtps://` (TLS) or `smtp://` (STARTTLS,
required); plain text for loopback hosts only. The app's own parser reads them
(`app.domain.mail_endpoints`), so its connection test and this module accept the same URLs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from app.domain.mail_endpoints import BadMailboxUrl, Endpoint, Protocol
from relay import schema
from relay.auth import SellerNameError, ensure_seller
from relay.db import Database
from relay.ingest import EMAIL_RE
from relay.mailbridge.secret_store import (
    ChainedSecretStore,
    EnvSecretStore,
    FileSecretStore,
    SecretStore,
    server_secret_store,
)
from relay.store import aware, now

__all__ = [
    "ChainedSecretStore",
    "Endpoint",
    "EnvSecretStore",
    "FileSecretStore",
    "MailboxError",
    "MailboxSettings",
    "MailboxState",
    "SecretStore",
    "add_mailbox",
    "list_mailboxes",
    "remove_mailbox",
    "server_secret_store",
]

# RFC 8601 authserv-id: a token (in practice a host name); no spaces, ";" or quotes.
_AUTHSERV_RE = re.compile(r"[A-Za-z0-9._:+-]{1,200}")
ERROR_KINDS = ("dns", "tls", "login", "no-idle", "network", "server")


class MailboxError(ValueError):
    """Settings the relay refuses, with a message a seller can act on."""


@dataclass(frozen=True)
class MailboxSettings:
    seller: str
    address: str
    imap_url: str  # imaps://USER@HOST[:PORT] (imap:// only for loopback)
    smtp_url: str  # smtps:// or smtp:// (STARTTLS required unless loopback)
    folders: tuple[str, ...] = ("INBOX",)
    sent_folder: str | None = None
    # The authserv-id the seller's mail server writes in its Authentication-Results headers
    # (e.g. "mx.google.com"): only that server's sender checks count (docs/security.md).
    authserv_id: str | None = None


@dataclass(frozen=True)
class MailboxState:
    address: str
    seller: str
    connected: bool
    last_fetch_at: datetime | None
    last_error: str | None
    error_kind: str | None  # "dns" | "tls" | "login" | "no-idle" | "network" | "server" | None


@dataclass(frozen=True)
class Mailbox:
    """A stored mailbox, as the bridge works with it."""

    id: int
    seller_id: int
    seller: str
    address: str
    imap: Endpoint
    smtp: Endpoint
    folders: tuple[str, ...]
    sent_folder: str | None
    authserv_id: str | None = None


def parse_endpoint(url: str, kind: Protocol) -> Endpoint:
    """The app's parser (``app.domain.mail_endpoints``), so both accept the same URLs."""
    try:
        return Endpoint.parse(url, kind)
    except BadMailboxUrl as exc:
        raise MailboxError(str(exc)) from None


def validate(settings: MailboxSettings) -> tuple[str, Endpoint, Endpoint]:
    address = settings.address.strip().lower()
    if not EMAIL_RE.match(address):
        raise MailboxError(f"not an e-mail address: {settings.address!r}")
    if not settings.seller.strip():
        raise MailboxError("a mailbox belongs to a seller: the seller's name is required")
    imap = parse_endpoint(settings.imap_url, "imap")
    smtp = parse_endpoint(settings.smtp_url, "smtp")
    folders = settings.folders
    if not folders or any(not f.strip() or len(f) > 200 for f in folders):
        raise MailboxError("folders: one or more folder names (e.g. INBOX)")
    if settings.sent_folder is not None and not settings.sent_folder.strip():
        raise MailboxError("sent_folder: a folder name, or none")
    if settings.authserv_id is not None and not _AUTHSERV_RE.fullmatch(settings.authserv_id):
        raise MailboxError(
            "authserv_id: the name your mail server writes first in its Authentication-Results "
            "headers, e.g. mx.google.com"
        )
    return address, imap, smtp


def add_mailbox(db: Database, settings: MailboxSettings) -> None:
    """Store (or update) a seller's mailbox; the seller is created if new. Idempotent. An
    address already bridged for another seller is refused."""
    address, _, _ = validate(settings)
    m = schema.mailboxes.c
    values = {
        "imap_url": settings.imap_url.strip(),
        "smtp_url": settings.smtp_url.strip(),
        "folders": json.dumps(list(settings.folders)),
        "sent_folder": settings.sent_folder,
        "authserv_id": settings.authserv_id.lower() if settings.authserv_id else None,
    }
    with db.writing() as conn:
        try:
            sid = ensure_seller(conn, settings.seller.strip())
        except SellerNameError as exc:
            raise MailboxError(str(exc)) from None
        owner = conn.execute(select(m.seller_id).where(m.address == address)).scalar()
        if owner is not None and owner != sid:
            raise MailboxError(f"{address} is already connected for another seller")
        if owner is None:
            conn.execute(
                schema.mailboxes.insert().values(
                    seller_id=sid, address=address, created_at=now(), connected=False, **values
                )
            )
        else:
            conn.execute(update(schema.mailboxes).where(m.address == address).values(**values))


def remove_mailbox(db: Database, address: str) -> bool:
    """Forget a mailbox and its cursors (the mail already imported stays)."""
    m = schema.mailboxes.c
    with db.writing() as conn:
        mid = conn.execute(select(m.id).where(m.address == address.strip().lower())).scalar()
        if mid is None:
            return False
        conn.execute(schema.mail_cursors.delete().where(schema.mail_cursors.c.mailbox_id == mid))
        conn.execute(schema.mailboxes.delete().where(m.id == mid))
    return True


def _query(seller: str | None) -> Any:
    m, s = schema.mailboxes.c, schema.sellers.c
    q = select(schema.mailboxes, s.name.label("seller")).join(schema.sellers, s.id == m.seller_id)
    if seller is not None:
        q = q.where(s.name == seller)
    return q.order_by(s.name, m.address)


def list_mailboxes(db: Database, seller: str | None = None) -> list[MailboxState]:
    with db.reading() as conn:
        rows = conn.execute(_query(seller)).all()
    return [
        MailboxState(
            address=r.address,
            seller=r.seller,
            connected=bool(r.connected),
            last_fetch_at=aware(r.last_fetch_at),
            last_error=r.last_error,
            error_kind=r.error_kind,
        )
        for r in rows
    ]


def _mailbox(row: Any) -> Mailbox:
    return Mailbox(
        id=int(row.id),
        seller_id=int(row.seller_id),
        seller=row.seller,
        address=row.address,
        imap=parse_endpoint(row.imap_url, "imap"),
        smtp=parse_endpoint(row.smtp_url, "smtp"),
        folders=tuple(json.loads(row.folders)),
        sent_folder=row.sent_folder,
        authserv_id=row.authserv_id,
    )


def load_mailboxes(db: Database, seller: str | None = None) -> list[Mailbox]:
    with db.reading() as conn:
        return [_mailbox(r) for r in conn.execute(_query(seller)).all()]


def mailbox_by_id(conn: Connection, mailbox_id: int) -> Mailbox | None:
    m = schema.mailboxes.c
    row = conn.execute(_query(None).where(m.id == mailbox_id)).first()
    return _mailbox(row) if row is not None else None


def report(
    db: Database,
    mailbox_id: int,
    *,
    connected: bool,
    error: str | None = None,
    error_kind: str | None = None,
    fetched: bool = False,
) -> None:
    """Record what the bridge knows of a mailbox's connection (MailboxState)."""
    values: dict[str, Any] = {"connected": connected, "last_error": error, "error_kind": error_kind}
    if fetched:
        values["last_fetch_at"] = now()
    with db.writing() as conn:
        conn.execute(
            update(schema.mailboxes).where(schema.mailboxes.c.id == mailbox_id).values(**values)
        )
