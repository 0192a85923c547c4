"""Delivering queued replies by SMTP, exactly once across crashes.

A reply is sent from the mailbox's (approved) address to the buyer's latest full alias, plain
text (the Markdown rendered to clean text), with In-Reply-To/References of the buyer's mails,
the order number once in the subject, and its kept attachments (the pack's limit was applied
when the relay accepted it). Its Message-ID comes from the Submission's clientSubmissionId
(`outbox.outbound_message_id`), the same on every attempt.

The outbox row goes queued -> sending -> sent. `sending` is committed after the server
accepted MAIL FROM and RCPT TO and before DATA: from then on the mail may have left. If the
answer to DATA never arrives (a crash, a dropped connection), the next run finds `sending` and
searches the Sent folder for that Message-ID (IMAP SEARCH HEADER): found, it is sent; not
found, the Submission needs attention (`attention`) and is never resent blindly. A failure
before DATA, or a 4xx answer, leaves it queued for a later try; a 5xx answer fails it.
"""

from __future__ import annotations

import html
import json
import logging
import re
import smtplib
import ssl
from collections.abc import Callable
from datetime import timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from html.parser import HTMLParser
from typing import Any

import markdown
from imapclient.imapclient import SENT
from sqlalchemy import or_, select, update
from sqlalchemy.exc import InterfaceError, OperationalError

from relay import blobs, schema
from relay.db import Database
from relay.mailbridge import delivery, imap
from relay.mailbridge.accounts import Endpoint, Mailbox
from relay.mailbridge.errors import MailError, classify
from relay.store import Changes, now

log = logging.getLogger("relay.mailbridge.outbound")
TIMEOUT = 60.0
MAX_REFERENCES = 20
RETRY_BASE = timedelta(seconds=15)
RETRY_MAX = timedelta(hours=1)


# -- the mail --------------------------------------------------------------------------------


