"""The seller's own signature is checked as the seller's words: a promotion or a review
incentive in it is found, although below "-- " a pasted signature is searched only for links
and contact details (tests/policy/test_policy_structure.py)."""

from __future__ import annotations

from app.domain.signature import append
from app.policy import PolicyContext, PolicyDraft, check, load_pack
from app.policy.signatures import signature_findings, with_own_signature

PACK = load_pack("amazon.de")
CTX = PolicyContext(PACK, buyer_locale="de-DE")
BODY = "Ihr Paket ist heute mit DHL unterwegs."


def _reply(signature: str) -> list[str]:
    sent = append(BODY, signature)
    found = with_own_signature(check(PolicyDraft("", sent), CTX), sent, signature, PACK)
    assert all(f.start >= len(BODY) for f in found), found  # nothing in the text itself
    return [f.rule for f in found]


def test_a_promotion_in_the_own_signature_is_found() -> None:
    signature = "Viele Grüße\nAnna\nJetzt 20 % Rabatt auf alles mit dem Code DANKE20!"
    plain = [f.rule for f in check(PolicyDraft("", append(BODY, signature)), CTX)]
    assert "marketing" not in plain  # the engine alone: a signature region
    assert "marketing" in _reply(signature)
    assert "review-incentive" in _reply("Anna\nFür 5 Sterne gibt es einen 10 € Gutschein!")


def test_a_plain_signature_raises_nothing_and_each_finding_is_listed_once() -> None:
    assert _reply("Viele Grüße\nAnna Berg\nNordic Mugs") == []
    rules = _reply("Viele Grüße\nAnna · www.nordic-mugs-shop.example")
    assert rules.count("external-link") == 1


def test_spans_point_into_the_signature() -> None:
    signature = "Anna\n\nJetzt 20 % Rabatt mit dem Code DANKE20"
    found = signature_findings(signature, PACK, offset=100)
    assert found and all(100 <= f.start < f.end <= 100 + len(signature) for f in found)
    assert with_own_signature([], BODY, "", PACK) == []  # no signature: unchanged


def test_the_live_checker_finds_the_same() -> None:
    from app.policy import LiveChecker

    signature = "Viele Grüße\nAnna\nJetzt 20 % Rabatt auf alles mit dem Code DANKE20!"
    live = LiveChecker(CTX)
    for body in (BODY, BODY + " Morgen kommt es an.", BODY):  # edits, then back (cached)
        sent = append(body, signature)
        expected = with_own_signature(check(PolicyDraft("", sent), CTX), sent, signature, PACK)
        assert live.check(PolicyDraft("", sent), own_signature=signature) == expected
        assert any(f.rule == "marketing" for f in expected)
