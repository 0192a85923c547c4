"""`seller-relay`: serve, token, ingest-key, seed-demo, seed-bulk, simulate, prune."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from typing import Any

from relay.config import RelayConfig
from relay.db import default_db_url, open_database
from relay.mailbridge.cli import add_cli as add_mailbox_cli
from relay.seller_mail import add_cli as add_seller_mail_cli


def _config(args: argparse.Namespace) -> RelayConfig:
    kwargs: dict[str, Any] = {}
    if getattr(args, "alias_domain", None):
        kwargs["alias_domain"] = args.alias_domain
    rate = os.environ.get("SELLER_RELAY_RATE")
    if rate:
        kwargs["rate_per_second"] = float(rate)
        kwargs["rate_burst"] = max(int(float(rate) * 4), 1)
    return RelayConfig(**kwargs)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from relay.http_limits import server_http
    from relay.server import create_app

    config = dataclasses.replace(_config(args), mail_bridge=not args.no_mail_bridge)
    app = create_app(args.db, config)
    http, http_options = server_http()
    uvicorn.run(
        app,
        http=http,
        **http_options,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=not args.no_access_log,
        timeout_graceful_shutdown=5,
    )
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    from relay import auth

    db = open_database(args.db)
    try:
        if args.action == "create":
            if not args.seller:
                print("token create needs --seller NAME", file=sys.stderr)
                return 2
            try:
                token = auth.create_token(db, args.seller, args.label or "")
            except auth.SellerNameError as exc:
                print(exc, file=sys.stderr)
                return 1
            print(f"seller token for {args.seller} (shown once):", file=sys.stderr)
            print(token)
        elif args.action == "revoke":
            if args.id is None:
                print("token revoke needs --id N (see token list)", file=sys.stderr)
                return 2
            n = auth.revoke(db, token_id=args.id)
            print(f"revoked {n} token(s)")
            return 0 if n else 1
        else:
            for row in auth.list_tokens(db):
                state = "revoked" if row["revoked"] else "active"
                print(
                    f"{row['id']}\t{row['kind']}\t{row['seller'] or '-'}\t{state}\t{row['label']}"
                )
    finally:
        db.dispose()
    return 0


def cmd_ingest_key(args: argparse.Namespace) -> int:
    from relay import auth

    db = open_database(args.db)
    try:
        key = auth.create_ingest_key(db, args.label or "")
        print("ingest key (shown once):", file=sys.stderr)
        print(key)
    finally:
        db.dispose()
    return 0


def cmd_seed_bulk(args: argparse.Namespace) -> int:
    from relay.bulk_seed import run

    return run(args.db, args.seller, args.conversations, args.messages, args.seed, _config(args))


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from relay.demo import seed_demo

    counts = seed_demo(
        args.db,
        args.seller,
        seed=args.seed,
        per_marketplace=args.per_marketplace,
        config=_config(args),
    )
    print(json.dumps(counts))
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from relay import simulate

    side: Any
    if args.url:
        key = args.ingest_key or os.environ.get("SELLER_RELAY_INGEST_KEY")
        if not key:
            print("simulate --url needs --ingest-key or SELLER_RELAY_INGEST_KEY", file=sys.stderr)
            return 2
        side = simulate.HttpBuyerSide(args.url, key)
    else:
        side = simulate.DirectBuyerSide(args.db, _config(args))
    try:
        if args.action in ("write", "reply"):
            if args.action == "reply" and not args.conversation:
                print("simulate reply needs --conversation ID", file=sys.stderr)
                return 2
            body = simulate.message_body(
                seller=args.seller,
                marketplace_id=args.marketplace,
                email=args.email,
                name=args.name,
                text=args.text,
                subject=args.subject or "",
                order_id=args.order,
                conversation_id=args.conversation,
                locale=args.locale,
                files=simulate.read_files(args.attach or []),
            )
            result = side.message(body)
        elif args.action == "order":
            result = side.order(
                {
                    "seller": args.seller,
                    "marketplaceId": args.marketplace,
                    "orderId": args.order,
                    "kind": args.kind,
                    "buyer": {"email": args.email, "name": args.name, "locale": args.locale},
                    "items": [{"sku": "SKU-1", "title": args.text or "item", "quantity": 1}],
                }
            )
        elif args.action in ("opt-out", "opt-in"):
            result = side.opt_out(args.marketplace, args.email, args.action == "opt-out")
        else:
            result = side.mailbox(args.marketplace, args.email)
    except Exception as exc:  # the refusal is the answer a buyer gets
        detail = getattr(exc, "problem", None) or {
            "type": getattr(exc, "type", "error"),
            "detail": getattr(exc, "detail", str(exc)),
            **getattr(exc, "extra", {}),
        }
        print(json.dumps({"refused": detail}, ensure_ascii=False))
        return 1
    finally:
        side.close()
    print(json.dumps(result, ensure_ascii=False))
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    from relay.maintenance import prune

    db = open_database(args.db)
    try:
        print(json.dumps(prune(db, tombstone_days=args.tombstone_days)))
    finally:
        db.dispose()
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="seller-relay", description="The Seller Inbox relay.")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_)
        sp.add_argument(
            "--db",
            default=None,
            help="database URL (default: $SELLER_RELAY_DB, else a file in the "
            "user data directory); postgresql://... for PostgreSQL",
        )
        sp.add_argument("--alias-domain", default=None, help="alias domain (default relay.example)")
        return sp

    sp = add("serve", "run the relay")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8765)
    sp.add_argument("--log-level", default="info")
    sp.add_argument("--no-access-log", action="store_true")
    sp.add_argument(
        "--no-mail-bridge", action="store_true", help="do not bridge the sellers' mailboxes"
    )
    sp.set_defaults(fn=cmd_serve)

    sp = add("token", "seller tokens: create (prints the token on its last line), list, revoke")
    sp.add_argument("action", choices=["create", "list", "revoke"])
    sp.add_argument("--seller")
    sp.add_argument("--label")
    sp.add_argument("--id", type=int)
    sp.set_defaults(fn=cmd_token)

    sp = add("ingest-key", "create a key for the buyer side (/ingest)")
    sp.add_argument("action", choices=["create"])
    sp.add_argument("--label")
    sp.set_defaults(fn=cmd_ingest_key)

    sp = add("seed-demo", "fill the relay with the demo world")
    sp.add_argument("--seller", default="demo")
    sp.add_argument("--seed", type=int, default=7)
    sp.add_argument("--per-marketplace", type=int, default=8)
    sp.set_defaults(fn=cmd_seed_demo)

    sp = add("seed-bulk", "fill an empty seller account at scale (benchmarks)")
    sp.add_argument("--seller", default="demo")
    sp.add_argument("--conversations", type=int, default=100_000)
    sp.add_argument("--messages", type=int, default=1_000_000)
    sp.add_argument("--seed", type=int, default=11)
    sp.set_defaults(fn=cmd_seed_bulk)

    sp = add("simulate", "act as a buyer: write, reply, order, opt-out, opt-in, mailbox")
    sp.add_argument("action", choices=["write", "reply", "order", "opt-out", "opt-in", "mailbox"])
    sp.add_argument("--seller", default="demo")
    sp.add_argument("--marketplace", default="amazon.com")
    sp.add_argument(
        "--email", required=True, help="the buyer's real address (never shown to sellers)"
    )
    sp.add_argument("--name", default="Buyer")
    sp.add_argument("--locale", default="en")
    sp.add_argument("--subject")
    sp.add_argument("--text", default="")
    sp.add_argument("--order")
    sp.add_argument(
        "--kind", default="standard", choices=["standard", "handmade", "custom", "wine"]
    )
    sp.add_argument("--conversation")
    sp.add_argument("--attach", action="append", help="a file to attach (repeatable)")
    sp.add_argument("--url", help="talk to a running relay over HTTP instead of the database")
    sp.add_argument("--ingest-key")
    sp.set_defaults(fn=cmd_simulate)

    add_seller_mail_cli(add)
    add_mailbox_cli(add)

    sp = add("prune", "drop old tombstones (clients before the horizon resync)")
    sp.add_argument("--tombstone-days", type=int, default=90)
    sp.set_defaults(fn=cmd_prune)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db is None:
        args.db = default_db_url()
    result: int = args.fn(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
