"""The seller's own signature (Settings › Signatures), checked like the text of a reply.

Below a reply's `-- ` line the engine sees a signature region and looks there only for links,
contact details, other channels and opt-out wording (app/policy/structure.py): a signature
pasted or quoted from elsewhere is boilerplate. The signature a seller sets up for a
marketplace is different: it is the seller's own words under every reply, so a "20 % off in
our shop" in it must be found as it would be in the text. Each of its paragraphs is scanned as
the seller's own text (every content rule); the rules about the message as a whole
(thank-you-only and the other tone rules) judge the reply, not its signature.
"""

from __future__ import annotations

from app.policy.engine import Scanner, split_paragraphs
from app.policy.findings import Field, Finding, sort_findings
from app.policy.packs import RulePack
from app.policy.scan import scan_text
from app.policy.structure import Region


def signature_findings(
    signature: str, pack: RulePack, offset: int = 0, scan: Scanner = scan_text
) -> list[Finding]:
    """What ``signature`` says as the seller's own text; spans from ``offset``. ``scan``: a
    caching scanner (the live checker's) on the typing path."""
    found: list[Finding] = []
    for start, para in split_paragraphs(signature):
        scan_result = scan(para, pack, Field.BODY, Region.OWN)
        found.extend(f.shifted(offset + start) for f in scan_result.findings)
    return found


def with_own_signature(
    findings: list[Finding],
    sent_body: str,
    signature: str,
    pack: RulePack,
    scan: Scanner = scan_text,
) -> list[Finding]:
    """``findings`` of a reply whose body ``sent_body`` ends in the seller's ``signature``
    (app.domain.signature.append), with what the signature says as the seller's own text;
    a finding both checks make is listed once."""
    if not signature.strip() or not sent_body.endswith(signature):
        return findings
    seen = {(f.rule, f.field, f.start, f.end) for f in findings}
    extra = [
        f
        for f in signature_findings(signature, pack, len(sent_body) - len(signature), scan)
        if (f.rule, f.field, f.start, f.end) not in seen
    ]
    return sort_findings([*findings, *extra]) if extra else findings
