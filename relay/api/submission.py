"""Submission/get, /changes, /query, /set (create = send a seller message)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

import markdown
from sqlalchemy import Connection, Row, bindparam, select

from app.domain import ContactReason, Direction, Keyword, OrderKind
from relay import attachment_screen, blobs, rules, schema, threads
from relay.api.common import (
    TypeSpec,
    check_if_in_state,
    eq_str,
    register_read_methods,
    set_ops,
)
from relay.api.core import Context, method, set_error
from relay.attachment_screen import Candidate
from relay.enforce import check as policy_check
from relay.enforce import pack_info
from relay.mailbridge.outbox import queue as queue_mail
from relay.mailbridge.outbox import route as mail_route
from relay.sanitize import clean_html, filename_problem, subject_problem
from relay.store import Changes, dumps, iso, notice_data, now, type_state

MAX_BODY = 100_000


def serialize(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "clientSubmissionId": row.client_submission_id,
        "conversationId": row.conversation_id,
        "messageId": row.message_id,
        "undoStatus": row.undo_status,
        "deliveryStatus": row.delivery_status,
        "rejectReason": json.loads(row.reject_reason) if row.reject_reason else None,
        "removedAttachments": json.loads(row.removed_attachments),
        "createdAt": iso(row.created_at),
    }


SPEC = TypeSpec(
    name="Submission",
    table=schema.submissions,
    properties=frozenset(
        {
            "id",
            "clientSubmissionId",
            "conversationId",
            "messageId",
            "undoStatus",
            "deliveryStatus",
            "rejectReason",
            "removedAttachments",
            "createdAt",
        }
    ),
    serialize=serialize,
    filters={"conversationId": eq_str("conversation_id")},
    sorts={"createdAt": "created_at", "id": "id"},
    default_sort=("createdAt", False),
)


register_read_methods("Submission", SPEC)


class Refused(Exception):
    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error["type"])
        self.error = error


def _validate(spec: Any) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise Refused(set_error("invalidProperties", "not an object", properties=[]))
    allowed = {
        "clientSubmissionId",
        "conversationId",
        "buyerId",
        "orderId",
        "subject",
        "body",
        "contactReason",
        "attachments",
        "onOptOut",
        "onAttachmentRejected",
    }
    bad = [k for k in spec if k not in allowed]
    csid = spec.get("clientSubmissionId")
    if not isinstance(csid, str) or not 1 <= len(csid) <= 128 or not csid.isprintable():
        bad.append("clientSubmissionId")
    if "conversationId" in spec:
        if not isinstance(spec["conversationId"], str) or "buyerId" in spec:
            bad.append("conversationId")
    elif not isinstance(spec.get("buyerId"), str):
        bad.append("buyerId")
    if spec.get("orderId") is not None and not isinstance(spec.get("orderId"), str):
        bad.append("orderId")
    subject = spec.get("subject", "")
    if subject_problem(subject):
        bad.append("subject")
    body = spec.get("body")
    if not isinstance(body, str) or len(body) > MAX_BODY:
        bad.append("body")
    try:
        ContactReason(spec.get("contactReason", "other"))
    except ValueError:
        bad.append("contactReason")
    atts = spec.get("attachments", [])
    if not isinstance(atts, list) or len(atts) > 20:
        bad.append("attachments")
    else:
        for i, a in enumerate(atts):
            if not isinstance(a, dict) or not isinstance(a.get("blobId"), str):
                bad.append(f"attachments/{i}/blobId")
            elif filename_problem(a.get("name")):
                bad.append(f"attachments/{i}/name")
    if spec.get("onOptOut", "bounce") not in ("bounce", "refuse"):
        bad.append("onOptOut")
    if spec.get("onAttachmentRejected", "remove") not in ("remove", "refuse"):
        bad.append("onAttachmentRejected")
    if bad:
        raise Refused(set_error("invalidProperties", properties=sorted(set(bad))))
    return spec


# Inserts take their values as parameters: one statement object, compiled once per column set.
_INSERT_MESSAGE = schema.messages.insert()
_INSERT_SUBMISSION = schema.submissions.insert()
_INSERT_CONVERSATION = schema.conversations.insert()


def system_message(
    conn: Connection,
    ch: Changes,
    conversation_id: str,
    subject: str,
    text: str,
    notice: str,
    added: list[threads.Added],
    code: str | None = None,
    params: dict[str, Any] | None = None,
) -> str:
    """A notice in the conversation: ``text`` in English (old clients show it), and ``code``
    with ``params`` for clients that word it in the seller's language (protocol.md §4)."""
    mid = ch.new_id("Message")
    at = now()
    conn.execute(
        _INSERT_MESSAGE,
        {
            "seller_id": ch.seller_id,
            "id": mid,
            "conversation_id": conversation_id,
            "direction": Direction.SYSTEM.value,
            "subject": subject,
            "body_text": text,
            "body_html": None,
            "received_at": at,
            "keywords": "[]",
            "attachments": "[]",
            "notice": notice,
            "notice_params": notice_data(code, params),
        },
    )
    ch.created("Message", mid)
    added.append(threads.Added(at, text, Direction.SYSTEM.value, None))
    return mid


