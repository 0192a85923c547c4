"""external-link, logo-link, tracking-pixel: regexes over the original Markdown/HTML text.

Every pattern is bounded ({m,n} repeats, no nested unbounded groups) so a 1 MB body stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.policy.domains import is_top_level
from app.policy.spans import SpanSet

# A bare "word.xx" is a domain when xx is a public suffix (app.policy.domains), except endings
# that are far more often a typo ("ready.to", "do.it") or a file ("manual.zip", "readme.md")
# than a shop. Those hosts are still caught with a scheme, "www." or as shorteners.
NOT_BARE = frozenset(
    [
        "to",
        "in",
        "is",
        "at",
        "be",
        "me",
        "no",
        "us",
        "do",
        "go",
        "so",
        "on",
        "or",
        "as",
        "an",
        "by",
        "my",
        "am",
        "im",
        "la",
        "tv",
        "ly",
        "zip",
        "mov",
        "md",
        "py",
        "sh",
        "rs",
        "ps",
        "pm",
        "rar",
        "exe",
        "dll",
        "bat",
        "cmd",
        "jar",
        "apk",
        "dmg",
        "iso",
        "bin",
        "log",
        "nr",  # "Art.nr", "Best.nr", "Tel.nr": Nummer/nummer, not Nauru
    ]
)
# Spoken separators ("dot", "punkt", "punto", "point", "prick") without brackets are everyday
# words: only trusted before these endings, or before a country ending after a real label.
SAFE_SPOKEN_TLDS = frozenset(["com", "net", "org", "info", "biz", "io", "shop", "store", "online"])
COUNTRY_TLDS = frozenset(["se", "es", "de", "fr", "it", "uk", "eu", "nl", "ch", "co"])
_WORDLIKE = frozenset(
    [
        "it",
        "in",
        "is",
        "at",
        "be",
        "no",
        "me",
        "us",
        "to",
        "do",
        "go",
        "so",
        "on",
        "or",
        "as",
        "an",
        "by",
        "my",
        "am",
        "de",
        "es",
        "se",
        "fr",
    ]
)
# Labels that are function words: "el punto es que", "le point fr…", "der Punkt de…".
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "el",
        "la",
        "lo",
        "los",
        "las",
        "un",
        "una",
        "este",
        "esta",
        "ese",
        "esa",
        "le",
        "les",
        "un",
        "une",
        "ce",
        "cette",
        "du",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "dieser",
        "den",
        "dem",
        "il",
        "lo",
        "gli",
        "uno",
        "questo",
        "quel",
        "den",
        "det",
        "en",
        "ett",
        "denna",
    ]
)


def tld_ok(label: str) -> bool:
    """A lower-case ending that makes "name.ending" a web address."""
    return label not in NOT_BARE and is_top_level(label)


SHORTENERS = (
    "bit.ly", "tinyurl.com", "goo.gl", "t.co", "amzn.to", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
    "cutt.ly", "shorturl.at", "rb.gy", "t.ly", "tiny.cc", "lnkd.in", "youtu.be", "fb.me", "wa.me",
    "t.me", "s.id", "v.gd", "bl.ink", "short.io",
)  # fmt: skip

_STOP = r"[^\s<>()\[\]\"'`]"
URL_RE = re.compile(rf"(?i)(?<![\w@])(?:(?:https?|ftp)://|www\d?\.){_STOP}{{1,2000}}")
SHORT_RE = re.compile(
    r"(?i)(?<![\w@.-])(?:"
    + "|".join(re.escape(s) for s in SHORTENERS)
    + rf")(?:/{_STOP}{{0,500}})?(?![\w-])"
)
BARE_RE = re.compile(
    rf"(?<![\w@.\-/])((?:[^\W_][\w-]{{0,62}}\.){{1,8}}([a-z]{{2,12}}))(?![\w@-]|\.[^\W_])(/{_STOP}{{0,1000}})?"
)
_SEP_BRACKET = r"[\[({]\s{0,3}(?:dot|punkt|punto|point|prick|\.)\s{0,3}[\])}]"
# "dot", "punkt"… as words, and a dot with spaces around it ("www . shop . se").
_SEP_WORD = r"(?:\s{1,3}(?:dot|punkt|punto|point|prick)\s{1,3}|\s{1,3}\.\s{1,3})"
SPOKEN_RE = re.compile(
    rf"(?i)(?<![\w.])[^\W_][\w-]{{0,62}}(?:(?:\s{{0,3}}{_SEP_BRACKET}\s{{0,3}}|{_SEP_WORD})[^\W_][\w-]{{0,62}}){{1,6}}"
)
# A two-part ending written with spaces only ("greenleafgardens co uk"): prose never says
# "co uk", so the lower-case pair alone marks an address.
SPACED_RE = re.compile(
    r"(?<![\w.@-])([a-z0-9][a-z0-9-]{2,62})\s(?:co|com|org|net|ac|gov)\s"
    r"(?:uk|au|nz|za|jp|in|br|mx|ar|tr|il|kr)(?![\w@-]|\.\w)"
)
_SEP_ANY = re.compile(rf"(?i)\s{{0,3}}{_SEP_BRACKET}\s{{0,3}}|{_SEP_WORD}")

MD_IMAGE_RE = re.compile(r"!\[[^\]\n]{0,500}\]\(\s{0,5}<?([^\s)>]{0,2000})>?[^)\n]{0,300}\)")
MD_LOGO_RE = re.compile(
    r"\[\s{0,5}!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)\s{0,5}\]\(\s{0,5}<?([^\s)>]{0,2000})>?[^)\n]{0,300}\)"
)
HTML_IMG_RE = re.compile(r"(?i)<img\b[^>]{0,2000}>")
HTML_LOGO_RE = re.compile(
    r"(?is)<a\b[^>]{0,2000}>(?:(?!</a>).){0,2000}?<img\b[^>]{0,2000}>"
    r"(?:(?:(?!</a>).){0,2000}?</a>)?"
)
_ATTR_RE = re.compile(r"""(?i)\b(src|width|height|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_HIDDEN_STYLE = re.compile(
    r"(?i)display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)"
    r"|(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$)"
)
_TRAILING = ".,;:!?*_~'\")]}>"


@dataclass(frozen=True, slots=True)
class LinkHit:
    start: int
    end: int
    host: str  # lower-cased host ("" when unknown)
    kind: str  # "url", "domain", "shortener", "spoken"


def _host_of(url: str) -> str:
    s = url.lower()
    if "://" in s:
        s = s.split("://", 1)[1]
    s = re.split(r"[/?#]", s, maxsplit=1)[0]
    s = s.rsplit("@", 1)[-1]
    return s.split(":", 1)[0].rstrip(".")


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


# What each pattern cannot match without: a paragraph lacking it skips the pattern (most
# paragraphs have no link at all, and these searches are far cheaper than the patterns).
_URL_NEEDS = re.compile(r"(?i)://|www")
_DOTTED_NEEDS = re.compile(r"[\w-]\.\w")  # a shortener's or a bare domain's dot
_SPACED_NEEDS = re.compile(r"\s(?:co|com|org|net|ac|gov)\s[a-z]")
_SPOKEN_NEEDS = re.compile(r"(?i)[\[({]|\s(?:dot|punkt|punto|point|prick|\.)\s")


def find_links(text: str) -> list[LinkHit]:
    hits: list[LinkHit] = []
    taken = SpanSet()

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    url = _URL_NEEDS.search(text) is not None
    dotted = _DOTTED_NEEDS.search(text) is not None
    spoken = _SPOKEN_NEEDS.search(text) is not None
    spaced = _SPACED_NEEDS.search(text) is not None
    if not (url or dotted or spoken or spaced):
        return hits
    for m in URL_RE.finditer(text) if url else ():
        end = _trim(text, m.start(), m.end())
        hits.append(LinkHit(m.start(), end, _host_of(text[m.start() : end]), "url"))
        taken.add(m.start(), end)
    for m in SHORT_RE.finditer(text) if dotted else ():
        if free(m.start(), m.end()):
            end = _trim(text, m.start(), m.end())
            hits.append(LinkHit(m.start(), end, _host_of(text[m.start() : end]), "shortener"))
            taken.add(m.start(), end)
    for m in BARE_RE.finditer(text) if dotted else ():
        tld = m.group(2)
        if not free(m.start(), m.end()) or not tld_ok(tld):
            continue
        end = _trim(text, m.start(), m.end())
        hits.append(LinkHit(m.start(), end, m.group(1).lower(), "domain"))
        taken.add(m.start(), end)
    for m in SPOKEN_RE.finditer(text) if spoken else ():
        hit = _spoken(text, m.start(), m.end())
        if hit is not None and free(hit.start, hit.end):
            hits.append(hit)
            taken.add(hit.start, hit.end)
    for m in SPACED_RE.finditer(text) if spaced else ():
        if m.group(1) not in _FUNCTION_WORDS and free(m.start(), m.end()):
            hits.append(LinkHit(m.start(), m.end(), ".".join(m.group(0).split()), "spoken"))
            taken.add(m.start(), m.end())
    hits.sort(key=lambda h: h.start)
    return hits


def _spoken(text: str, start: int, end: int) -> LinkHit | None:
    """'shop dot example dot com' / 'example[.]com': the longest prefix ending in a TLD."""
    chunk = text[start:end]
    seps = list(_SEP_ANY.finditer(chunk))
    labels: list[tuple[int, int]] = []
    pos = 0
    for m in seps:
        labels.append((pos, m.start()))
        pos = m.end()
    labels.append((pos, len(chunk)))
    first = chunk[labels[0][0] : labels[0][1]].lower()
    for j in range(len(labels) - 1, 0, -1):
        a, b = labels[j]
        tld = chunk[a:b].lower()
        sep = seps[j - 1].group(0).strip().lower()
        if _spoken_ok(tld, sep, first, j):
            host = ".".join(chunk[x:y].lower() for x, y in labels[: j + 1])
            return LinkHit(start, start + b, host, "spoken")
    return None


# A hyphen or a digit inside a label ("moebel-kraft", "shop24") is a name, not a word.
_MARKED = re.compile(r"\w[-\d]|\d")


def is_shortener(host: str) -> bool:
    return host in _SHORTENER_HOSTS


_SHORTENER_HOSTS = frozenset(SHORTENERS)


def _spoken_ok(tld: str, sep: str, first: str, n_labels: int) -> bool:
    """Is `first … sep tld` a spelled-out address? Brackets ("[.]", "(dot)") always say so;
    a bare word or spaced dot only before an unmistakable ending, or "www", or a country
    ending after a label that is not a function word ("tienda punto es", not "el punto es")."""
    if sep[:1] in "[({":
        return is_top_level(tld)
    if first == "www":
        return is_top_level(tld)
    if tld in SAFE_SPOKEN_TLDS:
        return True
    if sep.startswith("dot") and tld not in _WORDLIKE and tld_ok(tld):
        return True
    if sep == "." and not (_MARKED.search(first) and tld in COUNTRY_TLDS):
        return False  # "box . it" is a typo; "bijoux-lea . fr" is an address
    return (
        tld in COUNTRY_TLDS
        and not (tld == "it" and sep == "point")  # "a good point it seems"
        and n_labels == 1
        and len(first) >= 3
        and first not in _FUNCTION_WORDS
        and first.replace("-", "").isalnum()
        and not first.isdigit()
    )


@dataclass(frozen=True, slots=True)
class ImageHit:
    start: int
    end: int
    src: str
    hidden: bool


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag)}


def _tiny(value: str | None) -> bool:
    if value is None:
        return False
    digits = re.match(r"\s*(\d{1,6})", value)
    return digits is not None and int(digits.group(1)) <= 1


def find_images(text: str) -> Iterator[ImageHit]:
    if "![" not in text and "<" not in text:
        return
    for m in MD_IMAGE_RE.finditer(text):
        yield ImageHit(m.start(), m.end(), m.group(1), hidden=False)
    for m in HTML_IMG_RE.finditer(text):
        attrs = _attrs(m.group(0))
        style = attrs.get("style", "")
        hidden = (
            _tiny(attrs.get("width"))
            or _tiny(attrs.get("height"))
            or _HIDDEN_STYLE.search(style) is not None
        )
        yield ImageHit(m.start(), m.end(), attrs.get("src", ""), hidden)


def find_logo_links(text: str) -> Iterator[tuple[int, int]]:
    if "![" not in text and "<" not in text:
        return
    for m in MD_LOGO_RE.finditer(text):
        yield m.start(), m.end()
    for m in HTML_LOGO_RE.finditer(text):
        yield m.start(), m.end()


def is_remote(src: str) -> bool:
    s = src.strip().lower()
    return s.startswith(("http://", "https://", "//", "ftp://", "www."))
