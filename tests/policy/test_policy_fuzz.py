"""Bad input never crashes or hangs: Hypothesis junk, mixed scripts, 1 MB bodies."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.policy import (
    AttachmentInput,
    Field,
    LiveChecker,
    PolicyContext,
    PolicyDraft,
    check,
    load_pack,
)

PACK = load_pack("amazon.fr")
CTX = PolicyContext(pack=PACK, buyer_opted_out=True, buyer_locale="fr-FR")

# Characters that matter to the rules, mixed with anything.
ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list(" \n.@:/[]()<>!%#-_0123456789+wwwcomdotatàéßçÅ\u200b\ufeff")),
)


def _assert_sane(draft: PolicyDraft, findings: list) -> None:
    for f in findings:
        assert 0 <= f.start <= f.end
        if f.field is Field.BODY:
            assert f.end <= len(draft.body)
        elif f.field is Field.SUBJECT:
            assert f.end <= len(draft.subject)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=st.text(ALPHABET, max_size=80), body=st.text(ALPHABET, max_size=2000))
def test_random_text_never_crashes(subject: str, body: str) -> None:
    draft = PolicyDraft(subject, body)
    _assert_sane(draft, check(draft, CTX))


@settings(max_examples=60, deadline=None)
@given(junk=st.binary(max_size=4096))
def test_binary_junk_body_and_attachment(junk: bytes) -> None:
    draft = PolicyDraft(
        "x", junk.decode("utf-8", errors="replace"), [AttachmentInput.from_bytes("junk.bin", junk)]
    )
    _assert_sane(draft, check(draft, CTX))


@settings(max_examples=40, deadline=None)
@given(edits=st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=15))
def test_live_checker_agrees_under_random_edits(edits: list[str]) -> None:
    live = LiveChecker(CTX)
    body = ""
    for piece in edits:
        body = (body + piece)[-1500:]
        draft = PolicyDraft("s", body)
        assert live.check(draft) == check(draft, CTX)


def test_mixed_scripts() -> None:
    body = "Привет! 你好 مرحبا Use coupon ΚΩΔΙΚΟΣ 🎉 at exämple.com\n\n" * 20
    draft = PolicyDraft("混合", body)
    found = check(draft, CTX)
    _assert_sane(draft, found)
    assert any(f.rule == "marketing" for f in found)


def _timed(body: str) -> float:
    """CPU seconds this thread spent checking ``body``: a shared, loaded machine stretches
    wall-clock time several-fold, while a quadratic blow-up shows in CPU time all the same."""
    start = time.thread_time()
    draft = PolicyDraft("s", body)
    _assert_sane(draft, check(draft, CTX))
    return time.thread_time() - start


def test_one_megabyte_bodies_are_bounded() -> None:
    mb = 1024 * 1024
    bodies = [
        "a" * mb,  # one enormous word
        ("thank you " * (mb // 10)),  # one enormous polite paragraph
        ("x.y." * (mb // 4)),  # dotted labels: the domain regexes' worst case
        ("http://e.com/ " * (mb // 14)),  # a finding everywhere
        ("12 34 56 78 90 " * (mb // 15)),  # phone-like digit soup
        ("[![a](http://x)](http://y)" * (mb // 26)),
        "\n\n".join(["coupon"] * (mb // 8)),  # a huge number of paragraphs
    ]
    for body in bodies:
        assert _timed(body) < 20.0