@dataclass(frozen=True)
class Target:
    """Who a seller's message goes to: the buyer, and the conversation if it continues one."""

    buyer: Any  # row: id, marketplace_id, alias, locale, opted_out
    conversation: Any | None  # the conversation's row, None to start one
    order_id: str | None
    order_kind: OrderKind


@dataclass(frozen=True)
class Outgoing:
    """A seller's message as the relay checks and stores it, from the app or from a mail."""

    client_submission_id: str
    subject: str
    body_text: str
    body_html: str | None
    policy_text: str  # what the policy engine reads: the Markdown source, or a mail's text+links
    contact_reason: ContactReason
    attachments: list[Candidate]
    on_opt_out: str = "bounce"  # or "refuse"
    on_attachment_rejected: str = "remove"  # or "refuse"


class BuyerRow(NamedTuple):
    id: str
    marketplace_id: str
    alias: str
    locale: str
    opted_out: bool


# The send path's reads, built once (building and cache-keying Core statements per call was a
# good part of a send's CPU time). A reply reads its conversation, buyer and order in one query.
_C, _B, _O, _S = schema.conversations.c, schema.buyers.c, schema.orders.c, schema.submissions.c
_BUYER_COLS = (_B.id, _B.marketplace_id, _B.alias, _B.locale, _B.opted_out)
_CONVERSATION_TARGET = (
    select(
        schema.conversations,
        *(col.label(f"b_{col.name}") for col in _BUYER_COLS),
        _O.kind.label("order_kind"),
        _O.buyer_id.label("order_buyer_id"),
    )
    .select_from(
        schema.conversations.outerjoin(
            schema.buyers, (_B.seller_id == _C.seller_id) & (_B.id == _C.buyer_id)
        ).outerjoin(schema.orders, (_O.seller_id == _C.seller_id) & (_O.id == _C.order_id))
    )
    .where((_C.seller_id == bindparam("sid")) & (_C.id == bindparam("cid")))
    # Writers of one conversation take turns from here to commit (the seller's row lock comes
    # only at the end): the buyer messages this reply answers are then all committed ones, and
    # one arriving meanwhile waits and is summed up after it (threads.refresh locks the row too).
    .with_for_update(of=schema.conversations)
)
_BUYER = select(*_BUYER_COLS).where(
    (_B.seller_id == bindparam("sid")) & (_B.id == bindparam("bid"))
)
_ORDER = select(_O.kind, _O.buyer_id).where(
    (_O.seller_id == bindparam("sid")) & (_O.id == bindparam("oid"))
)
_EXISTING = select(schema.submissions).where(
    (_S.seller_id == bindparam("sid")) & (_S.client_submission_id == bindparam("csid"))
)
# With the id of an earlier submission of the same clientSubmissionId: one round trip less.
_CONVERSATION_TARGET_CSID = _CONVERSATION_TARGET.add_columns(
    select(_S.id)
    .where((_S.seller_id == bindparam("sid")) & (_S.client_submission_id == bindparam("csid")))
    .scalar_subquery()
    .label("existing_id")
)


