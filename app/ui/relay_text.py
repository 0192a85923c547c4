"""The relay's notices and refusals in the window's language.

The relay sends a notice (a system message in a conversation) as a code with parameters
beside its English text (docs/protocol.md §4, Message's ``noticeCode``), and refuses a
message with a SetError type; both are worded here, under the ``Relay`` context, as
``policy_text`` words the rules check's findings. What is not ours to translate stays as it
came: a file's name, a mail server's status code and its own words. A code this window does
not know (a newer relay) shows the relay's English text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.thread import preview_of
from app.storage.rows import ThreadRow
from app.ui.translations import QT_TRANSLATE_NOOP

# Notices: the code's wording; %1 is the status a mail server reported, with its own words.
NOTICES = {
    "buyerOptedOut": QT_TRANSLATE_NOOP(
        "Relay",
        "Your message was not delivered: this buyer has opted out of unsolicited messages. "
        "Replies in a conversation the buyer started, critical messages marked [Important], "
        "and messages about handmade, custom or wine orders still reach them.",
    ),
    "notDelivered": QT_TRANSLATE_NOOP(
        "Relay",
        "The marketplace did not deliver your reply%1. The buyer may have opted out of "
        "messages; replies in a conversation the buyer started and critical messages marked "
        "[Important] still reach them.",
    ),
    "deliveryReport": QT_TRANSLATE_NOOP(
        "Relay",
        "Your mail server could not deliver your reply%1. If it says the sender is not "
        "allowed, add your address under Messaging Permissions in Seller Central.",
    ),
    "smtpRejected": QT_TRANSLATE_NOOP(
        "Relay",
        "Your mail server refused your reply%1. If it says the sender is not allowed, check "
        "the address you send from.",
    ),
    "notComposed": QT_TRANSLATE_NOOP(
        "Relay",
        "This reply could not be written as a mail%1, so it was not sent. Copy its text into "
        "your mail program.",
    ),
    "delayed": QT_TRANSLATE_NOOP(
        "Relay",
        "Your mail server reports a delay%1 and keeps trying to deliver your reply. Nothing "
        "to do yet; a later report will say if it fails.",
    ),
    "deliveryUnknown": QT_TRANSLATE_NOOP(
        "Relay",
        "The connection to your mail server broke while this reply was being handed over, and "
        "no copy is in your Sent folder: check your mail program before sending it again.",
    ),
    "untrusted": QT_TRANSLATE_NOOP(
        "Relay",
        "This mail claims to come from the marketplace, but your mail server's sender checks "
        "(SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or attachments, and "
        "check the conversation in Seller Central before you answer.",
    ),
    "tooLarge": QT_TRANSLATE_NOOP(
        "Relay",
        "This mail was too large to import whole (over 25 MB): its text is shown as far as it "
        "was read, its attachments were not imported. Open it in your mail program.",
    ),
    "attachmentsRemoved": QT_TRANSLATE_NOOP(
        "Relay", "The relay removed attachments that do not comply with the marketplace's rules:"
    ),
}
REMOVED_TYPE = QT_TRANSLATE_NOOP("Relay", "- %1: file type %2 is not allowed")
REMOVED_SIZE = QT_TRANSLATE_NOOP("Relay", "- %1: over the %2 limit per message")

# Why an outbox item needs the seller, by the relay's SetError type (protocol.md §3).
ATTENTION = {
    "policyViolation": QT_TRANSLATE_NOOP(
        "Relay",
        "The marketplace's rules refused it. Open the draft, change what the rules check "
        "marks, and send it again.",
    ),
    "importantTagRequired": QT_TRANSLATE_NOOP(
        "Relay", "This buyer has opted out: a critical message needs [Important] in its subject."
    ),
    "buyerOptedOut": QT_TRANSLATE_NOOP(
        "Relay", "Not sent: this buyer has opted out of unsolicited messages."
    ),
    "attachmentRejected": QT_TRANSLATE_NOOP(
        "Relay", "The relay refused an attachment (its type or size)."
    ),
    "blobNotFound": QT_TRANSLATE_NOOP(
        "Relay", "An attachment is no longer on the relay: attach it again."
    ),
    "notFound": QT_TRANSLATE_NOOP("Relay", "The conversation is no longer on the relay."),
    "notOnRelay": QT_TRANSLATE_NOOP(
        "Relay", "The conversation has not reached the relay yet: sync, then retry."
    ),
    "forbidden": QT_TRANSLATE_NOOP("Relay", "The relay does not allow this account to send it."),
    "invalidProperties": QT_TRANSLATE_NOOP(
        "Relay", "The relay could not accept this message as it is."
    ),
    "tooLarge": QT_TRANSLATE_NOOP("Relay", "The message is too large for the relay."),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Relay", text)


def notice_text(notice: dict[str, Any] | None, english: str) -> str:
    """A system message's text: its ``notice`` ({"code", "params"}) worded, else ``english``."""
    code = (notice or {}).get("code")
    if code not in NOTICES:
        return english
    params = (notice or {}).get("params") or {}
    text = _tr(NOTICES[code])
    if code == "attachmentsRemoved":
        return "\n".join([text, *map(lambda f: _removed(f, params), params.get("files") or [])])
    said = " ".join(str(params[k]) for k in ("status", "description") if params.get(k))
    return text.replace("%1", f" ({said})" if said else "")


def preview_text(row: ThreadRow) -> str:
    """A thread list row's preview on one line: a relay notice worded like ``notice_text`` in
    the window's language (storage revision 0008), anything else as stored."""
    if row.preview_notice is None:
        return row.preview.replace("\n", " ")
    return preview_of(notice_text(row.preview_notice, row.preview))


def _removed(file: dict[str, Any], params: dict[str, Any]) -> str:
    if file.get("reason") == "type":
        line = _tr(REMOVED_TYPE).replace("%2", str(file.get("type", "")))
    else:
        mb = int(params.get("maxBytes") or 0) // (1024 * 1024)  # as the marketplace says it
        line = _tr(REMOVED_SIZE).replace("%2", f"{mb} MB")
    return line.replace("%1", str(file.get("name", "")))


def attention_text(error_type: str | None, detail: str | None) -> str:
    """Why an outbox item needs the seller, worded from the relay's SetError type; the relay's
    own description (``detail``) for a type this window does not know."""
    worded = ATTENTION.get(error_type or "")
    return _tr(worded) if worded else detail or ""
