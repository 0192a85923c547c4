"""Shared helpers for the policy tests (a uniquely named module: several test folders have a
conftest.py, so `from conftest import` would be ambiguous in a full run)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.domain.enums import ContactReason, OrderKind
from app.policy import Finding, PolicyContext, PolicyDraft, check, load_pack

CheckFn = Callable[..., list[Finding]]


def run_check(
    body: str = "",
    subject: str = "Your order",
    marketplace: str | None = None,
    attachments: Any = (),
    **ctx: Any,
) -> list[Finding]:
    if "order_kind" in ctx:
        ctx["order_kind"] = OrderKind(ctx["order_kind"])
    if "contact_reason" in ctx:
        ctx["contact_reason"] = ContactReason(ctx["contact_reason"])
    context = PolicyContext(pack=load_pack(marketplace), **ctx)
    return check(PolicyDraft(subject, body, tuple(attachments)), context)


def rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}
