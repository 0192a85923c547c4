"""A mail server as a URL: `imaps://USER@HOST[:PORT]`, `smtps://…` (TLS from the first byte) or
`smtp://…` (STARTTLS, required). Plain `imap://`, and `smtp://` without STARTTLS, only for
loopback hosts (tests, a local bridge).

One parser for both halves of the system: the app's connection test and the relay's stored
mailboxes must accept exactly the same URLs, or a mailbox that passed the test could be
refused when it is saved. USER may contain `@` (`imaps://shop@example.com@imap.example.com`);
a password never belongs in the URL (it goes to a keyring or secret store).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

Tls = Literal["implicit", "starttls", "none"]
Protocol = Literal["imap", "smtp"]
DEFAULT_PORTS = {"imaps": 993, "imap": 143, "smtps": 465, "smtp": 587}


class BadMailboxUrl(ValueError):
    """The URL is not one of the forms above; the message says what to change."""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Endpoint:
    scheme: str  # imaps | imap | smtps | smtp
    user: str
    host: str
    port: int
    tls: Tls

    @property
    def protocol(self) -> Protocol:
        return "imap" if self.scheme.startswith("imap") else "smtp"

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def url(self) -> str:
        """The URL ``parse`` reads back as this endpoint."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{quote(self.user, safe='@+')}@{host}:{self.port}"

    @classmethod
    def parse(cls, url: str, kind: Protocol | None = None) -> Endpoint:
        """``kind``: the protocol the URL must be for (None: either)."""
        wanted = ("imap", "smtp") if kind is None else (kind,)
        allowed = tuple(s for p in wanted for s in (p + "s", p))
        label = kind or "mail server"
        scheme, sep, rest = url.strip().partition("://")
        scheme = scheme.lower()
        if not sep or scheme not in allowed:
            raise BadMailboxUrl(
                f"{label} URL must start with {' or '.join(a + '://' for a in allowed)}"
                f" (got {url!r})"
            )
        rest = rest.rstrip("/")
        if "/" in rest or "?" in rest or "#" in rest:
            raise BadMailboxUrl(f"{label} URL takes no path: {url!r}")
        user, at, hostport = rest.rpartition("@")
        if not at or not user:
            raise BadMailboxUrl(f"{label} URL needs the login name: {scheme}://USER@HOST[:PORT]")
        if ":" in user and "@" not in user.split(":", 1)[0]:
            raise BadMailboxUrl(f"{label} URL must not carry a password; it is asked for apart")
        if hostport.startswith("["):  # [::1]:993
            host, _, tail = hostport[1:].partition("]")
            port_s = tail[1:] if tail.startswith(":") else ""
        else:
            host, _, port_s = hostport.partition(":")
        if not host:
            raise BadMailboxUrl(f"{label} URL has no host (server name): {url!r}")
        try:
            port = int(port_s) if port_s else DEFAULT_PORTS[scheme]
        except ValueError:
            raise BadMailboxUrl(f"{label} URL has a bad port: {url!r}") from None
        if not 0 < port < 65536:
            raise BadMailboxUrl(f"{label} URL has a bad port: {url!r}")
        tls: Tls
        if scheme in ("imaps", "smtps"):
            tls = "implicit"
        elif is_loopback(host):
            tls = "none"  # tests and local servers only
        elif scheme == "smtp":
            tls = "starttls"  # required: refused if the server does not offer it
        else:
            raise BadMailboxUrl(
                f"plain imap:// is only for loopback hosts; use imaps://{user}@{hostport}"
            )
        return cls(scheme, unquote(user), host.lower(), port, tls)
