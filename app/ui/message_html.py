"""Message bodies as the conversation pane shows them: sanitized again here (the relay already
did), remote content blocked unless the seller allowed it for that one message.

Buyer HTML is hostile (docs/security.md): only http(s) images survive (no path, no
schemeless `//host/x`, which on Windows is an SMB connection), image sizes are bounded,
nesting is flattened (app.html_nesting) and a body too large is shown as its text.

No Qt: plain functions, tested on their own.
"""

from __future__ import annotations

import re
from html import escape

import nh3

from app.html_nesting import flatten_nesting

_TAGS = {
    "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr", "i", "img",
    "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}, "*": {"title"}}
_IMAGE_SCHEMES = ("http://", "https://")
_LINK_SCHEMES = ("http://", "https://", "mailto:")
MAX_IMAGE_SIDE = 2000  # pixels a width/height attribute may ask for
MAX_HTML_CHARS = 200_000  # a larger body is shown as its text
_REMOTE_IMG = re.compile(r"<img\b[^>]*\bsrc=\"(https?://[^\"]*)\"[^>]*>", re.IGNORECASE)


def _attribute(tag: str, attr: str, value: str) -> str | None:
    """Keep a URL only when its scheme is explicitly allowed (relative and schemeless URLs
    are local paths to Qt); keep image sizes sane."""
    lowered = value.strip().lower()
    if attr == "src":
        return value if lowered.startswith(_IMAGE_SCHEMES) else None
    if attr == "href":
        return value if lowered.startswith(_LINK_SCHEMES) else None
    if attr in ("width", "height"):
        return value if value.isdigit() and 0 < int(value) <= MAX_IMAGE_SIDE else None
    return value


def sanitize(html: str) -> str:
    """Only harmless markup survives: no scripts, styles, forms, frames or event handlers;
    links are http(s) or mailto only, images http(s) only; deep nesting unwrapped."""
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes={"http", "https", "mailto"},
        url_relative="deny",
        link_rel="noopener noreferrer nofollow",
    )
    return break_long_runs(flatten_nesting(clean))


def too_large(html: str) -> bool:
    return len(html) > MAX_HTML_CHARS


def remote_images(clean_html: str) -> list[str]:
    return _REMOTE_IMG.findall(clean_html)


def block_remote(clean_html: str, placeholder: str) -> str:
    """Every remote image replaced by a visible placeholder (tracking pixels included)."""
    return _REMOTE_IMG.sub(
        f"<span style='color:#8a6d00;background:#fff8e1'>[{escape(placeholder)}]</span>",
        clean_html,
    )


def text_to_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept, bare links left as text, long runs
    given break opportunities (`break_long_runs`)."""
    return break_long_runs(escape(text).replace("\n", "<br>"))


# Qt's line breaking is quadratic in the length of a run without a break opportunity: one
# word of 50,000 characters took 0.5 s to lay out, of 1,000,000 characters 147 s (a frozen
# window). A zero-width space after every LONG_RUN characters of such a run makes it linear;
# real words and links are far shorter and never touched.
LONG_RUN = 1000
_RUN_RE = re.compile(r"(?:&#?\w{1,10};|[^\s<>&]){" + str(LONG_RUN) + r"}(?=[^\s<>])")
_TEXT_RE = re.compile(r"(^|>)([^<>]+)")


def break_long_runs(html: str) -> str:
    """The text between tags with a break opportunity (U+200B) inside every long run."""
    if len(html) <= LONG_RUN:
        return html
    return _TEXT_RE.sub(lambda m: m.group(1) + _RUN_RE.sub("\\g<0>\u200b", m.group(2)), html)


# Layout time also grows with the amount shown (1,000,000 characters of words: 2.5 s; 100,000
# short lines: 4.4 s), so a text body is shown up to these bounds, and the pane says how much
# is left out (the stored message keeps it all).
MAX_TEXT_CHARS = 100_000
MAX_TEXT_LINES = 5_000


def bounded_text(text: str) -> tuple[str, int]:
    """(the part of a text body the pane shows, how many characters are left out)."""
    cut = min(len(text), MAX_TEXT_CHARS)
    lines = text.count("\n", 0, cut)
    if lines >= MAX_TEXT_LINES:
        at = -1
        for _ in range(MAX_TEXT_LINES):
            at = text.index("\n", at + 1)
        cut = at
    return text[:cut], len(text) - cut
