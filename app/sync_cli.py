"""`seller-inbox sync`: the service layer without the window, for scripts, support and tests.

    seller-inbox sync --profile DIR --relay URL [--once] [--interval SECONDS]

The token comes from the environment (SELLER_INBOX_TOKEN) or the OS keyring. Prints what was
synced and the final connection state; exit 0 when the last sync succeeded, 1 when the relay
could not be reached, 3 on a profile problem, 4 when the relay refused the token.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="sync a profile with a relay, without the window")
    p.add_argument("--profile", type=Path, required=True, dest="sync_profile")
    p.add_argument("--relay", required=True, help="the relay's base URL")
    p.add_argument("--once", action="store_true", help="sync once and exit")
    p.add_argument("--interval", type=float, default=30.0, help="poll interval in seconds")


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_run(args))


async def _run(args: argparse.Namespace) -> int:
    from app.services.connectivity import Status
    from app.services.credentials import TOKEN_ENV, TokenStore
    from app.services.relay_client import RelayClient
    from app.services.runner import SyncRunner
    from app.services.store_worker import StoreWorker
    from app.services.sync import SyncEngine, SyncReport
    from app.storage.errors import StoreError
    from app.storage.store import Store

    tokens = await asyncio.to_thread(TokenStore)
    token = await asyncio.to_thread(tokens.get, args.relay)
    if not token:
        print(
            f"seller-inbox: no token for {args.relay}: set {TOKEN_ENV} or sign in from the window",
            file=sys.stderr,
        )
        return 4
    try:
        store = Store.open(args.sync_profile)
    except StoreError as exc:
        print(f"seller-inbox: {exc}", file=sys.stderr)
        return 3
    worker = StoreWorker()
    client = RelayClient(args.relay, token)
    runner = SyncRunner(
        SyncEngine(client, store, worker),
        session_only=tokens.status.session_only,
        poll_interval=args.interval,
    )

    def report(r: SyncReport) -> None:
        with store.read() as conn:
            convs = conn.exec_driver_sql("SELECT count(*) FROM conversations").scalar()
            msgs = conn.exec_driver_sql("SELECT count(*) FROM messages").scalar()
        print(
            f"synced {r.changed} change(s) in {r.requests} request(s); the store holds "
            f"{convs} conversations, {msgs} messages",
            flush=True,
        )

    try:
        if args.once:
            result, _ = await runner.sync_once()
            if result is not None:
                report(result)
        else:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError):  # Windows
                    loop.add_signal_handler(sig, stop.set)
            await runner.run(stop, on_report=report)
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()
    print(f"state: {runner.state.describe()}")
    return {Status.ONLINE: 0, Status.SESSION_ONLY: 0, Status.UNAUTHORIZED: 4}.get(
        runner.state.status, 1
    )