class _Text(HTMLParser):
    """Rendered Markdown to plain text: paragraphs apart, list items with "- ", links as
    "text (url)"."""

    BLOCKS = frozenset(
        {
            "p",
            "div",
            "ul",
            "ol",
            "pre",
            "blockquote",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.out.append("\n\n")
        elif tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
        elif tag == "tr":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.out.append("\n\n")
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href and not "".join(self.out).endswith(href):
                self.out.append(f" ({href})")
        elif tag in ("td", "th"):
            self.out.append("  ")

    def handle_data(self, data: str) -> None:
        self.out.append(data)


def markdown_to_text(source: str) -> str:
    parser = _Text()
    parser.feed(markdown.markdown(source))
    parser.close()
    text = html.unescape("".join(parser.out))
    text = "\n".join(line.rstrip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def subject_with_order(subject: str, order_id: str | None) -> str:
    """The order number exactly once in the subject."""
    if not order_id:
        return subject
    first = subject.find(order_id)
    if first < 0:
        return f"{subject} (Order: {order_id})"
    head, tail = subject[: first + len(order_id)], subject[first + len(order_id) :]
    return head + tail.replace(order_id, "").replace("()", "").rstrip()


def compose(conn: Any, mailbox: Mailbox, row: Any) -> tuple[EmailMessage, str]:
    """The reply of an outbox row, and its recipient (the buyer's latest full alias)."""
    sid = mailbox.seller_id
    s, m, c = schema.submissions.c, schema.messages.c, schema.conversations.c
    sub = conn.execute(
        select(schema.submissions).where((s.seller_id == sid) & (s.id == row.submission_id))
    ).one()
    msg = conn.execute(
        select(m.subject, m.body_text, m.attachments).where(
            (m.seller_id == sid) & (m.id == sub.message_id)
        )
    ).one()
    conv = conn.execute(
        select(c.buyer_id, c.order_id, c.buyer_alias).where(
            (c.seller_id == sid) & (c.id == sub.conversation_id)
        )
    ).one()
    found = delivery.route(conn, sid, conv.buyer_id)
    alias = found.alias if found is not None else conv.buyer_alias
    buyer_ids = [
        e
        for e in conn.execute(
            select(m.external_id)
            .where(
                (m.seller_id == sid)
                & (m.conversation_id == sub.conversation_id)
                & (m.direction == "in")
                & m.external_id.like("<%>")
            )
            .order_by(m.received_at, m.id)
        ).scalars()
    ]
    o = schema.mail_outbox.c
    ours = [
        f"<{mid}>"
        for mid in conn.execute(
            select(o.message_id)
            .select_from(
                schema.mail_outbox.join(
                    schema.submissions, (s.seller_id == o.seller_id) & (s.id == o.submission_id)
                )
            )
            .where(
                (o.seller_id == sid)
                & (s.conversation_id == sub.conversation_id)
                & (o.state == delivery.SENT)
            )
            .order_by(o.updated_at)
        ).scalars()
    ]
    mail = EmailMessage(policy=SMTP)
    mail["From"] = mailbox.address
    mail["To"] = alias
    mail["Subject"] = subject_with_order(msg.subject, conv.order_id)
    mail["Date"] = format_datetime(now())
    mail["Message-ID"] = f"<{row.message_id}>"
    if buyer_ids:
        mail["In-Reply-To"] = buyer_ids[-1]
        mail["References"] = " ".join((buyer_ids + ours)[-MAX_REFERENCES:])
    mail.set_content(markdown_to_text(msg.body_text))
    for att in json.loads(msg.attachments):
        data = blobs.read(conn, sid, att["blobId"])
        if data is None:
            continue
        maintype, _, subtype = (att.get("type") or data[1]).partition("/")
        mail.add_attachment(
            data[0], maintype=maintype, subtype=subtype or "octet-stream", filename=att["name"]
        )
    return mail, alias


# -- SMTP ----------------------------------------------------------------------------------------


def connect_smtp(ep: Endpoint, password: str, timeout: float = TIMEOUT) -> smtplib.SMTP:
    """Connected, TLS as the URL says (STARTTLS required for smtp:// off loopback), logged in."""
    try:
        if ep.tls == "implicit":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                ep.host, ep.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(ep.host, ep.port, timeout=timeout)
        smtp.ehlo()
        if ep.tls == "starttls":
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise MailError("tls", f"{ep.host}: the server does not offer STARTTLS")
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if smtp.has_extn("auth"):
            smtp.login(ep.user, password)
        return smtp
    except Exception as exc:
        raise classify(exc, ep.host) from exc


class Sender:
    """Sends one mailbox's queued replies (blocking: run it in a thread)."""

    def __init__(
        self,
        db: Database,
        mailbox: Mailbox,
        password: str,
        on_change: Callable[[set[int]], None] | None = None,
    ) -> None:
        self.db = db
        self.mailbox = mailbox
        self.password = password
        self.on_change = on_change

    def _rows(self) -> list[Any]:
        o = schema.mail_outbox.c
        with self.db.reading() as conn:
            return list(
                conn.execute(
                    select(o.submission_id, o.message_id, o.state, o.attempts)
                    .where(
                        (o.mailbox_id == self.mailbox.id)
                        & o.state.in_((delivery.QUEUED, delivery.SENDING))
                        & or_(o.not_before.is_(None), o.not_before <= now())
                    )
                    .order_by(o.updated_at)
                    .limit(50)
                ).all()
            )

    def run_once(self) -> int:
        """Send (or settle) what is due; the number of replies settled."""
        done = 0
        for row in self._rows():
            if row.state == delivery.SENDING:
                done += self._settle(row)
            else:
                done += self._send(row)
        return done

    def _commit(self, fn: Callable[..., None], *args: Any) -> None:
        with self.db.writing() as conn:
            ch = Changes(conn, self.mailbox.seller_id)
            fn(conn, ch, *args)
            ch.flush()
        if self.on_change is not None and ch.states:
            self.on_change({self.mailbox.seller_id})

    def _set(self, row: Any, **values: Any) -> None:
        o = schema.mail_outbox.c
        with self.db.writing() as conn:
            conn.execute(
                update(schema.mail_outbox)
                .where(
                    (o.seller_id == self.mailbox.seller_id) & (o.submission_id == row.submission_id)
                )
                .values(updated_at=now(), **values)
            )

    def _later(self, row: Any, why: str) -> None:
        wait = min(RETRY_BASE * (2 ** min(row.attempts, 12)), RETRY_MAX)
        self._set(row, attempts=row.attempts + 1, not_before=now() + wait, detail=why)

    def _send(self, row: Any) -> int:
        try:
            with self.db.reading() as conn:
                mail, rcpt = compose(conn, self.mailbox, row)
        except (OperationalError, InterfaceError):
            raise  # the database's trouble: the reply waits, like on a network failure
        except Exception as exc:  # nothing left: it fails alone instead of blocking the queue
            log.error("reply %s could not be composed", row.message_id, exc_info=True)
            self._commit(
                delivery.mark_failed,
                row.submission_id,
                {"type": "notComposed", "description": type(exc).__name__},
                "This reply could not be written as a mail, so it was not sent "
                f"({type(exc).__name__}). Copy its text into your mail program.",
            )
            return 1
        try:
            smtp = connect_smtp(self.mailbox.smtp, self.password)
        except MailError as err:
            self._later(row, err.message)
            raise
        try:
            code, answer = smtp.mail(self.mailbox.address)
            if code == 250:
                code, answer = smtp.rcpt(rcpt)
            if code not in (250, 251):
                return self._refused(row, code, answer)
            # From here the mail may leave: a crash until the commit below is settled by the
            # Sent folder, never by sending again.
            self._set(row, state=delivery.SENDING, attempts=row.attempts + 1)
            try:
                code, answer = smtp.data(mail.as_bytes(policy=SMTP))
            except smtplib.SMTPDataError as exc:  # refused DATA itself (no 354): nothing left
                self._set(row, state=delivery.QUEUED)
                return self._refused(row, exc.smtp_code, exc.smtp_error)
            except Exception:
                log.warning("the connection dropped during DATA of %s", row.message_id)
                return self._settle(row)
            if code == 250:
                self._commit(
                    delivery.mark_sent, row.submission_id, answer.decode("utf-8", "replace")[:200]
                )
                self._copy_to_sent(mail)
                return 1
            self._set(row, state=delivery.QUEUED)  # a refused DATA: the mail did not leave
            return self._refused(row, code, answer)
        finally:
            try:
                smtp.quit()
            except Exception:
                smtp.close()

    def _refused(self, row: Any, code: int, answer: bytes | str) -> int:
        text = answer.decode("utf-8", "replace") if isinstance(answer, bytes) else str(answer)
        if 400 <= code < 500:
            self._later(row, f"{code} {text}"[:500])
            return 0
        self._commit(
            delivery.mark_failed,
            row.submission_id,
            {"type": "smtpRejected", "status": str(code), "description": text[:300]},
            f"Your mail server refused your reply ({code} {text[:200]}). If it says the "
            "sender is not allowed, check the address you send from.",
        )
        return 1

    def _sent_folder(self, client: Any) -> str | None:
        return self.mailbox.sent_folder or client.find_special_folder(SENT)

    def _settle(self, row: Any) -> int:
        """A mail that may have left: sent if its copy is in Sent, else needs attention."""
        client = imap.connect(self.mailbox.imap, self.password)
        try:
            folder = self._sent_folder(client)
            found = False
            if folder is not None:
                client.select_folder(folder, readonly=True)
                found = bool(client.search(["HEADER", "Message-ID", f"<{row.message_id}>"]))
        finally:
            imap.close(client)
        if found:
            self._commit(delivery.mark_sent, row.submission_id, f"found in {folder}")
        else:
            self._commit(
                delivery.mark_attention,
                row.submission_id,
                "The connection to your mail server broke while this reply was being handed "
                "over, and no copy is in your Sent folder: check your mail program before "
                "sending it again.",
            )
        return 1

    def _copy_to_sent(self, mail: EmailMessage) -> None:
        """With a Sent folder named in the settings: APPEND a copy unless one is there."""
        if not self.mailbox.sent_folder:
            return  # most providers file sent mail themselves
        try:
            client = imap.connect(self.mailbox.imap, self.password)
            try:
                client.select_folder(self.mailbox.sent_folder, readonly=True)
                if not client.search(["HEADER", "Message-ID", mail["Message-ID"]]):
                    client.append(self.mailbox.sent_folder, mail.as_bytes(policy=SMTP), [b"\\Seen"])
            finally:
                imap.close(client)
        except Exception:  # the reply is sent; a missing copy in Sent is only a convenience
            log.warning(
                "could not copy a sent reply to %s", self.mailbox.sent_folder, exc_info=True
            )
