"""Seed a relay at seller scale (100k conversations / 1M messages) in minutes, not hours.

`bulk_seed` writes, with set-based inserts in one transaction, exactly the rows the relay's
normal path (`ingest.ingest_order`, `ingest.ingest_message`, `Submission/set`) would leave for
the same world: buyers with their HMAC aliases, orders, messages (inbound answered ones carry
`$answered`, replies `$seen`, each reply with its final Submission), conversation summaries
(count, last activity, preview, the 24-hour clock from `threads.runs`), and the change log —
one row per object with the modseq of its creation and of its last change, allocated in the
order the normal path bumps them — plus the per-type states and the account's modseq.

`plan` describes the world (deterministic for a seed; texts from `app.demodata.corpus`,
multilingual), so the same world can also go through the normal path (`seed_via_ingest`) and
the two databases compared (tests/relay/test_bulk_seed.py).

    uv run python -m relay.bulk_seed --db relay.sqlite3 --conversations 100000 --messages 1000000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import markdown
from sqlalchemy import Connection, select, update

from app.demodata import corpus
from app.domain import Direction, Keyword, OrderKind
from relay import auth, ingest, schema, threads
from relay.aliases import make_alias, relay_secret
from relay.config import RelayConfig
from relay.db import Database, open_database
from relay.sanitize import clean_html, clean_line, clean_text
from relay.store import TYPES, account_modseq, dumps, iso

CHUNK = 1000  # conversations per executemany round (bounded memory at any size)
YEAR = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class PlannedMessage:
    inbound: bool
    subject: str
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class PlannedConversation:
    index: int
    marketplace_id: str
    email: str  # the buyer's real address: lands only in `buyers.email`
    name: str
    locale: str
    order_id: str
    order_kind: str
    placed_at: datetime
    product: str
    messages: tuple[PlannedMessage, ...]


def _message_counts(rng: random.Random, conversations: int, messages: int) -> list[int]:
    """`conversations` counts >= 1 summing to `messages`, uneven like a real mailbox."""
    extra = messages - conversations
    counts = [
        1 + extra // conversations + (1 if i < extra % conversations else 0)
        for i in range(conversations)
    ]
    rng.shuffle(counts)
    for i in range(conversations):  # move up to half of each one's surplus elsewhere
        move = rng.randint(0, (counts[i] - 1) // 2)
        if move:
            counts[i] -= move
            counts[rng.randrange(conversations)] += move
    return counts


def _directions(k: int, answered: bool) -> list[bool]:
    """True = inbound. Starts with the buyer; ends with a reply when `answered`; alternates."""
    dirs = [(k - 1 - j) % 2 == (0 if not answered else 1) for j in range(k)]
    dirs[0] = True
    return dirs


def plan(
    conversations: int, messages: int, *, seed: int = 11, now: datetime | None = None
) -> Iterator[PlannedConversation]:
    """The world, oldest conversation first: one buyer and one order per conversation, spread
    over the last year and the demo marketplaces; about one in seven still waits for a reply
    (some overdue, some within the 24 hours)."""
    if conversations < 1 or messages < conversations:
        raise ValueError("need at least one conversation and one message per conversation")
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    counts = _message_counts(rng, conversations, messages)
    ages = sorted((rng.random() for _ in range(conversations)), reverse=True)
    for i, (k, age) in enumerate(zip(counts, ages, strict=True)):
        mid, _name, _country, market_locale = corpus.MARKETPLACES[i % len(corpus.MARKETPLACES)]
        lang = market_locale if rng.random() < 0.8 else "en"
        answered = i % 7 != 3
        scripts = [corpus.conversation_script(rng, lang)]
        ins = [m for m in scripts[0].messages if m.direction == Direction.INBOUND]
        outs = [m for m in scripts[0].messages if m.direction == Direction.OUTBOUND]
        dirs = _directions(k, answered)
        while sum(dirs) > len(ins) or k - sum(dirs) > len(outs):
            more = corpus.conversation_script(rng, lang).messages
            ins += [m for m in more if m.direction == Direction.INBOUND]
            outs += [m for m in more if m.direction == Direction.OUTBOUND]
        gaps = [
            0
            if j == 0
            else rng.randint(20 * 60, 20 * 3600)
            if not inbound
            else rng.randint(3600, 48 * 3600)
            for j, inbound in enumerate(dirs)
        ]
        span = sum(gaps)
        if answered:
            began = now - timedelta(seconds=span) - age * YEAR - timedelta(minutes=10)
        else:  # waiting: half still inside the 24 hours, half overdue by up to 2 days
            late = rng.randint(60, 23 * 3600) if i % 2 else rng.randint(25 * 3600, 72 * 3600)
            began = now - timedelta(seconds=span + late)
        began = began.replace(microsecond=0)
        planned: list[PlannedMessage] = []
        at = began
        n_in = n_out = 0
        subject = scripts[0].messages[0].subject
        for inbound, gap in zip(dirs, gaps, strict=True):
            at = at + timedelta(seconds=gap)
            if inbound:
                src = ins[n_in]
                n_in += 1
            else:
                src = outs[n_out]
                n_out += 1
            planned.append(
                PlannedMessage(inbound, subject if not planned else src.subject, src.body, at)
            )
        kind = (
            OrderKind.HANDMADE
            if i % 5 == 1
            else OrderKind.WINE
            if i % 11 == 7
            else OrderKind.STANDARD
        )
        first = scripts[0].buyer_name.split()[0].lower()
        yield PlannedConversation(
            index=i,
            marketplace_id=mid,
            email=f"{first}.{i}@buyers.example",
            name=scripts[0].buyer_name,
            locale=lang,
            # Unique by construction (the index), Amazon-shaped 3-7-7.
            order_id=f"{100 + i % 900}-{i:07d}-{rng.randint(0, 9_999_999):07d}",
            order_kind=kind.value,
            placed_at=began - timedelta(days=3),
            product=scripts[0].product,
            messages=tuple(planned),
        )


def _external_id(conv: PlannedConversation, j: int) -> str:
    return f"bulk-{conv.index}-{j}"


def _client_submission_id(conv: PlannedConversation, j: int) -> str:
    return f"bulk-reply-{conv.index}-{j}"


def _items(conv: PlannedConversation) -> list[dict[str, Any]]:
    return [{"sku": f"SKU-{conv.index % 9000 + 1000}", "title": conv.product, "quantity": 1}]


# What the normal path stores for a text, computed once per distinct text (the corpus repeats
# itself a lot). The sender's address (redacted by the normal path) is left out of the key:
# corpus texts and names never contain it.
@lru_cache(maxsize=65536)
def _inbound_text(text: str) -> str:
    return clean_text(text)


@lru_cache(maxsize=65536)
def _subject(text: str) -> str:
    return clean_line(text, 200) or "(no subject)"


_MARKDOWN = markdown.Markdown()  # what markdown.markdown() builds per call, built once


@lru_cache(maxsize=65536)
def _reply_html(text: str) -> str:
    return clean_html(_MARKDOWN.reset().convert(text))


@lru_cache(maxsize=4096)
def _line(text: str, limit: int) -> str:
    return clean_line(text, limit)


@lru_cache(maxsize=256)
def _locale(locale: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", locale)[:16] or "en"


@dataclass
class BulkReport:
    seller_id: int
    conversations: int = 0
    messages: int = 0
    buyers: int = 0
    orders: int = 0
    submissions: int = 0
    modseq: int = 0
    seconds: float = 0.0
    states: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "sellerId": self.seller_id,
            "conversations": self.conversations,
            "messages": self.messages,
            "buyers": self.buyers,
            "orders": self.orders,
            "submissions": self.submissions,
            "modseq": self.modseq,
            "seconds": round(self.seconds, 2),
            "messagesPerSecond": round(self.messages / self.seconds) if self.seconds else None,
            "states": self.states,
        }


class _Rows:
    """The rows of one chunk, and the account's modseq counter carried across chunks."""

    def __init__(self, seller_id: int, secret: bytes, domain: str, seq: int) -> None:
        self.sid = seller_id
        self.secret = secret
        self.domain = domain
        self.seq = seq
        self.markets: set[str] = set()
        self.state: dict[str, int] = {}
        self.tables: dict[str, list[dict[str, Any]]] = {}

    def bump(self) -> int:
        self.seq += 1
        return self.seq

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(table, []).append(row)

    def change(self, type_: str, object_id: str, created: int, last: int) -> None:
        self.add(
            "changes",
            {
                "seller_id": self.sid,
                "type": type_,
                "object_id": object_id,
                "modseq": last,
                "created_modseq": created,
                "destroyed": False,
            },
        )
        self.state[type_] = max(self.state.get(type_, 0), last)

    def conversation(self, conv: PlannedConversation, report: BulkReport) -> None:
        """The rows of one conversation, modseqs bumped in the normal path's order."""
        sid, mid = self.sid, conv.marketplace_id
        if mid not in self.markets:  # `ensure_marketplace` on the first order of a marketplace
            self.markets.add(mid)
            name, country = ingest.KNOWN_MARKETPLACES.get(mid, (mid, mid[-2:].upper()))
            self.add(
                "marketplaces",
                {
                    "seller_id": sid,
                    "id": mid,
                    "name": name,
                    "country": country,
                    "messaging_enabled": True,
                    "vacation_from": None,
                    "vacation_until": None,
                    "rule_pack": "default",
                },
            )
            s = self.bump()
            self.change("Marketplace", mid, s, s)
        # ingest_order: ensure_buyer (new id), then the order.
        s = self.bump()
        buyer_id = f"B{s}"
        alias = make_alias(self.secret, sid, mid, conv.email, self.domain)
        self.add(
            "buyers",
            {
                "seller_id": sid,
                "id": buyer_id,
                "marketplace_id": mid,
                "email": conv.email,
                "alias": alias,
                "display_name": _line(conv.name, 64) or "Buyer",
                "locale": _locale(conv.locale),
                "opted_out": False,
            },
        )
        self.change("Buyer", buyer_id, s, s)
        self.add(
            "orders",
            {
                "seller_id": sid,
                "id": conv.order_id,
                "marketplace_id": mid,
                "buyer_id": buyer_id,
                "kind": conv.order_kind,
                "placed_at": conv.placed_at,
                "items": dumps(
                    [
                        {
                            "sku": _line(i["sku"], 64),
                            "title": _line(i["title"], 200),
                            "quantity": i["quantity"],
                        }
                        for i in _items(conv)
                    ]
                ),
            },
        )
        s = self.bump()
        self.change("Order", conv.order_id, s, s)

        # The first buyer message creates the conversation: its transaction's change log is
        # the message, then the conversation (Changes.flush numbers objects in the order of
        # their last change, and the conversation is updated last).
        conv_created = conv_last = self.seq + 2
        conv_id = f"C{conv_created}"
        msgs: list[dict[str, Any]] = []
        seqs: list[list[int]] = []  # [created, last] per message
        unanswered: list[int] = []  # indexes of inbound messages without $answered
        for j, pm in enumerate(conv.messages):
            if pm.inbound:
                s = self.bump()
                msgs.append(
                    {
                        "seller_id": sid,
                        "id": f"M{s}",
                        "conversation_id": conv_id,
                        "direction": Direction.INBOUND.value,
                        "subject": _subject(pm.subject),
                        "body_text": _inbound_text(pm.text),
                        "body_html": None,
                        "received_at": pm.at,
                        "keywords": [],
                        "attachments": "[]",
                        "submission_id": None,
                        "delivered": None,
                        "notice": None,
                        "external_id": _external_id(conv, j),
                    }
                )
                seqs.append([s, s])
                unanswered.append(len(msgs) - 1)
            else:
                s = self.bump()
                sub = self.bump()
                msgs.append(
                    {
                        "seller_id": sid,
                        "id": f"M{s}",
                        "conversation_id": conv_id,
                        "direction": Direction.OUTBOUND.value,
                        "subject": pm.subject,
                        "body_text": pm.text,
                        "body_html": _reply_html(pm.text),
                        "received_at": pm.at,
                        "keywords": [Keyword.SEEN.value],
                        "attachments": "[]",
                        "submission_id": f"S{sub}",
                        "delivered": True,
                        "notice": None,
                        "external_id": None,
                    }
                )
                seqs.append([s, s])
                self.add(
                    "submissions",
                    {
                        "seller_id": sid,
                        "id": f"S{sub}",
                        "client_submission_id": _client_submission_id(conv, j),
                        "conversation_id": conv_id,
                        "message_id": f"M{s}",
                        "undo_status": "final",
                        "delivery_status": "delivered",
                        "reject_reason": None,
                        "removed_attachments": "[]",
                        "created_at": pm.at,
                    },
                )
                self.change("Submission", f"S{sub}", sub, sub)
                report.submissions += 1
                for n in unanswered:  # _mark_answered: one change per message, in time order
                    msgs[n]["keywords"] = [Keyword.ANSWERED.value]
                    seqs[n][1] = self.bump()
                unanswered = []
            conv_last = self.bump()  # threads.refresh / threads.appended
        for row, (created, latest) in zip(msgs, seqs, strict=True):
            self.change("Message", row["id"], created, latest)
            row["keywords"] = dumps(sorted(row["keywords"]))
            self.add("messages", row)
        self.change("Conversation", conv_id, conv_created, conv_last)

        clock = threads.runs(_Clock.of(msgs), conv_id, mid)
        awaiting = clock[-1].started if clock and clock[-1].answered is None else None
        last = msgs[-1]
        self.add(
            "conversations",
            {
                "seller_id": sid,
                "id": conv_id,
                "marketplace_id": mid,
                "buyer_id": buyer_id,
                "buyer_alias": alias,
                "order_id": conv.order_id,
                "subject": msgs[0]["subject"],
                "buyer_initiated": True,
                "created_at": conv.messages[0].at,
                "last_activity": last["received_at"],
                "awaiting_since": awaiting,
                "message_count": len(msgs),
                "preview": " ".join(last["body_text"].split())[:160],
            },
        )
        report.conversations += 1
        report.buyers += 1
        report.orders += 1
        report.messages += len(msgs)


