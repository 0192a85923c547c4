"""The seller's mailboxes as a team relay's bridge reports them (``Mailbox/get``,
docs/protocol.md), for a seat that syncs from that relay: Settings shows whether buyer mail is
flowing and why not, as the solo profile shows its own relay's state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.services.relay_client import MethodError
from app.services.sync_mapping import parse_time


@dataclass(frozen=True, slots=True)
class MailboxStatus:
    """The attributes ``relay.mailbridge.accounts.MailboxState`` has, from the wire."""

    address: str
    connected: bool
    last_fetch_at: datetime | None
    last_error: str | None
    error_kind: str | None


def from_wire(obj: dict[str, Any]) -> MailboxStatus:
    return MailboxStatus(
        address=str(obj.get("address") or ""),
        connected=bool(obj.get("connected")),
        last_fetch_at=parse_time(obj.get("lastFetchAt")),
        last_error=obj.get("lastError"),
        error_kind=obj.get("errorKind"),
    )


async def team_mailboxes(client: Any) -> list[MailboxStatus] | None:
    """The relay's mailboxes (``client``: a ``RelayClient``); None when the relay predates
    the bridge (``unknownMethod``). Other failures are the caller's (``RelayError``)."""
    try:
        got = await client.call_one("Mailbox/get", {"ids": None})
    except MethodError as exc:
        if exc.type == "unknownMethod":
            return None
        raise
    return [from_wire(o) for o in got.get("list", [])]