def resolve_target(
    conn: Connection,
    seller_id: int,
    *,
    conversation_id: str | None = None,
    buyer_id: str | None = None,
    order_id: str | None = None,
    client_submission_id: str | None = None,
) -> Target:
    """The conversation (if given), its buyer and order, all of this seller; Refused if not.
    With `client_submission_id`, first refuses one the seller used before (alreadyExists)."""
    conv = None
    order: Any = None
    if conversation_id is not None:
        if client_submission_id is None:
            conv = conn.execute(
                _CONVERSATION_TARGET, {"sid": seller_id, "cid": conversation_id}
            ).first()
        else:
            conv = conn.execute(
                _CONVERSATION_TARGET_CSID,
                {"sid": seller_id, "cid": conversation_id, "csid": client_submission_id},
            ).first()
            if conv is not None and conv.existing_id is not None:
                raise Refused(set_error("alreadyExists", existingId=conv.existing_id))
        if conv is None:
            _refuse_existing(conn, seller_id, client_submission_id)
            raise Refused(
                set_error("notFound", "no such conversation", properties=["conversationId"])
            )
        order_id = conv.order_id
        buyer: Any = None
        if conv.b_id is not None:
            buyer = BuyerRow(*(getattr(conv, f"b_{col.name}") for col in _BUYER_COLS))
        if conv.order_kind is not None:
            order = (conv.order_kind, conv.order_buyer_id)
    else:
        _refuse_existing(conn, seller_id, client_submission_id)
        buyer = conn.execute(_BUYER, {"sid": seller_id, "bid": buyer_id}).first()
        if order_id is not None:
            order = conn.execute(_ORDER, {"sid": seller_id, "oid": order_id}).first()
    if buyer is None:
        raise Refused(set_error("notFound", "no such buyer", properties=["buyerId"]))
    if order_id is not None and (order is None or order[1] != buyer.id):
        raise Refused(set_error("notFound", "no such order for this buyer", properties=["orderId"]))
    kind = OrderKind(order[0]) if order else OrderKind.STANDARD
    return Target(buyer, conv, order_id, kind)


def existing_submission(conn: Connection, seller_id: int, client_submission_id: str) -> Any:
    return conn.execute(_EXISTING, {"sid": seller_id, "csid": client_submission_id}).first()


def _refuse_existing(conn: Connection, seller_id: int, client_submission_id: str | None) -> None:
    if client_submission_id is not None:
        existing = existing_submission(conn, seller_id, client_submission_id)
        if existing:
            raise Refused(set_error("alreadyExists", existingId=existing.id))


def create_one(
    conn: Connection, ch: Changes, spec: Any, at: datetime | None = None
) -> dict[str, Any]:
    """Send one message; raises Refused with a SetError, writing nothing that would survive."""
    spec = _validate(spec)
    sid = ch.seller_id
    csid = spec["clientSubmissionId"]
    if "conversationId" in spec:
        target = resolve_target(
            conn, sid, conversation_id=spec["conversationId"], client_submission_id=csid
        )
    else:
        target = resolve_target(
            conn,
            sid,
            buyer_id=spec["buyerId"],
            order_id=spec.get("orderId"),
            client_submission_id=csid,
        )
    conv = target.conversation
    subject = spec.get("subject") or (f"Re: {conv.subject}" if conv else "")
    if not subject.strip():
        raise Refused(
            set_error(
                "invalidProperties", "a new conversation needs a subject", properties=["subject"]
            )
        )
    wanted = spec.get("attachments", [])
    found = blobs.info(conn, sid, [a["blobId"] for a in wanted])
    missing = [a["blobId"] for a in wanted if a["blobId"] not in found]
    if missing:
        raise Refused(set_error("blobNotFound", notFound=missing))
    outgoing = Outgoing(
        client_submission_id=spec["clientSubmissionId"],
        subject=subject,
        body_text=spec["body"],
        body_html=clean_html(markdown.markdown(spec["body"])),
        policy_text=spec["body"],
        contact_reason=ContactReason(spec.get("contactReason", "other")),
        attachments=[Candidate.uploaded(a["name"], found[a["blobId"]]) for a in wanted],
        on_opt_out=spec.get("onOptOut", "bounce"),
        on_attachment_rejected=spec.get("onAttachmentRejected", "remove"),
    )
    return deliver(conn, ch, target, outgoing, at)


