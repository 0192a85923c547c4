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
    return flatten_nesting(clean)


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
    """Plain text as HTML: escaped, line breaks kept, bare links left as text."""
    return escape(text).replace("\n", "<br>")
