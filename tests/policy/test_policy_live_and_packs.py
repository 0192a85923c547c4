"""LiveChecker (incremental) agrees with check(); packs load as data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.policy import (
    LiveChecker,
    PackError,
    PolicyContext,
    PolicyDraft,
    UnknownMarketplaceError,
    available_marketplaces,
    check,
    load_pack,
    pack_for,
)
from app.policy import scan as scan_module
from app.resources import resource_path

TEXT = (
    "Hi Anna,\n\nthank you for your message. The hinge is on its way.\n\n"
    "Use the coupon code SAVE for 20% off, or visit www.myshop.com.\n\nBest regards, Karl"
)


def test_live_checker_matches_full_check_while_typing() -> None:
    ctx = PolicyContext(pack=load_pack("amazon.se"), buyer_locale="en-GB")
    live = LiveChecker(ctx)
    for i in range(0, len(TEXT) + 1, 7):
        draft = PolicyDraft("Re: hinge", TEXT[:i])
        assert live.check(draft) == check(draft, ctx)


def test_keystroke_rescans_only_the_changed_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = PolicyContext(pack=load_pack())
    live = LiveChecker(ctx)
    live.check(PolicyDraft("s", TEXT))
    calls: list[str] = []
    real = scan_module.scan_text

    def counting(text: str, *args: object, **kw: object) -> object:
        calls.append(text)
        return real(text, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr("app.policy.live.scan_text", counting)
    live.check(PolicyDraft("s", TEXT.replace("Best regards", "Best regards!")))
    assert calls == ["Best regards!, Karl"]


def test_context_change_keeps_cache_pack_change_drops_it() -> None:
    ctx = PolicyContext(pack=load_pack())
    live = LiveChecker(ctx)
    draft = PolicyDraft("s", "Your parcel left today.")
    assert live.check(draft) == []
    live.set_context(PolicyContext(pack=ctx.pack, buyer_opted_out=True))
    assert [f.rule for f in live.check(draft)] == ["opted-out-non-critical"]
    live.set_context(PolicyContext(pack=load_pack("amazon.com")))
    assert live.check(draft) == []


def test_packs_exist_and_override_the_default() -> None:
    ids = available_marketplaces()
    for tld in ("com", "co.uk", "se", "es", "de", "fr", "it"):
        assert f"amazon.{tld}" in ids
        pack = load_pack(f"amazon.{tld}")
        assert pack.marketplace_id == f"amazon.{tld}"
        assert pack.allows_domain(f"www.amazon.{tld}")
        assert pack.max_attachment_bytes == 10 * 1024 * 1024
    default = load_pack()
    assert pack_for("example.shop") is default  # no pack of its own: still checked by the brief
    assert default.max_attachment_bytes == 7 * 1024 * 1024
    assert default.allowed_domains == ()
    assert "application/pdf" in default.allowed_media_types
    assert default.version
    assert load_pack() is load_pack(None)  # cached


def test_lexicons_are_sizeable() -> None:
    sizes = load_pack().lexicon_sizes
    assert set(sizes) == {"en", "sv", "es", "de", "fr", "it"}
    assert all(n >= 150 for n in sizes.values()), sizes


@pytest.mark.parametrize("bad", ["nope.example", "../default", "", "AMAZON SE"])
def test_unknown_marketplace(bad: str) -> None:
    with pytest.raises(UnknownMarketplaceError):
        load_pack(bad)


def test_resource_path_points_at_repo_resources() -> None:
    assert resource_path("policy", "default.json").is_file()


def test_every_pack_file_is_valid_json_with_rule_ids() -> None:
    from app.policy import RULE_IDS

    default = json.loads(Path(resource_path("policy", "default.json")).read_text())
    keys = {k.split(".")[0] for k in default["severities"]}
    assert keys == set(RULE_IDS)


def test_pack_error_is_value_error() -> None:
    assert issubclass(PackError, ValueError)
