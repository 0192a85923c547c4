"""Message bodies as the conversation pane shows them: sanitized again here (the relay already
did), remote content blocked unless the seller allowed it for that one message.

No Qt: plain functions, tested on their own.
"""

from __future__ import annotations

import re
from html import escape

import nh3

_TAGS = {
    "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr", "i", "img",
    "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}, "*": {"title"}}
_REMOTE_IMG = re.compile(r"<img\b[^>]*\bsrc=\"(https?://[^\"]*)\"[^>]*>", re.IGNORECASE)


def sanitize(html: str) -> str:
    """Only harmless markup survives: no scripts, styles, forms, frames or event handlers;
    links are http(s) or mailto only."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


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
