"""Service-layer benchmarks (issue 5). Prints figures; asserts nothing.

    uv run python bench/sync_bench.py [--scenario all|write|relay|initial]
        [--messages 100000] [--relay-conversations 1000]
        [--initial-conversations 100000] [--initial-messages 1000000]
        [--relay-db PATH] [--interrupt-at 0.5]

1. The sync write path: relay Message objects into the store (upserts, thread summaries, FTS)
   in the batches the sync uses — target >= 5,000 messages/s.
2. Against a real relay on loopback (seeded demo world): initial sync, a no-change sync
   (requests, bytes), a sync after k new buyer messages, and push latency p50/p99.
3. Initial sync at seller scale: a relay bulk-seeded (`relay.bulk_seed`, in a child process)
   with 100k conversations / 1M messages, served by a real `seller-relay serve` process;
   the app's service layer (SyncRunner, SyncEngine, StoreWorker, RelayClient) syncs it into
   a fresh profile. Prints the time until the newest 1,000 conversations are usable (in the
   store with all their messages, on the first page of `queries.thread_page`), the time to
   all, messages/s, requests, bytes, CPU of each side and the app's peak RSS. Then, with
   `--interrupt-at F`, the headless `seller-inbox sync` is killed (-9) once it holds F of the
   messages, and a resumed sync shows how much it fetched again.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parents[1]))

from app.demodata.corpus import conversation_script
from app.services.push import PushListener
from app.services.relay_client import RelayClient
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries
from app.storage.profile import Profile
from app.storage.rows import ThreadFilter
from app.storage.store import Store
from relay import auth
from relay.bulk_seed import newest_conversations
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import free_port, start_embedded
from relay.simulate import DirectBuyerSide

BATCH = 500


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def write_path(n_messages: int) -> None:
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        engine = SyncEngine(None, store, None)  # type: ignore[arg-type]  # only _apply is used
        n_conv = max(1, n_messages // 10)
        now = datetime.now(UTC)
        engine._apply(
            "Marketplace", [{"id": "amazon.se", "name": "Amazon.se", "country": "SE"}], [], None
        )
        buyers = [
            {
                "id": f"B{i}",
                "alias": f"b{i}@marketplace.relay.example",
                "displayName": "Åsa",
                "locale": "sv",
            }
            for i in range(n_conv)
        ]
        convs = [
            {
                "id": f"C{i}",
                "marketplaceId": "amazon.se",
                "buyerId": f"B{i}",
                "subject": "Var är mitt paket?",
                "lastActivity": iso(now),
            }
            for i in range(n_conv)
        ]
        for start in range(0, n_conv, BATCH):
            engine._apply("Buyer", buyers[start : start + BATCH], [], None)
            engine._apply("Conversation", convs[start : start + BATCH], [], None)
        messages = []
        for i in range(n_messages):
            script = conversation_script(rng, "sv")
            m = script.messages[i % len(script.messages)]
            messages.append(
                {
                    "id": f"M{i}",
                    "conversationId": f"C{i % n_conv}",
                    "direction": m.direction.value,
                    "subject": m.subject,
                    "bodyText": m.body,
                    "bodyHtml": None,
                    "receivedAt": iso(now - timedelta(minutes=i)),
                    "keywords": {"$seen": True},
                }
            )
        t = time.perf_counter()
        for start in range(0, n_messages, BATCH):
            engine._apply("Message", messages[start : start + BATCH], [], str(start))
        took = time.perf_counter() - t
        store.close()
    print(
        f"sync write path: {n_messages:,} messages in {took:.1f} s = "
        f"{n_messages / took:,.0f} messages/s (target >= 5,000; batches of {BATCH}, "
        "incl. thread summaries and FTS)"
    )


async def against_relay(per_marketplace: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/relay.sqlite3"
        t = time.perf_counter()
        counts = seed_demo(db_url, per_marketplace=per_marketplace)
        print(f"relay seeded in {time.perf_counter() - t:.1f} s: {counts}")
        db = open_database(db_url)
        token = auth.create_token(db, "demo")
        relay = start_embedded(db_url)
        store = Store.open(Path(tmp) / "profile")
        worker = StoreWorker()
        client = RelayClient(relay.url, token)
        engine = SyncEngine(client, store, worker)
        try:
            t = time.perf_counter()
            first = await engine.sync()
            took = time.perf_counter() - t
            with store.read() as conn:
                n_msg = conn.exec_driver_sql("SELECT count(*) FROM messages").scalar()
                n_conv = conn.exec_driver_sql("SELECT count(*) FROM conversations").scalar()
            print(
                f"initial sync: {n_conv:,} conversations, {n_msg:,} messages in {took:.2f} s, "
                f"{first.requests} requests, {first.bytes_received / 1024:,.0f} KiB"
            )
            quiet = await engine.sync()
            print(
                f"no-change sync: {quiet.requests} request(s), {quiet.bytes_received} bytes "
                "(goal: 1 request, <= 2 KB)"
            )
            buyer = DirectBuyerSide(db_url)
            for k in (1, 10, 100):
                for i in range(k):
                    buyer.message(
                        {
                            "seller": "demo",
                            "marketplaceId": "amazon.se",
                            "externalId": f"bench-{k}-{i}",
                            "from": {"email": f"bench{i}@example.org", "name": "B"},
                            "subject": "Fråga",
                            "text": f"Hej {i}",
                        }
                    )
                t = time.perf_counter()
                r = await engine.sync()
                print(
                    f"sync after {k:>3} new buyer message(s): {r.requests} requests, "
                    f"{r.bytes_received / 1024:,.1f} KiB, {(time.perf_counter() - t) * 1000:.0f} ms"
                )
            runner = SyncRunner(engine, poll_interval=600)
            listener = PushListener(client, runner.wake, ping=5, on_status=runner.set_push)
            stop = asyncio.Event()
            tasks = [
                asyncio.ensure_future(runner.run(stop)),
                asyncio.ensure_future(listener.run(stop)),
            ]
            while not listener.connected:
                await asyncio.sleep(0.05)
            await asyncio.sleep(1.5)
            latencies = []
            for _ in range(20):
                # Letters only: the relay scrubs digit runs that look like phone numbers.
                marker = "latency " + "".join(random.choices("abcdefghijklmnopqrstuvwxyz", k=12))
                buyer.message(
                    {
                        "seller": "demo",
                        "marketplaceId": "amazon.se",
                        "externalId": marker,
                        "from": {"email": "lat@example.org", "name": "L"},
                        "subject": "Latency",
                        "text": marker,
                    }
                )
                t = time.perf_counter()
                while True:
                    with store.read() as conn:
                        if conn.exec_driver_sql(
                            "SELECT 1 FROM messages WHERE body_text = ?", (marker,)
                        ).first():
                            break
                    await asyncio.sleep(0.01)
                latencies.append((time.perf_counter() - t) * 1000)
                await asyncio.sleep(random.uniform(0.1, 1.2))
            latencies.sort()
            print(
                f"push latency (relay accepted -> in the local store), 20 messages: "
                f"p50 {statistics.median(latencies):.0f} ms, p99 {latencies[-1]:.0f} ms "
                "(budget 5,000 ms; the relay's SQLite change poll ticks every 1 s)"
            )
            stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            buyer.close()
        finally:
            await client.aclose()
            worker.shutdown()
            store.close()
            relay.stop()
            db.dispose()


USABLE = 1000  # "the newest 1,000 conversations usable"
ROOT = Path(__file__).parents[1]


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a live process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _seed(db_path: Path, conversations: int, messages: int) -> dict[str, object]:
    """Bulk-seed in a child process (keeps the seeder's memory out of the app's peak RSS)."""
    if db_path.exists():
        print(f"relay database {db_path} exists: reused as seeded")
        return {}
    t = time.perf_counter()
    out = subprocess.run(
        [
            *(sys.executable, "-m", "relay.bulk_seed", "--db", str(db_path), "--seller", "demo"),
            *("--conversations", str(conversations), "--messages", str(messages)),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    report: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"bulk seed: {conversations:,} conversations / {messages:,} messages "
        f"({report['submissions']:,} replies) in {time.perf_counter() - t:.0f} s "
        f"({report['messagesPerSecond']:,} messages/s in the seeder)"
    )
    return report


class RelayProcess:
    """`seller-relay serve` on a free loopback port, as an operator would run it."""

    def __init__(self, db_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "relay.cli", "serve", "--db", str(db_path)),
                *("--port", str(self.port), "--log-level", "warning", "--no-access-log"),
            ],
            cwd=ROOT,
        )

    def wait_ready(self, token: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                r = httpx.get(
                    self.url + "/.well-known/jmap", headers={"Authorization": f"Bearer {token}"}
                )
                if r.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("seller-relay serve exited")
            time.sleep(0.1)
        raise RuntimeError("seller-relay serve did not start")

    def cpu(self) -> float:
        return _cpu_of(self.proc.pid)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _newest_usable(store: Store, newest: dict[str, int]) -> bool:
    """The newest conversations are all in the store with every message, and they are what
    the thread list's first page shows."""
    with store.read() as conn:
        marks = ",".join("?" * len(newest))
        rows = conn.exec_driver_sql(
            "SELECT c.relay_id, count(m.id) FROM conversations c JOIN messages m "
            f"ON m.conversation_id = c.id WHERE c.relay_id IN ({marks}) GROUP BY c.id",
            tuple(newest),
        ).all()
        if len(rows) < len(newest) or any(newest[r[0]] != r[1] for r in rows):
            return False
        page = queries.thread_page(conn, ThreadFilter(), limit=len(newest))
    return {r.relay_id for r in page} == set(newest)


