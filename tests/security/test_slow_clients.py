"""Slow clients against a real relay on loopback (slow-loris): connections that never finish
their request head must not be held open for ever, or a few thousand of them use up the
relay's file descriptors and no seller is served."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from security_testkit import Target, running_relay  # type: ignore[import-not-found]

from relay import http_limits

HEAD_TIMEOUT = 1.0  # the relay's (10 s) shortened for the test


@pytest.fixture
def quick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Target]:
    monkeypatch.setattr(http_limits, "HEAD_TIMEOUT", HEAD_TIMEOUT)
    with running_relay(tmp_path) as t:
        yield t


def _connect(target: Target) -> socket.socket:
    url = urlsplit(target.url)
    return socket.create_connection((url.hostname, url.port), timeout=10)


def _closed_after(sock: socket.socket, trickle: bytes = b"") -> float:
    """Seconds until the relay closes the connection (sending `trickle` a byte at a time)."""
    start = time.monotonic()
    sock.settimeout(0.25)
    sent = 0
    while time.monotonic() - start < 10 * HEAD_TIMEOUT:
        if sent < len(trickle):
            try:
                sock.sendall(trickle[sent : sent + 1])
            except OSError:
                return time.monotonic() - start
            sent += 1
        try:
            data = sock.recv(4096)
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - start
        if not data or b"408" in data:
            return time.monotonic() - start
    return float("inf")


@pytest.mark.parametrize(
    "trickle",
    [b"", b"GET /healthz HTTP/1.1\r\nHost: relay\r\n", b"POST /api HTTP/1.1\r\nX-A: " + b"a" * 400],
    ids=["silent", "half a head", "a head a byte at a time"],
)
def test_an_unfinished_request_head_is_closed(quick: Target, trickle: bytes) -> None:
    with _connect(quick) as sock:
        took = _closed_after(sock, trickle)
    print(f"closed after {took:.2f} s (head timeout {HEAD_TIMEOUT} s)")
    assert HEAD_TIMEOUT * 0.8 <= took <= HEAD_TIMEOUT * 4


def test_many_slow_clients_leave_others_served(quick: Target) -> None:
    slow = [_connect(quick) for _ in range(300)]
    try:
        for sock in slow:
            sock.sendall(b"GET /healthz HTTP/1.1\r\n")
        assert httpx.get(quick.url + "/healthz", timeout=5).status_code == 200
        deadline = time.monotonic() + HEAD_TIMEOUT * 4
        still_open = 0
        for sock in slow:  # each answered 408 and closed by the relay's timer
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                sock.recv(4096)
            except TimeoutError:
                still_open += 1
            except OSError:
                pass
        assert still_open == 0
    finally:
        for sock in slow:
            sock.close()


def test_a_normal_keep_alive_client_is_not_cut(quick: Target) -> None:
    with httpx.Client(base_url=quick.url) as client:
        for _ in range(3):
            assert client.get("/healthz").status_code == 200
            time.sleep(HEAD_TIMEOUT * 0.5)


@pytest.fixture
def quick_bodies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Target]:
    monkeypatch.setattr(http_limits, "BODY_GRACE", HEAD_TIMEOUT)
    monkeypatch.setattr(http_limits, "BODY_CHECK", HEAD_TIMEOUT / 2)
    with running_relay(tmp_path) as t:
        yield t


def _post_head(path: str, token: str | None = None) -> bytes:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    return (
        f"POST {path} HTTP/1.1\r\nHost: relay\r\n{auth}Content-Length: 1000000\r\n"
        "Content-Type: application/json\r\n\r\n"
    ).encode()


def _trickle_until_closed(sock: socket.socket, limit: float) -> tuple[float, bytes]:
    """(seconds until the relay closed the connection, what it answered) while a byte of
    body goes every 0.1 s."""
    start, answer = time.monotonic(), b""
    sock.settimeout(0.1)
    while time.monotonic() - start < limit:
        try:
            sock.sendall(b" ")
            data = sock.recv(4096)
        except TimeoutError:
            continue
        except OSError:
            break
        if not data:
            break
        answer += data
    return time.monotonic() - start, answer


def test_an_answered_request_is_not_read_on(quick_bodies: Target) -> None:
    with _connect(quick_bodies) as sock:  # no token: 401 at once, then the body trickles
        sock.sendall(_post_head("/api"))
        took, answer = _trickle_until_closed(sock, 10 * HEAD_TIMEOUT)
    assert answer.startswith(b"HTTP/1.1 401")
    assert took < HEAD_TIMEOUT  # closed, where each byte used to renew the keep-alive


@pytest.mark.parametrize("path", ["/api", "/upload/{account}"])
def test_a_trickled_body_is_cut(quick_bodies: Target, path: str) -> None:
    token, _, account = quick_bodies.seller("alice")
    with _connect(quick_bodies) as sock:
        sock.sendall(_post_head(path.format(account=account), token))
        took, answer = _trickle_until_closed(sock, 10 * HEAD_TIMEOUT)
    print(f"{path}: closed after {took:.2f} s")
    assert answer.startswith(b"HTTP/1.1 408")
    head, _, text = answer.partition(b"\r\n\r\n")
    assert b"content-length: %d\r\n" % len(text) in head  # it once said 25 for 26 bytes
    assert HEAD_TIMEOUT * 0.8 <= took <= HEAD_TIMEOUT * 4


def test_a_body_sent_at_a_fair_pace_is_read(quick_bodies: Target) -> None:
    _, alice, account = quick_bodies.seller("alice")

    def chunks() -> Iterator[bytes]:
        for _ in range(6):  # 3 s at ~64 KB/s: longer than the grace, well over the rate
            yield b"%PDF-1.4\n" if _ == 0 else b"%" + b"0" * 32_000 + b"\n"
            time.sleep(HEAD_TIMEOUT / 2)

    r = alice.post(f"/upload/{account}", content=chunks())
    assert r.status_code == 201, r.text
