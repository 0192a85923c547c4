"""Incremental checking while the seller types: one `LiveChecker` per composer.

Paragraph scans are cached by paragraph text, so a keystroke rescans only the paragraph it
changed; subject, context and attachment findings are cheap or cached separately.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from app.policy.attachments import check_attachments
from app.policy.draft import AttachmentInput, PolicyContext, PolicyDraft
from app.policy.engine import assemble
from app.policy.findings import Field, Finding
from app.policy.packs import RulePack, warm_up
from app.policy.scan import TextScan, scan_text
from app.policy.signatures import with_own_signature
from app.policy.structure import Region


class LiveChecker:
    def __init__(self, ctx: PolicyContext, max_cached: int = 256) -> None:
        warm_up(ctx.pack)  # compile the lexicons and load the libraries before the first key
        self._ctx = ctx
        self._max = max_cached
        self._scans: OrderedDict[tuple[Field, Region, str], TextScan] = OrderedDict()
        self._attachments: tuple[tuple[AttachmentInput, ...], list[Finding]] | None = None

    @property
    def context(self) -> PolicyContext:
        return self._ctx

    def set_context(self, ctx: PolicyContext) -> None:
        """Change the context (e.g. the contact reason); the cache survives unless the pack
        changes, because paragraph scans depend only on the pack."""
        if ctx.pack is not self._ctx.pack:
            self.invalidate()
            warm_up(ctx.pack)
        self._ctx = ctx

    def invalidate(self) -> None:
        """Forget cached scans (e.g. after an attachment file changed on disk)."""
        self._scans.clear()
        self._attachments = None

    def _scan(self, text: str, pack: RulePack, field: Field, region: Region) -> TextScan:
        key = (field, region, text)
        hit = self._scans.get(key)
        if hit is not None:
            self._scans.move_to_end(key)
            return hit
        result = scan_text(text, pack, field, region)
        self._scans[key] = result
        if len(self._scans) > self._max:
            self._scans.popitem(last=False)
        return result

    def _attachment_findings(self, attachments: Sequence[AttachmentInput]) -> list[Finding]:
        key = tuple(attachments)
        if self._attachments is None or self._attachments[0] != key:
            self._attachments = (key, check_attachments(key, self._ctx.pack))
        return list(self._attachments[1])

    def check(self, draft: PolicyDraft, own_signature: str = "") -> list[Finding]:
        """``own_signature``: the seller's configured signature ``draft.body`` ends in, checked
        as the seller's words (app.policy.signatures); its scans are cached like the rest."""
        found = assemble(draft, self._ctx, self._scan, self._attachment_findings(draft.attachments))
        return with_own_signature(found, draft.body, own_signature, self._ctx.pack, self._scan)
