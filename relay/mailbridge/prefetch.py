"""What a fetched batch of buyer messages needs from the store, read in a few statements.

Storing a buyer message looks up whether it is stored already, its buyer and the buyer's reply
route, whose the alias is, its order and the order's conversation. One mail at a time that was
six or seven statements a mail, most of the bridge's import time; here each is one `IN` query
for the whole batch, read inside the batch's own transaction. The `Applier` keeps the maps up
to date with what it writes itself, so later mails of the batch see the earlier ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlalchemy import Connection, select

from relay import schema
from relay.mailbridge.parse import MailKind, ParsedMail

CHUNK = 500  # values in one IN list
T = TypeVar("T")


class BuyerRow(NamedTuple):
    id: str
    alias: str
    opted_out: bool


class Route(NamedTuple):
    alias: str
    alias_at: datetime | None


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    items = list(dict.fromkeys(values))
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


@dataclass
class BatchView:
    """The store as a batch of buyer messages sees it (see the module docstring)."""

    stored: dict[str, str] = field(default_factory=dict)  # mail key -> message id
    buyers: dict[tuple[str, str], BuyerRow] = field(default_factory=dict)  # (mid, base)
    routes: dict[str, Route] = field(default_factory=dict)  # buyer id -> route
    alias_owners: dict[str, str] = field(default_factory=dict)  # alias -> buyer id (any seller)
    orders: set[str] = field(default_factory=set)  # order ids that exist
    by_order: dict[tuple[str, str], str] = field(default_factory=dict)  # (buyer, order) -> conv
    # What was looked up: for these the maps above are the whole truth, for anything else
    # the caller asks the database.
    keys_read: set[str] = field(default_factory=set)
    bases_read: set[str] = field(default_factory=set)
    route_buyers: set[str] = field(default_factory=set)
    aliases_read: set[str] = field(default_factory=set)
    orders_read: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, conn: Connection, sid: int, mails: Iterable[tuple[str, ParsedMail]]) -> BatchView:
        view = cls()
        wanted = [
            (key, p)
            for key, p in mails
            if p.kind is MailKind.BUYER_MESSAGE and p.marketplace and p.alias and p.alias_base
        ]
        if not wanted:
            return view
        m, b, r, o, c = (
            schema.messages.c,
            schema.buyers.c,
            schema.mail_routes.c,
            schema.orders.c,
            schema.conversations.c,
        )
        view.keys_read.update(k for k, _ in wanted)
        for keys in _chunks(k for k, _ in wanted):
            rows = conn.execute(
                select(m.external_id, m.id).where((m.seller_id == sid) & m.external_id.in_(keys))
            )
            view.stored.update((str(k), str(i)) for k, i in rows)
        bases = [p.alias_base for _, p in wanted if p.alias_base]
        view.bases_read.update(bases)
        for chunk in _chunks(bases):
            rows = conn.execute(
                select(b.marketplace_id, b.email, b.id, b.alias, b.opted_out).where(
                    (b.seller_id == sid) & b.email.in_(chunk)
                )
            )
            for mid, email, bid, alias, opted in rows:
                view.buyers[(str(mid), str(email))] = BuyerRow(str(bid), str(alias), bool(opted))
        buyer_ids = [row.id for row in view.buyers.values()]
        view.route_buyers.update(buyer_ids)
        for chunk in _chunks(buyer_ids):
            rows = conn.execute(
                select(r.buyer_id, r.alias, r.alias_at).where(
                    (r.seller_id == sid) & r.buyer_id.in_(chunk)
                )
            )
            view.routes.update((str(bid), Route(str(a), at)) for bid, a, at in rows)
        aliases = [a for _, p in wanted for a in (p.alias, p.alias_base) if a]
        view.aliases_read.update(aliases)
        for chunk in _chunks(aliases):
            rows = conn.execute(select(b.alias, b.id).where(b.alias.in_(chunk)))
            view.alias_owners.update((str(a), str(i)) for a, i in rows)
        order_ids = [p.order_id for _, p in wanted if p.order_id]
        view.orders_read.update(order_ids)
        for chunk in _chunks(order_ids):
            view.orders.update(
                str(i)
                for i in conn.execute(
                    select(o.id).where((o.seller_id == sid) & o.id.in_(chunk))
                ).scalars()
            )
            rows = conn.execute(
                select(c.buyer_id, c.order_id, c.id)
                .where((c.seller_id == sid) & c.order_id.in_(chunk))
                .order_by(c.last_activity.desc())
            )
            for bid, oid, cid in rows:
                view.by_order.setdefault((str(bid), str(oid)), str(cid))
        return view
