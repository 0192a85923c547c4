"""Seller mail: a seller answers a buyer from their own mail client, to the buyer's alias.

The marketplace's mail gateway posts the mail to `/ingest/seller-mail` (ingest credentials).
The relay knows the seller by an address registered for them (`seller_addresses`), maps the
alias back to the buyer and the conversation, and hands the message to the same `deliver` as
`Submission/set`: opt-out, attachment screening, the policy engine, exactly-once, the clock,
push. A refusal is an error to the gateway (which bounces it to the seller); it never names
the buyer's real address.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable
from typing import Any

import nh3
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from app.domain import ContactReason
from relay import schema
from relay.api.submission import (
    MAX_BODY,
    Outgoing,
    Refused,
    deliver,
    existing_submission,
    resolve_target,
)
from relay.api.submission import serialize as serialize_submission
from relay.auth import seller_id_by_name
from relay.config import RelayConfig
from relay.db import Database
from relay.ingest import EMAIL_RE, IngestError, Outcome, attachments
from relay.sanitize import (
    filename_problem,
    html_to_text,
    remove_known,
    subject_problem,
)
from relay.store import Changes, account_id, now

ERR = "urn:seller-relay:error:"
MAX_REFS = 20
MESSAGE_ID_RE = re.compile(r"<([^<>\s]{1,250})>")
# Quoted replies are already in the conversation; their attribution line names the alias.
ATTRIBUTION_RE = re.compile(
    r"^(on\b.*\bwrote|am\b.*\bschrieb.*|el\b.*\bescribi[oó]|den\b.*\bskrev.*|le\b.*\ba [ée]crit"
    r"|il giorno\b.*\bha scritto)\s*:\s*$",
    re.IGNORECASE,
)
SIGNATURE_LINES = frozenset({"-- ", "--", "-----original message-----"})
# "Re:", "AW:", "SV: [Important]"...: what a reply puts before the subject it answers.
REPLY_PREFIX_RE = re.compile(
    r"^\s*((re|aw|sv|vs|fw|fwd|wg|rv|tr)\s{0,3}(\[\d+\])?\s{0,3}:\s*|\[[^\]]{1,40}\]\s*)+", re.I
)  # bounded spaces: two adjacent unbounded \s* made a long run of spaces quadratic
ATTRIBUTION_MAX = 500  # longer lines are no attribution (and the pattern is quadratic in them)
# nh3's defaults minus blockquote, whose content (the quoted mail) is dropped altogether.
_HTML_TAGS = set(nh3.ALLOWED_TAGS) - {"blockquote"}
_HTML_ATTRIBUTES = {k: v for k, v in nh3.ALLOWED_ATTRIBUTES.items() if k != "blockquote"}
LINK_RE = re.compile(r'\b(?:href|src)="([^"]*)"')


# -- registration ------------------------------------------------------------------------------


class RegistrationError(ValueError):
    pass


def _address(email: str) -> str:
    email = email.strip().lower()
    if not EMAIL_RE.match(email):
        raise RegistrationError(f"not an e-mail address: {email!r}")
    return email


def add_address(db: Database, seller: str, email: str) -> str:
    """Register `email` as an address `seller` sends mail from (idempotent for the same seller)."""
    email = _address(email)
    a = schema.seller_addresses.c
    with db.writing() as conn:
        sid = seller_id_by_name(conn, seller)
        if sid is None:
            raise RegistrationError(f"no such seller: {seller!r}")
        owner = conn.execute(select(a.seller_id).where(a.email == email)).scalar()
        if owner is not None and owner != sid:
            raise RegistrationError(f"{email} is registered for another seller")
        if owner is None:
            conn.execute(
                schema.seller_addresses.insert().values(
                    email=email, seller_id=sid, created_at=now()
                )
            )
    return email


def remove_address(db: Database, email: str) -> bool:
    a = schema.seller_addresses.c
    with db.writing() as conn:
        gone = conn.execute(schema.seller_addresses.delete().where(a.email == _address(email)))
    return bool(gone.rowcount)


def list_addresses(db: Database, seller: str | None = None) -> list[tuple[str, str]]:
    """(seller name, address) pairs, of one seller or all."""
    a = schema.seller_addresses.c
    s = schema.sellers.c
    query = select(s.name, a.email).join(schema.sellers, s.id == a.seller_id)
    if seller is not None:
        query = query.where(s.name == seller)
    with db.reading() as conn:
        return [(r.name, r.email) for r in conn.execute(query.order_by(s.name, a.email))]


# -- parsing and cleaning ----------------------------------------------------------------------


def _bad(field: str, why: str = "invalid") -> IngestError:
    return IngestError(400, ERR + "invalidField", f"{field}: {why}", field=field)


def _refused(error: dict[str, Any], status: int = 422) -> IngestError:
    detail = error.get("description") or error["type"]
    return IngestError(status, ERR + error["type"], detail, setError=error)


def _opt_str(body: dict[str, Any], key: str, limit: int) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise _bad(key)
    return value


def message_ids(value: str | None) -> list[str]:
    """The `<id>`s of a Message-ID, In-Reply-To or References header, without brackets."""
    return MESSAGE_ID_RE.findall(value or "")


def mail_key(message_id: str) -> str:
    """The clientSubmissionId of a mail: its Message-ID is the idempotency key."""
    return "mail:" + hashlib.sha256(message_id.encode()).hexdigest()[:48]


def relay_message_id(seller_id: int, message_id: str, alias_domain: str) -> str:
    """The Message-ID a gateway gives a relay message it forwards to the seller's mailbox."""
    return f"<{message_id}.{account_id(seller_id)}@marketplace.{alias_domain}>"


