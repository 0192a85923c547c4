"""Relay load benchmark: mixed load (80% reads, 15% sends, 5% small uploads) and idle SSE clients.

    uv run python bench/relay_load.py [--db sqlite|postgresql://...] [--seconds 20]
                                      [--concurrency 32] [--sse 2000]

Starts `seller-relay serve` as a separate process on 127.0.0.1 (so the load generator does not
share its GIL), seeds the demo world, and prints requests/s, p50/p99 latency and the relay's RSS.
Bounded in time and count; loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import httpx

USING = ["urn:ietf:params:jmap:core", "urn:seller-relay:params:jmap:relay"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def worker(
    c: httpx.AsyncClient,
    acc: str,
    convs: list[str],
    until: float,
    lat: list[float],
    errors: list[int],
) -> None:
    rng = random.Random()
    while time.monotonic() < until:
        roll = rng.random()
        t = time.perf_counter()
        if roll < 0.80:
            calls = [
                ["Conversation/query", {"accountId": acc, "limit": 50}, "q"],
                [
                    "Conversation/get",
                    {
                        "accountId": acc,
                        "#ids": {"resultOf": "q", "name": "Conversation/query", "path": "/ids"},
                    },
                    "g",
                ],
            ]
            r = await c.post("/api", json={"using": USING, "methodCalls": calls})
        elif roll < 0.95:
            key = str(uuid.uuid4())
            calls = [
                [
                    "Submission/set",
                    {
                        "accountId": acc,
                        "create": {
                            "k": {
                                "clientSubmissionId": key,
                                "conversationId": rng.choice(convs),
                                "body": "Thank you, your parcel ships tomorrow.",
                                "contactReason": "other",
                            }
                        },
                    },
                    "s",
                ]
            ]
            r = await c.post(
                "/api",
                json={"using": USING, "methodCalls": calls},
                headers={"Idempotency-Key": key},
            )
        else:
            r = await c.post(f"/upload/{acc}", content=b"%PDF-1.4\n" + os.urandom(2048))
        lat.append(time.perf_counter() - t)
        if r.status_code >= 400:
            errors.append(r.status_code)


async def sse_idle(url: str, token: str, n: int) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=n + 10)
    c = httpx.AsyncClient(
        base_url=url, headers={"Authorization": f"Bearer {token}"}, limits=limits, timeout=60
    )
    streams = []
    for i in range(0, n, 200):
        batch = [
            c.send(c.build_request("GET", "/events?types=*&closeafter=no&ping=30"), stream=True)
            for _ in range(min(200, n - i))
        ]
        streams += await asyncio.gather(*batch)
    return streams


async def run(args: argparse.Namespace) -> None:
    tmp = tempfile.mkdtemp(prefix="relay-bench-")
    db = f"sqlite:///{tmp}/relay.sqlite3" if args.db == "sqlite" else args.db
    env = {**os.environ, "SELLER_RELAY_RATE": "1000000"}
    py = [sys.executable, "-m", "relay.cli"]
    token = subprocess.run(
        [*py, "token", "create", "--seller", "bench", "--db", db],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()[-1]
    subprocess.run(
        [*py, "seed-demo", "--seller", "bench", "--db", db],
        check=True,
        capture_output=True,
        env=env,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            *py,
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{url}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                await asyncio.sleep(0.1)
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(
            base_url=url,
            headers=headers,
            timeout=30,
            limits=httpx.Limits(max_connections=args.concurrency),
        ) as c:
            acc = next(iter((await c.get("/.well-known/jmap")).json()["accounts"]))
            r = await c.post(
                "/api",
                json={
                    "using": USING,
                    "methodCalls": [["Conversation/query", {"accountId": acc, "limit": 500}, "q"]],
                },
            )
            convs = r.json()["methodResponses"][0][1]["ids"]
            # Only conversations a buyer started: sends there are always delivered.
            lat: list[float] = []
            errors: list[int] = []
            until = time.monotonic() + args.seconds
            start = time.monotonic()
            await asyncio.gather(
                *[worker(c, acc, convs, until, lat, errors) for _ in range(args.concurrency)]
            )
            elapsed = time.monotonic() - start
        lat.sort()
        print(
            f"backend={'sqlite' if args.db == 'sqlite' else 'postgresql'} "
            f"concurrency={args.concurrency} seconds={elapsed:.1f}"
        )
        print(
            f"requests={len(lat)} req/s={len(lat) / elapsed:.0f} "
            f"p50={statistics.median(lat) * 1000:.1f}ms p99={lat[int(len(lat) * 0.99)] * 1000:.1f}ms "
            f"errors={len(errors)} {sorted(set(errors))} relay_rss={rss_mb(server.pid):.0f}MB"
        )
        if args.sse:
            before = rss_mb(server.pid)
            streams = await sse_idle(url, token, args.sse)
            await asyncio.sleep(2)
            ok = sum(1 for s in streams if s.status_code == 200)
            print(
                f"sse_idle_clients={ok}/{args.sse} relay_rss={rss_mb(server.pid):.0f}MB "
                f"(+{rss_mb(server.pid) - before:.0f}MB)"
            )
            for s in streams:
                await s.aclose()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="sqlite", help="'sqlite' (a temp file) or a postgresql:// URL")
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--sse", type=int, default=2000)
    asyncio.run(run(p.parse_args()))


if __name__ == "__main__":
    main()
