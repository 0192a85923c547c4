"""Hypothesis stateful test: random relay-side changes, offline edits, dropped pushes (syncs
that do not happen), a forgotten change history and app restarts; after settling, the local
store equals the relay's view."""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from app.services.local_changes import LocalChanges
from app.services.relay_client import Offline, RelayClient
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage.store import Store
from relay import auth
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import free_port, start_embedded
from relay.maintenance import reset_horizon
from relay.simulate import DirectBuyerSide

EXAMPLES = int(os.environ.get("SELLER_INBOX_STATEFUL_EXAMPLES", "8"))
STEPS = int(os.environ.get("SELLER_INBOX_STATEFUL_STEPS", "20"))
KEYWORDS = ("$seen", "$flagged", "$noResponseNeeded")


class SyncMachine(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        root = Path(self.tmp.name)
        self.db_url = f"sqlite:///{root / 'relay.sqlite3'}"
        seed_demo(self.db_url, per_marketplace=1)
        self.db = open_database(self.db_url)
        self.token = auth.create_token(self.db, "demo")
        self.relay = start_embedded(self.db_url)
        self.buyer = DirectBuyerSide(self.db_url)
        self.loop = asyncio.new_event_loop()
        self.profile = root / "profile"
        self.offline = False
        self.counter = 0
        self.other_device = RelayClient(self.relay.url, self.token)
        self._open_app()

    def _open_app(self) -> None:
        self.store = Store.open(self.profile)
        self.worker = StoreWorker()
        self.client = RelayClient(self.relay.url, self.token)
        self.dead = RelayClient(f"http://127.0.0.1:{free_port()}", self.token)
        self.engine = SyncEngine(
            self.client, self.store, self.worker, LocalChanges(self.store, self.worker)
        )

    def _close_app(self) -> None:
        self.run(self.client.aclose())
        self.run(self.dead.aclose())
        self.worker.shutdown()
        self.store.close()

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(coro)

    def teardown(self) -> None:
        if not hasattr(self, "relay"):
            return
        try:
            self.settle_and_compare()
        finally:
            self._close_app()
            self.run(self.other_device.aclose())
            self.loop.close()
            self.buyer.close()
            self.relay.stop()
            self.db.dispose()
            self.tmp.cleanup()

    # --- the world changes ---------------------------------------------------------------

    @rule(
        marketplace=st.sampled_from(["amazon.se", "amazon.es", "amazon.com"]),
        returning=st.booleans(),
    )
    def buyer_writes(self, marketplace: str, returning: bool) -> None:
        self.counter += 1
        who = "returning" if returning else f"buyer{self.counter}"
        self.buyer.message(
            {
                "seller": "demo",
                "marketplaceId": marketplace,
                "externalId": f"hyp-{self.counter}-{os.getpid()}",
                "from": {"email": f"{who}@example.org", "name": "Hyp"},
                "subject": "Question",
                "text": f"message number {'x' * (self.counter % 7)}",
            }
        )

    @rule(keyword=st.sampled_from(KEYWORDS), on=st.booleans(), pick=st.integers(0, 10_000))
    def another_device_sets_a_keyword(self, keyword: str, on: bool, pick: int) -> None:
        ids = self.run(self.other_device.call_one("Message/query", {"limit": 500}))["ids"]
        if ids:
            self.run(
                self.other_device.call_one(
                    "Message/set",
                    {
                        "update": {
                            ids[pick % len(ids)]: {f"keywords/{keyword}": True if on else None}
                        }
                    },
                )
            )

    @rule(keyword=st.sampled_from(KEYWORDS), on=st.booleans(), pick=st.integers(0, 10_000))
    def seller_edits_locally(self, keyword: str, on: bool, pick: int) -> None:
        with self.store.read() as conn:
            ids = [
                r
                for (r,) in conn.exec_driver_sql(
                    "SELECT relay_id FROM messages WHERE relay_id IS NOT NULL ORDER BY id"
                )
            ]
        if ids:
            assert self.engine.local_changes is not None
            self.run(self.engine.local_changes.set_keywords(ids[pick % len(ids)], {keyword: on}))

    @rule()
    def relay_forgets_its_history(self) -> None:
        reset_horizon(self.db)

    # --- the app -------------------------------------------------------------------------

    @rule()
    def go_offline(self) -> None:
        self.offline = True
        self.engine.client = self.dead

    @rule()
    def come_back_online(self) -> None:
        self.offline = False
        self.engine.client = self.client

    @rule()
    def sync(self) -> None:
        try:
            self.run(self.engine.sync())
        except Offline:
            assert self.offline

    @precondition(lambda self: hasattr(self, "store"))
    @rule()
    def restart_the_app(self) -> None:
        self._close_app()
        self._open_app()
        if self.offline:
            self.engine.client = self.dead

    @invariant()
    def store_is_sound(self) -> None:
        if hasattr(self, "store"):
            with self.store.read() as conn:
                bad = conn.exec_driver_sql(
                    "SELECT count(*) FROM conversations c WHERE message_count != "
                    "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) "
                    "AND message_count > 0"
                ).scalar()
            assert bad == 0

    # --- settling --------------------------------------------------------------------------

    def settle_and_compare(self) -> None:
        self.engine.client = self.client
        self.run(self.engine.sync())
        self.run(self.engine.sync())
        relay = self.run(self._relay_view())
        with self.store.read() as conn:
            local = {
                r: set(k.split())
                for r, k in conn.exec_driver_sql(
                    "SELECT relay_id, keywords FROM messages WHERE relay_id IS NOT NULL"
                )
            }
            convs = {
                r
                for (r,) in conn.exec_driver_sql(
                    "SELECT relay_id FROM conversations WHERE relay_id IS NOT NULL"
                )
            }
            pending = conn.exec_driver_sql(
                "SELECT count(*) FROM pending_changes WHERE error IS NULL"
            ).scalar()
        assert pending == 0
        assert convs == set(relay["Conversation"])
        assert local == {
            i: {k for k, v in (o.get("keywords") or {}).items() if v}
            for i, o in relay["Message"].items()
        }

    async def _relay_view(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for type_name in ("Conversation", "Message"):
            ids: list[str] = []
            while True:
                page = await self.client.call_one(
                    f"{type_name}/query", {"position": len(ids), "limit": 500}
                )
                ids += page["ids"]
                if len(page["ids"]) < 500:
                    break
            got = await self.client.call_one(f"{type_name}/get", {"ids": ids})
            out[type_name] = {o["id"]: o for o in got["list"]}
        return out


SyncMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
TestSyncConverges = SyncMachine.TestCase
