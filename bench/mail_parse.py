"""Relay mail parsing speed: the corpus, a 30 MB mail, and linear growth on hostile input.

Run: `uv run python bench/mail_parse.py [--rounds N]`. The issue's import target is 500 mails/s
end to end; parsing is one step of it, so the corpus figure should be far above that. The
hostile shapes are parsed at size n and 4n: a ratio near 4 is linear, near 16 quadratic.
Variants are interleaved round by round so load on the shared machine hits all alike.
"""

from __future__ import annotations

import argparse
import base64
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from relay.mailbridge.parse import parse_mail

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "relay" / "mail_corpus"
HEAD = (
    b'From: "B" <abcdefgh12345+c1@marketplace.amazon.de>\r\nTo: s@seller.example\r\n'
    b"Subject: Frage von Amazon-Kunde B\r\nMessage-ID: <a@b>\r\n"
    b"Date: Tue, 15 Sep 2026 08:41:00 +0200\r\nMIME-Version: 1.0\r\n"
)


def big_mail(megabytes: int) -> bytes:
    photo = bytes(range(256)) * (megabytes * 1024 * 4)  # megabytes MiB; base64 adds a third
    return HEAD + (
        b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\n'
        b"Content-Type: text/plain\r\n\r\n------------- Nachricht: -------------\r\nFoto.\r\n"
        b'--XX\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename="a.jpg"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(photo).replace(b"\n", b"\r\n")
        + b"--XX--\r\n"
    )


HOSTILE: dict[str, Callable[[int], bytes]] = {
    "nested multiparts": lambda n: (
        HEAD
        + b"".join(
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
            for i in range(n)
        )
        + b"Content-Type: text/plain\r\n\r\nhi\r\n"
    ),
    "many parts": lambda n: (
        HEAD
        + b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n'
        + b"--XX\r\nContent-Type: text/plain\r\n\r\nx\r\n" * n
    ),
    "many headers": lambda n: HEAD + b"X-Filler: y\r\n" * n + b"\r\nhi",
    "marker lines": lambda n: HEAD + b"\r\n" + b"----- Message: -----\r\n" * n,
    "attribution lines": lambda n: HEAD + b"\r\n" + b"On a b c wrote\r\n" * n,
    "dash runs": lambda n: HEAD + b"\r\n" + b"------x" * n,
}


def timed(raw: bytes) -> float:
    start = time.perf_counter()
    parse_mail(raw)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds

    corpus = [p.read_bytes() for p in sorted(CORPUS.glob("*.eml"))]
    big = big_mail(22)
    hostile = {name: (make(50_000), make(200_000)) for name, make in HOSTILE.items()}
    corpus_s: list[float] = []
    corpus_cpu: list[float] = []
    big_s: list[float] = []
    big_cpu: list[float] = []
    ratios: dict[str, list[float]] = {name: [] for name in hostile}
    for _ in range(rounds):
        cpu = time.process_time()
        corpus_s.append(sum(timed(raw) for raw in corpus))
        corpus_cpu.append(time.process_time() - cpu)
        cpu = time.process_time()
        big_s.append(timed(big))
        big_cpu.append(time.process_time() - cpu)
        for name, (small, large) in hostile.items():
            ratios[name].append(timed(large) / max(timed(small), 1e-6))

    per_s = len(corpus) / statistics.median(corpus_s)
    per_cpu_s = len(corpus) / statistics.median(corpus_cpu)
    print(
        f"corpus: {len(corpus)} mails, median {per_s:,.0f} mails/s wall, "
        f"{per_cpu_s:,.0f} mails/s per CPU second, over {rounds} rounds"
    )
    print(
        f"{len(big) / 1e6:.1f} MB mail (one 22 MiB photo): median {statistics.median(big_s):.2f} s"
        f" wall, {statistics.median(big_cpu):.2f} s CPU"
    )
    for name, values in ratios.items():
        print(f"{name:18s} time(4n)/time(n): median {statistics.median(values):.1f} (4 = linear)")


if __name__ == "__main__":
    main()