def deliver(
    conn: Connection, ch: Changes, target: Target, out: Outgoing, at: datetime | None = None
) -> dict[str, Any]:
    """Check and store one seller message, the app's and the mail's alike: opt-out, attachment
    screening, the policy engine, then the message, its Submission, notices, the clock.
    Raises Refused before its first write, so a refused message leaves nothing (Submission/set
    needs no savepoint per object); returns the Submission as JSON. Flushes `ch`."""
    sid = ch.seller_id
    buyer, conv = target.buyer, target.conversation
    mkt_id = buyer.marketplace_id
    buyer_initiated = bool(conv.buyer_initiated) if conv else False
    subject = out.subject

    pack = pack_info(mkt_id)
    decision = rules.opt_out_delivery(
        opted_out=bool(buyer.opted_out),
        buyer_initiated=buyer_initiated,
        order_kind=target.order_kind,
        reason=out.contact_reason,
        subject=subject,
        tag_required=pack.important_tag_required,
        tags=pack.important_tags,
    )
    if decision is rules.Delivery.NEEDS_IMPORTANT_TAG:
        raise Refused(
            set_error(
                "importantTagRequired",
                "the buyer opted out: a critical message must carry [Important] in its subject",
            )
        )
    if decision is rules.Delivery.BOUNCE and out.on_opt_out == "refuse":
        raise Refused(set_error("buyerOptedOut", "the buyer opted out of unsolicited messages"))

    screened = attachment_screen.screen(out.attachments, pack)
    if screened.removed and out.on_attachment_rejected == "refuse":
        att, why = screened.removed[0]
        raise Refused(
            set_error("attachmentRejected", f"{att.name}: {why}", reason=why, blobId=att.blob_id)
        )

    findings = policy_check(
        marketplace_id=mkt_id,
        subject=subject,
        body=out.policy_text,
        buyer_opted_out=bool(buyer.opted_out),
        buyer_initiated=buyer_initiated,
        order_kind=target.order_kind,
        contact_reason=out.contact_reason,
        buyer_locale=buyer.locale,
    )
    blocks = [f for f in findings if f.severity == "block"]
    if blocks:
        raise Refused(
            set_error(
                "policyViolation",
                "the message breaks the marketplace's rules",
                ruleIds=sorted({f.rule for f in blocks}),
                findings=[
                    {
                        "rule": f.rule,
                        "severity": f.severity,
                        "start": f.start,
                        "end": f.end,
                        "message": f.message,
                    }
                    for f in blocks
                ],
            )
        )

    at = at or now()
    if conv is None:
        conv_id = ch.new_id("Conversation")
        conn.execute(
            _INSERT_CONVERSATION,
            {
                "seller_id": sid,
                "id": conv_id,
                "marketplace_id": mkt_id,
                "buyer_id": buyer.id,
                "buyer_alias": buyer.alias,
                "order_id": target.order_id,
                "subject": subject,
                "buyer_initiated": False,
                "created_at": at,
                "last_activity": at,
                "awaiting_since": None,
                "message_count": 0,
                "preview": "",
            },
        )
        ch.created("Conversation", conv_id)
    else:
        conv_id = conv.id
    kept = screened.store(conn, sid)
    delivered = decision is rules.Delivery.DELIVER
    # A bridged buyer (their mail came through the seller's own mailbox): the bridge delivers
    # it by SMTP later; until then it is queued and the 24-hour clock keeps running.
    bridged = mail_route(conn, sid, buyer.id) if delivered else None
    status = "queued" if bridged is not None else "delivered" if delivered else "rejected"
    msg_id = ch.new_id("Message")
    sub_id = ch.new_id("Submission")
    conn.execute(
        _INSERT_MESSAGE,
        {
            "seller_id": sid,
            "id": msg_id,
            "conversation_id": conv_id,
            "direction": Direction.OUTBOUND.value,
            "subject": subject,
            "body_text": out.body_text,
            "body_html": out.body_html,
            "received_at": at,
            "keywords": _SEEN,
            "attachments": dumps([a.as_json() for a in kept]),
            "submission_id": sub_id,
            "delivered": None if bridged is not None else delivered,
        },
    )
    ch.created("Message", msg_id)
    removed_json = screened.removed_json()
    conn.execute(
        _INSERT_SUBMISSION,
        {
            "seller_id": sid,
            "id": sub_id,
            "client_submission_id": out.client_submission_id,
            "conversation_id": conv_id,
            "message_id": msg_id,
            "undo_status": "final",
            "delivery_status": status,
            "reject_reason": None if delivered else dumps({"type": "buyerOptedOut"}),
            "removed_attachments": dumps(removed_json),
            "created_at": at,
        },
    )
    ch.created("Submission", sub_id)
    if bridged is not None:
        queue_mail(conn, sid, sub_id, out.client_submission_id, bridged.mailbox_id)
    # A queued reply is no answer for the clock until it is sent (delivery.mark_sent).
    answers = delivered and bridged is None
    added = [threads.Added(at, out.body_text, Direction.OUTBOUND.value, answers)]
    if screened.removed:
        system_message(
            conn,
            ch,
            conv_id,
            "Attachments removed",
            screened.notice(),
            "attachmentRemoved",
            added,
            *screened.notice_code(),
        )
    if not delivered:
        system_message(
            conn,
            ch,
            conv_id,
            f"Not delivered: {subject}",
            "Your message was not delivered: this buyer has opted out of unsolicited messages. "
            "Replies in a conversation the buyer started, critical messages marked [Important], "
            "and messages about handmade, custom or wine orders still reach them.",
            "bounce",
            added,
            "buyerOptedOut",
        )
    elif bridged is None:
        _mark_answered(conn, ch, conv_id)
    if conv is None:
        threads.refresh(conn, ch, conv_id)
    else:
        threads.appended(conn, ch, conv, added)
    # Last: the modseq bump takes the seller's row lock (held to commit), see Changes.flush.
    ch.flush()
    return {
        "id": sub_id,
        "messageId": msg_id,
        "conversationId": conv_id,
        "undoStatus": "final",
        "deliveryStatus": status,
        "rejectReason": None if status != "rejected" else {"type": "buyerOptedOut"},
        "removedAttachments": removed_json,
        "createdAt": iso(at),
    }


