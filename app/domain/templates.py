"""Reply templates: placeholders, filling and the choice of language. Pure; the app and the relay
share it, so a template the relay accepted fills the same way in every seat.

A placeholder is `{name}` with a name from `PLACEHOLDERS`: only data the marketplace gives us
(nothing a buyer could not already see). `{{` and `}}` write literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

PLACEHOLDERS: tuple[str, ...] = (
    "buyer_first_name",
    "order_id",
    "items",
    "order_date",
    "marketplace",
    "seller_name",
)
# Sample values: what the rules check fills a template with when it is saved, so a placeholder
# is judged as the words it becomes (an order number is not a phone number).
SAMPLE_VALUES: Mapping[str, str] = {
    "buyer_first_name": "Alex",
    "order_id": "123-1234567-1234567",
    "items": "Blue ceramic mug",
    "order_date": "2 May 2026",
    "marketplace": "Amazon.de",
    "seller_name": "Nordic Home",
}
MAX_NAME = 80
MAX_TEXT = 10_000
MAX_LANGUAGES = 12
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
# One pass, linear: an escaped brace, or a placeholder of at most 40 name characters.
_TOKEN_RE = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]{0,39})\}")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names `text` uses, in order of first use (unknown ones included)."""
    seen: dict[str, None] = {}
    for m in _TOKEN_RE.finditer(text):
        if m.group(1):
            seen.setdefault(m.group(1), None)
    return list(seen)


def unknown_placeholders(text: str) -> list[str]:
    return [p for p in placeholders_in(text) if p not in PLACEHOLDERS]


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each known placeholder replaced by its value; a placeholder without a value
    (an order date for a conversation without an order) becomes an empty string, and the
    whitespace it leaves doubled is left to the seller to see."""

    def one(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1)
        if name not in PLACEHOLDERS:
            return token
        return values.get(name) or ""

    return _TOKEN_RE.sub(one, text)


def first_name(display_name: str) -> str:
    """The buyer's first name as marketplaces show it ("Jane D." → "Jane"); "" if none."""
    parts = display_name.split()
    return parts[0] if parts and parts[0].lower() != "buyer" else ""


@dataclass(frozen=True)
class LanguageChoice:
    language: str  # the language of the text chosen
    wanted: str  # the buyer's language
    fallback: bool  # True when the template has no text in the buyer's language


def pick_language(
    texts: Mapping[str, str], buyer_locale: str, fallbacks: tuple[str, ...] = ("en",)
) -> LanguageChoice | None:
    """Which of a template's texts to insert for a buyer: their locale exactly ("es-MX"), its
    language ("es"), then each fallback, then the first text. None for a template without text."""
    if not texts:
        return None
    wanted = (buyer_locale or "en").replace("_", "-")
    lang = wanted.split("-")[0].lower()
    by_lang = {code.split("-")[0].lower(): code for code in texts}
    for code in (wanted, lang):
        if code in texts:
            return LanguageChoice(code, lang, False)
    if lang in by_lang:
        return LanguageChoice(by_lang[lang], lang, False)
    for fb in fallbacks:
        if fb in texts:
            return LanguageChoice(fb, lang, True)
    return LanguageChoice(next(iter(texts)), lang, True)


def validate(name: str, texts: Mapping[str, str]) -> list[str]:
    """The properties of a template that are not acceptable (empty list: fine)."""
    bad: list[str] = []
    if not name.strip() or len(name) > MAX_NAME or any(ord(ch) < 32 for ch in name):
        bad.append("name")
    if (
        not texts
        or len(texts) > MAX_LANGUAGES
        or not all(
            isinstance(code, str)
            and LANGUAGE_RE.match(code)
            and isinstance(text, str)
            and text.strip()
            and len(text) <= MAX_TEXT
            and not unknown_placeholders(text)
            for code, text in texts.items()
        )
    ):
        bad.append("texts")
    return bad
