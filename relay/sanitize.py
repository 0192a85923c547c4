"""Inbound cleaning: no real address or phone number reaches a seller; HTML through nh3.

Everything here runs on hostile input (a buyer's mail, a seller's body) on the relay's request
path, so every pattern is linear in its input: quantifiers are bounded, and e-mail addresses are
found from their "@" outward instead of by a pattern that retries a long local part at every
position (that one was quadratic: 30 KB of base64 took 31 s). See docs/security.md.

Addresses are searched in *normalised* text (NFKC: a fullwidth "＠" is "@"; zero-width
characters removed) and, for HTML, in the text a reader sees, not only in the markup.
"""

from __future__ import annotations

import bisect
import html as htmllib
import itertools
import re
import unicodedata

import nh3

from app.html_nesting import flatten_nesting

# "@" or a spelled-out or encoded form of it, with a little space around (bounded). The word
# form ("jane at example dot com") is weak: it yields to a real "@" address it overlaps.
_AT_RE = re.compile(
    r"[ \t]{0,3}\n?[ \t]{0,3}(?:@|%40|[\(\[\{][ \t]?at[ \t]?[\)\]\}])[ \t]{0,3}\n?[ \t]{0,3}"
    r"|(?P<word>[ \t]{1,3}at[ \t]{1,3})",
    re.IGNORECASE,
)
# The local part, matched on the *reversed* text from just before the "@" (at most 64).
_LOCAL_REV_RE = re.compile(r"[\w!#$%&'*+/=?^`{|}~.-]{1,64}")
_MAILTO_REV = ":otliam"
_DOT = (
    r"(?:\.[ \t]{0,2}\n[ \t]{0,2}|[ \t]{0,2}\n[ \t]{0,2}\.|[ \t]{1,2}\.[ \t]{1,2}|\.|%2e"
    r"|[ \t]{0,2}[\(\[\{][ \t]?dot[ \t]?[\)\]\}][ \t]{0,2}|[ \t]{1,2}dot[ \t]{1,2})"
)
_DOMAIN_RE = re.compile(rf"[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{1,8}}", re.IGNORECASE)
# Kept for callers that match a whole, already-clean address string.
EMAIL_RE = re.compile(r"[\w!#$%&'*+/=?^`{|}~.-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")

# 7..15 digits with the usual separators (bounded: linear); marketplace order numbers (3-7-7)
# are kept. Up to 40 characters, so two numbers side by side are seen together and split.
PHONE_RE = re.compile(r"(?<![\w-])\+?\(?\d[\d\s().\-/]{5,40}\d(?![\w-])")
ORDER_NO_RE = re.compile(r"^\d{3}-\d{7}-\d{7}$")
_ORDER_NO_SPLIT = re.compile(r"(\d{3}-\d{7}-\d{7})")
_DIGIT_GROUP = re.compile(r"\d+")
MAX_PHONE_GROUPS = 12

# C0 and C1 controls (U+0085 NEL, U+009B CSI...), line/paragraph separators.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# Bidi embeddings, overrides and isolates: "invoice\u202efdp.exe" shows as "invoiceexe.pdf".
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Invisible characters that split an address for the eye of a filter but not of a reader.
_ZERO_WIDTH_RE = re.compile(r"[\u00ad\u180e\u200b\u2060\ufeff]|(?<=[\x21-\x7e])[\u200c\u200d]+")

EMAIL_MARK = "[email removed]"
PHONE_MARK = "[phone removed]"

# One-line fields are cut to their limit; more than this much is never even scanned.
LINE_SCAN_FACTOR = 4
# The HTML the relay keeps of one message (after cleaning); beyond it, the text is kept instead.
MAX_HTML_CHARS = 500_000

# Headers that may be kept from an inbound mail; everything else identifies the sender or its path.
KEPT_HEADERS = frozenset({"content-language", "date"})

_HTML_BREAKS = re.compile(r"(?i)<br\s{0,8}/?>|</(?:p|div|tr|li|h[1-6]|blockquote|pre|table)>")
_HTML_CELLS = re.compile(r"(?i)</t[dh]>")