@dataclass(frozen=True, slots=True)
class _Clock:
    """The fields `threads.runs` reads, from a message row about to be inserted."""

    direction: str
    received_at: datetime
    keywords: str
    delivered: bool | None

    @classmethod
    def of(cls, rows: list[dict[str, Any]]) -> list[_Clock]:
        return [cls(r["direction"], r["received_at"], r["keywords"], r["delivered"]) for r in rows]


# Parents before children; `changes` last.
_ORDER = ("marketplaces", "buyers", "orders", "conversations", "messages", "submissions", "changes")


def _flush(conn: Connection, rows: _Rows) -> None:
    for name in _ORDER:
        batch = rows.tables.get(name)
        if batch:
            conn.execute(schema.metadata.tables[name].insert(), batch)
    rows.tables = {}


def bulk_seed(
    db_url: str | Database,
    seller: str = "demo",
    *,
    conversations: int = 1000,
    messages: int = 10_000,
    seed: int = 11,
    now: datetime | None = None,
    config: RelayConfig | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BulkReport:
    """Fill an empty seller account with `conversations` / `messages` in one transaction
    (all or nothing). Refuses a seller that already has data: its modseqs and ids would
    collide with what the bulk path allocates."""
    db = open_database(db_url) if isinstance(db_url, str) else db_url
    cfg = config or RelayConfig()
    started = time.perf_counter()
    try:
        with db.writing() as conn:
            if db.is_sqlite:  # a bigger page cache: the indexes of 1M rows stay in memory
                conn.exec_driver_sql("PRAGMA cache_size=-262144")
            sid = auth.ensure_seller(conn, seller)
            if account_modseq(conn, sid):
                raise ValueError(
                    f"seller {seller!r} already has data: bulk seeding needs an empty account"
                )
            report = BulkReport(sid)
            rows = _Rows(sid, relay_secret(conn), cfg.alias_domain, 0)
            for conv in plan(conversations, messages, seed=seed, now=now):
                rows.conversation(conv, report)
                if report.conversations % CHUNK == 0:
                    _flush(conn, rows)
                    if progress is not None:
                        progress(report.conversations, conversations)
            _flush(conn, rows)
            conn.execute(
                schema.type_states.insert(),
                [
                    {"seller_id": sid, "type": t, "modseq": s, "pruned_modseq": 0}
                    for t, s in sorted(rows.state.items())
                ],
            )
            conn.execute(
                update(schema.sellers).where(schema.sellers.c.id == sid).values(modseq=rows.seq)
            )
        report.modseq = rows.seq
        report.states = {t: str(rows.state.get(t, 0)) for t in TYPES}
        report.seconds = time.perf_counter() - started
        return report
    finally:
        if isinstance(db_url, str):
            db.dispose()


def seed_via_ingest(
    db_url: str | Database,
    seller: str = "demo",
    *,
    conversations: int = 10,
    messages: int = 40,
    seed: int = 11,
    now: datetime | None = None,
    config: RelayConfig | None = None,
) -> None:
    """The same world through the relay's normal write path, one object at a time (slow:
    for checking `bulk_seed` against it)."""
    from relay.api.submission import create_one
    from relay.simulate import message_body
    from relay.store import Changes

    db = open_database(db_url) if isinstance(db_url, str) else db_url
    cfg = config or RelayConfig()
    try:
        with db.writing() as conn:
            sid = auth.ensure_seller(conn, seller)
        for conv in plan(conversations, messages, seed=seed, now=now):
            buyer = {"email": conv.email, "name": conv.name, "locale": conv.locale}
            ingest.ingest_order(
                db,
                cfg,
                {
                    "seller": seller,
                    "marketplaceId": conv.marketplace_id,
                    "orderId": conv.order_id,
                    "kind": conv.order_kind,
                    "placedAt": iso(conv.placed_at),
                    "buyer": buyer,
                    "items": _items(conv),
                },
            )
            conv_id: str | None = None
            for j, pm in enumerate(conv.messages):
                if pm.inbound:
                    conv_id = ingest.ingest_message(
                        db,
                        cfg,
                        message_body(
                            seller=seller,
                            marketplace_id=conv.marketplace_id,
                            email=conv.email,
                            name=conv.name,
                            text=pm.text,
                            subject=pm.subject,
                            external_id=_external_id(conv, j),
                            order_id=conv.order_id,
                            conversation_id=conv_id,
                            locale=conv.locale,
                            received_at=iso(pm.at),
                        ),
                    ).body["conversationId"]
                    continue
                with db.writing() as conn:
                    create_one(  # raises Refused if the relay would not take the reply
                        conn,
                        Changes(conn, sid),
                        {
                            "clientSubmissionId": _client_submission_id(conv, j),
                            "conversationId": conv_id,
                            "subject": pm.subject,
                            "body": pm.text,
                            "contactReason": "other",
                        },
                        at=pm.at,
                    )
    finally:
        if isinstance(db_url, str):
            db.dispose()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m relay.bulk_seed", description="Bulk-seed one seller's relay account."
    )
    ap.add_argument("--db", required=True, help="SQLite path or URL, or postgresql://...")
    ap.add_argument("--seller", default="demo")
    ap.add_argument("--conversations", type=int, default=100_000)
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--alias-domain", default=None)
    args = ap.parse_args(argv)
    cfg = RelayConfig(alias_domain=args.alias_domain) if args.alias_domain else RelayConfig()
    return run(args.db, args.seller, args.conversations, args.messages, args.seed, cfg)


