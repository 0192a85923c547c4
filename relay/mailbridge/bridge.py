"""The bridge runner: per mailbox one inbound thread (IMAP: fetch, then IDLE) and one outbound
thread (SMTP: queued replies), started and stopped with the relay (`seller-relay serve`, the
app's embedded relay) or run once from the command line (`seller-relay mailbox fetch --once`).

The IMAP and SMTP clients block, so they run on their own threads, never on the event loop.
A failure is recorded as the mailbox's state (MailboxState: connected, last error and its
kind) and retried with a bounded backoff (2 s doubling to 5 min). Mail committed before a
failure stays committed; what was not committed is fetched again (and found seen, if it was).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from relay.config import RelayConfig
from relay.db import Database
from relay.mailbridge import imap
from relay.mailbridge.accounts import Mailbox, load_mailboxes, report
from relay.mailbridge.apply import Tally
from relay.mailbridge.errors import MailError, classify
from relay.mailbridge.fetch import FolderSync
from relay.mailbridge.outbound import Sender
from relay.mailbridge.secret_store import SecretStore

log = logging.getLogger("relay.mailbridge")
IDLE_RENEW = 25 * 60.0  # re-IDLE before the server's 29-minute limit
POLL_OTHER_FOLDERS = 60.0  # folders but the first are polled; IDLE watches the first
BACKOFF_FIRST, BACKOFF_MAX = 2.0, 300.0
SEND_POLL = 2.0  # queued replies from other processes (PostgreSQL) are found by polling
RELOAD = 10.0  # mailboxes added or removed while running are picked up this often

OnChange = Callable[[set[int]], None]


def _password(secrets: SecretStore, mailbox: Mailbox) -> str:
    found = secrets.get(mailbox.address)
    if not found:
        raise MailError("login", f"no password is stored for {mailbox.address}")
    return found


def fetch_mailbox(
    db: Database,
    mailbox: Mailbox,
    secrets: SecretStore,
    on_change: OnChange | None = None,
    client: Any = None,
    tally: Tally | None = None,
) -> Tally:
    """Fetch every folder of a mailbox once (blocking). MailError on a server problem; what
    was committed before it is already counted in `tally`."""
    tally = tally if tally is not None else Tally()
    own = client is None
    if own:
        client = imap.connect(mailbox.imap, _password(secrets, mailbox))
    try:
        for folder in mailbox.folders:
            FolderSync(client, db, mailbox, folder, tally, on_change).run()
    except MailError:
        raise
    except Exception as exc:
        raise classify(exc, mailbox.imap.host) from exc
    finally:
        if own:
            imap.close(client)
    return tally


def fetch_once(
    db: Database, seller: str | None, secrets: SecretStore, on_change: OnChange | None = None
) -> tuple[Tally, list[tuple[str, MailError]]]:
    """`mailbox fetch --once`: each mailbox of the seller fetched once; failures by address."""
    total = Tally()
    failed: list[tuple[str, MailError]] = []
    for mailbox in load_mailboxes(db, seller):
        try:
            fetch_mailbox(db, mailbox, secrets, on_change, tally=total)
            report(db, mailbox.id, connected=True, fetched=True)
        except MailError as err:
            report(db, mailbox.id, connected=False, error=err.message, error_kind=err.kind)
            failed.append((mailbox.address, err))
    return total, failed


def send_once(
    db: Database, seller: str | None, secrets: SecretStore, on_change: OnChange | None = None
) -> tuple[int, list[tuple[str, MailError]]]:
    """Every due reply of the seller's mailboxes sent (or settled) once."""
    done = 0
    failed: list[tuple[str, MailError]] = []
    for mailbox in load_mailboxes(db, seller):
        try:
            done += Sender(db, mailbox, _password(secrets, mailbox), on_change).run_once()
        except MailError as err:
            failed.append((mailbox.address, err))
    return done, failed