def normalise(text: str) -> str:
    """NFKC (fullwidth and compatibility forms become plain ones), invisible characters gone."""
    return _ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFKC", text))


def _email_spans(text: str) -> list[tuple[int, int]]:
    strong: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    rev = text[::-1]
    n = len(text)
    for at in _AT_RE.finditer(text):
        start, end = at.start(), at.end()
        local = _LOCAL_REV_RE.match(rev, n - start)
        domain = _DOMAIN_RE.match(text, end)
        if local is None or domain is None:
            continue
        begin = start - (local.end() - local.start())
        if rev.startswith(_MAILTO_REV, n - begin):
            begin -= len(_MAILTO_REV)
        (weak if at.group("word") else strong).append((begin, domain.end()))
    if weak and strong:
        strong.sort()
        starts = [b for b, _ in strong]
        reach = list(itertools.accumulate((e for _, e in strong), max))
        # Keep a weak span only if no strong span starting before its end reaches into it.
        weak = [
            (b, e)
            for b, e in weak
            if (i := bisect.bisect_left(starts, e)) == 0 or reach[i - 1] <= b
        ]
    return strong + weak


def _replace_spans(text: str, spans: list[tuple[int, int]], mark: str) -> str:
    """Each run of overlapping spans replaced by one `mark`."""
    out: list[str] = []
    pos = 0
    for begin, end in sorted(spans):
        if end <= pos:
            continue
        if begin > pos or not out:
            out += [text[pos:begin], mark]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _phone_numbers(digits: list[int]) -> bool:
    """Whether consecutive groups of digits split into numbers of 7..15 digits each. More than
    MAX_PHONE_GROUPS groups is a table of figures, not phone numbers (and would cost time)."""
    if len(digits) > MAX_PHONE_GROUPS:
        return False
    ok = [True] + [False] * len(digits)
    for i in range(len(digits)):
        if not ok[i]:
            continue
        total = 0
        for j in range(i, len(digits)):
            total += digits[j]
            if total > 15:
                break
            if total >= 7:
                ok[j + 1] = True
    return ok[-1]


def _phone_piece(piece: str) -> str:
    core = piece.strip(" \t\r\n()./-")
    groups = [len(g) for g in _DIGIT_GROUP.findall(core)]
    if not groups:
        return piece
    total = sum(groups)
    if 7 <= total <= 15 or (total > 15 and _phone_numbers(groups)):
        lead = piece[: len(piece) - len(piece.lstrip(" \t\r\n"))]
        tail = piece[len(piece.rstrip(" \t\r\n")) :]
        return lead + PHONE_MARK + tail
    return piece


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    if ORDER_NO_RE.match(text.strip()):
        return text
    # An order number next to a phone number: keep the order number, judge the rest alone.
    pieces = _ORDER_NO_SPLIT.split(text)
    return "".join(p if i % 2 else _phone_piece(p) for i, p in enumerate(pieces))


def remove_known(text: str, secrets: tuple[str, ...]) -> str:
    """Replace known identifying strings (real addresses, aliases) wherever they stand."""
    for secret in secrets:
        if secret and len(secret) >= 3:
            text = re.sub(re.escape(secret), EMAIL_MARK, text, flags=re.IGNORECASE)
    return text


def redact(text: str, extra: tuple[str, ...] = ()) -> str:
    """Remove e-mail addresses, phone numbers and any known identifying strings, in the
    normalised text (so obfuscated forms are found too). Linear in `text`."""
    text = remove_known(normalise(text), tuple(normalise(s) for s in extra))
    text = _replace_spans(text, _email_spans(text), EMAIL_MARK)
    return PHONE_RE.sub(_phone, text)


def _line(text: str, limit: int) -> str:
    """One line, no controls or bidi overrides, at most a few times `limit` before redaction
    (a 2 MB display name is not scanned whole); a word cut at that edge is dropped."""
    cap = limit * LINE_SCAN_FACTOR
    if len(text) > cap:
        text = text[:cap].rsplit(None, 1)[0] if " " in text[:cap] else ""
    # Line breaks stay until after redaction (an address may be split by one); callers join.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return BIDI_RE.sub("", CONTROL_RE.sub(" ", text))