def reply_text(text: str) -> str:
    """The seller's own words: quoted lines, their attribution line and the signature dropped."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip().lower() in SIGNATURE_LINES or line in SIGNATURE_LINES:
            break  # everything below a signature separator is the signature
        if line.lstrip().startswith(">"):
            while out and (
                not out[-1].strip()
                or (len(out[-1]) <= ATTRIBUTION_MAX and ATTRIBUTION_RE.match(out[-1].strip()))
            ):
                out.pop()
            continue
        out.append(line)
    return "\n".join(out).strip()


def reply_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_HTML_TAGS,
        attributes=_HTML_ATTRIBUTES,
        clean_content_tags={"script", "style", "blockquote"},
        link_rel="noopener noreferrer nofollow",
    )


def _unfold(subject: str) -> str:
    # A header folded over lines (RFC 5322) is one line; any other CR/LF is refused below.
    return re.sub(r"\r?\n[ \t]+", " ", subject)


# -- ingest ------------------------------------------------------------------------------------


def _sender_seller(conn: Connection, addresses: list[str]) -> int:
    a = schema.seller_addresses.c
    owners = set(conn.execute(select(a.seller_id).where(a.email.in_(addresses))).scalars())
    if len(owners) != 1:
        raise IngestError(
            403, ERR + "unknownSender", "the sender is not a registered seller mail address"
        )
    return int(owners.pop())


def _buyer_by_alias(conn: Connection, seller_id: int, alias: str) -> Any:
    b = schema.buyers.c
    row = conn.execute(
        select(b.id).where((b.seller_id == seller_id) & (b.alias == alias.strip().lower()))
    ).first()
    if row is None:  # an unknown alias and another seller's buyer look the same
        raise IngestError(404, ERR + "unknownRecipient", "no buyer of this seller has that alias")
    return row


def _conversation(
    conn: Connection,
    config: RelayConfig,
    seller_id: int,
    buyer_id: str,
    refs: list[str],
    subject: str,
) -> str:
    """The buyer's conversation this mail answers: by its references, else order or subject."""
    c = schema.conversations.c
    m = schema.messages.c
    s = schema.submissions.c
    relay_ids = re.compile(
        rf"^(\w{{1,32}})\.{re.escape(account_id(seller_id))}@marketplace\."
        rf"{re.escape(config.alias_domain)}$",
        re.IGNORECASE,
    )
    for ref in refs:
        found = relay_ids.match(ref)
        conv_id = None
        if found:
            conv_id = conn.execute(
                select(m.conversation_id).where((m.seller_id == seller_id) & (m.id == found[1]))
            ).scalar()
        if conv_id is None:  # the seller's own earlier mail
            conv_id = conn.execute(
                select(s.conversation_id).where(
                    (s.seller_id == seller_id) & (s.client_submission_id == mail_key(ref))
                )
            ).scalar()
        if conv_id is None:  # a buyer mail, by the gateway's id for it
            conv_id = conn.execute(
                select(m.conversation_id).where(
                    (m.seller_id == seller_id) & m.external_id.in_([ref, f"<{ref}>"])
                )
            ).scalar()
        if conv_id is not None:
            mine = conn.execute(
                select(c.id).where(
                    (c.seller_id == seller_id) & (c.id == conv_id) & (c.buyer_id == buyer_id)
                )
            ).scalar()
            if mine is not None:
                return str(mine)
    convs = conn.execute(
        select(c.id, c.order_id, c.subject)
        .where((c.seller_id == seller_id) & (c.buyer_id == buyer_id))
        .order_by(c.last_activity.desc(), c.id.desc())
        .limit(200)
    ).all()
    for conv in convs:
        if conv.order_id and conv.order_id in subject:
            return str(conv.id)
    bare = REPLY_PREFIX_RE.sub("", subject).strip().lower()
    for conv in convs:
        if bare and REPLY_PREFIX_RE.sub("", conv.subject).strip().lower() == bare:
            return str(conv.id)
    raise IngestError(
        404,
        ERR + "conversationNotFound",
        "the mail answers no conversation with this buyer (no matching In-Reply-To, References,"
        " order number or subject); write from the app to start one",
    )


