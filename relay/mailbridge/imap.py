"""Opening an IMAP connection for the bridge (IMAPClient, BSD-3; blocking: run it in a thread)."""

from __future__ import annotations

import contextlib
import ssl

from imapclient import IMAPClient

from relay.mailbridge.accounts import Endpoint
from relay.mailbridge.errors import MailError, classify

TIMEOUT = 60.0


def connect(ep: Endpoint, password: str, timeout: float = TIMEOUT) -> IMAPClient:
    """Connected and logged in; MailError (dns/tls/login/network/server) otherwise."""
    try:
        client = IMAPClient(
            ep.host,
            port=ep.port,
            ssl=ep.tls == "implicit",
            ssl_context=ssl.create_default_context() if ep.tls == "implicit" else None,
            timeout=timeout,
        )
    except Exception as exc:
        raise classify(exc, ep.host) from exc
    try:
        client.login(ep.user, password)
    except Exception as exc:
        close(client)
        raise classify(exc, ep.host) from exc
    return client


def has(client: IMAPClient, capability: str) -> bool:
    return bool(client.has_capability(capability))


def close(client: IMAPClient) -> None:
    """Log out, or drop the socket if the server is gone."""
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):  # already closed: nothing left to release
            client.shutdown()


def require_idle(client: IMAPClient, host: str) -> None:
    if not has(client, "IDLE"):
        raise MailError("no-idle", f"{host}: the server does not offer IDLE (push)")
