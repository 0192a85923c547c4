"""`seller-relay mailbox add|list|test|remove|fetch|send|notices` (registered by relay.cli)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from relay.db import Database, open_database
from relay.mailbridge.accounts import (
    MailboxError,
    MailboxSettings,
    add_mailbox,
    list_mailboxes,
    load_mailboxes,
    remove_mailbox,
)
from relay.mailbridge.errors import MailError
from relay.mailbridge.secret_store import PASSWORD_ENV, FileSecretStore, server_secret_store


def _password(address: str) -> str | None:
    found = os.environ.get(PASSWORD_ENV)
    if found:
        return found
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"password (or app password) for {address}: ") or None


def _add(db: Database, args: argparse.Namespace) -> int:
    missing = [
        flag
        for flag, value in (
            ("--seller", args.seller),
            ("--address", args.address),
            ("--imap-url", args.imap_url),
            ("--smtp-url", args.smtp_url),
        )
        if not value
    ]
    if missing:
        print(f"mailbox add needs {', '.join(missing)}", file=sys.stderr)
        return 2
    settings = MailboxSettings(
        seller=args.seller,
        address=args.address,
        imap_url=args.imap_url,
        smtp_url=args.smtp_url,
        folders=tuple(args.folder or ["INBOX"]),
        sent_folder=args.sent_folder,
        authserv_id=args.authserv_id,
    )
    password = _password(args.address)
    if password is None:
        print(f"no password: set {PASSWORD_ENV} or run in a terminal", file=sys.stderr)
        return 2
    add_mailbox(db, settings)  # validates first: a refused mailbox stores no password
    store = FileSecretStore()
    store.set(args.address, password)
    print(f"{args.address.lower()} connected for {args.seller} (password in {store.path})")
    return 0


def _list(db: Database, args: argparse.Namespace) -> int:
    for s in list_mailboxes(db, args.seller):
        state = "connected" if s.connected else "not connected"
        fetched = s.last_fetch_at.isoformat(timespec="seconds") if s.last_fetch_at else "never"
        error = f"\t{s.error_kind}: {s.last_error}" if s.last_error else ""
        print(f"{s.seller}\t{s.address}\t{state}\tlast fetch {fetched}{error}")
    return 0


def _test(db: Database, args: argparse.Namespace) -> int:
    from relay.mailbridge import imap
    from relay.mailbridge.outbound import connect_smtp

    boxes = [
        b
        for b in load_mailboxes(db, args.seller)
        if not args.address or b.address == args.address.lower()
    ]
    if not boxes:
        print("no such mailbox (see mailbox list)", file=sys.stderr)
        return 1
    secrets = server_secret_store()
    status = 0
    for box in boxes:
        password = secrets.get(box.address)
        if not password:
            print(f"{box.address}\tlogin: no password stored", file=sys.stderr)
            status = 1
            continue
        try:
            client = imap.connect(box.imap, password)
            try:
                caps = [c for c in ("IDLE", "CONDSTORE", "QRESYNC") if imap.has(client, c)]
                for folder in box.folders:
                    client.select_folder(folder, readonly=True)
                seen = _authserv_ids(client, box.folders[0])
            finally:
                imap.close(client)
            note = "" if "IDLE" in caps else " (no IDLE: new mail is polled every minute)"
            print(f"{box.address}\timap ok: {box.imap.host} {' '.join(caps)}{note}")
            print(f"{box.address}\t{_authserv_line(box.authserv_id, seen)}")
        except Exception as exc:
            err = exc if isinstance(exc, MailError) else None
            print(f"{box.address}\timap {err.kind if err else 'server'}: {exc}", file=sys.stderr)
            status = 1
        try:
            connect_smtp(box.smtp, password).quit()
            print(f"{box.address}\tsmtp ok: {box.smtp.host} ({box.smtp.tls} TLS)")
        except MailError as err:
            print(f"{box.address}\tsmtp {err.kind}: {err.message}", file=sys.stderr)
            status = 1
    return status


def _authserv_ids(client: Any, folder: str, newest: int = 20) -> Counter[str]:
    """The authserv-ids of the topmost Authentication-Results of the folder's newest mails."""
    from relay.mailbridge.authresults import topmost_authserv

    client.select_folder(folder, readonly=True)
    uids = client.search(["ALL"])[-newest:]
    if not uids:
        return Counter()
    key = b"BODY[HEADER.FIELDS (AUTHENTICATION-RESULTS)]"
    found: Counter[str] = Counter()
    for data in client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS)]"]).values():
        authserv = topmost_authserv(bytes(data.get(key) or b""))
        if authserv:
            found[authserv] += 1
    return found


