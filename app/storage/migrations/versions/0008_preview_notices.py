"""The thread list's preview of a relay notice as data: ``conversations.preview_notice`` holds
the last message's notice code and parameters (JSON, as ``messages.notice``) when that
message is a relay notice, so the list words it in the window's language, as the
conversation pane does since revision 0005.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Notices synced before revision 0005 have no code. Their English text is the relay's, written
from a fixed template (relay/api/submission.py, relay/rules.py, relay/mailbridge/); a text that
matches one of those templates whole gets its code and parameters back here, so it is worded
in the window's language in the pane and the list like a newer one. Any other text (a newer
relay's wording, a notice this file does not know) keeps its English, as before. The
templates are copied here, not imported: a migration must keep doing what it did when it was
written, whatever the relay says later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_REACH = "still reach them."
# (code, the relay's English as a regular expression, its parameters from the match)
_TEMPLATES: list[tuple[str, str, Callable[[re.Match[str]], dict[str, Any]]]] = [
    (
        "buyerOptedOut",
        re.escape(
            "Your message was not delivered: this buyer has opted out of unsolicited messages. "
            "Replies in a conversation the buyer started, critical messages marked [Important], "
            "and messages about handmade, custom or wine orders " + _REACH
        ),
        lambda m: {},
    ),
    (
        "notDelivered",
        re.escape("The marketplace did not deliver your reply")
        + r"(?: \((?P<status>.+?)\))?"
        + re.escape(
            ". The buyer may have opted out of messages; replies in a conversation the buyer "
            "started and critical messages marked [Important] " + _REACH
        ),
        lambda m: {"status": m["status"]} if m["status"] else {},
    ),
    (
        "deliveryReport",
        re.escape("Your mail server could not deliver your reply (")
        + r"(?P<status>.*?)"
        + re.escape(
            "). If it says the sender is not allowed, add your address under Messaging "
            "Permissions in Seller Central."
        ),
        lambda m: {"status": m["status"]} if m["status"] else {},
    ),
    (
        "smtpRejected",
        re.escape("Your mail server refused your reply (")
        + r"(?P<status>\d+) ?(?P<description>.*)"
        + re.escape("). If it says the sender is not allowed, check the address you send from."),
        lambda m: {"status": m["status"], **({"description": d} if (d := m["description"]) else {})},
    ),
    (
        "delayed",
        re.escape("Your mail server reports a delay (")
        + r"(?P<status>.*?)"
        + re.escape(
            ") and keeps trying to deliver your reply. Nothing to do yet; a later report will "
            "say if it fails."
        ),
        lambda m: {"status": m["status"]} if m["status"] else {},
    ),
    (
        "deliveryUnknown",
        re.escape(
            "The connection to your mail server broke while this reply was being handed over, "
            "and no copy is in your Sent folder: check your mail program before sending it again."
        ),
        lambda m: {},
    ),
    (
        "untrusted",
        re.escape(
            "This mail claims to come from the marketplace, but your mail server's sender checks "
            "(SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or attachments, "
            "and check the conversation in Seller Central before you answer."
        ),
        lambda m: {},
    ),
    (
        "tooLarge",
        re.escape(
            "This mail was too large to import whole (over 25 MB): its text is shown as far as "
            "it was read, its attachments were not imported. Open it in your mail program."
        ),
        lambda m: {},
    ),
]
_REMOVED = "The relay removed attachments that do not comply with the marketplace's rules:"
_REMOVED_TYPE = re.compile(r"- (?P<name>.+): file type (?P<type>\S+) is not allowed")
_REMOVED_SIZE = re.compile(r"- (?P<name>.+): over the (?P<mb>\d+) MB limit per message")


def recover(text: str) -> dict[str, Any] | None:
    """The notice ({"code", "params"}) a relay's English text was written from, or None."""
    lines = text.strip().splitlines()
    if lines and lines[0] == _REMOVED and len(lines) > 1:
        return _removed(lines[1:])
    flat = " ".join(text.split())
    for code, pattern, params in _TEMPLATES:
        if found := re.fullmatch(pattern, flat, re.DOTALL):
            return {"code": code, "params": params(found)}
    return None


def _removed(lines: list[str]) -> dict[str, Any] | None:
    files: list[dict[str, Any]] = []
    params: dict[str, Any] = {"files": files}
    for line in lines:
        if by_type := _REMOVED_TYPE.fullmatch(line):
            files.append({"name": by_type["name"], "type": by_type["type"], "reason": "type"})
        elif by_size := _REMOVED_SIZE.fullmatch(line):
            files.append({"name": by_size["name"], "reason": "size"})
            params["maxBytes"] = int(by_size["mb"]) * 1024 * 1024
        else:
            return None  # not the relay's list: keep the text as it is
    return {"code": "attachmentsRemoved", "params": params}


def upgrade() -> None:
    op.add_column("conversations", sa.Column("preview_notice", sa.Text(), nullable=True))
    conn = op.get_bind()
    notices = conn.exec_driver_sql(
        "SELECT id, conversation_id, body_text, notice FROM messages WHERE direction = 'system'"
    ).fetchall()
    recovered = []
    with_notice = set()
    for mid, conversation_id, body_text, notice in notices:
        if notice is None and (found := recover(body_text)) is not None:
            recovered.append((json.dumps(found, ensure_ascii=False), mid))
            notice = found
        if notice is not None:
            with_notice.add(conversation_id)
    if recovered:
        conn.exec_driver_sql("UPDATE messages SET notice = ? WHERE id = ?", recovered)
    previews = [(n, cid) for cid in sorted(with_notice) if (n := _last_notice(conn, cid))]
    if previews:
        conn.exec_driver_sql("UPDATE conversations SET preview_notice = ? WHERE id = ?", previews)


def _last_notice(conn: sa.Connection, conversation_id: int) -> str | None:
    """The notice of the conversation's last message, ordered as app.domain.thread.summarize
    orders them when it picks the preview (ties in time broken on content)."""
    rows = conn.exec_driver_sql(
        "SELECT received_at, direction, body_text, keywords, notice FROM messages "
        "WHERE conversation_id = ?",
        (conversation_id,),
    ).fetchall()
    last = max(rows, key=lambda r: (r[0], r[1], r[2], sorted(r[3].split()), r[4] or ""))
    return str(last[4]) if last[4] else None


def downgrade() -> None:
    # Recovered message notices stay: revision 0005 has their column and shows them.
    op.drop_column("conversations", "preview_notice")
