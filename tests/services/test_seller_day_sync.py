"""Templates, notes and snooze between the app and a real relay over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.domain.snooze import SnoozeKind
from app.services.local_changes import LocalChanges
from app.services.relay_client import RelayClient
from app.services.seller_day import Refused, SellerDay, export, parse_export
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries, schema
from app.storage.store import Store

pytestmark = pytest.mark.asyncio


class Seat:
    """One seat of the team: its own profile, store, client, sync and services."""

    def __init__(self, path: Path, relay: LiveRelay) -> None:
        self.store = Store.open(path)
        self.worker = StoreWorker()
        self.client = RelayClient(relay.url, relay.token)
        self.local = LocalChanges(self.store, self.worker)
        self.sync = SyncEngine(self.client, self.store, self.worker, self.local)
        self.day = SellerDay(self.store, self.worker, self.client)

    async def aclose(self) -> None:
        await self.client.aclose()
        self.worker.shutdown()
        self.store.close()

    def conversation(self, relay_id: str) -> Any:
        with self.store.read() as conn:
            return conn.execute(
                schema.conversations.select().where(schema.conversations.c.relay_id == relay_id)
            ).one()


@pytest_asyncio.fixture
async def seats(tmp_path: Path, live_relay: LiveRelay) -> AsyncIterator[tuple[Seat, Seat]]:
    a, b = Seat(tmp_path / "a", live_relay), Seat(tmp_path / "b", live_relay)
    try:
        await a.sync.sync()
        await b.sync.sync()
        yield a, b
    finally:
        await a.aclose()
        await b.aclose()


TEXTS = {
    "en": "Hi {buyer_first_name}, your order {order_id} ({items}) left us today.",
    "sv": "Hej {buyer_first_name}! Din order {order_id} skickades i dag.",
}


async def test_a_template_saved_on_one_seat_reaches_the_other(seats: tuple[Seat, Seat]) -> None:
    a, b = seats
    saved = await a.day.save_template(None, "Shipped", "other", TEXTS)
    assert saved.relay_id and not saved.flagged()
    report = await b.sync.sync()
    assert report.of("Template").upserted == 1
    (theirs,) = [t for t in await b.day.templates() if t.name == "Shipped"]
    assert theirs.texts == TEXTS
    # A second template with the same name, whatever its case, is refused with the reason.
    with pytest.raises(Refused) as refused:
        await b.day.save_template(None, "SHIPPED", "other", TEXTS)
    assert refused.value.type == "alreadyExists"
    # Edited on B, deleted on A: both seats follow.
    await b.day.save_template(theirs.relay_id, "Shipped today", "other", {"en": "On its way!"})
    await a.sync.sync()
    names = [t.name for t in await a.day.templates()]
    assert "Shipped today" in names and "Shipped" not in names
    await a.day.delete_template(saved.relay_id)
    await b.sync.sync()
    assert "Shipped today" not in [t.name for t in await b.day.templates()]


async def test_a_template_that_breaks_the_rules_comes_back_flagged(
    seats: tuple[Seat, Seat],
) -> None:
    a, _ = seats
    bad = {"en": "Leave us 5 stars and we refund your order. Visit www.shop.example"}
    saved = await a.day.save_template(None, "Bad idea", "other", bad)
    assert saved.flagged("en")
    assert "external-link" in {f["rule"] for f in saved.findings}


async def test_export_then_import_is_idempotent(seats: tuple[Seat, Seat]) -> None:
    a, b = seats
    await a.day.save_template(None, "Shipped", "other", TEXTS)
    data = await a.day.export_templates()
    exported = {item["name"]: item for item in parse_export(data)}
    assert exported["Shipped"]["texts"] == TEXTS
    await b.sync.sync()
    held = len(await b.day.templates())  # the demo's three and "Shipped"
    # Every name exists already: each is replaced, none doubled.
    assert await b.day.import_templates(data) == (len(exported), [])
    assert len(await b.day.templates()) == held == len(exported)
    for broken in (b"{", b'{"format": "x"}', b"\xff" * 10, b" " * (3 * 1024 * 1024)):
        with pytest.raises(ValueError):
            parse_export(broken)
    assert export([]).startswith(b"{")


async def test_notes_are_shared_and_never_become_messages(
    seats: tuple[Seat, Seat], live_relay: LiveRelay
) -> None:
    a, b = seats
    with a.store.read() as conn:
        row = conn.execute(schema.conversations.select().limit(1)).one()
        before = len(queries.conversation_messages(conn, row.id))
    await a.day.add_note(row.relay_id, "Asked the workshop about the engraving", "Eva")
    (note,) = await a.day.notes(row.id)
    assert note.author == "Eva" and "engraving" in note.body
    await b.sync.sync()
    b_row = b.conversation(row.relay_id)
    (theirs,) = await b.day.notes(b_row.id)
    await b.day.edit_note(theirs.relay_id, "Workshop: ready Friday")
    await a.sync.sync()
    assert [n.body for n in await a.day.notes(row.id)] == ["Workshop: ready Friday"]
    await a.day.delete_note(note.relay_id)
    await b.sync.sync()
    assert await b.day.notes(b_row.id) == []
    with a.store.read() as conn:
        assert len(queries.conversation_messages(conn, row.id)) == before


async def test_snooze_is_local_at_once_then_shared_and_ends_with_the_buyer(
    seats: tuple[Seat, Seat], live_relay: LiveRelay
) -> None:
    a, b = seats
    with a.store.read() as conn:
        row = conn.execute(
            schema.conversations.select()
            .where(schema.conversations.c.order_id.is_not(None))
            .limit(1)
        ).one()
    until = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    await a.local.set_snooze(
        row.relay_id, until=until, kind=SnoozeKind.FOLLOW_UP, reason="Tracking"
    )
    local = a.conversation(row.relay_id)  # before any network: the click shows at once
    assert local.snooze_kind == "followUp" and local.snoozed_until == until
    await a.sync.sync()  # flushes the patch, then takes the relay's view
    await b.sync.sync()
    theirs = b.conversation(row.relay_id)
    assert theirs.snooze_kind == "followUp" and theirs.snooze_reason == "Tracking"
    assert theirs.snoozed_until == until
    # The buyer writes: the relay ends the snooze, and both seats see it awake.
    buyer = live_relay.buyer()
    with live_relay.db.reading() as conn:
        alias = conn.exec_driver_sql(
            "SELECT b.email, c.marketplace_id, c.order_id FROM conversations c JOIN buyers b "
            "ON b.id = c.buyer_id AND b.seller_id = c.seller_id WHERE c.id = ?",
            (row.relay_id,),
        ).one()
    buyer.message(
        {
            "seller": "demo",
            "marketplaceId": alias[1],
            "externalId": "snooze-ends",
            "from": {"email": alias[0], "name": "Anna"},
            "subject": "Any news?",
            "text": "Any news about my parcel?",
            **({"orderId": alias[2]} if alias[2] else {}),
        }
    )
    buyer.close()
    await b.sync.sync()
    assert b.conversation(row.relay_id).snooze_kind is None
    # Wake by hand: the patch clears it on every seat.
    await a.local.set_snooze(row.relay_id, until=None)
    await a.sync.sync()
    assert a.conversation(row.relay_id).snooze_kind == "snooze"
    await a.local.wake(row.relay_id)
    await a.sync.sync()
    await b.sync.sync()
    assert b.conversation(row.relay_id).snooze_kind is None