def run(
    db_url: str, seller: str, conversations: int, messages: int, seed: int, config: RelayConfig
) -> int:
    """Seed with progress on stderr and the report as JSON on stdout (`seller-relay seed-bulk`
    and `python -m relay.bulk_seed`); 2 when the account is refused."""

    def show(done: int, total: int) -> None:
        if done % (CHUNK * 10) == 0:
            print(f"{done:,} / {total:,} conversations", file=sys.stderr)

    try:
        report = bulk_seed(
            db_url,
            seller,
            conversations=conversations,
            messages=messages,
            seed=seed,
            config=config,
            progress=show,
        )
    except ValueError as exc:
        print(f"bulk seed refused: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report.as_json()))
    return 0


def newest_conversations(db: Database, seller_id: int, limit: int) -> list[tuple[str, int]]:
    """(id, message count) of the account's most recently active conversations, in the
    order `Conversation/query` sorts them (for benchmarks that wait for the top of the inbox)."""
    c = schema.conversations.c
    with db.reading() as conn:
        rows = conn.execute(
            select(c.id, c.message_count)
            .where(c.seller_id == seller_id)
            .order_by(c.last_activity.desc(), c.id)
            .limit(limit)
        ).all()
    return [(r[0], int(r[1])) for r in rows]


if __name__ == "__main__":
    sys.exit(main())