def _authserv_line(configured: str | None, seen: Counter[str]) -> str:
    listed = ", ".join(f"{name} ({n} mails)" for name, n in seen.most_common(3)) or "none"
    if configured:
        return f"sender checks: only {configured}'s count (newest mails: {listed})"
    return (
        f"sender checks: the topmost Authentication-Results counts (newest mails: {listed}); "
        "name your server's with mailbox add --authserv-id"
    )


def _remove(db: Database, args: argparse.Namespace) -> int:
    if not args.address:
        print("mailbox remove needs --address", file=sys.stderr)
        return 2
    gone = remove_mailbox(db, args.address)
    FileSecretStore().delete(args.address)
    return 0 if gone else 1


def _notify(db: Database) -> Callable[[set[int]], None]:
    from relay.push import Hub

    hub = Hub(db)
    return hub.notify_others  # PostgreSQL: wake the running relays' push subscribers


def _fetch(db: Database, args: argparse.Namespace) -> int:
    from relay.mailbridge.bridge import MailBridge, fetch_once

    if not args.once:
        bridge = MailBridge(
            db, None, server_secret_store(), on_change=_notify(db), seller=args.seller
        )
        bridge.start()
        try:
            import threading

            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            bridge.stop()
        return 0
    tally, failed = fetch_once(db, args.seller, server_secret_store(), _notify(db))
    for address, err in failed:
        print(f"{address}: {err.kind}: {err.message}", file=sys.stderr)
    print(tally.line())
    return 1 if failed else 0


def _send(db: Database, args: argparse.Namespace) -> int:
    from relay.mailbridge.bridge import send_once

    done, failed = send_once(db, args.seller, server_secret_store(), _notify(db))
    for address, err in failed:
        print(f"{address}: {err.kind}: {err.message}", file=sys.stderr)
    print(f"settled {done} replies")
    return 1 if failed else 0


def _notices(db: Database, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from relay import schema

    n, s = schema.mail_notices.c, schema.sellers.c
    q = select(s.name, n.received_at, n.kind, n.trusted, n.order_id, n.subject, n.body_text).join(
        schema.sellers, s.id == n.seller_id
    )
    if args.seller:
        q = q.where(s.name == args.seller)
    with db.reading() as conn:
        for r in conn.execute(q.order_by(n.received_at.desc()).limit(args.limit)):
            flag = "" if r.trusted else " [unverified sender]"
            if r.kind == "quarantined":  # what happened and where the mail still is
                flag += " [" + r.body_text.partition("\n")[0] + "]"
            print(
                f"{r.name}\t{r.received_at:%Y-%m-%d %H:%M}\t{r.kind}\t{r.order_id or '-'}\t{r.subject}{flag}"
            )
    return 0


ACTIONS = {
    "add": _add,
    "list": _list,
    "test": _test,
    "remove": _remove,
    "fetch": _fetch,
    "send": _send,
    "notices": _notices,
}


def cmd_mailbox(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        return ACTIONS[args.action](db, args)
    except MailboxError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        db.dispose()


def add_cli(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    sp = add(
        "mailbox",
        "a seller's own mailbox (IMAP in, SMTP out): add, list, test, remove, fetch, send, notices",
    )
    sp.add_argument("action", choices=sorted(ACTIONS))
    sp.add_argument("--seller")
    sp.add_argument("--address", help="the mailbox's address (the approved sender)")
    sp.add_argument("--imap-url", help="imaps://USER@HOST[:PORT] (imap:// only for loopback)")
    sp.add_argument("--smtp-url", help="smtps://USER@HOST[:PORT] or smtp:// (STARTTLS)")
    sp.add_argument("--folder", action="append", help="a folder to fetch (repeatable; INBOX)")
    sp.add_argument("--sent-folder", help="copy sent replies there (when the server does not)")
    sp.add_argument(
        "--authserv-id",
        help="only your mail server's sender checks count: the name it writes first in its "
        "Authentication-Results headers (mailbox test shows the ones seen)",
    )
    sp.add_argument("--once", action="store_true", help="fetch: once, then exit")
    sp.add_argument("--limit", type=int, default=50, help="notices: how many")
    sp.set_defaults(fn=cmd_mailbox)
