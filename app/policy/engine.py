"""`check()`: a whole draft in its context -> findings."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.policy.attachments import check_attachments
from app.policy.draft import PolicyContext, PolicyDraft
from app.policy.findings import Field, Finding, sort_findings
from app.policy.packs import RulePack
from app.policy.rules.context import context_findings
from app.policy.rules.tone import tone_findings
from app.policy.scan import TextScan, scan_text
from app.policy.structure import Region, regions

# Paragraphs are the unit of incremental checking; a blank line separates them.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")

Scanner = Callable[[str, RulePack, Field, Region], TextScan]


def segments(body: str) -> list[tuple[int, str, Region]]:
    """(offset, text, region) of each paragraph of each region (app.policy.structure)."""
    out: list[tuple[int, str, Region]] = []
    for start, end, region in regions(body):
        for offset, para in split_paragraphs(body[start:end]):
            out.append((start + offset, para, region))
    return out


def split_paragraphs(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph; the separators themselves are not scanned."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        if m.start() > pos:
            parts.append((pos, body[pos : m.start()]))
        pos = m.end()
    if pos < len(body):
        parts.append((pos, body[pos:]))
    return parts


def assemble(
    draft: PolicyDraft,
    ctx: PolicyContext,
    scan: Scanner = scan_text,
    attachment_findings: list[Finding] | None = None,
) -> list[Finding]:
    pack = ctx.pack
    findings: list[Finding] = context_findings(draft.subject, ctx)
    findings.extend(scan(draft.subject, pack, Field.SUBJECT, Region.OWN).findings)
    scans: list[TextScan] = []
    for offset, para, region in segments(draft.body):
        result = scan(para, pack, Field.BODY, region)
        scans.append(result)
        findings.extend(f.shifted(offset) for f in result.findings)
    findings.extend(tone_findings(scans, ctx, bool(draft.attachments)))
    if attachment_findings is None:
        attachment_findings = check_attachments(draft.attachments, pack)
    findings.extend(attachment_findings)
    return sort_findings(findings)


def check(draft: PolicyDraft, ctx: PolicyContext) -> list[Finding]:
    """All findings for `draft` sent in `ctx`. Pure except for bounded reads of attachment
    paths; an unreadable path is an `attachment-unreadable` finding, never an exception."""
    # A paragraph repeated in one draft (a signature or quote pasted twice, a spam page) is
    # scanned once: a scan depends only on its text, region, field and the pack.
    seen: dict[tuple[str, Field, Region], TextScan] = {}

    def scan_once(text: str, pack: RulePack, field: Field, region: Region) -> TextScan:
        key = (text, field, region)
        found = seen.get(key)
        if found is None:
            found = seen[key] = scan_text(text, pack, field, region)
        return found

    return assemble(draft, ctx, scan_once)
