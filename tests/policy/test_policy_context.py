"""Opt-out matrix and the [Important] tag."""

from __future__ import annotations

import itertools

import pytest
from policy_helpers import rules, run_check

from app.domain.enums import ContactReason, OrderKind
from app.policy import Field, Severity

BODY = "Your order is on its way and should arrive on Friday."
MATRIX = list(itertools.product([False, True], [False, True], list(OrderKind), list(ContactReason)))


@pytest.mark.parametrize(("opted_out", "initiated", "kind", "reason"), MATRIX)
def test_opt_out_matrix(
    opted_out: bool, initiated: bool, kind: OrderKind, reason: ContactReason
) -> None:
    found = run_check(
        BODY,
        subject="About your order",
        buyer_opted_out=opted_out,
        buyer_initiated=initiated,
        order_kind=kind,
        contact_reason=reason,
    )
    applies = opted_out and not initiated and kind is OrderKind.STANDARD
    expected = set()
    if applies and reason not in (
        ContactReason.SHIPPING_PROBLEM,
        ContactReason.CUSTOMIZATION,
        ContactReason.DELIVERY_SCHEDULING,
    ):
        expected.add("opted-out-non-critical")
    if applies and reason.critical:
        expected.add("important-tag-required")
    assert rules(found) == expected
    assert all(f.severity is Severity.BLOCK for f in found)


@pytest.mark.parametrize("reason", ["shipping-problem", "customization", "delivery-scheduling"])
def test_important_tag_satisfies_critical_message(reason: str) -> None:
    found = run_check(
        BODY, subject="[Important] Delivery address", buyer_opted_out=True, contact_reason=reason
    )
    assert found == []


def test_important_tag_misuse_warns_with_subject_span() -> None:
    subject = "Hello [important] news"
    found = run_check(BODY, subject=subject, contact_reason="review-request")
    assert [(f.rule, f.severity, f.field) for f in found] == [
        ("important-tag-misuse", Severity.WARN, Field.SUBJECT)
    ]
    assert subject[found[0].start : found[0].end] == "[important]"


def test_amazon_pack_retired_important_tag() -> None:
    found = run_check(
        BODY,
        subject="Delivery",
        marketplace="amazon.de",
        buyer_opted_out=True,
        contact_reason="delivery-scheduling",
    )
    assert found == []
    blocked = run_check(
        BODY, marketplace="amazon.de", buyer_opted_out=True, contact_reason="out-of-stock"
    )
    assert rules(blocked) == {"opted-out-non-critical"}