class _Worker:
    """One mailbox's two threads."""

    def __init__(self, bridge: MailBridge, mailbox: Mailbox) -> None:
        self.bridge = bridge
        self.mailbox = mailbox
        self.stop = threading.Event()
        self.wake_send = threading.Event()
        name = f"mail-{mailbox.id}"
        self.threads = [
            threading.Thread(target=self._inbound, name=f"{name}-in", daemon=True),
            threading.Thread(target=self._outbound, name=f"{name}-out", daemon=True),
        ]

    def start(self) -> None:
        for t in self.threads:
            t.start()

    def _report(self, **kw: Any) -> None:
        try:
            report(self.bridge.db, self.mailbox.id, **kw)
        except Exception:  # the state is a report; the work goes on without it
            log.warning("could not record the state of %s", self.mailbox.address, exc_info=True)

    def _inbound(self) -> None:
        backoff = BACKOFF_FIRST
        while not self.stop.is_set():
            client = None
            try:
                password = _password(self.bridge.secrets, self.mailbox)
                client = imap.connect(self.mailbox.imap, password)
                idle = imap.has(client, "IDLE")
                self._cycle(client, idle)
                backoff = BACKOFF_FIRST
            except Exception as exc:
                err = classify(exc, self.mailbox.imap.host)
                log.warning("mailbox %s: %s", self.mailbox.address, err.message)
                self._report(connected=False, error=err.message, error_kind=err.kind)
                self.stop.wait(backoff)
                backoff = min(backoff * 2, BACKOFF_MAX)
            finally:
                if client is not None:
                    imap.close(client)

    def _cycle(self, client: Any, idle: bool) -> None:
        """Fetch, wait for news (IDLE, or a poll without it), fetch again: until stopped."""
        box = self.mailbox
        error = None if idle else "the server does not offer IDLE: checking every minute"
        kind = None if idle else "no-idle"
        last_all = 0.0
        while not self.stop.is_set():
            folders = (
                box.folders if time.monotonic() - last_all > POLL_OTHER_FOLDERS else box.folders[:1]
            )
            if len(folders) == len(box.folders):
                last_all = time.monotonic()
            tally = Tally()
            for folder in folders:
                FolderSync(client, self.bridge.db, box, folder, tally, self.bridge.changed).run()
            self._report(connected=True, error=error, error_kind=kind, fetched=True)
            if not idle:
                self.stop.wait(POLL_OTHER_FOLDERS)
                continue
            client.select_folder(box.folders[0], readonly=True)
            client.idle()
            try:
                until = time.monotonic() + min(
                    IDLE_RENEW, POLL_OTHER_FOLDERS if len(box.folders) > 1 else IDLE_RENEW
                )
                while not self.stop.is_set() and time.monotonic() < until:
                    if client.idle_check(timeout=1.0):
                        break  # EXISTS, EXPUNGE, FETCH...: look
            finally:
                client.idle_done()

    def _outbound(self) -> None:
        backoff = BACKOFF_FIRST
        while not self.stop.is_set():
            try:
                sender = Sender(
                    self.bridge.db,
                    self.mailbox,
                    _password(self.bridge.secrets, self.mailbox),
                    self.bridge.changed,
                )
                sender.run_once()
                backoff = BACKOFF_FIRST
                self.wake_send.wait(SEND_POLL)
                self.wake_send.clear()
            except Exception as exc:
                err = classify(exc, self.mailbox.smtp.host)
                log.warning("mailbox %s (sending): %s", self.mailbox.address, err.message)
                self.stop.wait(backoff)
                backoff = min(backoff * 2, BACKOFF_MAX)

    def request_stop(self) -> None:
        self.stop.set()
        self.wake_send.set()

    def join(self, timeout: float) -> None:
        for t in self.threads:
            t.join(timeout)


class MailBridge:
    """Every stored mailbox (of one seller, or all) bridged while running.

    `on_change(seller_ids)` is called from the bridge's threads after a commit changed those
    accounts (the relay wakes its push subscribers with it).
    """

    def __init__(
        self,
        db: Database,
        config: RelayConfig | None,
        secrets: SecretStore,
        *,
        on_change: OnChange | None = None,
        seller: str | None = None,
    ) -> None:
        self.db = db
        self.config = config or RelayConfig()
        self.secrets = secrets
        self.on_change = on_change
        self.seller = seller
        self._workers: dict[int, _Worker] = {}
        self._stop = threading.Event()
        self._supervisor: threading.Thread | None = None

    def changed(self, seller_ids: set[int]) -> None:
        if self.on_change is not None:
            try:
                self.on_change(seller_ids)
            except Exception:  # push is a hint; clients resync anyway
                log.warning("change notification failed", exc_info=True)

    def start(self) -> None:
        self._stop.clear()
        self._reload()
        self._supervisor = threading.Thread(target=self._supervise, name="mail-bridge", daemon=True)
        self._supervisor.start()

    def _reload(self) -> None:
        boxes = {b.id: b for b in load_mailboxes(self.db, self.seller)}
        for mid in [
            m for m in self._workers if m not in boxes or boxes[m] != self._workers[m].mailbox
        ]:
            self._workers.pop(mid).request_stop()
        for mid, box in boxes.items():
            if mid not in self._workers:
                worker = _Worker(self, box)
                self._workers[mid] = worker
                worker.start()

    def _supervise(self) -> None:
        while not self._stop.wait(RELOAD):
            try:
                self._reload()
            except Exception:
                log.warning("could not reload the mailboxes", exc_info=True)

    def wake_outbound(self) -> None:
        """A reply was queued: send now rather than at the next poll."""
        for worker in list(self._workers.values()):
            worker.wake_send.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        workers = list(self._workers.values())
        self._workers.clear()
        for w in workers:
            w.request_stop()
        for w in workers:
            w.join(timeout)
        if self._supervisor is not None:
            self._supervisor.join(timeout)
            self._supervisor = None

    async def astart(self) -> None:
        self.start()

    async def astop(self) -> None:
        import asyncio

        await asyncio.get_running_loop().run_in_executor(None, self.stop)
