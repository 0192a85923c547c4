"""Templates, notes and snooze between the app and a real relay over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import pytest_asyncio
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from app.domain.snooze import SnoozeKind
from app.services.local_changes import LocalChanges
from app.services.relay_client import Offline, RelayClient
from app.services.seller_day import Refused, SellerDay, export, parse_export
from app.services.store_worker import StoreWorker
from app.services.sync import SyncEngine
from app.storage import queries, schema
from app.storage.store import Store
from relay.embedded import start_embedded

pytestmark = pytest.mark.asyncio


class Seat:
    """One seat of the team: its own profile, store, client, sync and services."""

    def __init__(self, path: Path, relay: LiveRelay) -> None:
        self.store = Store.open(path)
        self.worker = StoreWorker()
        self.client = RelayClient(relay.url, relay.token)
        self.local = LocalChanges(self.store, self.worker)
        self.sync = SyncEngine(self.client, self.store, self.worker, self.local)
        self.day = SellerDay(self.store, self.worker)

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
    assert saved.relay_id and not saved.flagged() and saved.pending
    await a.sync.sync()  # the saved template goes to the relay with the next sync
    (saved,) = [t for t in await a.day.templates() if t.name == "Shipped"]
    assert not saved.pending and not saved.relay_id.startswith("local:")
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
    await b.sync.sync()
    await a.sync.sync()
    names = [t.name for t in await a.day.templates()]
    assert "Shipped today" in names and "Shipped" not in names
    await a.day.delete_template(saved.relay_id)
    await a.sync.sync()
    await b.sync.sync()
    assert "Shipped today" not in [t.name for t in await b.day.templates()]


async def test_a_template_that_breaks_the_rules_comes_back_flagged(
    seats: tuple[Seat, Seat],
) -> None:
    a, _ = seats
    bad = {"en": "Leave us 5 stars and we refund your order. Visit www.shop.example"}
    saved = await a.day.save_template(None, "Bad idea", "other", bad)
    assert saved.flagged("en")  # checked when saved, before the relay has it
    assert "external-link" in {f["rule"] for f in saved.findings}
    await a.sync.sync()
    (theirs,) = [t for t in await a.day.templates() if t.name == "Bad idea"]
    assert theirs.findings == saved.findings and not theirs.pending  # the relay agrees


async def test_export_then_import_is_idempotent(seats: tuple[Seat, Seat]) -> None:
    a, b = seats
    await a.day.save_template(None, "Shipped", "other", TEXTS)
    await a.sync.sync()
    data = await a.day.export_templates()
    exported = {item["name"]: item for item in parse_export(data)}
    assert exported["Shipped"]["texts"] == TEXTS
    await b.sync.sync()
    held = len(await b.day.templates())  # the demo's three and "Shipped"
    # Every name exists already: each is replaced, none doubled.
    assert await b.day.import_templates(data) == (len(exported), [])
    assert len(await b.day.templates()) == held == len(exported)
    await b.sync.sync()
    assert len(await b.day.templates()) == held
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
    await a.sync.sync()
    await b.sync.sync()
    b_row = b.conversation(row.relay_id)
    (theirs,) = await b.day.notes(b_row.id)
    await b.day.edit_note(theirs.relay_id, "Workshop: ready Friday")
    await b.sync.sync()
    await a.sync.sync()
    assert [n.body for n in await a.day.notes(row.id)] == ["Workshop: ready Friday"]
    (note,) = await a.day.notes(row.id)
    await a.day.delete_note(note.relay_id)
    await a.sync.sync()
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


async def test_template_and_note_edits_wait_offline_and_settle_when_the_relay_is_back(
    seats: tuple[Seat, Seat], live_relay: LiveRelay
) -> None:
    """The relay goes away while seat A edits templates and notes: each is saved and shown
    at once, as waiting; when the relay is back (same port, same database) the next sync
    sends them, and conflicts settle as for the other types (issue 17)."""
    a, b = seats
    shown, gone = (await a.day.templates())[:2]  # two of the demo's templates
    # Before A's edits, B (online) takes a name, edits one template and deletes the other.
    await b.day.save_template(None, "Packed", "other", {"en": "Packed and ready."})
    b_shown = next(t for t in await b.day.templates() if t.name == shown.name)
    await b.day.save_template(b_shown.relay_id, shown.name, "other", {"en": "B's words."})
    await b.day.delete_template(gone.relay_id)
    await b.sync.sync()
    with a.store.read() as conn:
        conv = conn.execute(schema.conversations.select().limit(1)).one()

    port = urlparse(live_relay.url).port
    live_relay.embedded.stop()  # the relay goes away
    with pytest.raises(Offline):
        await a.sync.sync()
    await a.day.save_template(None, "Packed", "other", {"en": "Packed by A."})
    await a.day.save_template(shown.relay_id, shown.name, "other", {"en": "A's words."})
    await a.day.save_template(gone.relay_id, gone.name, "other", {"en": "Edited, but gone."})
    await a.day.add_note(conv.relay_id, "Written while the relay was down", "Eva")
    (note,) = await a.day.notes(conv.id)
    await a.day.edit_note(note.relay_id, "Written offline, edited offline")
    held = {t.name: t for t in await a.day.templates()}
    assert held["Packed"].pending and held["Packed"].relay_id.startswith("local:")
    assert held[shown.name].pending and held[shown.name].texts == {"en": "A's words."}
    (note,) = await a.day.notes(conv.id)
    assert note.pending and note.body == "Written offline, edited offline"
    assert a.local.pending_count() == 4  # one entry an object, edits merged

    back = start_embedded(live_relay.db_url, port=port)  # and it is back
    try:
        await a.sync.sync()
        held = {t.name: t for t in await a.day.templates() if t.name != "Packed"}
        # Last writer wins: A's offline edit replaced B's.
        assert held[shown.name].texts == {"en": "A's words."} and not held[shown.name].pending
        # An edit of a template a teammate deleted: the deletion wins.
        assert gone.name not in held
        # A name a teammate took meanwhile: refused, kept with its reason, beside B's.
        packed = sorted(
            (t for t in await a.day.templates() if t.name == "Packed"), key=lambda t: t.id
        )
        assert [(t.pending, t.refused) for t in packed] == [(True, "alreadyExists"), (False, None)]
        assert a.local.pending_count() == 0  # the refused one waits for the seller
        (note,) = await a.day.notes(conv.id)
        assert not note.pending and not note.relay_id.startswith("local:")
        # The seller renames the refused one: sent again, and shared.
        await a.day.save_template(packed[0].relay_id, "Packed (A)", "other", {"en": "Packed by A."})
        await a.sync.sync()
        assert not any(t.pending for t in await a.day.templates())
        await b.sync.sync()
        theirs = {t.name: t for t in await b.day.templates()}
        assert theirs["Packed (A)"].texts == {"en": "Packed by A."}
        assert theirs[shown.name].texts == {"en": "A's words."}
        assert [n.body for n in await b.day.notes(b.conversation(conv.relay_id).id)] == [
            "Written offline, edited offline"
        ]

    finally:
        back.stop()


async def test_edits_made_while_a_push_is_on_its_way_are_not_lost(
    seats: tuple[Seat, Seat],
) -> None:
    """The seller edits a template and deletes a note while the relay is creating them: the
    edit is sent with the next sync, and the note the relay has just created is destroyed."""
    a, b = seats
    saved = await a.day.save_template(None, "Racing", "other", {"en": "First words."})
    with a.store.read() as conn:
        conv = conn.execute(schema.conversations.select().limit(1)).one()
    await a.day.add_note(conv.relay_id, "Short-lived", "Eva")
    (note,) = await a.day.notes(conv.id)
    relay_call = a.client.call_one

    async def edit_meanwhile(name: str, args: dict[str, Any]) -> dict[str, Any]:
        if name == "Template/set":
            await a.day.save_template(saved.relay_id, "Racing", "other", {"en": "Second words."})
        if name == "Note/set":
            await a.day.delete_note(note.relay_id)
        return await relay_call(name, args)

    a.client.call_one = edit_meanwhile  # type: ignore[method-assign]
    try:
        await a.sync.sync()
    finally:
        a.client.call_one = relay_call  # type: ignore[method-assign]
    (mine,) = [t for t in await a.day.templates() if t.name == "Racing"]
    assert not mine.relay_id.startswith("local:")  # named by the relay
    assert mine.pending and mine.texts == {"en": "Second words."}  # the edit still to send
    assert a.local.pending_count() == 2  # the edit, and the destroy of the created note
    await a.sync.sync()
    assert a.local.pending_count() == 0
    await b.sync.sync()
    (theirs,) = [t for t in await b.day.templates() if t.name == "Racing"]
    assert theirs.texts == {"en": "Second words."}
    assert await b.day.notes(b.conversation(conv.relay_id).id) == []
