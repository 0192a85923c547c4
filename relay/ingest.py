"""The buyer side: orders, buyer messages, opt-outs, and the buyer's mailbox.

Everything that arrives here is cleaned before a seller can see it (`relay.sanitize`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from app.domain import Direction, OrderKind
from relay import attachment_screen, rules, schema, threads
from relay.aliases import make_alias, relay_secret
from relay.api import marketplace as marketplace_api
from relay.attachment_screen import Candidate
from relay.auth import seller_id_by_name
from relay.config import RelayConfig
from relay.db import Database
from relay.enforce import pack_info
from relay.sanitize import clean_body, clean_line, safe_filename
from relay.store import Changes, dumps, iso, notice_data, now, parse_date

KNOWN_MARKETPLACES = {
    "amazon.com": ("Amazon.com", "US"),
    "amazon.co.uk": ("Amazon.co.uk", "GB"),
    "amazon.de": ("Amazon.de", "DE"),
    "amazon.se": ("Amazon.se", "SE"),
    "amazon.es": ("Amazon.es", "ES"),
    "amazon.fr": ("Amazon.fr", "FR"),
    "amazon.it": ("Amazon.it", "IT"),
}
MARKETPLACE_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{1,63}$")
EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}$")


class IngestError(Exception):
    def __init__(self, status: int, type_: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.type = type_
        self.detail = detail
        self.extra = extra


@dataclass
class Outcome:
    body: dict[str, Any]
    changed: set[int] = field(default_factory=set)
    status: int = 200  # seller mail: 422 for a mail stored but bounced (opt-out)


MAX_QUANTITY = 100_000


def _bad(field_name: str, why: str = "invalid") -> IngestError:
    return IngestError(
        400, "urn:seller-relay:error:invalidField", f"{field_name}: {why}", field=field_name
    )


def _str(body: dict[str, Any], key: str, limit: int, required: bool = True) -> str | None:
    value = body.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise _bad(key)
    return value


def _seller(conn: Connection, body: dict[str, Any]) -> int:
    name = _str(body, "seller", 100)
    sid = seller_id_by_name(conn, name or "")
    if sid is None:
        raise IngestError(404, "urn:seller-relay:error:unknownSeller", "no such seller")
    return sid


def _marketplace_id(body: dict[str, Any]) -> str:
    mid = body.get("marketplaceId")
    if not isinstance(mid, str) or not MARKETPLACE_RE.match(mid):
        raise _bad("marketplaceId")
    return mid


def ensure_marketplace(conn: Connection, ch: Changes, mid: str) -> Any:
    t = schema.marketplaces
    row = conn.execute(select(t).where((t.c.seller_id == ch.seller_id) & (t.c.id == mid))).first()
    if row is not None:
        return row
    name, country = KNOWN_MARKETPLACES.get(mid, (mid, mid.rsplit(".", 1)[-1][:2].upper()))
    conn.execute(
        t.insert().values(
            seller_id=ch.seller_id,
            id=mid,
            name=name,
            country=country,
            messaging_enabled=True,
            rule_pack="default",
        )
    )
    ch.created("Marketplace", mid)
    return conn.execute(select(t).where((t.c.seller_id == ch.seller_id) & (t.c.id == mid))).one()


def _who(body: dict[str, Any], key: str) -> tuple[str, str, str]:
    who = body.get(key)
    if not isinstance(who, dict):
        raise _bad(key)
    email = who.get("email")
    if not isinstance(email, str) or not EMAIL_RE.match(email.strip()):
        raise _bad(f"{key}.email")
    name = who.get("name") or ""
    locale = who.get("locale") or "en"
    if not isinstance(name, str) or not isinstance(locale, str) or len(locale) > 16:
        raise _bad(key)
    email = email.strip().lower()
    display = clean_line(name, 64, (email,)) or "Buyer"
    return email, display, re.sub(r"[^A-Za-z0-9_-]", "", locale)[:16] or "en"


def ensure_buyer(
    conn: Connection,
    ch: Changes,
    config: RelayConfig,
    mid: str,
    email: str,
    display: str,
    locale: str,
) -> Any:
    b = schema.buyers.c
    row = conn.execute(
        select(b.id, b.alias, b.opted_out).where(
            (b.seller_id == ch.seller_id) & (b.marketplace_id == mid) & (b.email == email)
        )
    ).first()
    if row is not None:
        return row
    opted = conn.execute(
        select(schema.optouts.c.email).where(
            (schema.optouts.c.marketplace_id == mid) & (schema.optouts.c.email == email)
        )
    ).first()
    buyer_id = ch.new_id("Buyer")
    alias = make_alias(relay_secret(conn), ch.seller_id, mid, email, config.alias_domain)
    conn.execute(
        schema.buyers.insert().values(
            seller_id=ch.seller_id,
            id=buyer_id,
            marketplace_id=mid,
            email=email,
            alias=alias,
            display_name=display,
            locale=locale,
            opted_out=opted is not None,
        )
    )
    ch.created("Buyer", buyer_id)
    return conn.execute(
        select(b.id, b.alias, b.opted_out).where((b.seller_id == ch.seller_id) & (b.id == buyer_id))
    ).one()


def ingest_order(db: Database, config: RelayConfig, body: dict[str, Any]) -> Outcome:
    mid = _marketplace_id(body)
    order_id = _str(body, "orderId", 64)
    if not re.match(r"^[A-Za-z0-9-]{1,64}$", order_id or ""):
        raise _bad("orderId")
    try:
        kind = OrderKind(body.get("kind", "standard"))
    except ValueError:
        raise _bad("kind") from None
    placed = body.get("placedAt")
    try:
        placed_at = parse_date(placed) if placed is not None else now()
    except ValueError:
        raise _bad("placedAt") from None
    items = body.get("items", [])
    if not isinstance(items, list) or len(items) > 100:
        raise _bad("items")
    clean_items = []
    for i, it in enumerate(items):
        if not isinstance(it, dict):
            raise _bad("items")
        qty = it.get("quantity", 1)
        # A count of pieces: a float, a negative or a 4,000-digit number (JSON allows them,
        # the window prints them) is the gateway's mistake, said as such.
        if isinstance(qty, bool) or not isinstance(qty, int) or not 1 <= qty <= MAX_QUANTITY:
            raise _bad(f"items/{i}/quantity", f"a whole number from 1 to {MAX_QUANTITY}")
        clean_items.append(
            {
                "sku": clean_line(str(it.get("sku", "")), 64),
                "title": clean_line(str(it.get("title", "")), 200),
                "quantity": qty,
            }
        )
    email, display, locale = _who(body, "buyer")
    with db.writing() as conn:
        sid = _seller(conn, body)
        ch = Changes(conn, sid)
        ensure_marketplace(conn, ch, mid)
        buyer = ensure_buyer(conn, ch, config, mid, email, display, locale)
        o = schema.orders.c
        existing = conn.execute(
            select(o.buyer_id).where((o.seller_id == sid) & (o.id == order_id))
        ).first()
        values = {
            "marketplace_id": mid,
            "buyer_id": buyer.id,
            "kind": kind.value,
            "placed_at": placed_at,
            "items": dumps(clean_items),
        }
        if existing is not None and existing.buyer_id != buyer.id:
            raise _bad("buyer", "the order belongs to another buyer")
        if existing is None:
            conn.execute(schema.orders.insert().values(seller_id=sid, id=order_id, **values))
            ch.created("Order", order_id or "")
        else:
            conn.execute(
                update(schema.orders)
                .where((o.seller_id == sid) & (o.id == order_id))
                .values(**values)
            )
            ch.updated("Order", order_id or "")
        ch.flush()
    return Outcome({"orderId": order_id, "buyerId": buyer.id}, {sid})


def attachments(body: dict[str, Any], extra: tuple[str, ...]) -> list[Candidate]:
    """Inline attachments of a mail: names made safe, types sniffed (not trusted from the mail)."""
    atts = body.get("attachments", [])
    if not isinstance(atts, list) or len(atts) > 20:
        raise _bad("attachments")
    out = []
    for i, a in enumerate(atts):
        if not isinstance(a, dict) or not isinstance(a.get("contentBase64"), str):
            raise _bad(f"attachments/{i}")
        try:
            data = base64.b64decode(a["contentBase64"], validate=True)
        except (binascii.Error, ValueError):
            raise _bad(f"attachments/{i}/contentBase64") from None
        out.append(Candidate.inline(safe_filename(str(a.get("name") or "attachment"), extra), data))
    return out


def inbound_content(
    raw_subject: str, text: str | None, html: str | None, extra: tuple[str, ...]
) -> tuple[str, str, str | None]:
    """(subject, text, sanitized HTML) of a buyer's message, cleaned for the seller: no real
    address or phone number (also none the HTML shows), HTML through nh3; the text from the
    HTML when there is none (see relay.sanitize.clean_body)."""
    subject = clean_line(raw_subject, 200, extra) or "(no subject)"
    body_html, body_text = clean_body(text, html, extra)
    return subject, body_text, body_html


# Built once: the bridge stores thousands of mails a second through these (statement building
# and cache keys were most of its CPU time).
_INSERT_CONVERSATION = schema.conversations.insert()
_INSERT_MESSAGE = schema.messages.insert()


def create_conversation(
    conn: Connection,
    ch: Changes,
    *,
    marketplace_id: str,
    buyer: Any,
    order_id: str | None,
    subject: str,
    at: datetime,
    first_text: str | None = None,
) -> str:
    """A new buyer-initiated conversation (empty; `store_inbound` adds its first message).

    With `first_text` (the body of the buyer message about to be stored) its summary is
    written already, for `store_inbound(..., summarized=True)`: one read-back less a mail."""
    conv_id = ch.new_id("Conversation")
    conn.execute(
        _INSERT_CONVERSATION,
        {
            "seller_id": ch.seller_id,
            "id": conv_id,
            "marketplace_id": marketplace_id,
            "buyer_id": buyer.id,
            "buyer_alias": buyer.alias,
            "order_id": order_id,
            "subject": subject,
            "buyer_initiated": True,
            "created_at": at,
            "last_activity": at,
            # the summary `threads.refresh` gives a conversation of one buyer message
            "awaiting_since": None if first_text is None else at,
            "message_count": 0 if first_text is None else 1,
            "preview": " ".join((first_text or "").split())[:160],
        },
    )
    ch.created("Conversation", conv_id)
    return conv_id


def store_inbound(
    conn: Connection,
    ch: Changes,
    *,
    conversation_id: str,
    marketplace_id: str,
    subject: str,
    body_text: str,
    body_html: str | None,
    files: list[Candidate],
    at: datetime,
    external_id: str | None,
    summarized: bool = False,
) -> tuple[str, attachment_screen.Screened]:
    """Store a buyer's (cleaned) message in a conversation: attachments screened by the
    marketplace's pack (a notice for removed ones), the 24-hour clock and summary refreshed.
    The buyer side's ingest and the mailbox bridge both come through here. Does not flush.

    `summarized`: the conversation was created for this message with its summary
    (`create_conversation(..., first_text=)`); refreshed only if a notice joins it."""
    sid = ch.seller_id
    screened = attachment_screen.screen(files, pack_info(marketplace_id))
    kept_json = [a.as_json() for a in screened.store(conn, sid)]
    msg_id = ch.new_id("Message")
    conn.execute(
        _INSERT_MESSAGE,
        {
            "seller_id": sid,
            "id": msg_id,
            "conversation_id": conversation_id,
            "direction": Direction.INBOUND.value,
            "subject": subject,
            "body_text": body_text,
            "body_html": body_html,
            "received_at": at,
            "keywords": "[]",
            "attachments": dumps(kept_json),
            "external_id": external_id,
        },
    )
    ch.created("Message", msg_id)
    if screened.removed:
        nid = ch.new_id("Message")
        conn.execute(
            schema.messages.insert().values(
                seller_id=sid,
                id=nid,
                conversation_id=conversation_id,
                direction=Direction.SYSTEM.value,
                subject="Attachments removed",
                body_text=screened.notice(),
                received_at=at,
                keywords="[]",
                attachments="[]",
                notice="attachmentRemoved",
                notice_params=notice_data(*screened.notice_code()),
            )
        )
        ch.created("Message", nid)
    if screened.removed or not (
        summarized or threads.inbound_appended(conn, ch, conversation_id, at, body_text)
    ):
        threads.refresh(conn, ch, conversation_id)
    return msg_id, screened


def ingest_message(db: Database, config: RelayConfig, body: dict[str, Any]) -> Outcome:
    mid = _marketplace_id(body)
    external_id = _str(body, "externalId", 200)
    email, display, locale = _who(body, "from")
    order_id = _str(body, "orderId", 64, required=False)
    wanted_conv = _str(body, "conversationId", 32, required=False)
    raw_subject = body.get("subject", "")
    text = body.get("text")
    html = body.get("html")
    if not isinstance(raw_subject, str) or len(raw_subject) > 1000:
        raise _bad("subject")
    if text is not None and (not isinstance(text, str) or len(text) > 200_000):
        raise _bad("text")
    if html is not None and (not isinstance(html, str) or len(html) > 1_000_000):
        raise _bad("html")
    if text is None and html is None:
        raise _bad("text", "text or html is required")
    received = body.get("receivedAt")  # the gateway's own timestamp (seeding, replays)
    try:
        at = parse_date(received) if received is not None else now()
    except ValueError:
        raise _bad("receivedAt") from None
    extra = (email,)
    subject, body_text, body_html = inbound_content(raw_subject, text, html, extra)
    files = attachments(body, extra)

    with db.writing() as conn:
        sid = _seller(conn, body)
        m = schema.messages.c
        dup = conn.execute(
            select(m.id, m.conversation_id).where(
                (m.seller_id == sid) & (m.external_id == external_id)
            )
        ).first()
        if dup is not None:
            return Outcome(
                {
                    "status": "accepted",
                    "messageId": dup.id,
                    "conversationId": dup.conversation_id,
                    "duplicate": True,
                    "removedAttachments": [],
                }
            )
        ch = Changes(conn, sid)
        market = ensure_marketplace(conn, ch, mid)
        buyer = ensure_buyer(conn, ch, config, mid, email, display, locale)
        c = schema.conversations.c
        conv = None
        if wanted_conv:
            conv = conn.execute(
                select(c.id).where(
                    (c.seller_id == sid) & (c.id == wanted_conv) & (c.buyer_id == buyer.id)
                )
            ).first()
        if conv is None:
            cond = (c.seller_id == sid) & (c.buyer_id == buyer.id)
            cond = cond & (c.order_id == order_id if order_id else c.order_id.is_(None))
            conv = conn.execute(select(c.id).where(cond).order_by(c.last_activity.desc())).first()
        if conv is None:
            wrote_before = (
                conn.execute(
                    select(c.id).where((c.seller_id == sid) & (c.buyer_id == buyer.id)).limit(1)
                ).first()
                is not None
            )
            market_d = marketplace_api.domain(market)
            if not rules.accepts_new_conversation(market_d, wrote_before, now()):
                until = iso(market_d.vacation_until) if market_d.messaging_enabled else None
                raise IngestError(
                    403,
                    "urn:seller-relay:error:messagingDisabled",
                    f"The seller is not accepting new conversations on {mid} right now"
                    + (f" (back on {until})." if until else "."),
                    setError={"type": "messagingDisabled", "marketplaceId": mid, "until": until},
                )
            if order_id:
                # An order belongs to one buyer: a message naming another buyer's order is
                # refused like an unknown one (it would tie this conversation to that order).
                o = schema.orders.c
                owner = conn.execute(
                    select(o.buyer_id).where((o.seller_id == sid) & (o.id == order_id))
                ).first()
                if owner is None:
                    raise _bad("orderId", "unknown order")
                if owner.buyer_id != buyer.id:
                    raise _bad("orderId", "the order belongs to another buyer")
            conv_id = create_conversation(
                conn, ch, marketplace_id=mid, buyer=buyer, order_id=order_id, subject=subject, at=at
            )
        else:
            conv_id = conv.id

        msg_id, screened = store_inbound(
            conn,
            ch,
            conversation_id=conv_id,
            marketplace_id=mid,
            subject=subject,
            body_text=body_text,
            body_html=body_html,
            files=files,
            at=at,
            external_id=external_id,
        )
        ch.flush()
    return Outcome(
        {
            "status": "accepted",
            "messageId": msg_id,
            "conversationId": conv_id,
            "duplicate": False,
            "removedAttachments": screened.removed_json(),
        },
        {sid},
    )


def set_opt_out(db: Database, body: dict[str, Any]) -> Outcome:
    mid = _marketplace_id(body)
    email = body.get("email")
    opted = body.get("optedOut")
    if not isinstance(email, str) or not EMAIL_RE.match(email.strip()):
        raise _bad("email")
    if not isinstance(opted, bool):
        raise _bad("optedOut")
    email = email.strip().lower()
    changed: set[int] = set()
    with db.writing() as conn:
        o = schema.optouts.c
        if opted:
            if (
                conn.execute(
                    select(o.email).where((o.marketplace_id == mid) & (o.email == email))
                ).first()
                is None
            ):
                conn.execute(schema.optouts.insert().values(marketplace_id=mid, email=email))
        else:
            conn.execute(
                schema.optouts.delete().where((o.marketplace_id == mid) & (o.email == email))
            )
        b = schema.buyers.c
        rows = conn.execute(
            select(b.seller_id, b.id)
            .where((b.marketplace_id == mid) & (b.email == email) & (b.opted_out != opted))
            .order_by(b.seller_id)
        ).all()
        for seller_id, buyer_id in rows:
            conn.execute(
                update(schema.buyers)
                .where((b.seller_id == seller_id) & (b.id == buyer_id))
                .values(opted_out=opted)
            )
            with Changes(conn, seller_id) as ch:
                ch.updated("Buyer", buyer_id)
            changed.add(seller_id)
    return Outcome({"updatedBuyers": len(rows)}, changed)


def mailbox(db: Database, marketplace_id: str, email: str) -> dict[str, Any]:
    """What the relay delivered to one buyer (the buyer side's view; never seller-facing)."""
    email = email.strip().lower()
    b = schema.buyers.c
    c = schema.conversations.c
    m = schema.messages.c
    s = schema.sellers.c
    with db.reading() as conn:
        rows = conn.execute(
            select(
                m.id,
                m.conversation_id,
                m.subject,
                m.body_text,
                m.received_at,
                m.attachments,
                s.name,
            )
            .select_from(
                schema.messages.join(
                    schema.conversations, (c.seller_id == m.seller_id) & (c.id == m.conversation_id)
                )
                .join(schema.buyers, (b.seller_id == c.seller_id) & (b.id == c.buyer_id))
                .join(schema.sellers, s.id == m.seller_id)
            )
            .where(
                (b.marketplace_id == marketplace_id)
                & (b.email == email)
                & (m.direction == Direction.OUTBOUND.value)
                & m.delivered.is_(True)
            )
            .order_by(m.received_at, m.id)
        ).all()
    return {
        "messages": [
            {
                "id": r.id,
                "conversationId": r.conversation_id,
                "subject": r.subject,
                "bodyText": r.body_text,
                "from": r.name,
                "receivedAt": iso(r.received_at),
                "attachments": json.loads(r.attachments),
            }
            for r in rows
        ]
    }
