"""Who is speaking where: the seller's own text, quoted text and the signature.

Quoted text (`>` lines, an "On … wrote:" attribution and what follows it, forwarded or original
message headers) is the buyer's or someone else's words, and a signature is boilerplate: both
are checked for links and contact details only, never for marketing, incentives or tone
(docs/policy.md "Structure"). Line-based and linear; a body of any size is one pass.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Region(StrEnum):
    OWN = "own"  # the seller's message: every rule
    SIGNATURE = "signature"  # links, contact details, off-platform channels, opt-out
    QUOTED = "quoted"  # links and contact details only


# "On Mon, 3 Mar 2025, Anna wrote:", "Den 3 mars 2025 skrev Anna:", "El lun, 3 mar 2025, Ana
# escribió:", "Am 03.03.2025 schrieb Anna:", "Le lun. 3 mars 2025, Anne a écrit :",
# "Il giorno lun 3 mar 2025, Anna ha scritto:". One line, ending in a colon.
_VERB = r"(?:wrote|writes|skrev|escribi[óo]|schrieb|a\s+[ée]crit|ha\s+scritto|scrisse)"
_ATTRIBUTION = re.compile(
    # Mail clients open with the date ("On", "Den", "El", "Am", "Le", "Il giorno") and may put
    # the name after the verb ("skrev Anna:"); without the opener only "Name wrote:" counts,
    # so the seller's own "We wrote to the carrier and they said:" stays the seller's.
    rf"(?i)^\s{{0,3}}(?:(?:on|den|el|am|le|il(?: giorno)?)\b.{{0,200}}\b{_VERB}\b.{{0,80}}"
    rf"|[^\s:]{{1,40}}(?:\s[^\s:]{{1,40}}){{0,3}}\s{_VERB})\s{{0,3}}:\s*$"
)
_FORWARD = re.compile(
    r"(?i)^\s{0,3}(?:-{2,}|_{2,}|\*{2,})?\s{0,3}(?:forwarded message|original message|"
    r"begin forwarded message|vidarebefordrat meddelande|ursprungligt meddelande|"
    r"mensaje reenviado|mensaje original|weitergeleitete nachricht|urspr[üu]ngliche nachricht|"
    r"message transf[ée]r[ée]|message d'origine|message original|messaggio inoltrato|"
    r"messaggio originale)\b.{0,40}$"
)
# A header block: "From: …" followed within two lines by "Sent:/Date:/To:/Subject:".
_HEADER_FROM = re.compile(r"(?i)^\s{0,3}(?:from|fr[åa]n|de|von|da)\s{0,2}:\s*\S")
_HEADER_NEXT = re.compile(
    r"(?i)^\s{0,3}(?:sent|date|to|subject|skickat|datum|till|[äa]mne|enviado|fecha|para|asunto|"
    r"gesendet|an|betreff|envoy[ée]|[àa]|objet|inviato|data|a|oggetto)\s{0,2}:"
)
_QUOTE_LINE = re.compile(r"^\s{0,3}>")
_SIG_DASHES = re.compile(r"^--\s?$")
# Closings after which short lines are the signature (the closing itself is the seller's).
_CLOSING_WORDS = (
    r"(?:(?:best|kind|warm|warmest|many)?\s*regards|(?:best|kind|warm|warmest) wishes|"
    r"all the best|take care|love|"
    r"sincerely|yours(?: sincerely| truly)?|cheers|best|thanks(?: again)?|thank you|"
    r"many thanks|(?:med )?v[äa]nliga? h[äa]lsning(?:ar)?|b[äa]sta h[äa]lsningar|h[äa]lsningar|"
    r"mvh|h[äa]lsar|allt gott|(?:reciba )?(?:un )?(?:cordial |afectuoso )?saludos?(?: cordiales)?|"
    r"un (?:fuerte )?abrazo|(?:le saludan? )?atentamente|cordialmente|gracias|"
    r"(?:med )?utm[äa]rkt h[äa]lsning|h[öo]gaktningsfullt|"
    r"mit freundlichen gr[üu](?:ß|ss)en|freundliche gr[üu](?:ß|ss)e|viele gr[üu](?:ß|ss)e|"
    r"beste gr[üu](?:ß|ss)e|liebe gr[üu](?:ß|ss)e|herzliche gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|"
    r"(?:viele |liebe |beste |sch[öo]ne )?gr[üu](?:ß|ss)|hochachtungsvoll|alles liebe|herzlichst|"
    r"mfg|lg|vg|danke|(?:bien )?cordialement|bien [àa] (?:vous|toi)|salutations|merci|"
    r"(?:cordiali|distinti|tanti) saluti|saluti|un (?:caro )?saluto|grazie(?: mille)?|tack)"
)
_CLOSING = re.compile(rf"(?i)^\s{{0,3}}{_CLOSING_WORDS}[\s,.!]*$")
# "Thanks!" mid-message is not a closing; "Thanks,\nKarl" is.
_THANKS_CLOSING = re.compile(r"(?i)^\s{0,3}(?:thank|many thanks|tack|gracias|danke|merci|grazie)")
_PS = re.compile(r"(?i)^\s{0,3}p\.?\s?s\b")
CLOSING_CHARS = 48  # "Mit freundlichen Grüßen aus Berlin," is as long as a closing gets
SIGNATURE_MAX_LINES = 8  # a longer tail after a closing is more message, not a signature
SIGNATURE_LINE_CHARS = 90
SIGNATURE_LINE_WORDS = 9


def _following(body: str, end: int, count: int) -> list[str]:
    """Up to `count` lines after the line ending at `end`."""
    return body[end + 1 :].split("\n", count)[:count] if end < len(body) else []


def _signature_line(line: str) -> bool:
    """Names, titles, addresses, numbers: short, no exclamation, no percentages, no P.S."""
    return (
        len(line) <= SIGNATURE_LINE_CHARS
        and len(line.split()) <= SIGNATURE_LINE_WORDS
        and "!" not in line
        and "%" not in line
        and not _PS.match(line)
    )


def _tail_is_signature(body: str, end: int) -> bool:
    tail = [t for t in body[end + 1 :].split("\n", SIGNATURE_MAX_LINES * 4) if t.strip()]
    return 0 < len(tail) <= SIGNATURE_MAX_LINES and all(_signature_line(t) for t in tail)


def _classify(body: str, start: int, end: int, seen_text: bool) -> tuple[Region | None, int]:
    """What the line body[start:end] opens: (QUOTED, start) a quoted line only, (region, at)
    everything from `at` on, (None, 0) nothing."""
    line = body[start:end]
    text = line.strip()
    if not text:
        return None, 0
    lead, colon = text[0], text.endswith(":")
    if lead == ">":
        return Region.QUOTED, -1
    if ((lead in "-_*" or colon) and _FORWARD.match(line)) or (
        ":" in text[:8]
        and _HEADER_FROM.match(line)
        and any(_HEADER_NEXT.match(nxt) for nxt in _following(body, end, 2))
    ):
        return Region.QUOTED, start
    if colon and _ATTRIBUTION.match(line):
        nxt = next((t for t in body[end + 1 :].split("\n") if t.strip()), "")
        # Top-posted reply: everything below is the old message; else only the > lines.
        return (Region.QUOTED, -1) if _QUOTE_LINE.match(nxt) else (Region.QUOTED, start)
    if lead == "-" and _SIG_DASHES.match(line):
        return Region.SIGNATURE, start
    if (
        seen_text
        and len(text) <= CLOSING_CHARS
        and _CLOSING.match(line)
        and (text.endswith(",") or not _THANKS_CLOSING.match(line))
        and _tail_is_signature(body, end)
    ):
        return Region.SIGNATURE, min(end + 1, len(body))
    return None, 0


def regions(body: str) -> list[tuple[int, int, Region]]:
    """Consecutive (start, end, region) spans covering `body`."""
    n = len(body)
    first_text = n - len(body.lstrip())
    quoted_lines: list[tuple[int, int]] = []
    rest: tuple[int, Region] | None = None
    start = 0
    while start <= n:
        end = body.find("\n", start)
        end = n if end < 0 else end
        text = body[start:end].strip()
        # Cheap guards first: this runs over the whole body on every keystroke, and most
        # lines are prose that can open neither a quote nor a signature.
        if text and (
            text[0] in ">-_*" or text.endswith(":") or ":" in text[:8] or len(text) <= CLOSING_CHARS
        ):
            region, at = _classify(body, start, end, seen_text=first_text < start)
            if region is not None and at < 0:
                quoted_lines.append((start, min(end + 1, n)))
            elif region is not None:
                rest = (at, region)
                break
        start = end + 1
    out: list[tuple[int, int, Region]] = []
    pos = 0

    def add(s: int, e: int, kind: Region) -> None:
        if e <= s:
            return
        if out and out[-1][2] is kind and out[-1][1] == s:
            out[-1] = (out[-1][0], e, kind)
        else:
            out.append((s, e, kind))

    limit = rest[0] if rest is not None else n
    for s, e in quoted_lines:
        add(pos, min(s, limit), Region.OWN)
        add(s, min(e, limit), Region.QUOTED)
        pos = e
    add(pos, limit, Region.OWN)
    if rest is not None:
        add(rest[0], n, rest[1])
    return out or [(0, n, Region.OWN)]
