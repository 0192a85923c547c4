"""Where a link in a buyer's message really goes, worded so the seller cannot be fooled.

The "Open link?" question showed `QUrl.toString()`: a Cyrillic "аmazon.de" looks like the
real one, `https://amazon.de@evil.example/` reads as Amazon's, and a right-to-left override
in the path turns "\u202egnp.exe" into "exe.png" on screen. So the question shows the URL
encoded (ASCII: punycode host, bidi and other non-ASCII characters as %XX), cut to a length
a dialog can show, and names the site separately: the host alone, with its punycode beside a
look-alike Unicode name.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl

MAX_SHOWN = 300  # characters of the URL in the question; the site line is always whole


def shown_url(url: QUrl) -> str:
    text = bytes(url.toEncoded().data()).decode("ascii", "replace")
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def site(url: QUrl) -> str:
    """The host a web link opens (punycode beside a non-ASCII name); a mail link's address."""
    if url.scheme() == "mailto":
        return url.path(QUrl.ComponentFormattingOption.FullyEncoded)[:MAX_SHOWN]
    encoded = url.host(QUrl.ComponentFormattingOption.FullyEncoded)
    pretty = url.host()
    return encoded if pretty == encoded else f"{pretty} ({encoded})"


def question(template: str, url: QUrl) -> str:
    """The translated question with %1 (the URL) and %2 (the site) filled in one pass: an
    encoded URL is full of "%2F" that a second replace would fill again."""
    values = {"1": shown_url(url), "2": site(url)}
    return re.sub("%([12])", lambda m: values[m.group(1)], template)