def _answer(conn: Connection, sub_id: str, seller_id: int, duplicate: bool) -> Outcome:
    """The gateway's answer for a stored mail: 200, or 422 when it bounced (opt-out)."""
    t = schema.submissions.c
    row = conn.execute(
        select(schema.submissions).where((t.seller_id == seller_id) & (t.id == sub_id))
    ).one()
    sub = serialize_submission(row)
    stored = {
        "submissionId": sub["id"],
        "messageId": sub["messageId"],
        "conversationId": sub["conversationId"],
        "duplicate": duplicate,
        "removedAttachments": sub["removedAttachments"],
    }
    if sub["deliveryStatus"] == "delivered":
        return Outcome({"status": "accepted", "deliveryStatus": "delivered", **stored})
    why = "the buyer opted out of unsolicited messages"
    return Outcome(
        {
            "type": ERR + "buyerOptedOut",
            "title": "buyerOptedOut",
            "status": 422,
            "detail": f"Not delivered: {why} (a copy is in the conversation).",
            "setError": {"type": "buyerOptedOut", "description": why},
            **stored,
        },
        status=422,
    )


def ingest_seller_mail(db: Database, config: RelayConfig, body: dict[str, Any]) -> Outcome:
    sender = body.get("from")
    if not isinstance(sender, dict) or not isinstance(sender.get("email"), str):
        raise _bad("from")
    from_addr = sender["email"].strip().lower()
    mail_from = (_opt_str(body, "mailFrom", 320) or "").strip().lower()
    if not EMAIL_RE.match(from_addr):
        raise _bad("from.email")
    if mail_from and not EMAIL_RE.match(mail_from):
        raise _bad("mailFrom")
    alias = _opt_str(body, "to", 320)
    if not alias or not EMAIL_RE.match(alias.strip()):
        raise _bad("to")
    ids = message_ids(_opt_str(body, "messageId", 260))
    if len(ids) != 1:
        raise _bad("messageId", "one <id> is required")
    refs = message_ids(_opt_str(body, "inReplyTo", 1000)) + list(
        reversed(message_ids(_opt_str(body, "references", 20_000)))
    )
    refs = refs[:MAX_REFS]  # the nearest ones; each costs a few lookups
    raw_subject = _opt_str(body, "subject", 1000) or ""
    text = _opt_str(body, "text", 200_000)
    html = _opt_str(body, "html", 1_000_000)
    if text is None and html is None:
        raise _bad("text", "text or html is required")
    headers = body.get("headers")
    if headers is not None and not isinstance(headers, dict):
        raise _bad("headers")  # accepted for the gateway's convenience, never stored
    try:
        reason = ContactReason(body.get("contactReason", "other"))
    except ValueError:
        raise _bad("contactReason") from None
    subject = _unfold(raw_subject).strip()
    problems = ["subject"] if subject_problem(subject) else []
    # The seller's own addresses are their signature, not content: out before the policy reads.
    known = tuple(a for a in {from_addr, mail_from, alias.strip().lower()} if a)
    subject = remove_known(subject, known)
    files = attachments(body, known)
    problems += [  # the app's rule for names (CR/LF, "/", "..": refused, not repaired)
        f"attachments/{i}/name"
        for i, a in enumerate(body.get("attachments") or [])
        if filename_problem(a.get("name") or "attachment")
    ]
    body_html = remove_known(reply_html(html), known) if html else None
    body_text = remove_known(
        reply_text(text) if text is not None else html_to_text(body_html or ""), known
    )
    if not body_text.strip() and not files:
        problems.append("text")
    if len(body_text) > MAX_BODY:
        problems.append("body")
    if problems:
        raise _refused({"type": "invalidProperties", "properties": sorted(set(problems))})
    # Everything a buyer could see is checked: text, the HTML's text, its link and image targets.
    policy_text = "\n".join(
        [body_text]
        + ([html_to_text(body_html)] if body_html and text is not None else [])
        + LINK_RE.findall(body_html or "")
    )
    key = mail_key(ids[0])

    def attempt() -> Outcome:
        with db.writing() as conn:
            sid = _sender_seller(conn, [a for a in (from_addr, mail_from) if a])
            seen = existing_submission(conn, sid, key)
            if seen is not None:
                return _answer(conn, seen.id, sid, duplicate=True)
            buyer = _buyer_by_alias(conn, sid, alias)
            conv_id = _conversation(conn, config, sid, buyer.id, refs, subject)
            try:
                target = resolve_target(conn, sid, conversation_id=conv_id)
                conv = target.conversation
                outgoing = Outgoing(
                    client_submission_id=key,
                    subject=subject or (f"Re: {conv.subject}" if conv is not None else ""),
                    body_text=body_text,
                    body_html=body_html,
                    policy_text=policy_text,
                    contact_reason=reason,
                    attachments=files,
                )
                sent = deliver(conn, Changes(conn, sid), target, outgoing)
            except Refused as refused:  # nothing written survives: the transaction rolls back
                raise _refused(refused.error) from None
            answer = _answer(conn, sent["id"], sid, duplicate=False)
            answer.changed.add(sid)
            return answer

    try:
        return attempt()
    except IntegrityError:
        # The same mail accepted at the same moment by another relay process (PostgreSQL):
        # its Message-ID is taken, so this attempt now answers as a duplicate.
        return attempt()


