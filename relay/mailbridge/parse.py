"""One raw relay mail (bytes from the seller's mailbox) → a classified, structured `ParsedMail`.

Classification is by the mail's shape, first match wins:

1. an RFC 3464 delivery report (`multipart/report; report-type=delivery-status`, or a
   `message/delivery-status` part) → DELIVERY_REPORT, whoever sent it;
2. From (or, for a marketplace sender, Reply-To) is a relay alias
   (`<base>[+case]@marketplace.amazon.<tld>`, `<hex>@members.ebay.<site>`) → BUYER_MESSAGE,
   unless `X-Space-Notification-Type: BBC_MESSAGE_CONFIRMATION_TO_MERCHANT` says SELLER_COPY;
3. From is another address of a marketplace domain (`amazon.<tld>`, `ebay.<site>` and their
   subdomains, matched exactly) → SELLER_COPY (that header, or "Your e-mail to NAME" / "Here
   is a copy of the e-mail you sent to NAME" in any language), NOT_DELIVERED ("we were unable
   to deliver the message you sent" and its translations), else MARKETPLACE_NOTICE;
4. anything else → IGNORED.

Marketplace mail is checked against the Authentication-Results header the seller's own server
added (see `relay.mailbridge.authresults` for which header counts): a failing result keeps the
classification but sets `trusted=False` and the problem "unauthenticated"; the relay flags such
mail instead of trusting it. Delivery reports come from the seller's own server and are not
checked.

`parse_mail` never raises: input the stdlib parser cannot read gives an IGNORED result with
problems. It is pure (no I/O) and linear on its capped input; see docs/mail.md.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesParser, HeaderParser
from email.utils import parsedate_to_datetime
from enum import StrEnum

from relay.mailbridge import markers
from relay.mailbridge.addresses import (
    MARKETPLACE_IDS,
    Alias,
    amazon_marketplace,
    ebay_marketplace,
    find_alias,
    relay_alias,
)
from relay.mailbridge.authresults import verdict
from relay.mailbridge.mimeparts import (
    FORWARDED_TYPES,
    POLICY,
    Address,
    Parts,
    address_header,
    bound,
    children,
    clean_filename,
    decode_text,
    decoded_header,
    defects,
    forwarded_bytes,
    html_text,
    message_ids,
    one_line,
    part_bytes,
    part_text,
    raw_header,
    raw_headers,
    walk,
)

log = logging.getLogger(__name__)

DEFAULT_MAX_SIZE = 40 * 1024 * 1024
NOTICE_SCAN = 20_000  # characters of a notice searched for its fingerprint phrases
CONFIRMATION = "BBC_MESSAGE_CONFIRMATION_TO_MERCHANT"


class MailKind(StrEnum):
    BUYER_MESSAGE = "buyer_message"  # a buyer writing through the marketplace relay
    NOT_DELIVERED = "not_delivered"  # marketplace notice: a seller's message was not delivered
    DELIVERY_REPORT = "delivery_report"  # RFC 3464 DSN from the seller's own mail server
    SELLER_COPY = "seller_copy"  # marketplace's copy of a reply written in Seller Central
    MARKETPLACE_NOTICE = "marketplace_notice"  # any other mail from the marketplace
    IGNORED = "ignored"  # not marketplace mail at all


@dataclass(frozen=True)
class MailAttachment:
    name: str  # cleaned file name as the mail gave it (decoded RFC 2231/2047)
    content_type: str  # as declared (the relay's screener decides by content later)
    data: bytes
    content_id: str | None  # for inline images


@dataclass(frozen=True)
class ParsedMail:
    kind: MailKind
    message_id: str | None  # without <>, None when missing
    in_reply_to: tuple[str, ...]  # ids without <>
    references: tuple[str, ...]
    family: str | None  # "amazon" | "ebay"
    marketplace: str | None  # "amazon.de", "amazon.co.uk", "ebay.de"...
    alias: str | None  # full relay alias, lowercased; for notices/DSNs the concerned alias
    alias_base: str | None  # alias without its "+case" part (threading key)
    buyer_name: str | None  # display name, as plain text
    order_id: str | None  # first order number (subject first, then body)
    order_ids: tuple[str, ...]  # every distinct order number seen
    ebay_ref: str | None  # eBay's "[#...#]" reference, verbatim
    subject: str  # decoded, one line, control chars removed
    text: str  # the buyer's own words only
    html: str | None  # the HTML of the buyer's words when the mail had only HTML (raw)
    attachments: tuple[MailAttachment, ...]  # files the buyer sent (not template images)
    date: datetime | None  # aware UTC from the Date header
    language: str | None  # "en", "de", "es", "sv", "fr", "it", "nl", "pl", "pt", "ja"
    trusted: bool  # False when a marketplace sender fails SPF/DKIM/DMARC
    problems: tuple[str, ...]  # machine-readable notes, sorted
    refers_to: str | None  # NOT_DELIVERED/DSN/SELLER_COPY: Message-ID of the seller's mail
    status: str | None  # DSN status ("5.7.1"); NOT_DELIVERED reason ("opted-out"...)
    fingerprint: str  # sha256 hex of the raw mail (line endings normalised)


def fingerprint(raw: bytes) -> str:
    """A content hash that survives CRLF/LF conversion by the server or a re-import."""
    return hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()


def parse_mail(
    raw: bytes, *, max_size: int = DEFAULT_MAX_SIZE, authserv_id: str | None = None
) -> ParsedMail:
    """Classify and parse one raw mail; never raises (see the module docstring).

    `authserv_id`: the seller's own server's Authentication-Results id, when known; without
    it the topmost Authentication-Results header counts.
    """
    if isinstance(raw, str):  # not the contract, but never a reason to raise
        raw = raw.encode("utf-8", "surrogateescape")
    raw = bytes(raw)
    digest = fingerprint(raw)
    problems: set[str] = set()
    try:
        return _parse(raw, max_size, authserv_id, digest, problems)
    except Exception:  # a bug or input beyond the stdlib parser: say so, lose nothing upstream
        log.warning("unparseable mail %s", digest[:12], exc_info=True)
        problems.update(("malformed-mime", UNPARSED))
        return _ignored(digest, problems, _raw_subject(raw))


UNPARSED = "unparsed"  # the last resort answered: the bridge quarantines the mail, never drops it
_SUBJECT_RE = re.compile(rb"(?im)^subject:[ \t]*+([^\r\n]{0,400})")


def _raw_subject(raw: bytes) -> str:
    """The Subject line as it stands (for the notice of a mail the parser could not read)."""
    found = _SUBJECT_RE.search(raw, 0, 256 * 1024)
    return one_line(found[1].decode("utf-8", "replace"), 400) if found else ""


def thread_key(mail: ParsedMail) -> tuple[str, str, str | None] | None:
    """(marketplace, alias base, order number) for mail that belongs to a buyer's conversation.

    None for marketplace notices, ignored mail and anything without a known alias (a Seller
    Central copy names only the buyer; the bridge threads it by name and recency).
    """
    if mail.kind in {MailKind.IGNORED, MailKind.MARKETPLACE_NOTICE}:
        return None
    if not mail.marketplace or not mail.alias_base:
        return None
    return (mail.marketplace, mail.alias_base, mail.order_id)


# -- the steps -----------------------------------------------------------------------------------


def _ignored(digest: str, problems: set[str], subject: str = "") -> ParsedMail:
    return ParsedMail(
        kind=MailKind.IGNORED,
        message_id=None,
        in_reply_to=(),
        references=(),
        family=None,
        marketplace=None,
        alias=None,
        alias_base=None,
        buyer_name=None,
        order_id=None,
        order_ids=(),
        ebay_ref=None,
        subject=subject,
        text="",
        html=None,
        attachments=(),
        date=None,
        language=None,
        trusted=True,
        problems=tuple(sorted(problems)),
        refers_to=None,
        status=None,
        fingerprint=digest,
    )


def _read(raw: bytes, problems: set[str]) -> Message | None:
    try:
        return BytesParser(policy=POLICY).parsebytes(raw)
    except Exception:  # deep nesting (RecursionError) and worse: keep the headers at least
        log.info("mail body unreadable, reading headers only", exc_info=True)
        problems.add("malformed-mime")
    try:
        return BytesParser(policy=POLICY).parsebytes(raw, headersonly=True)
    except Exception:
        log.info("mail headers unreadable", exc_info=True)
        return None


def _date(msg: Message, problems: set[str]) -> datetime | None:
    value = raw_header(msg, "Date")
    if value is None:
        problems.add("no-date")
        return None
    try:
        when = parsedate_to_datetime(value.strip()[:200])
    except (TypeError, ValueError, IndexError, OverflowError):
        problems.add("bad-date")
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC)
    except (OverflowError, ValueError):
        problems.add("bad-date")
        return None


def _sender_marketplace(address: Address | None) -> str | None:
    if address is None or not address.address:
        return None
    domain = address.address.rpartition("@")[2]
    return amazon_marketplace(domain) or ebay_marketplace(domain)


# What relays append to a buyer's name: "Claire - Amazon Marketplace" (older relay mail),
# "Claire via Amazon", "Claire über Amazon.de", "jane_doe via eBay"...
_NAME_SUFFIX_RE = re.compile(
    r"(?i)\s*+(?:[-\u2013|]\s*+)?(?:via|über|uber|vía|par|tramite|från|door|przez)?\s*+"
    r"(?:amazon|ebay)(?:\.[a-z]{2,3}){0,2}(?:\s++marketplace)?\s*+$"
)


def _buyer_name(display: str) -> str | None:
    display = display.strip().strip('"').strip()
    trimmed = _NAME_SUFFIX_RE.sub("", display).strip()
    return (trimmed or display) or None


def _name_after(text: str, phrases: tuple[tuple[str, str], ...]) -> str | None:
    """The words after a phrase on the line it stands on ("... you sent to Jordan." → Jordan)."""
    for line in text.split("\n")[:200]:
        folded = markers.fold(line)
        for phrase, _ in phrases:
            at = folded.find(phrase)
            if at != -1:
                tail = len(folded) - at - len(phrase)
                name = line[len(line) - tail :] if tail else ""
                name = name.split("(")[0].strip().lstrip(":").strip().rstrip(".:!,").strip()
                return one_line(name, 200) or None
    return None


@dataclass(frozen=True)
class Body:
    source: str  # the text the buyer's words are looked for in (plain, else HTML as text)
    html: str | None  # the HTML part when the mail had no plain text


def _body(parts: Parts, problems: set[str]) -> Body:
    if parts.plain:
        text = "\n".join(part_text(p, problems) for p in parts.plain[:4])
        if text.strip() or not parts.html:  # an empty plain alternative: the HTML speaks
            return Body(text[: markers.MAX_SCAN], None)
    if parts.html:
        html = part_text(parts.html[0], problems)[: markers.MAX_SCAN]
        return Body(html_text(html)[: markers.MAX_SCAN], html)
    return Body("", None)


def _pre_block(html: str) -> str | None:
    """The inner HTML of the first <pre> block (Amazon wraps the buyer's words in one)."""
    lowered = html[: markers.MAX_SCAN].lower()
    start = lowered.find("<pre")
    if start == -1:
        return None
    open_end = lowered.find(">", start)
    end = lowered.find("</pre", open_end)
    if open_end == -1 or end == -1:
        return None
    return html[open_end + 1 : end]


def _html_between_markers(html: str) -> str | None:
    seps = [s for s in markers.separators(html[: markers.MAX_SCAN]) if s.kind != "quote"]
    if len(seps) < 2:
        return None
    end = next((s for s in seps[1:] if s.kind == "end"), seps[1])
    return html[seps[0].end : end.start]


@dataclass(frozen=True)
class Words:
    text: str
    html: str | None
    languages: tuple[str, ...]
    marked: bool


def _words(body: Body, family: str | None) -> Words:
    """The sender's own words: between the markers, else the <pre> block, else template-stripped."""
    extract = markers.between_markers(body.source)
    html = None
    text = extract.text
    marked = extract.marked
    if body.html is not None:
        pre = _pre_block(body.html)
        if marked:
            html = _html_between_markers(body.html) or pre
        elif pre is not None:
            html, text, marked = pre, html_text(pre), True
    languages = extract.languages
    if family == "ebay" and not marked:
        text, ebay_language = markers.ebay_words(text)
        languages += (ebay_language,) if ebay_language else ()
    text = markers.EBAY_REF_RE.sub("", text) if family == "ebay" else text
    # A mail that is nothing but a quote or a forwarded mail: that is what the buyer sent.
    own = markers.tidy(markers.strip_quoted(text)) or markers.tidy(text)
    return Words(own, html, languages, marked)


def _content_id(part: Message) -> str | None:
    cid = raw_header(part, "Content-ID")
    return cid.strip().strip("<>").strip()[:250] or None if cid else None


def _shown_in_words(parts: Parts, words: Words, problems: set[str]) -> str:
    """The HTML of the sender's words (lowercased), where an inline image they pasted is
    referenced; "" when no inline part could be theirs."""
    if not any(related for _, related in parts.files):
        return ""
    if words.html is not None:
        return words.html.lower()
    if not parts.html:
        return ""
    html = part_text(parts.html[0], problems)[: markers.MAX_SCAN]
    return (_html_between_markers(html) or _pre_block(html) or "").lower()


def _attachments(parts: Parts, shown: str, problems: set[str]) -> tuple[MailAttachment, ...]:
    """The files the sender sent. An inline part of multipart/related counts only when the
    HTML of their words shows it (`shown`, lowercased): otherwise it is the template's logo."""
    found = []
    for part, related in parts.files:
        disposition = (part.get_content_disposition() or "").lower()
        content_id = _content_id(part)
        theirs = content_id is not None and "cid:" + content_id.lower() in shown
        if related and disposition != "attachment" and not theirs:
            continue
        data = part_bytes(part, problems)
        if not data:
            problems.add("empty-attachment")
            continue
        ctype = part.get_content_type()
        raw_name = part.get_filename() or part.get_param("name", header="content-type") or ""
        name = clean_filename(raw_name if isinstance(raw_name, str) else "")
        if not name:
            name = "attachment" + (mimetypes.guess_extension(ctype) or "")
        found.append(MailAttachment(name, ctype, data, content_id))
    # A mail attached whole (message/rfc822) is a file the sender sent: kept, never dropped
    # unseen; the relay's screener decides by its content like any other file.
    for part in parts.returned:
        if part.get_content_type() not in FORWARDED_TYPES:
            continue
        problems.add("forwarded-mail")
        inner = children(part)
        data = forwarded_bytes(inner[0]) if inner else b""
        if not data:
            problems.add("empty-attachment")
            continue
        subject = decoded_header(inner[0], "Subject")
        name = clean_filename(part.get_filename() or subject or "").removesuffix(".eml")
        found.append(
            MailAttachment((name[:100] or "forwarded mail") + ".eml", "message/rfc822", data, None)
        )
    return tuple(found)


# -- what a notice or report concerns ------------------------------------------------------------


@dataclass(frozen=True)
class Concern:
    """The seller's mail a delivery report or "not delivered" notice is about."""

    status: str | None = None  # enhanced status code of a report
    recipient: str | None = None  # as the report names it
    message_id: str | None = None  # of the seller's mail
    to: str | None = None  # its To address
    subject: str = ""  # its subject (carries the order number)


def _status_code(text: str, limit: int = 40) -> str | None:
    """The first enhanced status code ("5.7.1") among the first `limit` words of `text`."""
    for token in text.replace(";", " ").replace("(", " ").split()[:limit]:
        token = token.strip(".,:<>[]")
        pieces = token.split(".")
        if (
            len(pieces) == 3
            and pieces[0] in {"2", "4", "5"}
            and all(p.isdigit() and len(p) <= 3 for p in pieces[1:])
        ):
            return token
    return None


def _report_blocks(part: Message, problems: set[str]) -> list[Message]:
    blocks = children(part)
    parser = HeaderParser(policy=POLICY)
    if blocks and part.get_content_type() != "message/delivery-status":
        # The stdlib reads only message/delivery-status as a list of blocks; any other
        # message/* (RFC 6533's global-delivery-status) as one message: its headers are the
        # first block and its body holds the others.
        first = blocks[0]
        rest = first.get_payload() if not first.is_multipart() else ""
        text = rest.replace("\r\n", "\n") if isinstance(rest, str) else ""
        return [first] + [
            parser.parsestr(block) for block in text[:100_000].split("\n\n")[:49] if block.strip()
        ]
    if blocks:
        return blocks[:50]
    text = decode_text(part_bytes(part, problems), "utf-8", problems).replace("\r\n", "\n")
    return [parser.parsestr(block) for block in text[:100_000].split("\n\n")[:50] if block.strip()]


def _recipient(value: str | None) -> str | None:
    if not value:
        return None
    address = value.partition(";")[2] or value
    return address.strip().strip("<>").lower()[:250] or None


def _returned_headers(part: Message, problems: set[str]) -> Message:
    inner = children(part)
    if inner:
        return inner[0]
    text = decode_text(part_bytes(part, problems), part.get_content_charset() or "utf-8", problems)
    return HeaderParser(policy=POLICY).parsestr(text[:100_000], headersonly=True)


def _returned(parts: Parts, problems: set[str]) -> Concern:
    """The headers of the seller's mail that came back attached (message/rfc822 or
    text/rfc822-headers)."""
    for part in parts.returned[:4]:
        headers = _returned_headers(part, problems)
        ids = message_ids(raw_header(headers, "Message-ID"))
        to = address_header(headers, "To")
        if ids or to:
            return Concern(
                message_id=ids[0] if ids else None,
                to=to.address if to and to.address else None,
                subject=decoded_header(headers, "Subject") or "",
            )
    return Concern()


def _quoted_message_id(text: str) -> str | None:
    """A "Message-ID: <...>" line that a notice quotes from the seller's mail."""
    for line in text[:NOTICE_SCAN].split("\n"):
        if line.strip().lower().startswith("message-id:"):
            ids = message_ids(line.partition(":")[2])
            if ids:
                return ids[0]
    return None


def _report(parts: Parts, problems: set[str]) -> Concern:
    """An RFC 3464 report: the status and recipient (a relay alias preferred when a report
    lists several), with the returned mail's headers."""
    entries: list[tuple[str, str | None]] = []  # (status, recipient) per recipient block
    recipient = None
    for part in parts.reports[:4]:
        for block in _report_blocks(part, problems):
            found = _status_code(raw_header(block, "Status") or "") or _status_code(
                raw_header(block, "Diagnostic-Code") or ""
            )
            rcpt = _recipient(
                raw_header(block, "Final-Recipient") or raw_header(block, "Original-Recipient")
            )
            if found:
                entries.append((found, rcpt))
            elif rcpt and recipient is None:
                recipient = rcpt
    # A report may list the seller's other recipients too (delivered to a copy, failed to the
    # alias): the relay alias's entry is the one that matters.
    chosen = next((e for e in entries if e[1] and relay_alias(e[1])), None)
    status, rcpt = chosen or next(iter(entries), (None, None))
    recipient = rcpt or recipient
    returned = _returned(parts, problems)
    return Concern(status, recipient, returned.message_id, returned.to, returned.subject)


BOUNCE_SENDERS = frozenset({"mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"})
BOUNCE_SUBJECTS = (
    "undeliverable",
    "undelivered mail",
    "delivery status notification",
    "delivery failure",
    "failure notice",
    "returned mail",
    "mail delivery failed",
    "unzustellbar",
    "nicht zustellbar",
    "non remis",
    "non distribuable",
    "no se puede entregar",
    "no entregado",
    "non recapitabile",
    "non recapitato",
    "kan inte levereras",
    "olevererbart",
    "onbestelbaar",
    "niedostarczalna",
    "niedostarczona",
)


def _plain_bounce(msg: Message, sender: Address | None, parts: Parts, body: Body) -> Concern | None:
    """A bounce without an RFC 3464 report (older or odd servers), when it names a relay alias:
    status from the text, the returned mail from its attached headers or a quoted line."""
    local = sender.address.partition("@")[0] if sender else ""
    failed = raw_header(msg, "X-Failed-Recipients")
    if not (
        local in BOUNCE_SENDERS
        or local.startswith("microsoftexchange")  # Exchange's own NDR address
        or failed is not None
        or (
            (raw_header(msg, "Auto-Submitted") or "").strip().lower().startswith("auto-")
            and markers.fold(decoded_header(msg, "Subject") or "").startswith(BOUNCE_SUBJECTS)
        )
    ):
        return None
    problems: set[str] = set()
    returned = _returned(parts, problems)
    recipient = _recipient(failed.split(",")[0]) if failed else None
    if not any(relay_alias(a) for a in (recipient, returned.to) if a) and not find_alias(
        body.source
    ):
        return None
    return Concern(
        status=_status_code(body.source[:NOTICE_SCAN], limit=NOTICE_SCAN),
        recipient=recipient,
        message_id=returned.message_id or _quoted_message_id(body.source),
        to=returned.to,
        subject=returned.subject,
    )


def _notice_concern(msg: Message, parts: Parts, body: Body, problems: set[str]) -> Concern:
    """What a "not delivered" notice is about: attached headers, else In-Reply-To, else a
    quoted Message-ID line."""
    returned = _returned(parts, problems)
    replied = message_ids(raw_header(msg, "In-Reply-To"))
    message_id = (
        returned.message_id or (replied[0] if replied else None) or _quoted_message_id(body.source)
    )
    return Concern(message_id=message_id, to=returned.to, subject=returned.subject)


def _not_delivered_reason(folded: str) -> str:
    if markers.find_phrase(folded, markers.OPT_OUT_PHRASES):
        return "opted-out"
    if any(phrase in folded for phrase in markers.GUIDELINE_PHRASES):
        return "guidelines"
    return "not-delivered"


def _is_report(msg: Message, parts: Parts) -> bool:
    if parts.reports:
        return True
    return (
        msg.get_content_type() == "multipart/report"
        and str(msg.get_param("report-type") or "").lower() == "delivery-status"
    )


# -- classification ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Classified:
    kind: MailKind
    alias: Alias | None  # the sender's alias, or the alias the concerned mail went to
    body: Body
    concern: Concern | None = None  # reports and notices
    status: str | None = None


def _classify(
    msg: Message, sender: Address | None, parts: Parts, subject: str, problems: set[str]
) -> Classified:
    """The kind of mail (first match wins, see the module docstring) and whom it concerns."""
    if sender is None or not sender.address:
        problems.add("no-from")
    alias = relay_alias(sender.address) if sender else None
    sender_market = _sender_marketplace(sender)
    if alias is None and sender_market:
        reply_to = address_header(msg, "Reply-To")
        alias = relay_alias(reply_to.address) if reply_to else None
    space = (raw_header(msg, "X-Space-Notification-Type") or "").strip().upper()
    body = _body(parts, problems)

    if _is_report(msg, parts):
        report = _report(parts, problems)
        if report.status is None:
            problems.add("no-status")
        return Classified(
            MailKind.DELIVERY_REPORT,
            _concerned(report, body, subject),
            body,
            report,
            report.status,
        )
    if alias is not None:
        kind = MailKind.SELLER_COPY if space == CONFIRMATION else MailKind.BUYER_MESSAGE
        return Classified(kind, alias, body)
    if sender_market:
        folded = markers.fold(subject + "\n" + body.source[:NOTICE_SCAN])
        folded_subject = markers.fold(subject)
        if (
            space == CONFIRMATION
            or markers.find_phrase(folded, markers.SELLER_COPY_BODY)
            or folded_subject.startswith(tuple(p for p, _ in markers.SELLER_COPY_SUBJECT))
        ):
            return Classified(MailKind.SELLER_COPY, find_alias(body.source), body)
        strong = markers.find_phrase(folded, markers.NOT_DELIVERED_PHRASES)
        if (
            strong
            or markers.find_phrase(folded, markers.NOT_DELIVERED_WEAK)
            or markers.find_phrase(folded, markers.OPT_OUT_PHRASES)
        ):
            notice = _notice_concern(msg, parts, body, problems)
            concerned = _concerned(notice, body, subject)
            # "could not be delivered" or "opted out" alone may be about a parcel or a
            # newsletter: such a notice must name the seller's mail.
            if strong or concerned or notice.message_id:
                return Classified(
                    MailKind.NOT_DELIVERED,
                    concerned,
                    body,
                    notice,
                    _not_delivered_reason(folded),
                )
        if _wraps_words(body.source):
            # A marketplace mail wrapping someone's words in the relay's markers, not from a
            # buyer: a copy of what the seller wrote, in a wording the tables do not know.
            return Classified(MailKind.SELLER_COPY, find_alias(body.source), body)
        return Classified(MailKind.MARKETPLACE_NOTICE, None, body)
    bounce = _plain_bounce(msg, sender, parts, body)
    if bounce is not None:
        if bounce.status is None:
            problems.add("no-status")
        alias = _concerned(bounce, body, subject)
        return Classified(MailKind.DELIVERY_REPORT, alias, body, bounce, bounce.status)
    return Classified(MailKind.IGNORED, None, body)


def _wraps_words(text: str) -> bool:
    """A start separator followed by an end separator (known labels) in the first part."""
    kinds = [s.kind for s in markers.separators(text[:NOTICE_SCAN])]
    return "start" in kinds and "end" in kinds[kinds.index("start") :]


def _concerned(concern: Concern, body: Body, subject: str) -> Alias | None:
    """The relay alias the concerned mail went to: the report's recipient, the returned
    mail's To, else the first alias the notice writes out."""
    for candidate in (concern.recipient, concern.to):
        alias = relay_alias(candidate) if candidate else None
        if alias:
            return alias
    return find_alias(subject + "\n" + body.source)


# -- the whole -----------------------------------------------------------------------------------


def _parse(
    raw: bytes, max_size: int, authserv_id: str | None, digest: str, problems: set[str]
) -> ParsedMail:
    if len(raw) > max_size:
        raw = raw[:max_size]
        problems.add("truncated")
    msg = _read(bound(raw, problems), problems)
    if msg is None or not msg.keys():
        problems.add("not-a-mail")
        return _ignored(digest, problems)
    if defects(msg):
        problems.add("malformed-mime")
    subject = decoded_header(msg, "Subject") or ""
    parts = walk(msg, problems)
    sender = address_header(msg, "From")
    found = _classify(msg, sender, parts, subject, problems)
    kind, alias, body = found.kind, found.alias, found.body
    if kind == MailKind.IGNORED:
        return _ignored(digest, problems, subject)

    family = alias.family if alias else None
    marketplace = alias.marketplace if alias else None
    header_market = MARKETPLACE_IDS.get((raw_header(msg, "X-Marketplace-ID") or "").strip())
    if header_market and marketplace and header_market != marketplace:
        problems.add("marketplace-mismatch")
    if marketplace is None and kind != MailKind.DELIVERY_REPORT:
        marketplace = header_market or _sender_marketplace(sender)
        family = marketplace.partition(".")[0] if marketplace else None

    if kind in {MailKind.BUYER_MESSAGE, MailKind.SELLER_COPY}:
        words = _words(body, family)
        if not words.marked and family == "amazon":
            problems.add("no-markers")
    else:
        words = Words(markers.tidy(markers.cut_footer(body.source)), None, (), False)
    if kind == MailKind.BUYER_MESSAGE and not words.text and not parts.files:
        problems.add("empty-text")

    concern = found.concern or Concern()
    ids = markers.order_ids(subject, body.source, concern.subject)
    folded_subject = markers.fold(subject)
    buyer_name: str | None = None
    if kind == MailKind.BUYER_MESSAGE:
        buyer_name = _buyer_name(sender.display_name if sender else "")
        buyer_name = buyer_name or _name_after(subject, markers.SUBJECT_PHRASES)
    elif kind == MailKind.SELLER_COPY:
        buyer_name = _name_after(subject, markers.SELLER_COPY_SUBJECT) or _name_after(
            body.source[:NOTICE_SCAN], markers.SELLER_COPY_BODY
        )
    language = None
    if kind != MailKind.DELIVERY_REPORT:
        # A buyer's subject is in the buyer's language; a notice's own wording is Amazon's
        # choice for the seller, and the subject it quotes may be the buyer's.
        folded_notice = markers.fold(subject + "\n" + body.source[:NOTICE_SCAN])
        subject_vote = [markers.find_phrase(folded_subject, markers.SUBJECT_PHRASES)]
        notice_votes = [
            markers.find_phrase(folded_notice, markers.NOT_DELIVERED_PHRASES),
            markers.find_phrase(folded_notice, markers.NOT_DELIVERED_WEAK),
            markers.find_phrase(folded_notice, markers.OPT_OUT_PHRASES),
            markers.find_phrase(folded_notice, markers.SELLER_COPY_BODY),
            markers.find_phrase(folded_subject, markers.SELLER_COPY_SUBJECT),
        ]
        first, last = (
            (subject_vote, notice_votes)
            if kind == MailKind.BUYER_MESSAGE
            else (notice_votes, subject_vote)
        )
        language = markers.guess_language(
            first, words.languages, [markers.intro_language(body.source)], last
        )

    # Reports come from the seller's own server; everything else claims a marketplace.
    trusted = True
    if kind != MailKind.DELIVERY_REPORT:
        result = verdict(raw_headers(msg, "Authentication-Results"), authserv_id)
        if len(raw_headers(msg, "From")) > 1:
            # RFC 5322 allows one From. With two, the server's DMARC check and this parser
            # may each read a different one: the checked sender is not the one shown.
            problems.add("duplicate-from")
            result = "fail"
        if result == "fail":
            trusted = False
            problems.add("unauthenticated")
        elif result == "missing":
            problems.add("no-auth-results")

    ebay_ref = None
    if family == "ebay":
        match = markers.EBAY_REF_RE.search(body.source, 0, markers.MAX_SCAN)
        match = match or markers.EBAY_REF_RE.search(subject)  # some templates: subject only
        ebay_ref = match.group(0) if match else None

    message_id = next(iter(message_ids(raw_header(msg, "Message-ID"))), None)
    if message_id is None:
        problems.add("no-message-id")
    keep_files = kind in {MailKind.BUYER_MESSAGE, MailKind.SELLER_COPY}
    return ParsedMail(
        kind=kind,
        message_id=message_id,
        in_reply_to=message_ids(raw_header(msg, "In-Reply-To")),
        references=message_ids(raw_header(msg, "References")),
        family=family,
        marketplace=marketplace,
        alias=alias.address if alias else None,
        alias_base=alias.base if alias else None,
        buyer_name=buyer_name,
        order_id=ids[0] if ids else None,
        order_ids=ids,
        ebay_ref=ebay_ref,
        subject=subject,
        text=words.text,
        html=words.html if keep_files else None,
        attachments=(
            _attachments(parts, _shown_in_words(parts, words, problems), problems)
            if keep_files
            else ()
        ),
        date=_date(msg, problems),
        language=language,
        trusted=trusted,
        problems=tuple(sorted(problems)),
        refers_to=concern.message_id,
        status=found.status,
        fingerprint=digest,
    )