_SEEN = dumps([Keyword.SEEN.value])
_M = schema.messages.c
_UNANSWERED = select(_M.id, _M.keywords).where(
    (_M.seller_id == bindparam("sid"))
    & (_M.conversation_id == bindparam("cid"))
    & (_M.direction == Direction.INBOUND.value)
    # keywords is a JSON list of known keywords: only the rows that lack it
    & _M.keywords.not_like(f'%"{Keyword.ANSWERED.value}"%')
)
_SET_KEYWORDS = (
    schema.messages.update()
    .where((_M.seller_id == bindparam("sid")) & (_M.id == bindparam("mid")))
    .values(keywords=bindparam("kw"))
)


def _mark_answered(conn: Connection, ch: Changes, conv_id: str) -> None:
    rows = conn.execute(_UNANSWERED, {"sid": ch.seller_id, "cid": conv_id}).all()
    updates = []
    for row in rows:
        kws = set(json.loads(row.keywords))
        if Keyword.ANSWERED not in kws:
            kws.add(Keyword.ANSWERED.value)
            updates.append({"sid": ch.seller_id, "mid": row.id, "kw": dumps(sorted(kws))})
            ch.updated("Message", row.id)
    if updates:
        conn.execute(_SET_KEYWORDS, updates)


@method("Submission/set")
def set_(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    ctx.check_account(args)
    create, patches, destroy = set_ops(ctx, args)
    created: dict[str, Any] = {}
    not_created: dict[str, Any] = {}
    with ctx.writing() as conn:
        old = check_if_in_state(conn, ctx, args, "Submission")
        new_state = None
        for key, spec in create.items():
            # No savepoint per object: deliver refuses before it writes anything.
            ch = Changes(conn, ctx.seller_id)
            try:
                created[key] = create_one(conn, ch, spec)
            except Refused as refused:
                ch.discard()
                not_created[key] = refused.error
                continue
            ctx.changed.add(ctx.seller_id)
            # Exact: this transaction holds the seller's row lock since its flush, so no
            # other write of the account can have committed a later state.
            new_state = ch.states["Submission"]
        if new_state is None:
            new_state = type_state(conn, ctx.seller_id, "Submission")[0]
    result: dict[str, Any] = {
        "accountId": ctx.account_id,
        "oldState": str(old),
        "newState": str(new_state),
        "created": created or None,
        "updated": None,
        "destroyed": None,
    }
    if not_created:
        result["notCreated"] = not_created
    if patches:
        result["notUpdated"] = {k: set_error("forbidden", "submissions are final") for k in patches}
    if destroy:
        result["notDestroyed"] = {k: set_error("forbidden") for k in destroy if isinstance(k, str)}
    return result
