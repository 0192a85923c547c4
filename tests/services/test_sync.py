"""Sync against a real relay over loopback HTTP: the local store ends equal to the relay."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.services.relay_client import RelayClient, Unauthorized
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries
from app.storage.queries import ThreadFilter
from app.storage.store import Store
from relay import auth
from relay.maintenance import reset_horizon
from relay.server import TOKEN_CACHE_SECONDS

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def engine(tmp_path: Path, live_relay: LiveRelay) -> AsyncIterator[SyncEngine]:
    store = Store.open(tmp_path / "profile")
    worker = StoreWorker()
    client = RelayClient(live_relay.url, live_relay.token)
    try:
        yield SyncEngine(client, store, worker)
    finally:
        await client.aclose()
        worker.shutdown()
        store.close()


async def relay_view(client: RelayClient) -> dict[str, dict[str, Any]]:
    """Every conversation on the relay with its messages (id -> keywords, subject)."""
    out: dict[str, dict[str, Any]] = {}
    for type_name in ("Conversation", "Message"):
        ids: list[str] = []
        while True:
            page = await client.call_one(f"{type_name}/query", {"position": len(ids), "limit": 500})
            ids += page["ids"]
            if len(page["ids"]) < 500:
                break
        got = await client.call_one(f"{type_name}/get", {"ids": ids}) if ids else {"list": []}
        out[type_name] = {o["id"]: o for o in got["list"]}
    return out


def local_view(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        convs = {
            r[0]: r[1]
            for r in conn.exec_driver_sql("SELECT relay_id, message_count FROM conversations")
        }
        msgs = {
            r[0]: (r[1], set(r[2].split()))
            for r in conn.exec_driver_sql(
                "SELECT m.relay_id, c.relay_id, m.keywords FROM messages m "
                "JOIN conversations c ON c.id = m.conversation_id"
            )
        }
    return {"Conversation": convs, "Message": msgs}


def assert_equal(local: dict[str, Any], relay: dict[str, dict[str, Any]]) -> None:
    assert set(local["Conversation"]) == set(relay["Conversation"])
    assert set(local["Message"]) == set(relay["Message"])
    for mid, obj in relay["Message"].items():
        conv, keywords = local["Message"][mid]
        assert conv == obj["conversationId"]
        assert keywords == {k for k, on in (obj.get("keywords") or {}).items() if on}
    for cid, obj in relay["Conversation"].items():
        assert local["Conversation"][cid] == obj["messageCount"]


async def test_initial_sync_then_incremental(engine: SyncEngine, live_relay: LiveRelay) -> None:
    first = await engine.sync()
    assert not first.of("Message").full_resync and first.of("Message").upserted > 20
    assert_equal(local_view(engine.store), await relay_view(engine.client))

    # Nothing changed: one request carrying every type's */changes, and a small one.
    quiet = await engine.sync()
    assert quiet.changed == 0
    assert quiet.requests == 1
    assert quiet.bytes_received <= 2048

    # A buyer writes: only that is fetched, and the thread list shows it first.
    buyer = live_relay.buyer()
    try:
        buyer.order(
            {
                "seller": "demo",
                "marketplaceId": "amazon.se",
                "orderId": "999-0000001-0000001",
                "kind": "standard",
                "buyer": {"email": "new.buyer@example.org", "name": "Nils N.", "locale": "sv"},
            }
        )
        buyer.message(
            {
                "seller": "demo",
                "marketplaceId": "amazon.se",
                "externalId": "ext-sync-1",
                "from": {"email": "new.buyer@example.org", "name": "Nils N."},
                "orderId": "999-0000001-0000001",
                "subject": "Var är mitt paket?",
                "text": "Hej! När kommer mitt paket?",
            }
        )
    finally:
        buyer.close()
    after = await engine.sync()
    assert after.of("Message").upserted == 1 and not after.of("Message").full_resync
    with engine.store.read() as conn:
        top = queries.thread_page(conn, ThreadFilter(), limit=1)[0]
    assert top.subject == "Var är mitt paket?" and top.needs_response
    assert top.buyer_alias.endswith("@marketplace.relay.example") or "@" in top.buyer_alias
    assert "new.buyer@example.org" not in top.buyer_alias
    assert_equal(local_view(engine.store), await relay_view(engine.client))


async def test_keyword_changes_arrive(engine: SyncEngine) -> None:
    await engine.sync()
    message_id = next(iter(local_view(engine.store)["Message"]))
    await engine.client.call_one(
        "Message/set", {"update": {message_id: {"keywords/$flagged": True, "keywords/$seen": True}}}
    )
    report = await engine.sync()
    assert report.of("Message").upserted == 1
    assert {"$flagged", "$seen"} <= local_view(engine.store)["Message"][message_id][1]
    with engine.store.read() as conn:
        assert queries.count_threads(conn, ThreadFilter(flagged_only=True)) >= 1


async def test_a_pruned_changelog_triggers_a_full_resync(
    engine: SyncEngine, live_relay: LiveRelay
) -> None:
    await engine.sync()
    buyer = live_relay.buyer()
    try:
        buyer.message(
            {
                "seller": "demo",
                "marketplaceId": "amazon.de",
                "externalId": "ext-prune",
                "from": {"email": "prune@example.org", "name": "Jörg P."},
                "subject": "Frage",
                "text": "Ist die Tasse spülmaschinenfest?",
            }
        )
    finally:
        buyer.close()
    assert reset_horizon(live_relay.db) > 0  # the relay forgot its change history
    report = await engine.sync()
    assert any(t.full_resync for t in report.types.values())
    assert_equal(local_view(engine.store), await relay_view(engine.client))


async def test_a_revoked_token_is_reported_and_the_store_is_kept(
    engine: SyncEngine, live_relay: LiveRelay
) -> None:
    await engine.sync()
    before = local_view(engine.store)
    assert auth.revoke(live_relay.db, token=live_relay.token) == 1
    await asyncio.sleep(TOKEN_CACHE_SECONDS + 0.2)  # the relay caches token checks briefly
    with pytest.raises(Unauthorized):
        await engine.sync()
    assert local_view(engine.store) == before


async def test_messages_of_the_same_instant_keep_the_relays_order(engine: SyncEngine) -> None:
    await engine.sync()
    relay = await relay_view(engine.client)
    by_conv: dict[str, list[dict[str, Any]]] = {}
    for obj in relay["Message"].values():
        by_conv.setdefault(obj["conversationId"], []).append(obj)
    checked = 0
    with engine.store.read() as conn:
        for conv_id, objs in by_conv.items():
            want = [
                o["id"]
                for o in sorted(objs, key=lambda o: (o["receivedAt"], len(o["id"]), o["id"]))
            ]
            local = (
                conn.exec_driver_sql(
                    "SELECT m.relay_id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                    "WHERE c.relay_id = ? ORDER BY m.received_at, m.id",
                    (conv_id,),
                )
                .scalars()
                .all()
            )
            assert local == want
            checked += 1
    assert checked > 5
