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
_CLOSING = re.compile(
    r"(?i)^\s{0,3}(?:(?:best|kind|warm|warmest|many)?\s*regards|best wishes|all the best|"
    r"sincerely|yours(?: sincerely| truly)?|cheers|best|thanks(?: again)?|thank you|"
    r"many thanks|(?:med )?v[äa]nliga h[äa]lsningar|h[äa]lsningar|mvh|h[äa]lsar|"
    r"(?:un )?(?:cordial )?saludos?(?: cordiales)?|atentamente|cordialmente|gracias|"
    r"mit freundlichen gr[üu](?:ß|ss)en|freundliche gr[üu](?:ß|ss)e|viele gr[üu](?:ß|ss)e|"
    r"beste gr[üu](?:ß|ss)e|liebe gr[üu](?:ß|ss)e|herzliche gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|"
    r"mfg|lg|vg|danke|(?:bien )?cordialement|bien [àa] (?:vous|toi)|salutations|merci|"
    r"(?:cordiali|distinti|tanti) saluti|saluti|un (?:caro )?saluto|grazie(?: mille)?|tack)"
    r"[\s,.!]*$"
)
# "Thanks!" mid-message is not a closing; "Thanks,\nKarl" is.
_THANKS_CLOSING = re.compile(r"(?i)^\s{0,3}(?:thank|many thanks|tack|gracias|danke|merci|grazie)")
_PS = re.compile(r"(?i)^\s{0,3}p\.?\s?s\b")
SIGNATURE_MAX_LINES = 8  # a longer tail after a closing is more message, not a signature
SIGNATURE_LINE_CHARS = 90
SIGNATURE_LINE_WORDS = 9


def _lines(body: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its newline."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(body)
    while pos <= n:
        nl = body.find("\n", pos)
        end = n if nl < 0 else nl
        out.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _signature_line(line: str) -> bool:
    """Names, titles, addresses, numbers: short, no exclamation, no percentages, no P.S."""
    return (
        len(line) <= SIGNATURE_LINE_CHARS
        and len(line.split()) <= SIGNATURE_LINE_WORDS
        and "!" not in line
        and "%" not in line
        and not _PS.match(line)
    )


def _tail_is_signature(body: str, lines: list[tuple[int, int]], first: int) -> bool:
    tail = [body[s:e] for s, e in lines[first:] if body[s:e].strip()]
    return 0 < len(tail) <= SIGNATURE_MAX_LINES and all(_signature_line(t) for t in tail)


def regions(body: str) -> list[tuple[int, int, Region]]:
    """Consecutive (start, end, region) spans covering `body`."""
    lines = _lines(body)
    kinds: list[Region] = [Region.OWN] * len(lines)
    rest: Region | None = None  # from an attribution or forward header on, all is quoted
    seen_text = False  # a closing as the first line ("Thanks!") opens the message
    for i, (s, e) in enumerate(lines):
        line = body[s:e]
        if rest is not None:
            kinds[i] = rest
            continue
        if _QUOTE_LINE.match(line):
            kinds[i] = Region.QUOTED
        elif _FORWARD.match(line) or (
            _HEADER_FROM.match(line)
            and any(_HEADER_NEXT.match(body[a:b]) for a, b in lines[i + 1 : i + 3])
        ):
            rest = kinds[i] = Region.QUOTED
        elif _ATTRIBUTION.match(line):
            kinds[i] = Region.QUOTED
            nxt = next((body[a:b] for a, b in lines[i + 1 :] if body[a:b].strip()), "")
            if not _QUOTE_LINE.match(nxt):
                rest = Region.QUOTED  # top-posted reply: everything below is the old message
        elif _SIG_DASHES.match(line):
            rest = kinds[i] = Region.SIGNATURE
        elif (
            seen_text
            and _CLOSING.match(line)
            and (line.rstrip().endswith(",") or not _THANKS_CLOSING.match(line))
            and _tail_is_signature(body, lines, i + 1)
        ):
            rest = Region.SIGNATURE
        seen_text = seen_text or bool(line.strip())
    out: list[tuple[int, int, Region]] = []
    for (s, e), kind in zip(lines, kinds, strict=True):
        end = min(e + 1, len(body))
        if out and out[-1][2] is kind:
            out[-1] = (out[-1][0], end, kind)
        else:
            out.append((s, end, kind))
    return [r for r in out if r[1] > r[0]] or [(0, len(body), Region.OWN)]