def clean_line(text: str, limit: int, extra: tuple[str, ...] = ()) -> str:
    """A one-line field (subject, display name): no control characters, redacted, bounded."""
    return " ".join(redact(_line(text, limit), extra).split())[:limit]


def clean_text(text: str, extra: tuple[str, ...] = ()) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return redact(CONTROL_RE.sub("", text), extra)


def _safe_html(html: str) -> str:
    safe = nh3.clean(html, link_rel="noopener noreferrer nofollow")
    return flatten_nesting(safe)


def clean_html(html: str, extra: tuple[str, ...] = ()) -> str:
    """Sanitized, nesting flattened (see app.html_nesting), addresses in the markup redacted.
    `clean_body` also checks the text a reader sees; prefer it for a message body."""
    return redact(_safe_html(html), extra)


def html_to_text(html: str) -> str:
    """The text a reader of `html` sees: block ends as line breaks, entities decoded."""
    marked = _HTML_CELLS.sub(" ", _HTML_BREAKS.sub("\n", html))
    text = htmllib.unescape(nh3.clean(marked, tags=set()))
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r" ?\n ?", "\n", text).strip()


def clean_body(
    text: str | None, html: str | None, extra: tuple[str, ...] = ()
) -> tuple[str | None, str]:
    """A message body as (html or None, text), both redacted.

    An address can hide from a search of the markup (`jane<b>@</b>example.com`, an entity):
    when the text the HTML shows still holds one after the markup was redacted, the HTML is
    dropped and the seller gets the redacted text. HTML too large after cleaning is dropped too.
    """
    if not html:
        return None, clean_text(text or "", extra)
    safe = _safe_html(html)
    body_html: str | None = redact(safe, extra)
    seen = normalise(html_to_text(body_html or ""))
    if len(safe) > MAX_HTML_CHARS or redact(seen, extra) != seen:
        body_html = None
    if text is not None:
        return body_html, clean_text(text, extra)
    return body_html, redact(CONTROL_RE.sub("", html_to_text(safe)), extra)


def kept_headers(headers: dict[str, str] | None) -> dict[str, str]:
    if not headers:
        return {}
    return {k.lower(): v for k, v in headers.items() if k.lower() in KEPT_HEADERS}


def cut_name(name: str, limit: int) -> str:
    """A file name of at most `limit` characters; a long one loses the end of its stem, not
    its extension (the type it shows in the save dialog)."""
    stem, dot, ext = name.rpartition(".")
    if len(name) <= limit:
        return name
    if stem and 0 < len(ext) <= 10:
        return stem[: limit - 1 - len(ext)] + dot + ext
    return name[:limit]


def safe_filename(name: str, extra: tuple[str, ...] = ()) -> str:
    """For names from the buyer side: path parts dropped, control chars and bidi overrides gone,
    never empty."""
    name = name.replace("\\", "/").split("/")[-1]
    name = cut_name(name, 120)
    name = " ".join(redact(_line(name, 120), extra).split()).lstrip(".")
    return name.replace("/", "_")[:120] or "attachment"


def _line_problem(value: str) -> str | None:
    if CONTROL_RE.search(value) or any(c in value for c in "\r\n\t"):
        return "control characters"
    if BIDI_RE.search(value):
        return "bidirectional override characters"
    return None


def filename_problem(name: object) -> str | None:
    """Why a seller-given attachment name is refused (None when fine)."""
    if not isinstance(name, str) or not name.strip():
        return "empty"
    if len(name) > 120:
        return "too long"
    if "/" in name or "\\" in name or ".." in name:
        return "path characters"
    return _line_problem(name)


def subject_problem(subject: object) -> str | None:
    if not isinstance(subject, str):
        return "not a string"
    if len(subject) > 200:
        return "too long"
    return _line_problem(subject)
