"""Where the common mail providers keep their IMAP and SMTP servers, by the address's domain.

A pure table: no DNS, no autoconfig lookups. The connect dialog pre-fills from it; a seller on
a custom domain picks a provider from the list (Microsoft 365, IONOS…) or types the servers.
URLs use the bridge's form: ``imaps://USER@HOST:PORT`` and ``smtps://`` (TLS from the first
byte) or ``smtp://`` (STARTTLS); the user is the full address, left unencoded, as
``urllib.parse.urlsplit`` reads it (the last ``@`` ends the user).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a seller signs in where a password alone is not enough:
# "app-password": the provider wants an app password (two-step verification on) for IMAP;
# "oauth-only": the provider turned password sign-in for IMAP/SMTP off (OAuth2 only).
SignIn = Literal["password", "app-password", "oauth-only"]


@dataclass(frozen=True, slots=True)
class Provider:
    key: str  # stable id, e.g. "gmail"
    name: str  # shown as is: a brand name, not translated
    imap_host: str
    smtp_host: str
    smtp_port: int  # 465: TLS from the first byte (smtps); 587: STARTTLS (smtp)
    domains: tuple[str, ...] = ()
    sign_in: SignIn = "password"
    imap_port: int = 993

    def urls(self, address: str) -> tuple[str, str]:
        return imap_url(address, self.imap_host, self.imap_port), smtp_url(
            address, self.smtp_host, self.smtp_port
        )


PROVIDERS: tuple[Provider, ...] = (
    Provider(
        "gmail",
        "Gmail",  # Google Workspace accounts: OAuth only (no app passwords)
        "imap.gmail.com",
        "smtp.gmail.com",
        465,
        ("gmail.com", "googlemail.com"),
        "app-password",
    ),
    Provider(
        "outlook",
        "Outlook.com / Hotmail",
        "outlook.office365.com",
        "smtp-mail.outlook.com",
        587,
        (
            "outlook.com",
            "outlook.de",
            "outlook.es",
            "outlook.fr",
            "outlook.it",
            "outlook.co.uk",
            "hotmail.com",
            "hotmail.de",
            "hotmail.es",
            "hotmail.fr",
            "hotmail.it",
            "hotmail.co.uk",
            "hotmail.se",
            "live.com",
            "live.de",
            "live.se",
            "msn.com",
        ),
        "oauth-only",
    ),
    Provider(
        "microsoft365",
        "Microsoft 365 (Exchange Online)",
        "outlook.office365.com",
        "smtp.office365.com",
        587,
        (),
        "oauth-only",
    ),
    Provider(
        "icloud",
        "iCloud Mail",
        "imap.mail.me.com",
        "smtp.mail.me.com",
        587,
        ("icloud.com", "me.com", "mac.com"),
        "app-password",
    ),
    Provider(
        "yahoo",
        "Yahoo Mail",
        "imap.mail.yahoo.com",
        "smtp.mail.yahoo.com",
        465,
        (
            "yahoo.com",
            "yahoo.de",
            "yahoo.es",
            "yahoo.fr",
            "yahoo.it",
            "yahoo.co.uk",
            "yahoo.se",
            "ymail.com",
            "rocketmail.com",
        ),
        "app-password",
    ),
    Provider(
        "aol",
        "AOL Mail",
        "imap.aol.com",
        "smtp.aol.com",
        465,
        ("aol.com", "aol.de"),
        "app-password",
    ),
    Provider(
        "gmx", "GMX", "imap.gmx.net", "mail.gmx.net", 465, ("gmx.de", "gmx.net", "gmx.at", "gmx.ch")
    ),
    Provider(
        "gmx.com",
        "GMX (international)",
        "imap.gmx.com",
        "mail.gmx.com",
        465,
        ("gmx.com", "gmx.es", "gmx.fr", "gmx.co.uk"),
    ),
    Provider("webde", "WEB.DE", "imap.web.de", "smtp.web.de", 587, ("web.de",)),
    Provider(
        "fastmail",
        "Fastmail",
        "imap.fastmail.com",
        "smtp.fastmail.com",
        465,
        ("fastmail.com", "fastmail.fm"),
        "app-password",
    ),
    Provider("ionos", "IONOS (1&1)", "imap.ionos.de", "smtp.ionos.de", 465),
    Provider("ionos.com", "IONOS (international)", "imap.ionos.com", "smtp.ionos.com", 465),
    Provider(
        "t-online",
        "Telekom (t-online.de)",
        "secureimap.t-online.de",
        "securesmtp.t-online.de",
        465,
        ("t-online.de",),
    ),
    Provider("posteo", "Posteo", "posteo.de", "posteo.de", 465, ("posteo.de", "posteo.net")),
    Provider(
        "mailbox.org", "mailbox.org", "imap.mailbox.org", "smtp.mailbox.org", 465, ("mailbox.org",)
    ),
    Provider(
        "zoho", "Zoho Mail", "imap.zoho.com", "smtp.zoho.com", 465, ("zoho.com", "zohomail.com")
    ),
    Provider(
        "zoho.eu", "Zoho Mail (EU)", "imap.zoho.eu", "smtp.zoho.eu", 465, ("zoho.eu", "zohomail.eu")
    ),
)

_BY_DOMAIN = {domain: p for p in PROVIDERS for domain in p.domains}
_BY_KEY = {p.key: p for p in PROVIDERS}


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def find_provider(address: str) -> Provider | None:
    """The provider whose servers hold ``address``'s mail, when its domain says so."""
    return _BY_DOMAIN.get(domain_of(address))


def provider(key: str) -> Provider | None:
    return _BY_KEY.get(key)


def provider_for(address: str) -> tuple[str, str] | None:
    """``(imap_url, smtp_url)`` for ``address`` at a known provider, else None."""
    found = find_provider(address)
    return found.urls(address.strip()) if found else None


def imap_url(user: str, host: str, port: int = 993, tls: bool = True) -> str:
    scheme = "imaps" if tls else "imap"
    return f"{scheme}://{user}@{host}:{port}"


def smtp_url(user: str, host: str, port: int = 465, implicit_tls: bool | None = None) -> str:
    """``smtps://`` for TLS from the first byte (port 465 unless told), else ``smtp://``
    (STARTTLS on anything but loopback)."""
    implicit = port == 465 if implicit_tls is None else implicit_tls
    return f"{'smtps' if implicit else 'smtp'}://{user}@{host}:{port}"
