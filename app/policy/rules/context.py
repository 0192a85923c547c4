"""Rules about who the message goes to, not what it says: opt-out and the [Important] tag."""

from __future__ import annotations

from app.policy.draft import PolicyContext
from app.policy.explanations import explained
from app.policy.findings import Field, Finding


def important_tag_span(subject: str, ctx: PolicyContext) -> tuple[int, int] | None:
    low = subject.casefold()
    for tag in ctx.pack.important_tags:
        i = low.find(tag.casefold())
        if i >= 0:
            return i, i + len(tag)
    return None


def context_findings(subject: str, ctx: PolicyContext) -> list[Finding]:
    pack = ctx.pack
    out: list[Finding] = []
    critical = ctx.contact_reason.critical
    tag = important_tag_span(subject, ctx)
    # Opt-out never covers replies in a conversation the buyer started, nor handmade,
    # custom or wine orders (product brief).
    opt_out_applies = (
        ctx.buyer_opted_out and not ctx.buyer_initiated and not ctx.order_kind.exempt_from_opt_out
    )
    if opt_out_applies and not critical:
        sev = pack.severity("opted-out-non-critical")
        if sev is not None:
            reason = str(ctx.contact_reason.value)
            out.append(explained("opted-out-non-critical", sev, 0, 0, Field.DRAFT, reason=reason))
    if opt_out_applies and critical and pack.important_tag_required and tag is None:
        sev = pack.severity("important-tag-required")
        if sev is not None:
            tag_text = pack.important_tags[0] if pack.important_tags else "[Important]"
            out.append(
                explained(
                    "important-tag-required", sev, 0, len(subject), Field.SUBJECT, tag=tag_text
                )
            )
    if tag is not None and not critical:
        sev = pack.severity("important-tag-misuse")
        if sev is not None:
            out.append(explained("important-tag-misuse", sev, tag[0], tag[1], Field.SUBJECT))
    return out
