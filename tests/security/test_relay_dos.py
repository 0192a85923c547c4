"""Attacks 6 and 7 against a real relay over loopback: result references that multiply a
response, deep nesting, and huge headers. Bounds: the relay's memory (RSS) growth, and the
latency of a second seller's Core/echo while the attack runs.

Sizes: SECURITY_REF_CHAIN (calls in the doubling chain), SECURITY_HEADER_MB, SECURITY_HEADERS.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from security_testkit import (  # type: ignore[import-not-found]
    USING,
    Target,
    api,
    echo_latency,
    env_int,
    summary,
)

CHAIN = env_int("SECURITY_REF_CHAIN", 30)
HEADER_MB = env_int("SECURITY_HEADER_MB", 8)
HEADERS = env_int("SECURITY_HEADERS", 20)


def rss_mb() -> float:
    """This process's resident memory (the embedded relay runs in it), in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def doubling_chain(account: str, n: int) -> list[list[Any]]:
    calls: list[list[Any]] = [["Core/echo", {"accountId": account, "x": "A" * 100}, "c0"]]
    for i in range(1, n):
        ref = {"resultOf": f"c{i - 1}", "name": "Core/echo", "path": ""}
        calls.append(["Core/echo", {"#a": ref, "#b": ref}, f"c{i}"])
    return calls


@pytest.fixture
def pinging(target: Target) -> Iterator[list[float]]:
    """A second seller's Core/echo latencies, sampled for as long as the test runs."""
    _, bob, _ = target.seller("bob")
    samples: list[float] = []
    done = threading.Event()
    t = threading.Thread(target=echo_latency, args=(bob, done.is_set, samples), daemon=True)
    t.start()
    time.sleep(0.2)
    try:
        yield samples
    finally:
        done.set()
        t.join(timeout=30)
        bob.close()


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="RSS from /proc")
def test_result_references_cannot_multiply_a_response(target: Target, pinging: list[float]) -> None:
    _, alice, account = target.seller("alice")
    before = rss_mb()
    t = time.perf_counter()
    calls = doubling_chain(account, CHAIN)
    r = alice.post("/api", json={"using": USING, "methodCalls": calls})
    took = time.perf_counter() - t
    grew = rss_mb() - before
    print(
        f"\n{CHAIN}-call doubling chain ({len(r.request.content)} B request): HTTP "
        f"{r.status_code}, {len(r.content)} B response in {took:.2f} s, relay RSS +{grew:.0f} MB;"
        f" bob's Core/echo {summary(pinging)}"
    )
    assert r.status_code == 200
    responses = r.json()["methodResponses"]
    kinds = [m[1]["type"] for m in responses if m[0] == "error"]
    assert kinds and kinds[0] == "requestTooLarge"
    assert len(r.content) < 4 * 1_000_000  # at most a few times maxSizeRequest
    assert grew < 200
    assert max(pinging) < 2.0


def test_an_idempotent_request_stores_a_bounded_response(target: Target) -> None:
    _, alice, account = target.seller("alice")
    r = api(alice, *doubling_chain(account, CHAIN), **{"Idempotency-Key": "dos-1"})
    assert r.status_code == 200
    replay = api(alice, *doubling_chain(account, CHAIN), **{"Idempotency-Key": "dos-1"})
    assert replay.headers.get("Idempotency-Replayed") == "true"
    assert len(replay.content) < 4 * 1_000_000


@pytest.mark.parametrize(("depth", "chain"), [(40, 31), (960, 31), (985, 0), (5000, 0)])
def test_deep_nesting_is_a_clear_error_not_a_500(target: Target, depth: int, chain: int) -> None:
    """A deep value, echoed and then wrapped once more by each referencing call: encoding the
    answer overflowed the stack (HTTP 500) before."""
    _, alice, _ = target.seller("alice")
    deep = "[" * depth + '"x"' + "]" * depth
    calls = [f'["Core/echo",{{"x":{deep}}},"c0"]']
    for i in range(1, chain + 1):
        ref = json.dumps({"resultOf": f"c{i - 1}", "name": "Core/echo", "path": ""})
        calls.append(f'["Core/echo",{{"#a":{ref}}},"c{i}"]')
    raw = f'{{"using":{json.dumps(USING)},"methodCalls":[{",".join(calls)}]}}'
    for key in ({}, {"Idempotency-Key": f"deep-{depth}"}):
        r = alice.post("/api", content=raw, headers={"Content-Type": "application/json", **key})
        assert r.status_code in (200, 400), r.text[:300]
        if r.status_code == 200:
            kinds = [m[1]["type"] for m in r.json()["methodResponses"] if m[0] == "error"]
            assert "serverFail" not in kinds
            assert depth < 64 or kinds  # a deep value is never echoed whole
        else:
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.json()["type"].endswith("notJSON")


def _raw_request(url: str, head_bytes: int) -> bytes:
    """Send a request whose Authorization header is `head_bytes` long; return the answer."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(b"GET /.well-known/jmap HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ")
        chunk = b"A" * 65536
        sent = 0
        try:
            while sent < head_bytes:
                s.sendall(chunk)
                sent += len(chunk)
            s.sendall(b"\r\n\r\n")
        except OSError:
            pass  # the relay hung up: what a bounded server does
        try:
            return s.recv(200)
        except OSError:
            return b""


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="RSS from /proc")
def test_huge_unauthenticated_headers_leave_no_memory_behind(
    target: Target, pinging: list[float]
) -> None:
    before = rss_mb()
    answers = [_raw_request(target.url, HEADER_MB * 1_000_000) for _ in range(HEADERS)]
    grew = rss_mb() - before
    print(
        f"\n{HEADERS} requests with {HEADER_MB} MB headers: relay RSS +{grew:.0f} MB, "
        f"answers {sorted({a[:12] for a in answers})}; bob's Core/echo {summary(pinging)}"
    )
    assert all(a.startswith(b"HTTP/1.1 431") or a == b"" for a in answers)
    assert grew < 100  # 100 x 8 MB kept 1.2 GB before
    assert max(pinging) < 2.0


def test_invalid_tokens_are_not_cached(target: Target) -> None:
    relay = target.embedded.server.config.app.state.relay
    with httpx.Client(base_url=target.url, timeout=30) as c:
        for i in range(50):
            r = c.get("/.well-known/jmap", headers={"Authorization": f"Bearer sr_{i:0>190}"})
            assert r.status_code == 401
        r = c.get("/.well-known/jmap", headers={"Authorization": "Bearer " + "A" * 60_000})
        assert r.status_code == 401
    assert len(relay._tokens) == 0
    token, alice, _ = target.seller("alice")
    assert len(relay._tokens) == 1
    assert all(token not in str(k) for k in relay._tokens)  # kept by hash
    alice.close()