async def _sync_to_the_end(runner: SyncRunner, engine: SyncEngine) -> tuple[int, int]:
    """Sync until one sync succeeds, waiting what the runner says between failures (a 429
    from the relay's rate limit, say). Returns (attempts, messages upserted)."""
    upserted = 0
    for attempt in range(1, 50):
        report, delay = await runner.sync_once()
        if report is not None:
            return attempt, upserted + report.of("Message").upserted
        print(f"  sync attempt {attempt} failed: {runner.state.describe()}; next in {delay:.0f} s")
        await asyncio.sleep(delay)
    raise RuntimeError("the initial sync did not finish in 50 attempts")


async def initial_sync(
    conversations: int, messages: int, relay_db: Path | None, interrupt_at: float
) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    db_path = relay_db or tmp / "relay.sqlite3"
    _seed(db_path, conversations, messages)
    db = open_database(str(db_path))
    with db.reading() as conn:
        seller_id = auth.seller_id_by_name(conn, "demo")
    assert seller_id is not None
    newest = dict(newest_conversations(db, seller_id, USABLE))
    token = auth.create_token(db, "demo", "sync bench")
    db.dispose()
    relay = RelayProcess(db_path)
    try:
        relay.wait_ready(token)
        await _timed_initial_sync(relay, token, tmp / "profile", newest, messages)
        if interrupt_at > 0:
            await _interrupted_sync(relay, token, tmp / "resumed", messages, interrupt_at)
    finally:
        relay.stop()
        shutil.rmtree(tmp, ignore_errors=True)  # profiles (and the relay, unless --relay-db)


