"""Is a mail that claims to come from a marketplace really from it? (RFC 8601 results)

Which Authentication-Results header counts: the seller's own mail server adds its header on
top of the ones already in the mail, and anything below it may have been written by the
sender. So only the topmost header is read, or, when the caller names its server's
authserv-id, the topmost header carrying that id (the safe choice on servers that do not
strip foreign headers). A result is "pass" when that header shows dmarc=pass, or, without a
DMARC result, dkim=pass or spf=pass for a marketplace domain (amazon.<tld>, amazonses.com,
ebay.<site>); any other result (fail, softfail, none, neutral, temperror, permerror, or a pass
for someone else's domain) is "fail". No header at all is "missing": many servers add none,
and the mail is then neither trusted nor distrusted by this check; but when the caller named
its server, a mail without that server's header is "fail".
"""

from __future__ import annotations

import re
from typing import Literal

from relay.mailbridge.addresses import marketplace_domain

Verdict = Literal["pass", "fail", "missing"]


_PARENS_RE = re.compile(r"[()]")


def _drop_comments(value: str) -> str:
    """The value without its (nested) comments; a stray ")" outside one stays."""
    out: list[str] = []
    depth = at = 0
    for match in _PARENS_RE.finditer(value):  # only the parentheses, not every character
        if not depth:
            out.append(value[at : match.start()])
        if match.group() == "(":
            depth += 1
        elif depth:
            depth -= 1
        else:
            out.append(")")
        at = match.end()
    if not depth:
        out.append(value[at:])
    return "".join(out)


def _parse(value: str) -> tuple[str, list[tuple[str, str, dict[str, str]]]]:
    """(authserv-id, [(method, result, {property: value})])."""
    pieces = _drop_comments(value).split(";")
    authserv = pieces[0].split()[0].lower() if pieces[0].split() else ""
    results = []
    for piece in pieces[1:]:
        tokens = piece.split()
        if not tokens or "=" not in tokens[0]:
            continue
        method, _, result = tokens[0].partition("=")
        props = {}
        for token in tokens[1:]:
            key, eq, val = token.partition("=")
            if eq:
                props[key.lower()] = val.strip('"').lower()
        results.append((method.lower(), result.lower(), props))
    return authserv, results


def _domain(value: str) -> str:
    return value.rpartition("@")[2]


def verdict(headers: list[str], authserv_id: str | None = None) -> Verdict:
    """The verdict of the trusted Authentication-Results header (see the module docstring)."""
    chosen: list[tuple[str, str, dict[str, str]]] | None = None
    for header in headers:
        authserv, results = _parse(header[:8192])
        if authserv_id is None or authserv == authserv_id.lower():
            chosen = results
            break
    if chosen is None:
        # A server that was named adds its results to every mail it accepts.
        return "missing" if authserv_id is None else "fail"
    dmarc = [(r, p) for m, r, p in chosen if m == "dmarc"]
    if dmarc:
        result, props = dmarc[0]
        sender = props.get("header.from", "")
        return "pass" if result == "pass" and (not sender or marketplace_domain(sender)) else "fail"
    for method, result, props in chosen:
        if result != "pass":
            continue
        if method == "dkim":
            identity = props.get("header.d") or _domain(props.get("header.i", ""))
        elif method == "spf":
            identity = _domain(props.get("smtp.mailfrom", "") or props.get("smtp.helo", ""))
        else:
            continue
        if identity and marketplace_domain(identity):
            return "pass"
    return "fail"


def topmost_authserv(header_block: bytes) -> str | None:
    """The authserv-id of the first Authentication-Results header of a mail's header block
    (for `mailbox test`: which server writes the results the seller could name)."""
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(header_block[:65536])
    except Exception:
        return None
    first = headers.get("Authentication-Results")
    return _parse(str(first))[0] or None if first else None
