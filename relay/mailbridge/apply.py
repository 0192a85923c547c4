"""Parsed mail into the relay's store, inside the caller's transaction.

One `Applier` per transaction (a fetched batch of one mailbox, hence one seller). What each
kind becomes (docs/mail.md "The bridge"):

- BUYER_MESSAGE: the buyer (by marketplace + alias base; the latest full alias remembered for
  replies), the order, the conversation — by (marketplace, alias base, order), then the mail's
  In-Reply-To/References, then the same buyer's latest conversation of the last 30 days when
  the mail names no order; two order numbers are never merged — and the message through the
  buyer side's own ingest steps (`relay.ingest.store_inbound`: cleaning, attachment screening,
  the clock).
- NOT_DELIVERED: the reply it names fails (bounce notice, clock runs again), the buyer is
  marked opted out.
- DELIVERY_REPORT: 5.x.x fails the reply it names, 4.x.x marks it pending.
- SELLER_COPY: an outbound message marked `sentElsewhere` in the buyer's conversation; never a
  new conversation.
- MARKETPLACE_NOTICE: a system message (`marketplace`) in the conversation of its order, else
  the notices lane (`mail_notices`).
- IGNORED: recorded as seen, nothing else.

Untrusted mail (a marketplace sender whose SPF/DKIM/DMARC failed at the seller's server) is
flagged, never trusted: a buyer message is stored with an `untrusted` notice beside it and
never changes an existing buyer's reply alias; a notice, copy or report changes no state and
goes to the notices lane.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from app.domain import Direction
from relay import schema, threads
from relay.api.submission import system_message
from relay.attachment_screen import Candidate
from relay.ingest import create_conversation, ensure_marketplace, inbound_content, store_inbound
from relay.mailbridge import delivery
from relay.mailbridge.accounts import Mailbox
from relay.mailbridge.parse import UNPARSED, MailKind, ParsedMail
from relay.mailbridge.prefetch import BatchView, BuyerRow, Route
from relay.sanitize import clean_line, clean_text, safe_filename
from relay.store import Changes, aware, dumps, new_object_id, now

RECENT = timedelta(days=30)  # an orderless mail joins the buyer's conversation this recent
MAX_REFS = 20
CLOCK_SKEW = timedelta(minutes=5)

TOO_LARGE = "too-large-for-bridge"  # set by fetch on a mail over its size limit
TOO_LARGE_TEXT = (
    "This mail was too large to import whole (over 25 MB): its text is shown as far as it "
    "was read, its attachments were not imported. Open it in your mail program."
)
UNTRUSTED_TEXT = (
    "This mail claims to come from the marketplace, but your mail server's sender checks "
    "(SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or attachments, and "
    "check the conversation in Seller Central before you answer."
)


# The statements of a buyer message, built once (building and cache-keying Core statements
# per mail was most of an import's CPU time).
_B, _C, _M, _O, _R = (
    schema.buyers.c,
    schema.conversations.c,
    schema.messages.c,
    schema.orders.c,
    schema.mail_routes.c,
)
_SID: Any = bindparam("sid")
_BY_EXTERNAL_ID = select(_M.id).where((_M.seller_id == _SID) & (_M.external_id == bindparam("key")))
_BUYER_BY_IDENTITY = select(_B.id, _B.alias, _B.opted_out).where(
    (_B.seller_id == _SID)
    & (_B.marketplace_id == bindparam("mid"))
    & (_B.email == bindparam("email"))
)
_ALIAS_OWNER = select(_B.id).where(_B.alias == bindparam("alias"))
_ROUTE = select(_R.alias, _R.alias_at).where(
    (_R.seller_id == _SID) & (_R.buyer_id == bindparam("bid"))
)
_ORDER = select(_O.id).where((_O.seller_id == _SID) & (_O.id == bindparam("oid")))
_MINE = (_C.seller_id == _SID) & (_C.buyer_id == bindparam("bid"))
_CONV_BY_ORDER = (
    select(_C.id)
    .where(_MINE & (_C.order_id == bindparam("oid")))
    .order_by(_C.last_activity.desc())
    .limit(1)
)
_CONV_RECENT = (
    select(_C.id)
    .where(_MINE & (_C.last_activity >= bindparam("since", type_=_C.last_activity.type)))
    .order_by(_C.last_activity.desc(), _C.id.desc())
    .limit(1)
)
_INSERT_BUYER = schema.buyers.insert()
_INSERT_ROUTE = schema.mail_routes.insert()
_INSERT_ORDER = schema.orders.insert()
_INSERT_SEEN = schema.mail_seen.insert()


def mail_key(message_id: str | None, fingerprint: str) -> str:
    """What identifies a mail across folders, UIDVALIDITY changes and refetches: its Message-ID
    (as `<id>`), or its content hash when it has none. At most 200 characters."""
    if message_id:
        key = f"<{message_id}>"
        if len(key) <= 200:
            return key
        return "mid:" + hashlib.sha256(message_id.encode()).hexdigest()
    return "fp:" + fingerprint


@dataclass
class Tally:
    buyer_messages: int = 0
    notices: int = 0
    new_conversations: int = 0
    ignored: int = 0
    duplicates: int = 0
    quarantined: int = 0  # could not be stored: kept in the notices lane (see `quarantine`)

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        return (
            f"added {self.buyer_messages} buyer messages, {self.notices} notices, "
            f"{self.new_conversations} new conversations"
        ) + (f", {self.quarantined} not imported (see the notices)" if self.quarantined else "")


@dataclass(frozen=True)
class Place:
    """Where a fetched mail was on the server."""

    folder: str
    uidvalidity: int
    uid: int


class Applier:
    def __init__(self, conn: Connection, ch: Changes, mailbox: Mailbox, tally: Tally) -> None:
        self.conn = conn
        self.ch = ch
        self.mailbox = mailbox
        self.sid = mailbox.seller_id
        self.tally = tally
        self._markets: set[str] = set()
        self._orders: set[str] = set()
        self.view = BatchView()  # empty: every lookup asks the database (see `prepare`)
        self._seen_rows: dict[str, dict[str, Any]] = {}  # by mail key, written by `finish`

    def prepare(self, mails: list[tuple[str, ParsedMail]]) -> None:
        """Read what the batch's buyer messages need from the store in a few statements."""
        self.view = BatchView.load(self.conn, self.sid, mails)

    def finish(self) -> None:
        """Write what was held back for one statement: the batch's seen-mail rows."""
        if self._seen_rows:
            self.conn.execute(_INSERT_SEEN, list(self._seen_rows.values()))
            self._seen_rows = {}

    # -- seen mail -----------------------------------------------------------------------------

    def known(self, keys: list[str]) -> set[str]:
        s = schema.mail_seen.c
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            found.update(
                self.conn.execute(
                    select(s.mail_key).where(
                        (s.seller_id == self.sid) & s.mail_key.in_(keys[i : i + 500])
                    )
                ).scalars()
            )
        return found

    def remap(self, key: str, place: Place) -> None:
        """A mail seen before, now at another UID (UIDVALIDITY change, a move): note where."""
        pending = self._seen_rows.get(key)
        if pending is not None:  # seen earlier in this batch, its row not written yet
            pending.update(
                mailbox_id=self.mailbox.id,
                folder=place.folder,
                uidvalidity=place.uidvalidity,
                uid=place.uid,
            )
            self.tally.duplicates += 1
            return
        s = schema.mail_seen.c
        self.conn.execute(
            update(schema.mail_seen)
            .where((s.seller_id == self.sid) & (s.mail_key == key))
            .values(
                mailbox_id=self.mailbox.id,
                folder=place.folder,
                uidvalidity=place.uidvalidity,
                uid=place.uid,
            )
        )
        self.tally.duplicates += 1

    def _seen(
        self, key: str, p: ParsedMail, place: Place, object_id: str | None, kind: str = ""
    ) -> None:
        # Written by `finish`, in one statement with the batch's others.
        self._seen_rows[key] = {
            "seller_id": self.sid,
            "mail_key": key,
            "fingerprint": p.fingerprint,
            "mailbox_id": self.mailbox.id,
            "folder": place.folder,
            "uidvalidity": place.uidvalidity,
            "uid": place.uid,
            "kind": kind or str(p.kind),
            "object_id": object_id,
            "seen_at": now(),
        }

    # -- one mail ------------------------------------------------------------------------------

    def apply(self, key: str, p: ParsedMail, place: Place) -> None:
        if p.kind is MailKind.BUYER_MESSAGE and p.marketplace and p.alias and p.alias_base:
            object_id = self._buyer_message(key, p)
        elif p.kind is MailKind.IGNORED and UNPARSED in p.problems:
            self.quarantine(key, p, place, "the relay could not read it")
            return
        elif p.kind is MailKind.IGNORED:
            self.tally.ignored += 1
            object_id = None
        else:
            self.tally.notices += 1
            object_id = self._notice(key, p)
        self._seen(key, p, place, object_id)

    def quarantine(self, key: str, p: ParsedMail, place: Place, reason: str) -> None:
        """A mail whose storing failed (a bug, or input nothing foresaw): the notices lane says
        so, with where the mail still is, instead of the whole batch failing on every retry."""
        self.tally.quarantined += 1
        text = (
            f"This mail could not be imported ({reason}). It is still in your mailbox: folder "
            f"{place.folder}, UID {place.uid}. Please read it in your mail program."
        )
        nid = self._lane(p, kind="quarantined", text=text + "\n\n" + p.text)
        self._seen(key, p, place, nid, kind="quarantined")

    def _at(self, p: ParsedMail) -> datetime:
        t = now()
        return p.date if p.date is not None and p.date <= t + CLOCK_SKEW else t

    def _buyer_message(self, key: str, p: ParsedMail) -> str | None:
        conn, ch = self.conn, self.ch
        assert p.marketplace and p.alias and p.alias_base
        view = self.view
        if key in view.keys_read:
            dup: Any = view.stored.get(key)
        else:
            dup = conn.execute(_BY_EXTERNAL_ID, {"sid": self.sid, "key": key}).scalar()
        if dup is not None:  # stored by an earlier path (its seen row lost): nothing to add
            self.tally.duplicates += 1
            return str(dup)
        at = self._at(p)
        if p.marketplace not in self._markets:
            ensure_marketplace(conn, ch, p.marketplace)
            self._markets.add(p.marketplace)
        buyer = self._buyer(p, at)
        if p.order_id:
            self._order(p.order_id, p.marketplace, buyer.id)
        conv_id = self._conversation(buyer.id, p.order_id, p, at)
        subject, text, html = inbound_content(
            p.subject, p.text if p.text.strip() or not p.html else None, p.html, ()
        )
        new = conv_id is None
        if conv_id is None:
            conv_id = create_conversation(
                conn,
                ch,
                marketplace_id=p.marketplace,
                buyer=buyer,
                order_id=p.order_id,
                subject=subject,
                at=at,
                first_text=text,
            )
            self.tally.new_conversations += 1
        files = [Candidate.inline(safe_filename(a.name), a.data) for a in p.attachments]
        msg_id, _ = store_inbound(
            conn,
            ch,
            conversation_id=conv_id,
            marketplace_id=p.marketplace,
            subject=subject,
            body_text=text,
            body_html=html,
            files=files,
            at=at,
            external_id=key,
            summarized=new,
        )
        view.stored[key] = msg_id
        if new and p.order_id:
            view.by_order.setdefault((buyer.id, p.order_id), conv_id)
        if not p.trusted:
            system_message(
                conn, ch, conv_id, "Unverified sender", UNTRUSTED_TEXT, "untrusted", [], "untrusted"
            )
            threads.refresh(conn, ch, conv_id)
        if TOO_LARGE in p.problems:
            system_message(
                conn, ch, conv_id, "Mail too large", TOO_LARGE_TEXT, "tooLarge", [], "tooLarge"
            )
            threads.refresh(conn, ch, conv_id)
        self.tally.buyer_messages += 1
        return msg_id

    def _buyer(self, p: ParsedMail, at: datetime) -> BuyerRow:
        conn, ch = self.conn, self.ch
        assert p.marketplace and p.alias and p.alias_base
        view = self.view
        identity = (p.marketplace, p.alias_base)
        if p.alias_base in view.bases_read:
            row: Any = view.buyers.get(identity)
        else:
            key = {"sid": self.sid, "mid": p.marketplace, "email": p.alias_base}
            row = conn.execute(_BUYER_BY_IDENTITY, key).first()
        if row is None:
            buyer = BuyerRow(ch.new_id("Buyer"), "", False)
            buyer = buyer._replace(alias=self._free_alias(p.alias, p.alias_base, buyer.id))
            conn.execute(
                _INSERT_BUYER,
                {
                    "seller_id": self.sid,
                    "id": buyer.id,
                    "marketplace_id": p.marketplace,
                    "email": p.alias_base,  # the buyer's identity here: their alias base
                    "alias": buyer.alias,
                    "display_name": clean_line(p.buyer_name or "", 64) or "Buyer",
                    "locale": p.language or "en",
                    "opted_out": False,
                },
            )
            ch.created("Buyer", buyer.id)
            view.buyers[identity] = buyer
            view.alias_owners[buyer.alias] = buyer.id
            self._route(buyer.id, p.alias, at, new=True)
            return buyer
        buyer = BuyerRow(row.id, row.alias, bool(row.opted_out))
        if not p.trusted:
            return buyer  # a forged mail never redirects the replies
        if buyer.id in view.route_buyers:
            route: Any = view.routes.get(buyer.id)
        else:
            route = conn.execute(_ROUTE, {"sid": self.sid, "bid": buyer.id}).first()
        if route is None:
            self._route(buyer.id, p.alias, at, new=True)
        elif route.alias != p.alias and at >= (aware(route.alias_at) or at):
            self._route(buyer.id, p.alias, at, new=False)
            alias = self._free_alias(p.alias, p.alias_base, buyer.id)
            b = schema.buyers.c
            conn.execute(
                update(schema.buyers)
                .where((b.seller_id == self.sid) & (b.id == buyer.id))
                .values(alias=alias)
            )
            ch.updated("Buyer", buyer.id)
            if view.alias_owners.get(buyer.alias) == buyer.id:
                del view.alias_owners[buyer.alias]
            view.alias_owners[alias] = buyer.id
            buyer = buyer._replace(alias=alias)
            view.buyers[identity] = buyer
        return buyer

    def _route(self, buyer_id: str, alias: str, at: datetime, *, new: bool) -> None:
        values = {"mailbox_id": self.mailbox.id, "alias": alias, "alias_at": at}
        self.view.routes[buyer_id] = Route(alias, at)
        self.view.route_buyers.add(buyer_id)
        if new:
            self.conn.execute(
                _INSERT_ROUTE, {"seller_id": self.sid, "buyer_id": buyer_id, **values}
            )
            return
        r = schema.mail_routes.c
        self.conn.execute(
            update(schema.mail_routes)
            .where((r.seller_id == self.sid) & (r.buyer_id == buyer_id))
            .values(**values)
        )

    def _free_alias(self, alias: str, base: str, buyer_id: str) -> str:
        """`buyers.alias` is unique across the relay: the full alias, unless another seller's
        buyer has it (one Amazon alias per seller relationship; only tests share them)."""
        for candidate in (alias, base):
            if candidate in self.view.aliases_read:
                owner = self.view.alias_owners.get(candidate)
            else:
                row = self.conn.execute(_ALIAS_OWNER, {"alias": candidate}).first()
                owner = None if row is None else str(row.id)
            if owner is None or owner == buyer_id:
                return candidate
        return f"{buyer_id.lower()}.{base}"[:200]

    def _order(self, order_id: str, marketplace: str, buyer_id: str) -> None:
        if order_id in self._orders:
            return
        self._orders.add(order_id)
        if order_id in self.view.orders_read:
            found = order_id in self.view.orders
        else:
            found = (
                self.conn.execute(_ORDER, {"sid": self.sid, "oid": order_id}).first() is not None
            )
        if not found:
            self.conn.execute(
                _INSERT_ORDER,
                {
                    "seller_id": self.sid,
                    "id": order_id,
                    "marketplace_id": marketplace,
                    "buyer_id": buyer_id,
                    "kind": "standard",
                    "placed_at": None,
                    "items": "[]",
                },
            )
            self.ch.created("Order", order_id)

    def _conversation(
        self, buyer_id: str, order_id: str | None, p: ParsedMail, at: datetime
    ) -> str | None:
        conn = self.conn
        c = schema.conversations.c
        key = {"sid": self.sid, "bid": buyer_id}
        if order_id:
            if order_id in self.view.orders_read:
                found = self.view.by_order.get((buyer_id, order_id))
            else:
                found = conn.execute(_CONV_BY_ORDER, {**key, "oid": order_id}).scalar()
            if found is not None:
                return str(found)
        for conv in self._referenced(p):
            mine = (c.seller_id == self.sid) & (c.buyer_id == buyer_id)
            row = conn.execute(select(c.id, c.order_id).where(mine & (c.id == conv))).first()
            # never two order numbers in one conversation
            if row is not None and (row.order_id is None or row.order_id == order_id):
                return str(row.id)
        if order_id is None:
            found = conn.execute(_CONV_RECENT, {**key, "since": at - RECENT}).scalar()
            if found is not None:
                return str(found)
        return None

    def _referenced(self, p: ParsedMail) -> list[str]:
        """Conversations of the mails this one answers: buyer mails and our own replies."""
        refs = [*p.in_reply_to, *reversed(p.references)][:MAX_REFS]
        if not refs:
            return []
        m, o, s = schema.messages.c, schema.mail_outbox.c, schema.submissions.c
        keys = [mail_key(r, "") for r in refs]
        found = list(
            self.conn.execute(
                select(m.conversation_id).where((m.seller_id == self.sid) & m.external_id.in_(keys))
            ).scalars()
        )
        found += list(
            self.conn.execute(
                select(s.conversation_id)
                .select_from(
                    schema.mail_outbox.join(
                        schema.submissions,
                        (s.seller_id == o.seller_id) & (s.id == o.submission_id),
                    )
                )
                .where((o.seller_id == self.sid) & o.message_id.in_(refs))
            ).scalars()
        )
        return [str(f) for f in found]

    # -- notices -------------------------------------------------------------------------------

    def _outbox(self, refers_to: str | None) -> Any:
        if not refers_to:
            return None
        o = schema.mail_outbox.c
        return self.conn.execute(
            select(o.submission_id).where(
                (o.seller_id == self.sid) & (o.message_id == refers_to.strip("<>"))
            )
        ).first()

    def _notice(self, key: str, p: ParsedMail) -> str | None:
        if not p.trusted:
            return self._lane(p)
        if p.kind is MailKind.NOT_DELIVERED:
            return self._not_delivered(p)
        if p.kind is MailKind.DELIVERY_REPORT:
            return self._report(p)
        if p.kind is MailKind.SELLER_COPY:
            return self._seller_copy(key, p)
        conv = self._order_conversation(p.order_id)
        if conv is None:
            return self._lane(p)
        body = clean_text(p.text or p.subject)[:20_000]
        return system_message(
            self.conn, self.ch, conv, clean_line(p.subject, 200), body, "marketplace", []
        )

    def _not_delivered(self, p: ParsedMail) -> str | None:
        reason = {"type": "notDelivered", "status": p.status}
        text = (
            "The marketplace did not deliver your reply"
            + (f" ({p.status})" if p.status else "")
            + ". The buyer may have opted out of messages; replies in a conversation the buyer "
            "started and critical messages marked [Important] still reach them."
        )
        out = self._outbox(p.refers_to)
        if out is not None:
            delivery.mark_failed(self.conn, self.ch, out.submission_id, reason, text)
            s = schema.submissions.c
            conv = self.conn.execute(
                select(schema.conversations.c.buyer_id).where(
                    (schema.conversations.c.seller_id == self.sid)
                    & (
                        schema.conversations.c.id
                        == select(s.conversation_id)
                        .where((s.seller_id == self.sid) & (s.id == out.submission_id))
                        .scalar_subquery()
                    )
                )
            ).scalar()
            if conv is not None:
                self._opt_out(str(conv))
            return str(out.submission_id)
        buyer = self._buyer_of(p)
        if buyer is None:
            return self._lane(p)
        self._opt_out(buyer)
        conv = self._latest_conversation(buyer)
        if conv is None:
            return self._lane(p)
        found = system_message(
            self.conn,
            self.ch,
            conv,
            "Not delivered",
            text,
            "bounce",
            [],
            *delivery.notice_of(reason),
        )
        threads.refresh(self.conn, self.ch, conv)
        return found

    def _report(self, p: ParsedMail) -> str | None:
        out = self._outbox(p.refers_to)
        status = p.status or ""
        if out is None or status[:1] not in ("4", "5"):
            return self._lane(p)
        if status.startswith("5"):
            delivery.mark_failed(
                self.conn,
                self.ch,
                out.submission_id,
                {"type": "deliveryReport", "status": status},
                f"Your mail server could not deliver your reply ({status}). If it says the "
                "sender is not allowed, add your address under Messaging Permissions in "
                "Seller Central.",
            )
        else:
            delivery.mark_pending(self.conn, self.ch, out.submission_id, status)
        return str(out.submission_id)

    def _seller_copy(self, key: str, p: ParsedMail) -> str | None:
        conv = self._order_conversation(p.order_id)
        if conv is None:
            buyer = self._buyer_of(p)
            conv = self._latest_conversation(buyer, since=self._at(p) - RECENT) if buyer else None
        if conv is None:
            return self._lane(p)
        m = schema.messages.c
        dup = self.conn.execute(
            select(m.id).where((m.seller_id == self.sid) & (m.external_id == key))
        ).scalar()
        if dup is not None:
            return str(dup)
        at = self._at(p)
        msg_id = self.ch.new_id("Message")
        self.conn.execute(
            schema.messages.insert().values(
                seller_id=self.sid,
                id=msg_id,
                conversation_id=conv,
                direction=Direction.OUTBOUND.value,
                subject=clean_line(p.subject, 200) or "(no subject)",
                body_text=clean_text(p.text)[:100_000],
                body_html=None,
                received_at=at,
                keywords=dumps(["$seen"]),
                attachments="[]",
                delivered=True,
                notice="sentElsewhere",
                external_id=key,
            )
        )
        self.ch.created("Message", msg_id)
        threads.refresh(self.conn, self.ch, conv)
        return msg_id

    def _buyer_of(self, p: ParsedMail) -> str | None:
        """The buyer a notice or copy names: by alias base, else by display name."""
        b = schema.buyers.c
        mine = b.seller_id == self.sid
        if p.marketplace:
            mine = mine & (b.marketplace_id == p.marketplace)
        if p.alias_base:
            found = self.conn.execute(select(b.id).where(mine & (b.email == p.alias_base))).scalar()
            if found is not None:
                return str(found)
        if p.buyer_name:
            name = clean_line(p.buyer_name, 64).lower()
            found = self.conn.execute(
                select(b.id).where(mine & (func.lower(b.display_name) == name)).limit(2)
            ).all()
            if len(found) == 1:  # two buyers of that name: no guessing
                return str(found[0].id)
        return None

    def _latest_conversation(self, buyer_id: str, since: datetime | None = None) -> str | None:
        c = schema.conversations.c
        where = (c.seller_id == self.sid) & (c.buyer_id == buyer_id)
        if since is not None:
            where = where & (c.last_activity >= since)
        found = self.conn.execute(
            select(c.id).where(where).order_by(c.last_activity.desc(), c.id.desc()).limit(1)
        ).scalar()
        return None if found is None else str(found)

    def _order_conversation(self, order_id: str | None) -> str | None:
        if not order_id:
            return None
        c = schema.conversations.c
        found = self.conn.execute(
            select(c.id)
            .where((c.seller_id == self.sid) & (c.order_id == order_id))
            .order_by(c.last_activity.desc())
            .limit(1)
        ).scalar()
        return None if found is None else str(found)

    def _opt_out(self, buyer_id: str) -> None:
        b = schema.buyers.c
        res = self.conn.execute(
            update(schema.buyers)
            .where((b.seller_id == self.sid) & (b.id == buyer_id) & (b.opted_out.is_(False)))
            .values(opted_out=True)
        )
        if res.rowcount:
            self.ch.updated("Buyer", buyer_id)

    def _lane(self, p: ParsedMail, kind: str = "", text: str | None = None) -> str:
        """The notices lane: kept for the seller (`seller-relay mailbox notices`)."""
        nid = new_object_id("N")
        self.conn.execute(
            schema.mail_notices.insert().values(
                seller_id=self.sid,
                id=nid,
                mailbox_id=self.mailbox.id,
                kind=kind or str(p.kind),
                subject=clean_line(p.subject, 400) or "(no subject)",
                body_text=clean_text(p.text if text is None else text)[:20_000],
                order_id=p.order_id,
                status=(p.status or "")[:64] or None,
                trusted=p.trusted,
                received_at=self._at(p),
            )
        )
        return nid
