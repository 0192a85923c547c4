"""The `seller-relay` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

from relay.cli import main
from relay.embedded import start_embedded


def run(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "relay.cli", *args], capture_output=True, text=True, check=True
    )
    return out.stdout


def test_token_seed_simulate(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    token = run("token", "create", "--seller", "demo", "--db", db).strip().splitlines()[-1]
    assert token.startswith("sr_")
    counts = json.loads(run("seed-demo", "--db", db).strip().splitlines()[-1])
    assert counts["marketplaces"] == 5 and counts["optedOut"] >= 2
    again = json.loads(run("seed-demo", "--db", db).strip().splitlines()[-1])
    assert again["orders"] == counts["orders"]
    assert (
        main(
            [
                "simulate",
                "write",
                "--db",
                db,
                "--email",
                "sim@example.org",
                "--name",
                "Sim B.",
                "--marketplace",
                "amazon.es",
                "--subject",
                "Hola",
                "--text",
                "¿Dónde está?",
            ]
        )
        == 0
    )
    wrote = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    pdf = tmp_path / "factura.pdf"
    pdf.write_bytes(b"%PDF-1.4 demo")
    assert (
        main(
            [
                "simulate",
                "reply",
                "--db",
                db,
                "--email",
                "sim@example.org",
                "--marketplace",
                "amazon.es",
                "--conversation",
                wrote["conversationId"],
                "--text",
                "Adjunto",
                "--attach",
                str(pdf),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "simulate",
                "opt-out",
                "--db",
                db,
                "--email",
                "sim@example.org",
                "--marketplace",
                "amazon.es",
            ]
        )
        == 0
    )
    # Messaging is off on amazon.co.uk in the demo: a new buyer is refused, and told so.
    assert (
        main(
            [
                "simulate",
                "write",
                "--db",
                db,
                "--email",
                "new@example.org",
                "--marketplace",
                "amazon.co.uk",
                "--text",
                "Hi",
            ]
        )
        == 1
    )
    assert "messagingDisabled" in capsys.readouterr().out
    relay = start_embedded(db)
    try:
        c = httpx.Client(base_url=relay.url, headers={"Authorization": f"Bearer {token}"})
        acc = next(iter(c.get("/.well-known/jmap").json()["accounts"]))
        r = c.post(
            "/api",
            json={
                "using": ["urn:ietf:params:jmap:core"],
                "methodCalls": [
                    ["Conversation/query", {"accountId": acc, "calculateTotal": True}, "0"],
                    [
                        "Buyer/query",
                        {"accountId": acc, "filter": {"optedOut": True}, "calculateTotal": True},
                        "1",
                    ],
                    [
                        "Conversation/query",
                        {
                            "accountId": acc,
                            "filter": {"needsResponse": True},
                            "calculateTotal": True,
                        },
                        "2",
                    ],
                ],
            },
        ).json()["methodResponses"]
        assert r[0][1]["total"] >= 40 and r[1][1]["total"] >= 2 and r[2][1]["total"] >= 5
        c.close()
    finally:
        relay.stop()


def test_seed_bulk_fills_an_empty_account_once(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'bulk.sqlite3'}"
    args = ["seed-bulk", "--db", db, "--conversations", "30", "--messages", "200"]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["conversations"] == 30 and report["messages"] == 200
    assert main(args) == 2
    assert "already has data" in capsys.readouterr().err