async def _timed_initial_sync(
    relay: RelayProcess, token: str, profile: Path, newest: dict[str, int], messages: int
) -> None:
    store = Store.open(profile)
    worker = StoreWorker()
    client = RelayClient(relay.url, token)
    engine = SyncEngine(client, store, worker)
    runner = SyncRunner(engine)
    relay_cpu0, app_cpu0 = relay.cpu(), _own_cpu()
    t0 = time.perf_counter()
    usable_at: list[float] = []

    async def watch() -> None:
        while not await asyncio.to_thread(_newest_usable, store, newest):
            await asyncio.sleep(0.25)
        usable_at.append(time.perf_counter() - t0)

    watcher = asyncio.ensure_future(watch())
    try:
        attempts, upserted = await _sync_to_the_end(runner, engine)
        took = time.perf_counter() - t0
        relay_cpu, app_cpu = relay.cpu() - relay_cpu0, _own_cpu() - app_cpu0
        await asyncio.wait_for(watcher, timeout=60)
        with store.read() as conn:
            n_msg = conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() or 0
            n_conv = conn.exec_driver_sql("SELECT count(*) FROM conversations").scalar() or 0
    finally:
        watcher.cancel()
        await client.aclose()
        worker.shutdown()
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"initial sync of {n_conv:,} conversations / {n_msg:,} messages "
        f"(relay: {len(newest):,} newest checked; {attempts} sync attempt(s)):\n"
        f"  newest {USABLE:,} conversations usable after {usable_at[0]:.1f} s\n"
        f"  everything after {took:.1f} s = {n_msg / took:,.0f} messages/s "
        f"({upserted:,} message objects written, head included)\n"
        f"  {client.requests_made:,} requests, {client.bytes_received / 2**20:,.0f} MiB received\n"
        f"  CPU: app {app_cpu:.0f} s ({app_cpu / n_msg * 1e6:.0f} us/message), "
        f"relay {relay_cpu:.0f} s ({relay_cpu / n_msg * 1e6:.0f} us/message)\n"
        f"  app peak RSS {peak:,.0f} MiB"
    )
    if n_msg != messages:
        print(f"  WARNING: {n_msg:,} messages in the store, the relay has {messages:,}")


