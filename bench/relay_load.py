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
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Any

import httpx

USING = ["urn:ietf:params:jmap:core", "urn:seller-relay:params:jmap:relay"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its waited-for children (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class KeepAlive:
    """One keep-alive HTTP/1.1 connection, just enough for the relay's answers (Content-Length).

    httpx costs ~1.5 ms of CPU per request; on the same 2 cores as the relay that made the load
    generator a bottleneck of its own. This costs a tenth of that.
    """

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.auth = f"Authorization: Bearer {token}\r\n".encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes, extra: str = "") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Length: {len(body)}\r\n"
            f"Content-Type: application/json\r\n{extra}"
        ).encode()
        self.writer.write(head + self.auth + b"\r\n" + body)
        status_line = await self.reader.readuntil(b"\r\n")
        headers = await self.reader.readuntil(b"\r\n\r\n")
        length = 0
        close = False
        for line in headers.split(b"\r\n"):
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
        data = await self.reader.readexactly(length)
        if close:
            await self.close()
        return int(status_line.split()[1]), data

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


async def worker(
    c: KeepAlive,
    acc: str,
    convs: list[str],
    until: float,
    lat: list[float],
    errors: list[int],
    by_kind: dict[str, list[float]],
) -> None:
    rng = random.Random()
    try:
        while time.monotonic() < until:
            roll = rng.random()
            t = time.perf_counter()
            kind = "read" if roll < 0.80 else "send" if roll < 0.95 else "upload"
            if roll < 0.80:
                calls: list[Any] = [
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
                status, _ = await c.post(
                    "/api", json.dumps({"using": USING, "methodCalls": calls}).encode()
                )
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
                status, _ = await c.post(
                    "/api",
                    json.dumps({"using": USING, "methodCalls": calls}).encode(),
                    f"Idempotency-Key: {key}\r\n",
                )
            else:
                status, _ = await c.post(f"/upload/{acc}", b"%PDF-1.4\n" + os.urandom(2048))
            lat.append(time.perf_counter() - t)
            by_kind[kind].append(lat[-1])
            if status >= 400:
                errors.append(status)
    finally:
        await c.close()


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
            by_kind: dict[str, list[float]] = {"read": [], "send": [], "upload": []}
            errors: list[int] = []
            spy = None
            if args.profile:
                spy = subprocess.Popen(
                    [
                        "py-spy",
                        "record",
                        "--pid",
                        str(server.pid),
                        "--duration",
                        str(int(args.seconds)),
                        "--format",
                        args.profile_format,
                        "-o",
                        args.profile,
                        "--gil",  # only the thread holding the GIL: where CPU goes
                    ],
                    stdout=subprocess.DEVNULL,
                )
            until = time.monotonic() + args.seconds
            start = time.monotonic()
            cpu_self, cpu_relay = time.process_time(), cpu_seconds(server.pid)
            await asyncio.gather(
                *[
                    worker(
                        KeepAlive("127.0.0.1", port, token), acc, convs, until, lat, errors, by_kind
                    )
                    for _ in range(args.concurrency)
                ]
            )
            elapsed = time.monotonic() - start
            cpu_self = time.process_time() - cpu_self
            cpu_relay = cpu_seconds(server.pid) - cpu_relay
            if spy is not None:
                spy.wait(timeout=60)
        lat.sort()
        for values in by_kind.values():
            values.sort()
        print(
            f"backend={'sqlite' if args.db == 'sqlite' else 'postgresql'} "
            f"concurrency={args.concurrency} seconds={elapsed:.1f}"
        )
        print(
            f"requests={len(lat)} req/s={len(lat) / elapsed:.0f} "
            f"p50={statistics.median(lat) * 1000:.1f}ms p99={lat[int(len(lat) * 0.99)] * 1000:.1f}ms "
            f"errors={len(errors)} {sorted(set(errors))} relay_rss={rss_mb(server.pid):.0f}MB"
        )
        print(
            " ".join(
                f"{k}: n={len(v)} p50={_pct(v, 0.5):.1f}ms p99={_pct(v, 0.99):.1f}ms"
                for k, v in by_kind.items()
            )
        )
        # CPU per request is the figure that survives a noisy shared machine; req/s does not.
        print(
            f"cpu: relay {cpu_relay / elapsed * 100:.0f}% of a core, "
            f"{cpu_relay / max(len(lat), 1) * 1000:.2f} ms/request; "
            f"load generator {cpu_self / elapsed * 100:.0f}%"
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


def _pct(sorted_values: list[float], q: float) -> float:
    """The q-quantile of sorted seconds, in milliseconds (0 when empty)."""
    if not sorted_values:
        return 0.0
    return sorted_values[min(int(len(sorted_values) * q), len(sorted_values) - 1)] * 1000


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", default="sqlite", help="'sqlite' (a temp file) or a postgresql:// URL")
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--sse", type=int, default=2000)
    p.add_argument("--profile", help="py-spy the relay during the load into this file")
    p.add_argument("--profile-format", default="speedscope", help="py-spy format (or 'raw')")
    asyncio.run(run(p.parse_args()))


if __name__ == "__main__":
    main()
