"""`seller-inbox check`: exit codes 0/1/2 and the JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.policy import LiveChecker, PolicyContext, PolicyDraft, has_blocking, load_pack
from app.policy_cli import main

REPO = Path(__file__).resolve().parents[2]


def _body(tmp_path: Path, text: str) -> str:
    p = tmp_path / "body.md"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_clean_draft_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([_body(tmp_path, "Your parcel left the warehouse today.")]) == 0
    assert "ok" in capsys.readouterr().out


def test_blocking_draft_exits_1_with_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Use coupon SAVE10 at www.myshop.com"
    assert main(["--json", "--marketplace", "amazon.se", _body(tmp_path, body)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"findings"}
    for f in data["findings"]:
        assert {"rule", "severity", "start", "end", "message"} <= set(f)
        assert f["severity"] in ("block", "warn")
    assert {f["rule"] for f in data["findings"]} == {"marketing", "external-link"}
    link = next(f for f in data["findings"] if f["rule"] == "external-link")
    assert body[link["start"] : link["end"]] == "www.myshop.com"


def test_warn_only_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", _body(tmp_path, "Carrier hotline: +46 8 123 456 78")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [f["severity"] for f in out["findings"]] == ["warn"]


def test_context_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = _body(tmp_path, "Your parcel has shipped.")
    args = ["--json", "--buyer-opted-out", "--reason", "shipping-confirmation", body]
    assert main(args) == 1
    assert main([*args[:-1], "--buyer-initiated", body]) == 0
    assert main([*args[:-1], "--order-kind", "wine", body]) == 0
    capsys.readouterr()


def test_attach_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exe = tmp_path / "x.pdf"
    exe.write_bytes(b"MZ" + b"\x00" * 100)
    assert main(["--attach", str(exe), _body(tmp_path, "File attached.")]) == 1
    assert "attachment-type" in capsys.readouterr().out
    assert main(["--attach", str(tmp_path / "missing.pdf"), _body(tmp_path, "File.")]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["--reason", "bogus"],
        ["--order-kind", "vintage"],
        ["--marketplace", "nowhere.example"],
        ["/definitely/not/here.md"],
        ["--no-such-flag"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err


def test_module_runs_as_subprocess_with_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.policy_cli", "--json", "-"],
        input=b"Write to me on WhatsApp",
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert findings[0]["rule"] == "off-platform"


def test_binary_junk_on_stdin_does_not_crash() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.policy_cli", "-"],
        input=bytes(range(256)) * 64,
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr


@pytest.mark.parametrize(
    "body",
    [
        "Ge oss 5 stjärnor så får du pengarna tillbaka",
        "Leave us 5 stars and get a refund!",
        "Rufen Sie mich unter 0171 2345678 an.",
        "Visit our shop dot com",
        "> do you have a coupon?\n\nSorry, we don't offer coupons.",
        "Thank you for your order, let us know if you need anything",
    ],
)
def test_cli_on_stdin_agrees_with_the_composers_checker(body: str) -> None:
    # `seller-inbox check --marketplace amazon.se -` and the composer's LiveChecker (the
    # relay runs check() too) must give the same findings for the examples.
    proc = subprocess.run(
        [sys.executable, "-m", "app.policy_cli", "--json", "--marketplace", "amazon.se", "-"],
        input=body.encode(),
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    cli = json.loads(proc.stdout)["findings"]
    ctx = PolicyContext(pack=load_pack("amazon.se"))
    live = LiveChecker(ctx).check(PolicyDraft("", body))
    assert [(f["rule"], f["start"], f["end"]) for f in cli] == [
        (f.rule, f.start, f.end) for f in live
    ]
    assert proc.returncode == (1 if has_blocking(live) else 0)
    assert bool(cli) == ("coupon" not in body)  # only the declined, quoted coupon is clean