def _local_messages(profile: Path) -> int:
    path = Profile(profile).database
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0
    finally:
        conn.close()


async def _interrupted_sync(
    relay: RelayProcess, token: str, profile: Path, messages: int, fraction: float
) -> None:
    """Kill -9 the headless service midway, then resume in-process: how much is refetched."""
    env = {**os.environ, "SELLER_INBOX_TOKEN": token}
    child = subprocess.Popen(
        [
            *(sys.executable, "-m", "app.cli", "sync", "--profile", str(profile)),
            *("--relay", relay.url, "--interval", "3600"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    target = int(messages * fraction)
    try:
        while (held := _local_messages(profile)) < target:
            if child.poll() is not None:
                print(f"interrupted sync: the service exited first ({child.returncode})")
                return
            await asyncio.sleep(0.2)
    finally:
        child.kill()
        child.wait()
    held = _local_messages(profile)
    store = Store.open(profile)
    worker = StoreWorker()
    client = RelayClient(relay.url, token)
    engine = SyncEngine(client, store, worker)
    try:
        t = time.perf_counter()
        attempts, upserted = await _sync_to_the_end(SyncRunner(engine), engine)
        took = time.perf_counter() - t
        total = _local_messages(profile)
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()
    print(
        f"interrupted sync: `seller-inbox sync` killed (-9) holding {held:,} of {messages:,} "
        f"messages; the resumed sync fetched {upserted:,} messages "
        f"({upserted / max(1, messages - held):.2f}x the missing ones) in {took:.1f} s, "
        f"{client.requests_made:,} requests, {attempts} attempt(s); store now {total:,}"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", choices=["all", "write", "relay", "initial"], default="all")
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument(
        "--relay-conversations",
        type=int,
        default=1000,
        help="seeded on the relay (split over 5 marketplaces)",
    )
    ap.add_argument("--initial-conversations", type=int, default=100_000)
    ap.add_argument("--initial-messages", type=int, default=1_000_000)
    ap.add_argument(
        "--relay-db",
        type=Path,
        help="initial sync: bulk-seed this SQLite file, or reuse it if it exists",
    )
    ap.add_argument(
        "--interrupt-at",
        type=float,
        default=0.5,
        help="initial sync: kill the service at this fraction of the messages, then resume "
        "(0: skip)",
    )
    args = ap.parse_args()
    if args.scenario in ("all", "write"):
        write_path(args.messages)
    if args.scenario in ("all", "relay"):
        asyncio.run(against_relay(max(1, args.relay_conversations // 5)))
    if args.scenario in ("all", "initial"):
        asyncio.run(
            initial_sync(
                args.initial_conversations, args.initial_messages, args.relay_db, args.interrupt_at
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