# -- command line ------------------------------------------------------------------------------


def mail_body(
    *,
    sender: str,
    alias: str,
    subject: str,
    text: str,
    message_id: str,
    in_reply_to: str | None = None,
    files: list[tuple[str, bytes]] | None = None,
) -> dict[str, Any]:
    """An `/ingest/seller-mail` body as a gateway would post it."""
    body: dict[str, Any] = {
        "mailFrom": sender,
        "from": {"email": sender},
        "to": alias,
        "messageId": message_id,
        "subject": subject,
        "text": text,
        "attachments": [
            {"name": name, "contentBase64": base64.b64encode(data).decode("ascii")}
            for name, data in files or []
        ],
    }
    if in_reply_to:
        body["inReplyTo"] = in_reply_to
    return body


def cmd_seller_mail(args: argparse.Namespace) -> int:
    from relay.db import open_database

    if args.action == "send":
        return _send(args)
    db = open_database(args.db)
    try:
        if args.action == "list":
            for seller, email in list_addresses(db, args.seller):
                print(f"{seller}\t{email}")
            return 0
        if not args.email or (args.action == "add" and not args.seller):
            print(f"seller-mail {args.action} needs --email (and --seller to add)", file=sys.stderr)
            return 2
        try:
            if args.action == "add":
                print(add_address(db, args.seller, args.email))
                return 0
            return 0 if remove_address(db, args.email) else 1
        except RegistrationError as exc:
            print(str(exc), file=sys.stderr)
            return 1
    finally:
        db.dispose()


