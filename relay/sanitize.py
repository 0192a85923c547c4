"""Inbound cleaning: no real address or phone number reaches a seller; HTML through nh3."""

from __future__ import annotations

import re
import unicodedata

import nh3

EMAIL_RE = re.compile(
    r"(?:mailto:)?[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+(?:@|\s*\(at\)\s*|\s*\[at\]\s*)"
    r"[A-Za-z0-9-]+(?:(?:\.|\s*\(dot\)\s*|\s*\[dot\]\s*)[A-Za-z0-9-]+)+",
    re.IGNORECASE,
)
# 7..15 digits with the usual separators; marketplace order numbers (3-7-7) are kept.
PHONE_RE = re.compile(r"(?<![\w-])\+?\(?\d[\d\s().\-/]{5,22}\d(?![\w-])")
ORDER_NO_RE = re.compile(r"^\d{3}-\d{7}-\d{7}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")

EMAIL_MARK = "[email removed]"
PHONE_MARK = "[phone removed]"

# Headers that may be kept from an inbound mail; everything else identifies the sender or its path.
KEPT_HEADERS = frozenset({"content-language", "date"})


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if ORDER_NO_RE.match(text.strip()) or not 7 <= digits <= 15:
        return text
    return PHONE_MARK


def remove_known(text: str, secrets: tuple[str, ...]) -> str:
    """Replace known identifying strings (real addresses, aliases) wherever they stand."""
    for secret in secrets:
        if secret and len(secret) >= 3:
            text = re.sub(re.escape(secret), EMAIL_MARK, text, flags=re.IGNORECASE)
    return text


def redact(text: str, extra: tuple[str, ...] = ()) -> str:
    """Remove e-mail addresses, phone numbers and any known identifying strings."""
    text = EMAIL_RE.sub(EMAIL_MARK, remove_known(text, extra))
    return PHONE_RE.sub(_phone, text)


def clean_line(text: str, limit: int, extra: tuple[str, ...] = ()) -> str:
    """A one-line field (subject, display name): no control characters, redacted, bounded."""
    text = unicodedata.normalize("NFC", text)
    text = CONTROL_RE.sub(" ", text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    return redact(" ".join(text.split()), extra)[:limit]


def clean_text(text: str, extra: tuple[str, ...] = ()) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return redact(CONTROL_RE.sub("", text), extra)


def clean_html(html: str, extra: tuple[str, ...] = ()) -> str:
    safe = nh3.clean(html, link_rel="noopener noreferrer nofollow")
    return redact(safe, extra)


def html_to_text(html: str) -> str:
    text = nh3.clean(re.sub(r"(?i)<br\s*/?>|</p>", "\n", html), tags=set())
    return re.sub(r"[ \t]+", " ", text).strip()


def kept_headers(headers: dict[str, str] | None) -> dict[str, str]:
    if not headers:
        return {}
    return {k.lower(): v for k, v in headers.items() if k.lower() in KEPT_HEADERS}


def safe_filename(name: str, extra: tuple[str, ...] = ()) -> str:
    """For names from the buyer side: path parts dropped, control chars gone, never empty."""
    name = name.replace("\\", "/").split("/")[-1]
    name = CONTROL_RE.sub("", name.replace("\r", "").replace("\n", "")).strip().lstrip(".")
    name = redact(name, extra).replace("/", "_")
    return name[:120] or "attachment"


def filename_problem(name: object) -> str | None:
    """Why a seller-given attachment name is refused (None when fine)."""
    if not isinstance(name, str) or not name.strip():
        return "empty"
    if len(name) > 120:
        return "too long"
    if CONTROL_RE.search(name) or "\r" in name or "\n" in name or "\t" in name:
        return "control characters"
    if "/" in name or "\\" in name or ".." in name:
        return "path characters"
    return None


def subject_problem(subject: object) -> str | None:
    if not isinstance(subject, str):
        return "not a string"
    if len(subject) > 200:
        return "too long"
    if "\r" in subject or "\n" in subject or CONTROL_RE.search(subject) or "\t" in subject:
        return "control characters"
    return None
