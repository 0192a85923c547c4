"""Service-layer benchmarks (issue 5). Prints figures; asserts nothing.

    uv run python bench/sync_bench.py [--messages 100000] [--relay-conversations 1000]

1. The sync write path: relay Message objects into the store (upserts, thread summaries, FTS)
   in the batches the sync uses — target >= 5,000 messages/s.
2. Against a real relay on loopback (seeded demo world): initial sync, a no-change sync
   (requests, bytes), a sync after k new buyer messages, and push latency p50/p99.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from app.demodata.corpus import conversation_script
from app.services.push import PushListener
from app.services.relay_client import RelayClient
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage.store import Store
from relay import auth
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import start_embedded
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument(
        "--relay-conversations",
        type=int,
        default=1000,
        help="seeded on the relay (split over 5 marketplaces)",
    )
    args = ap.parse_args()
    write_path(args.messages)
    asyncio.run(against_relay(max(1, args.relay_conversations // 5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