def _send(args: argparse.Namespace) -> int:
    """Send one mail as the seller's mail client would: over HTTP, or straight on the database."""
    import uuid

    import httpx

    from relay.db import open_database
    from relay.push import Hub
    from relay.simulate import read_files

    if not args.email or not args.to:
        print(
            "seller-mail send needs --email (the seller's address) and --to ALIAS", file=sys.stderr
        )
        return 2
    body = mail_body(
        sender=args.email,
        alias=args.to,
        subject=args.subject or "",
        text=args.text,
        message_id=args.message_id or f"<{uuid.uuid4()}@seller-relay.cli>",
        in_reply_to=args.in_reply_to,
        files=read_files(args.attach or []),
    )
    if args.url:
        key = args.ingest_key or os.environ.get("SELLER_RELAY_INGEST_KEY")
        if not key:
            print("--url needs --ingest-key or SELLER_RELAY_INGEST_KEY", file=sys.stderr)
            return 2
        r = httpx.post(
            args.url.rstrip("/") + "/ingest/seller-mail",
            json=body,
            headers={"Authorization": f"Bearer {key}"},
            timeout=30,
        )
        status, result = r.status_code, r.json()
    else:
        db = open_database(args.db)
        try:
            outcome = ingest_seller_mail(
                db, RelayConfig(alias_domain=args.alias_domain or "relay.example"), body
            )
            Hub(db).notify_others(outcome.changed)  # PostgreSQL: wake the relay's SSE clients
            status, result = outcome.status, outcome.body
        except IngestError as exc:
            status, result = exc.status, {"type": exc.type, "detail": exc.detail, **exc.extra}
        finally:
            db.dispose()
    # A refusal is what the gateway would bounce to the seller.
    print(json.dumps(result if status == 200 else {"refused": result}, ensure_ascii=False))
    return 0 if status == 200 else 1


def add_cli(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """`seller-relay seller-mail add|list|remove|send` (registered by relay.cli)."""
    sp = add("seller-mail", "the addresses sellers mail buyers from; send such a mail by hand")
    sp.add_argument("action", choices=["add", "list", "remove", "send"])
    sp.add_argument("--seller", help="add: the seller; list: only this seller")
    sp.add_argument("--email", help="the seller's mail address (send: the sender)")
    sp.add_argument("--to", help="send: the buyer's alias (<alias>@marketplace.<domain>)")
    sp.add_argument("--subject")
    sp.add_argument("--text", default="")
    sp.add_argument("--in-reply-to", help="send: the Message-ID answered (<...>)")
    sp.add_argument("--message-id", help="send: this mail's Message-ID (default: a new one)")
    sp.add_argument("--attach", action="append", help="send: a file to attach (repeatable)")
    sp.add_argument("--url", help="send: post to a running relay instead of the database")
    sp.add_argument("--ingest-key")
    sp.set_defaults(fn=cmd_seller_mail)
