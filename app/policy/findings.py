"""What a check returns: findings with a rule id, a severity and a span."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    BLOCK = "block"  # the relay refuses the draft
    WARN = "warn"  # shown to the seller, sending still allowed


class Field(StrEnum):
    """Where a finding's span points.

    - BODY: `start`/`end` are offsets into the body (Markdown source).
    - SUBJECT: offsets into the subject.
    - ATTACHMENT: `start` is the attachment's index in the draft, `end == start + 1`.
    - DRAFT: the draft as a whole (context rules); `start == end == 0`.
    """

    BODY = "body"
    SUBJECT = "subject"
    ATTACHMENT = "attachment"
    DRAFT = "draft"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    start: int
    end: int
    message: str  # in English (the relay, the CLI, logs); see app.policy.explanations
    field: Field = Field.BODY
    # What the explanation is made of, for a window that words it in its own language:
    # `code` is the rule id or `rule.variant`, `params` the (name, value) pairs put in.
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @property
    def explanation(self) -> str:
        """The explanation's code: `code`, or the rule id for a finding made without one."""
        return self.code or self.rule

    def shifted(self, offset: int) -> Finding:
        """The same finding with its span moved by `offset` (paragraph -> body offsets)."""
        # Built directly: `dataclasses.replace` costs several times more, on every keystroke.
        return Finding(
            self.rule,
            self.severity,
            self.start + offset,
            self.end + offset,
            self.message,
            self.field,
            self.code,
            self.params,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "field": str(self.field),
            "code": self.explanation,
            "params": dict(self.params),
        }


def has_blocking(findings: Iterable[Finding]) -> bool:
    """True when any finding blocks sending."""
    return any(f.severity is Severity.BLOCK for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Stable order for the UI: draft-level first, then subject, body, attachments."""
    order = {Field.DRAFT: 0, Field.SUBJECT: 1, Field.BODY: 2, Field.ATTACHMENT: 3}
    return sorted(findings, key=lambda f: (order[f.field], f.start, f.end, f.rule))
