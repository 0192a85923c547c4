"""The seller's signature under a reply: one per marketplace, in the buyer's language where
the seller wrote one.

It goes below the conventional separator line (`-- `), which mail clients and the rules engine
know, and the relay keeps the seller's own words above it when a copy comes back by mail. Being
the seller's own words, it is checked with every content rule (app/policy/signatures.py), not
only for the links and contact details the engine looks for in a pasted signature.
"""

from __future__ import annotations

SEPARATOR = "\n\n-- \n"
ANY_LANGUAGE = ""  # the key of the text used when none is in the buyer's language

# {marketplace id: {language ("" for any): text}}
Signatures = dict[str, dict[str, str]]


def language_of(locale: str) -> str:
    """ "de-DE", "de_AT", "DE" -> "de"."""
    return locale.replace("_", "-").split("-", 1)[0].strip().lower()


def choose(signatures: Signatures, marketplace_id: str | None, locale: str) -> str:
    """The signature for a reply on this marketplace to a buyer of this locale ("" if none)."""
    texts = signatures.get(marketplace_id or "", {})
    found = texts.get(language_of(locale)) or texts.get(ANY_LANGUAGE) or ""
    return found.strip("\n")


def append(body: str, signature: str) -> str:
    """The body as sent: with the signature below the separator (nothing to add: unchanged)."""
    if not signature.strip() or not body.strip():
        return body
    return body.rstrip() + SEPARATOR + signature


def strip(body: str, signature: str) -> str:
    """The body without the signature ``append`` added (a reply taken back by Undo)."""
    tail = SEPARATOR + signature
    if signature.strip() and body.endswith(tail):
        return body[: -len(tail)]
    return body
