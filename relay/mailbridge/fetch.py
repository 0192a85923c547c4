"""Fetching a folder: from its cursor to the end, in batches, each batch and the cursor it
advances committed in one transaction (a crash loses nothing and adds nothing twice).

Per folder the cursor keeps UIDVALIDITY, UIDNEXT and, where the server has CONDSTORE,
HIGHESTMODSEQ. A folder whose UIDNEXT has not moved has nothing new: a no-change resync is one
SELECT (EXAMINE) per folder. A UIDVALIDITY change restarts the folder at UID 1; the Message-ID
(fetched alone first) or, without one, the content hash finds every mail seen before, which
is then only re-mapped to its new UID, never stored again. Bodies are fetched with
BODY.PEEK[] from a read-only EXAMINE: the seller's mail is never marked read or moved.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient
from sqlalchemy import select
from sqlalchemy.exc import InterfaceError, OperationalError

from relay import schema
from relay.db import Database
from relay.mailbridge.accounts import Mailbox
from relay.mailbridge.apply import TOO_LARGE, Applier, Place, Tally, mail_key
from relay.mailbridge.mimeparts import ID_RE
from relay.mailbridge.parse import ParsedMail, parse_mail
from relay.store import Changes, now, upsert

BATCH_MAILS = int(os.environ.get("SELLER_RELAY_MAIL_BATCH", "200"))  # mails per transaction
BATCH_BYTES = 16 * 1024 * 1024
MAX_MAIL_BYTES = 25 * 1024 * 1024  # larger mails: the first PARTIAL_BYTES, no attachments
PARTIAL_BYTES = 1024 * 1024
MESSAGE_ID_RE = re.compile(b"<(" + ID_RE.pattern.encode() + b")>")  # the parser's ids, as bytes
HEADER = "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
HEADER_KEY = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"
log = logging.getLogger("relay.mailbridge.fetch")


@dataclass(frozen=True)
class Cursor:
    uidvalidity: int
    uidnext: int
    highestmodseq: int | None


def read_cursor(db: Database, mailbox_id: int, folder: str) -> Cursor | None:
    c = schema.mail_cursors.c
    with db.reading() as conn:
        row = conn.execute(
            select(c.uidvalidity, c.uidnext, c.highestmodseq).where(
                (c.mailbox_id == mailbox_id) & (c.folder == folder)
            )
        ).first()
    return None if row is None else Cursor(int(row[0]), int(row[1]), row[2])


def _write_cursor(conn: Any, mailbox_id: int, folder: str, cursor: Cursor) -> None:
    upsert(
        conn,
        schema.mail_cursors,
        {
            "mailbox_id": mailbox_id,
            "folder": folder,
            "uidvalidity": cursor.uidvalidity,
            "uidnext": cursor.uidnext,
            "highestmodseq": cursor.highestmodseq,
            "updated_at": now(),
        },
        ["mailbox_id", "folder"],
    )


def _chunks(items: list[int], n: int) -> Iterable[list[int]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def header_key(header: bytes | None) -> str | None:
    """The mail key from a fetched Message-ID header (the same key apply gives the mail)."""
    found = MESSAGE_ID_RE.search(header or b"")
    if found is None:
        return None
    return mail_key(found[1].decode("ascii", "replace"), "")


class FolderSync:
    """One folder of one mailbox, on a connected client (blocking; run it off the loop)."""

    def __init__(
        self,
        client: IMAPClient,
        db: Database,
        mailbox: Mailbox,
        folder: str,
        tally: Tally,
        on_commit: Callable[[set[int]], None] | None = None,
    ) -> None:
        self.client = client
        self.db = db
        self.mailbox = mailbox
        self.folder = folder
        self.tally = tally
        self.on_commit = on_commit

    def run(self) -> None:
        info = self.client.select_folder(self.folder, readonly=True)
        uv = int(info[b"UIDVALIDITY"])
        uidnext = int(info[b"UIDNEXT"]) if info.get(b"UIDNEXT") else None
        hms = int(info[b"HIGHESTMODSEQ"]) if info.get(b"HIGHESTMODSEQ") else None
        cur = read_cursor(self.db, self.mailbox.id, self.folder)
        start = cur.uidnext if cur is not None and cur.uidvalidity == uv else 1
        if uidnext is not None and start >= uidnext:
            if cur is None or cur.uidvalidity != uv or cur.highestmodseq != hms:
                with self.db.writing() as conn:
                    _write_cursor(conn, self.mailbox.id, self.folder, Cursor(uv, uidnext, hms))
            return  # nothing new
        uids = sorted(u for u in self.client.search(["UID", f"{start}:*"]) if u >= start)
        sizes: dict[int, int] = {}
        keys: dict[int, str | None] = {}
        for chunk in _chunks(uids, 1000):
            for uid, data in self.client.fetch(chunk, ["RFC822.SIZE", HEADER]).items():
                sizes[uid] = int(data.get(b"RFC822.SIZE") or 0)
                keys[uid] = header_key(data.get(HEADER_KEY))
        uids = [u for u in uids if u in sizes]  # expunged meanwhile
        batches: list[list[int]] = []
        batch: list[int] = []
        weight = 0
        for uid in uids:
            batch.append(uid)
            weight += min(sizes[uid], MAX_MAIL_BYTES)
            if len(batch) >= BATCH_MAILS or weight >= BATCH_BYTES:
                batches.append(batch)
                batch, weight = [], 0
        batches.append(batch)  # the last, even empty: it carries the final cursor
        end = max(uidnext or 0, (uids[-1] + 1) if uids else start)
        self._pipeline(uv, batches, keys, sizes, Cursor(uv, end, hms))

    def _pipeline(
        self,
        uv: int,
        batches: list[list[int]],
        keys: dict[int, str | None],
        sizes: dict[int, int],
        final: Cursor,
    ) -> None:
        """Store batch k while batch k+1 is fetched from the server and parsed (one helper
        thread, the only user of the IMAP connection meanwhile): the server's and the network's
        share of the time overlaps the store's. Commits stay in order, one batch at a time."""
        if len(batches) == 1:
            self._store(uv, batches[0], keys, self._read(batches[0], keys, sizes), final)
            return
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mail-fetch") as ahead:
            coming = ahead.submit(self._read, batches[0], keys, sizes)
            for i, batch in enumerate(batches):
                parsed = coming.result()
                last = i == len(batches) - 1
                if not last:
                    coming = ahead.submit(self._read, batches[i + 1], keys, sizes)
                try:
                    self._store(uv, batch, keys, parsed, final if last else None)
                except BaseException:
                    coming.cancel()
                    raise

    def _fetch(self, uids: list[int], sizes: dict[int, int]) -> dict[int, tuple[bytes, bool]]:
        """Raw mails by UID (True: cut at PARTIAL_BYTES, too large to import whole)."""
        out: dict[int, tuple[bytes, bool]] = {}
        whole = [u for u in uids if sizes[u] <= MAX_MAIL_BYTES]
        big = [u for u in uids if sizes[u] > MAX_MAIL_BYTES]
        if whole:
            for uid, data in self.client.fetch(whole, ["BODY.PEEK[]"]).items():
                out[uid] = (bytes(data.get(b"BODY[]") or b""), False)
        if big:
            part = f"BODY.PEEK[]<0.{PARTIAL_BYTES}>"
            for uid, data in self.client.fetch(big, [part]).items():
                raw = next((v for k, v in data.items() if k.startswith(b"BODY[]")), b"")
                out[uid] = (bytes(raw or b""), True)
        return out

    def _read(
        self, batch: list[int], keys: dict[int, str | None], sizes: dict[int, int]
    ) -> dict[int, ParsedMail]:
        """The batch's mails not seen before, fetched and parsed (no writes)."""
        mailbox = self.mailbox
        guessed = [k for k in (keys[u] for u in batch) if k]
        with self.db.reading() as conn:
            known_before = Applier(conn, Changes(conn, 0), mailbox, Tally()).known(guessed)
        wanted = [u for u in batch if keys[u] is None or keys[u] not in known_before]
        raws = self._fetch(wanted, sizes) if wanted else {}
        parsed: dict[int, ParsedMail] = {}
        for uid, (raw, cut) in raws.items():
            p = parse_mail(raw, authserv_id=mailbox.authserv_id)
            if cut:
                p = dataclasses.replace(
                    p, attachments=(), problems=tuple(sorted({*p.problems, TOO_LARGE}))
                )
            parsed[uid] = p
        return parsed

    def _store(
        self,
        uv: int,
        batch: list[int],
        keys: dict[int, str | None],
        parsed: dict[int, ParsedMail],
        final: Cursor | None,
    ) -> None:
        """The batch and the cursor that covers it, in one transaction. A mail that cannot
        be stored rolls the batch back; it is then stored again with that mail quarantined
        (`Applier.quarantine`), so one bad mail never holds the mailbox back."""
        quarantined: dict[int, str] = {}
        while True:
            try:
                self._store_once(uv, batch, keys, parsed, final, quarantined)
                return
            except _Unstorable as bad:
                log.error(
                    "mailbox %s, %s UID %s could not be stored; kept in the notices lane",
                    self.mailbox.address,
                    self.folder,
                    bad.uid,
                    exc_info=bad.__cause__,
                )
                quarantined[bad.uid] = bad.reason

    def _store_once(
        self,
        uv: int,
        batch: list[int],
        keys: dict[int, str | None],
        parsed: dict[int, ParsedMail],
        final: Cursor | None,
        quarantined: dict[int, str],
    ) -> None:
        mailbox = self.mailbox
        tally = Tally()
        with self.db.writing() as conn:
            if conn.dialect.name == "postgresql":  # one fetcher of a mailbox at a time
                m = schema.mailboxes.c
                conn.execute(select(m.id).where(m.id == mailbox.id).with_for_update())
            c = schema.mail_cursors.c
            moved = conn.execute(
                select(c.uidvalidity, c.uidnext).where(
                    (c.mailbox_id == mailbox.id) & (c.folder == self.folder)
                )
            ).first()
            floor = int(moved.uidnext) if moved is not None and moved.uidvalidity == uv else 0
            ch = Changes(conn, mailbox.seller_id)
            applier = Applier(conn, ch, mailbox, tally)
            items = [
                (
                    uid,
                    mail_key(parsed[uid].message_id, parsed[uid].fingerprint)
                    if uid in parsed
                    else keys[uid],
                )
                for uid in batch
                if uid >= floor  # another fetcher of this mailbox got there first
            ]
            known = applier.known([k for _, k in items if k])
            applier.prepare(
                [(k, parsed[uid]) for uid, k in items if k and k not in known and uid in parsed]
            )
            for uid, key in items:
                place = Place(self.folder, uv, uid)
                if key is None:
                    continue  # expunged between the two fetches: the next fetch finds nothing
                if key in known:
                    applier.remap(key, place)
                    continue
                mail = parsed.get(uid)
                if mail is None:
                    continue
                if uid in quarantined:
                    applier.quarantine(key, mail, place, quarantined[uid])
                else:
                    try:
                        applier.apply(key, mail, place)
                    except (OperationalError, InterfaceError):
                        raise  # the database's trouble (locked, full, gone), not the mail's
                    except Exception as exc:  # the batch is rolled back: see _store
                        raise _Unstorable(uid, type(exc).__name__) from exc
                known.add(key)
            applier.finish()
            if batch or final is not None:
                last = final or Cursor(
                    uv, max(batch[-1] + 1, floor), moved_hms(conn, mailbox.id, self.folder, uv)
                )
                _write_cursor(conn, mailbox.id, self.folder, last)
            ch.flush()
        self.tally.add(tally)
        if self.on_commit is not None and ch.states:
            self.on_commit({mailbox.seller_id})


class _Unstorable(Exception):
    def __init__(self, uid: int, reason: str) -> None:
        super().__init__(uid, reason)
        self.uid = uid
        self.reason = reason


def moved_hms(conn: Any, mailbox_id: int, folder: str, uv: int) -> int | None:
    """The stored HIGHESTMODSEQ, kept while a fetch is part way (it is set at the end)."""
    c = schema.mail_cursors.c
    row = conn.execute(
        select(c.uidvalidity, c.highestmodseq).where(
            (c.mailbox_id == mailbox_id) & (c.folder == folder)
        )
    ).first()
    return row.highestmodseq if row is not None and row.uidvalidity == uv else None
