"""Marketplace domains and relay aliases: which addresses are Amazon's or eBay's, and how.

Domains are matched exactly against the marketplaces' known top-level domains (never by
"contains amazon"), so `marketplace.amazon.de.example.net` is nobody's relay.
"""

from __future__ import annotations

from dataclasses import dataclass

AMAZON_TLDS = frozenset(
    {
        "com", "ca", "com.mx", "com.br", "co.uk", "de", "fr", "it", "es", "nl", "se", "pl",
        "com.be", "com.tr", "ae", "sa", "eg", "in", "sg", "co.jp", "com.au", "ie",
    }
)  # fmt: skip
EBAY_SITES = frozenset(
    {
        "com", "de", "co.uk", "fr", "it", "es", "com.au", "ca", "at", "ch", "nl", "be", "ie",
        "pl", "com.hk", "com.sg", "com.my", "ph", "in",
    }
)  # fmt: skip
# X-Marketplace-ID → marketplace (Amazon's public marketplace ids).
MARKETPLACE_IDS = {
    "ATVPDKIKX0DER": "amazon.com",
    "A2EUQ1WTGCTBG2": "amazon.ca",
    "A1AM78C64UM0Y8": "amazon.com.mx",
    "A2Q3Y263D00KWC": "amazon.com.br",
    "A1F83G8C2ARO7P": "amazon.co.uk",
    "A1PA6795UKMFR9": "amazon.de",
    "A13V1IB3VIYZZH": "amazon.fr",
    "APJ6JRA9NG5V4": "amazon.it",
    "A1RKKUPIHCS9HS": "amazon.es",
    "A1805IZSGTT6HS": "amazon.nl",
    "A2NODRKZP88ZB9": "amazon.se",
    "A1C3SOZRARQ6R3": "amazon.pl",
    "AMEN7PMS3EDWL": "amazon.com.be",
    "A33AVAJ2PDY3EV": "amazon.com.tr",
    "A2VIGQ35RCS4UG": "amazon.ae",
    "A17E79C6D8DWNP": "amazon.sa",
    "ARBP9OOSHTCHU": "amazon.eg",
    "A21TJRUUN4KGV": "amazon.in",
    "A19VAU5U5O7RUS": "amazon.sg",
    "A1VC38T7YXB528": "amazon.co.jp",
    "A39IBJ37TRP1C6": "amazon.com.au",
    "A28R8C7NBKEWEA": "amazon.ie",
}
AMAZON_RELAY = "marketplace.amazon."
EBAY_RELAY = "members.ebay."
# Amazon's sending service: DKIM/SPF of relay mail is often in this domain's name.
AMAZON_SENDERS = ("amazonses.com",)


def _under(domain: str, name: str, tlds: frozenset[str]) -> str | None:
    """The tld when `domain` is `name.<tld>` or a subdomain of it."""
    domain = domain.lower().rstrip(".")
    if domain.startswith(name + "."):
        rest = domain[len(name) + 1 :]
        return rest if rest in tlds else None
    marker = "." + name + "."
    at = domain.find(marker)
    while at != -1:
        rest = domain[at + len(marker) :]
        if rest in tlds:
            return rest
        at = domain.find(marker, at + 1)
    return None


def amazon_marketplace(domain: str) -> str | None:
    """ "amazon.de" for amazon.de and any subdomain of it, None for anything else."""
    tld = _under(domain, "amazon", AMAZON_TLDS)
    return f"amazon.{tld}" if tld else None


def ebay_marketplace(domain: str) -> str | None:
    tld = _under(domain, "ebay", EBAY_SITES)
    return f"ebay.{tld}" if tld else None


def marketplace_domain(domain: str) -> bool:
    """Any domain that speaks for a marketplace (for DKIM/SPF/DMARC identities)."""
    domain = domain.lower().rstrip(".")
    if any(domain == s or domain.endswith("." + s) for s in AMAZON_SENDERS):
        return True
    return bool(amazon_marketplace(domain) or ebay_marketplace(domain))


@dataclass(frozen=True)
class Alias:
    address: str  # full alias, lowercased
    base: str  # without the "+case" part
    family: str  # "amazon" | "ebay"
    marketplace: str  # "amazon.de", "ebay.com"...


def _alnum(text: str, low: int, high: int) -> bool:
    return low <= len(text) <= high and text.isascii() and text.isalnum()


def relay_alias(address: str) -> Alias | None:
    """The relay alias an address is, or None.

    Amazon: `<base>[+<case>]@marketplace.amazon.<tld>`, base 6..40 letters/digits, case id
    letters, digits and dashes. eBay: `<hex 12..40>@members.ebay.<site>`.
    """
    address = address.strip().lower()
    local, at, domain = address.rpartition("@")
    if not at or not local or len(address) > 200:
        return None
    if domain.startswith(AMAZON_RELAY) and domain[len(AMAZON_RELAY) :] in AMAZON_TLDS:
        base, plus, case = local.partition("+")
        if not _alnum(base, 6, 40):
            return None
        if plus and not (1 <= len(case) <= 64 and _alnum(case.replace("-", ""), 1, 64)):
            return None
        return Alias(address, f"{base}@{domain}", "amazon", "amazon." + domain[len(AMAZON_RELAY) :])
    if domain.startswith(EBAY_RELAY) and domain[len(EBAY_RELAY) :] in EBAY_SITES:
        if not _alnum(local, 12, 40) or any(c not in "0123456789abcdef" for c in local):
            return None
        return Alias(address, address, "ebay", "ebay." + domain[len(EBAY_RELAY) :])
    return None


_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789+-")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def find_alias(text: str, limit: int = 1_000_000) -> Alias | None:
    """The first relay alias written anywhere in `text` (a notice quoting the mail it concerns)."""
    folded = text[:limit].lower()
    for relay in ("@" + AMAZON_RELAY, "@" + EBAY_RELAY):
        at = folded.find(relay)
        while at != -1:
            start = at
            while start > 0 and at - start < 120 and folded[start - 1] in _LOCAL_CHARS:
                start -= 1
            end = at + 1
            while end < len(folded) and end - at < 40 and folded[end] in _DOMAIN_CHARS:
                end += 1
            alias = relay_alias(folded[start:end].rstrip(".-"))
            if alias:
                return alias
            at = folded.find(relay, at + 1)
    return None
