"""The relay process goes away and comes back (same port, same database) while the seller
works: the window's state says offline with a next try, a message waits in the outbox, and
after the restart everything is delivered once and the store matches the relay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

import pytest

from app.domain import OutboxState
from app.services.connectivity import Status
from app.services.local_changes import LocalChanges
from app.services.outbox import OutboxSender
from app.services.relay_client import RelayClient
from app.services.runner import SyncRunner
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import drafts
from app.storage.drafts import DraftData
from app.storage.store import Store
from relay import auth
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import start_embedded

pytestmark = pytest.mark.asyncio


async def test_relay_restart_loses_nothing(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    seed_demo(db_url, per_marketplace=1)
    db = open_database(db_url)
    token = auth.create_token(db, "demo")
    relay = start_embedded(db_url)
    port = urlparse(relay.url).port
    store = Store.open(tmp_path / "p")
    worker = StoreWorker()
    client = RelayClient(relay.url, token)
    changes = LocalChanges(store, worker)
    runner = SyncRunner(SyncEngine(client, store, worker, changes))
    outbox = OutboxSender(client, store, worker, undo_window=timedelta(0))
    try:
        assert (await runner.sync_once())[0] is not None
        with store.read() as conn:
            conv, message = conn.exec_driver_sql(
                "SELECT c.id, m.relay_id FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
                "JOIN messages m ON m.conversation_id = c.id WHERE c.buyer_initiated "
                "AND NOT b.opted_out AND m.direction = 'in' ORDER BY c.id LIMIT 1"
            ).one()

        relay.stop()  # the relay goes away
        report, _delay = await runner.sync_once()
        assert report is None and runner.state.status is Status.OFFLINE
        assert runner.state.next_try is not None
        key = drafts.draft_key_for_conversation(conv)
        with store.write() as c:
            drafts.save_draft(
                c,
                DraftData(key, "Re", "Written while the relay was down.", conversation_id=conv),
                datetime.now(UTC),
            )
        item = await outbox.send(key)
        (waiting,) = await outbox.process_due()
        assert waiting.state is OutboxState.SENDING and waiting.error_type == "transient"
        await changes.set_keywords(message, {"$flagged": True})

        relay = start_embedded(db_url, port=port)  # and comes back where it was
        report, _delay = await runner.sync_once()
        assert report is not None and runner.state.status in (Status.ONLINE, Status.SESSION_ONLY)
        outbox.clock = lambda: datetime.now(UTC) + timedelta(hours=1)  # its retry is due
        (sent,) = await outbox.process_due()
        assert sent.state is OutboxState.SENT
        ids = (await client.call_one("Submission/query", {"limit": 500}))["ids"]
        subs = (await client.call_one("Submission/get", {"ids": ids}))["list"]
        assert [s["clientSubmissionId"] for s in subs].count(item.idempotency_key) == 1
        got = (await client.call_one("Message/get", {"ids": [message]}))["list"][0]
        assert got["keywords"].get("$flagged") is True
        await runner.sync_once()
        with store.read() as conn:
            outgoing = conn.exec_driver_sql(
                "SELECT count(*) FROM messages WHERE conversation_id = ? AND direction = 'out' "
                "AND body_text LIKE 'Written while the relay was down%'",
                (conv,),
            ).scalar()
        assert outgoing == 1
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()
        relay.stop()
        db.dispose()
