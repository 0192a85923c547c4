"""contact-info: e-mail addresses (also spelled out) and phone numbers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from app.policy.rules.links import tld_ok
from app.policy.spans import SpanSet, nearest_before

EMAIL_RE = re.compile(
    r"(?i)(?<![\w.+-])[\w.+-]{1,64}@[^\W_][\w-]{0,62}(?:\.[\w-]{1,63}){0,6}\.[a-z]{2,24}(?![\w-])"
)
# "anna(at)example.com", "anna [at] example [dot] se": a bracketed at, any dot.
# "anna at example dot com": a spoken at only with spoken dots, or "look at www.shop.com"
# would read as an address (that one is a link, and reported as such).
_AT_BRACKET = r"\s{0,3}[\[({]\s{0,3}(?:at|@|arroba|chiocciola|snabel-a|arobase)\s{0,3}[\])}]\s{0,3}"
_AT_WORD = r"\s{1,3}(?:at|arroba|chiocciola|snabel-a|arobase)\s{1,3}"
_DOT_SPOKEN = (
    r"(?:\s{0,3}[\[({]\s{0,3}(?:dot|punkt|punto|point|\.)\s{0,3}[\])}]\s{0,3}"
    r"|\s{1,3}(?:dot|punkt|punto|point)\s{1,3})"
)
_DOT_ANY = rf"(?:\s{{0,3}}\.\s{{0,3}}|{_DOT_SPOKEN})"
_LOCAL = r"(?i)(?<![\w.+-])[\w.+-]{1,64}"
_LABEL = r"[^\W_][\w-]{0,62}"
SPOKEN_EMAIL_RES = (
    re.compile(rf"{_LOCAL}{_AT_BRACKET}{_LABEL}(?:{_DOT_ANY}{_LABEL}){{1,5}}"),
    re.compile(rf"{_LOCAL}{_AT_WORD}{_LABEL}(?:{_DOT_SPOKEN}{_LABEL}){{1,5}}"),
)
_LAST_LABEL = re.compile(r"[\w-]+$")

PHONE_RE = re.compile(r"(?<![\w+.,/-])(?:\+|\b00)?\(?\d[\d()\s./-]{5,22}\d(?![\w]|[.,]\d)")
_MONEY_AFTER = re.compile(
    r"(?i)\s{0,2}(?:sek|kr\b|kronor|eur\b|euros?|€|usd|\$|£|gbp|chf|dkk|nok|pln)"
)
_MONEY_BEFORE = re.compile(r"[€$£]\s{0,2}$")
_DATE_RE = re.compile(r"^\d{1,4}([./-])\d{1,2}\1\d{1,4}$")
_ORDER_ID_RE = re.compile(r"^\d{3}-\d{7}-\d{7}$")
# Part of an identifier, not a subscriber number: a letters-and-digits token before it on its
# line ("1Z 999 AA1 01 2345 6784"), a letter suffix after a hyphen ("2023/4567-SE"), or a
# year before a slash ("2024/0456", document numbers).
_ID_BEFORE = re.compile(r"(?:[A-Za-z]+\d|\d+[A-Za-z])\w*[ \t]{1,2}$")
_ID_AFTER = re.compile(r"-[A-Za-z]")
_YEAR_SLASH = re.compile(r"^(?:19|20)\d\d/")
# A span of years ("fits the 2016-2020 Golf", "Clio IV (2016-2020)") is no number to dial.
_YEAR_RANGE = re.compile(r"^\(?(?:19|20)\d\d\s?[-/]\s?(?:19|20)\d\d\)?$")

# libphonenumber takes ~50 µs a region: a paragraph with more uncued numbers than this is a
# table or a data dump, and its later numbers are not looked up (keeps 1 MB bodies bounded).
MAX_VALIDATIONS = 40
CUE_WINDOW = 30  # characters before a number where a cue word counts


# "Find us at shop point fr", "see me at …": a spoken "at" after these is a place, not an
# address (the link itself is still reported as a link).
_NOT_LOCAL = frozenset(
    [
        "us",
        "me",
        "you",
        "him",
        "her",
        "them",
        "it",
        "we",
        "i",
        "look",
        "find",
        "see",
        "visit",
        "shop",
        "store",
        "online",
        "available",
        "arrive",
        "arrives",
        "arrived",
        "be",
        "is",
        "are",
        "was",
        "order",
        "buy",
        "sold",
    ]
)


# A spoken "at" after "the bench", "our shop", "a matching stool" names a place, not a mailbox.
_THING_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|our|your|this|that|these|those|matching|der|die|das|den|dem|unser\w*)\s{1,3}$"
)


# What a spelled-out address cannot do without: a bracket or a spoken "at" between spaces.
_SPOKEN_AT_NEEDS = re.compile(r"(?i)[\[({]|\s(?:at|arroba|chiocciola|snabel-a|arobase)\s")
_DIGIT = re.compile(r"\d")


def find_emails(text: str) -> Iterator[tuple[int, int]]:
    seen = SpanSet()
    for m in EMAIL_RE.finditer(text) if "@" in text else ():
        seen.add(m.start(), m.end())
        yield m.start(), m.end()
    if _SPOKEN_AT_NEEDS.search(text) is None:
        return
    for pattern in SPOKEN_EMAIL_RES:
        for m in pattern.finditer(text):
            if seen.overlaps(m.start(), m.end()):
                continue
            local = re.split(r"[\s\[({@]", m.group(0), maxsplit=1)[0]
            if local.lower() in _NOT_LOCAL:
                continue
            if (
                pattern is SPOKEN_EMAIL_RES[1]
                and re.search(r"(?i)\sat\s", m.group(0))  # "arroba", "chiocciola" are mailboxes
                and _THING_BEFORE.search(text, max(0, m.start() - 20), m.start())
            ):
                continue  # "the bench at oakhouse dot co dot uk": a place, reported as a link
            last = _LAST_LABEL.search(m.group(0))
            if last is not None and tld_ok(last.group(0).lower()):
                seen.add(m.start(), m.end())
                yield m.start(), m.end()


def _valid_in(raw: str, regions: Sequence[str]) -> bool:
    """libphonenumber says `raw` is a real number: international, or national in a region."""
    import phonenumbers  # lazy: ~0.15 s to import, warmed off the typing path (packs.warm_up)

    text = "+" + raw[2:] if raw.startswith("00") else raw
    for region in (None,) if text.startswith("+") else regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


LABEL_WINDOW = 25  # characters after a number where a `label_cue` ("on the label") counts


def _just_after(starts: Sequence[int], end: int) -> bool:
    i = bisect_left(starts, end)
    return i < len(starts) and starts[i] - end <= LABEL_WINDOW


def find_phones(
    text: str,
    phone_cues: Sequence[tuple[int, int]],
    reference_cues: Sequence[tuple[int, int]],
    regions: Sequence[str] = ("SE", "ES", "DE", "FR", "IT", "GB", "US"),
    label_cues: Sequence[int] = (),
) -> Iterator[tuple[int, int]]:
    """Phone numbers in the formats of `regions` (the marketplace's first) and international
    ones, as libphonenumber knows them; order ids, dates, prices and numbers after a reference
    word ("order", "tracking", "Bestellnummer") are skipped."""
    if _DIGIT.search(text) is None:
        return
    phone_ends = sorted(e for _s, e in phone_cues)
    label_starts = sorted(label_cues)
    ref_ends = sorted(e for _s, e in reference_cues)
    budget = MAX_VALIDATIONS
    for m in PHONE_RE.finditer(text):
        raw = m.group(0).rstrip(" ./-(")
        if "\n" in raw:
            continue
        start, end = m.start(), m.start() + len(raw)
        digits = sum(c.isdigit() for c in raw)
        if not 7 <= digits <= 15 or _DATE_RE.match(raw) or _ORDER_ID_RE.match(raw):
            continue
        if (
            _YEAR_SLASH.match(raw)
            or _YEAR_RANGE.match(raw)
            or _ID_AFTER.match(text, end)
            or _ID_BEFORE.search(text, max(0, start - 24), start)
        ):
            continue
        phone_d = nearest_before(phone_ends, start, CUE_WINDOW)
        ref_d = nearest_before(ref_ends, start, CUE_WINDOW)
        if ref_d is not None and (phone_d is None or ref_d < phone_d):
            continue  # "order 123 4567 890", "tracking no. 0034 5678 9012"
        if phone_d is None and _just_after(label_starts, end):
            continue  # "4471 2290 18 on the label", "… auf dem Typenschild": printed, not dialled
        if _MONEY_AFTER.match(text, end) or _MONEY_BEFORE.search(text, max(0, start - 4), start):
            continue  # "12 500 000 SEK", "€ 1 299 000"
        international = raw.startswith(("+", "00"))
        if phone_d is not None or (international and digits >= 8):
            yield start, end
        elif raw.isdigit() and digits < 9 and not raw.startswith("0"):
            continue  # "numéro 12345678": a parcel or part number, not a subscriber number
        elif budget > 0:
            budget -= 1
            if _valid_in(raw, regions):
                yield start, end
