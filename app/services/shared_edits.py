"""Template and note edits that work offline: written to the store at once, queued, and sent
to the relay when it is reachable, as ``LocalChanges`` does for keywords and snoozes.

The queue is ``pending_changes`` with type ``Template`` or ``Note``; each object has at most
one entry, its patch one of ``{"create": obj}``, ``{"update": obj}``, ``{"destroy": true}``
(later edits merge into it). An object created offline carries a provisional relay id
``local:<hex>`` until the relay names it; ``push`` then gives the row the relay's id.

Conflicts are settled as for the protocol's other types: the relay's answer decides, and the
sync after the push brings its truth. An update is last-writer-wins. A refused create or
update (a name a teammate took meanwhile: ``alreadyExists``; ``invalidProperties``) stays on
the object with its reason, shown in the window, and the seller's next edit of it sends it
again. An update or destroy of an object a teammate deleted is dropped (``notFound``: the
deletion wins, as for a keyword on a message that is gone).
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.services.relay_client import MethodError, RelayClient
from app.services.store_worker import StoreWorker
from app.storage import schema
from app.storage.store import Store

LOCAL = "local:"  # the provisional relay id of an object the relay has not named yet
TYPES = ("Template", "Note")
TABLES = {"Template": schema.templates, "Note": schema.notes}
UPDATABLE = {"Template": {"name", "contactReason", "texts"}, "Note": {"body"}}
_pending = schema.pending_changes

Entry = tuple[int, str, str, dict[str, Any]]  # queue id, type, relay id, patch


def new_local_id() -> str:
    return LOCAL + secrets.token_hex(8)


def queue(conn: Connection, type_name: str, relay_id: str, op: str, obj: Any = True) -> None:
    """Queue ``op`` (create, update, destroy) of one object in the caller's transaction,
    merged into what is queued for it already; a new edit clears a refusal (sent again)."""
    c = _pending.c
    found = conn.execute(
        select(c.id, c.patch_json).where(c.type_name == type_name, c.relay_id == relay_id)
    ).first()
    old: dict[str, Any] = json.loads(found.patch_json) if found is not None else {}
    if op == "destroy" and relay_id.startswith(LOCAL):
        patch: dict[str, Any] | None = None  # never reached the relay: nothing to tell it
    elif op == "destroy":
        patch = {"destroy": True}
    elif "create" in old:
        patch = {"create": {**old["create"], **obj}}
    else:
        patch = {op: {**old.get(op, {}), **obj}}
    if found is not None and patch is None:
        conn.execute(delete(_pending).where(c.id == found.id))
    elif found is not None:
        conn.execute(
            update(_pending)
            .where(c.id == found.id)
            .values(patch_json=json.dumps(patch), error=None)
        )
    elif patch is not None:
        conn.execute(
            insert(_pending).values(
                type_name=type_name,
                relay_id=relay_id,
                patch_json=json.dumps(patch),
                attempts=0,
                created_at=datetime.now(UTC),
            )
        )


def reapply(conn: Connection, type_name: str) -> None:
    """After a sync wrote the relay's view: put the seller's unsent edits back on top."""
    table, c = TABLES[type_name], _pending.c
    rows = conn.execute(
        select(c.relay_id, c.patch_json).where(c.type_name == type_name, c.error.is_(None))
    ).all()
    for relay_id, patch_json in rows:
        patch = json.loads(patch_json)
        if "destroy" in patch:
            conn.execute(delete(table).where(table.c.relay_id == relay_id))
        elif "update" in patch:
            values = columns(type_name, patch["update"])
            if values:
                conn.execute(update(table).where(table.c.relay_id == relay_id).values(values))


def columns(type_name: str, obj: dict[str, Any]) -> dict[str, Any]:
    """The store's columns for a queued object's properties."""
    if type_name == "Note":
        return {"body": obj["body"]} if "body" in obj else {}
    names = {"name": "name", "contactReason": "contact_reason"}
    values = {names[k]: v for k, v in obj.items() if k in names}
    if "texts" in obj:
        values["texts_json"] = json.dumps(obj["texts"], ensure_ascii=False)
    return values


async def push(client: RelayClient, store: Store, worker: StoreWorker) -> int:
    """Send the queued template and note edits (at most the relay's maxObjectsInSet a call);
    returns how many the relay took."""
    queued: list[Entry] = await worker.call(_queued, store)
    session = client.session
    per_call = session.max_objects_in_set if session else 100
    taken = 0
    for type_name in TYPES:
        entries = [e for e in queued if e[1] == type_name]
        for start in range(0, len(entries), per_call):
            chunk = entries[start : start + per_call]
            try:
                result = await client.call_one(f"{type_name}/set", _set_args(chunk))
            except MethodError as exc:
                if exc.type != "unknownMethod":
                    raise
                result = _refuse_all(chunk, "unknownMethod")  # a relay older than the type
            taken += await worker.call(_settle, store, type_name, chunk, result)
    return taken


def _queued(store: Store) -> list[Entry]:
    c = _pending.c
    with store.read() as conn:
        rows = conn.execute(
            select(c.id, c.type_name, c.relay_id, c.patch_json)
            .where(c.type_name.in_(TYPES), c.error.is_(None))
            .order_by(c.id)
        )
        return [(i, t, r, json.loads(p)) for i, t, r, p in rows]


def _set_args(chunk: list[Entry]) -> dict[str, Any]:
    args: dict[str, Any] = {"create": {}, "update": {}, "destroy": []}
    for _id, _type, relay_id, patch in chunk:
        if "create" in patch:
            args["create"][relay_id.removeprefix(LOCAL)] = patch["create"]
        elif "update" in patch:
            args["update"][relay_id] = patch["update"]
        else:
            args["destroy"].append(relay_id)
    return args


def _refuse_all(chunk: list[Entry], reason: str) -> dict[str, Any]:
    error = {"type": reason}
    return {
        "notCreated": {r.removeprefix(LOCAL): error for _i, _t, r, p in chunk if "create" in p},
        "notUpdated": {r: error for _i, _t, r, p in chunk if "update" in p},
        "notDestroyed": {r: error for _i, _t, r, p in chunk if "destroy" in p},
    }


def _settle(store: Store, type_name: str, chunk: list[Entry], result: dict[str, Any]) -> int:
    """Apply the relay's answer to a chunk: named objects get their relay id, taken entries
    leave the queue, refusals stay with their reason (notFound: the deletion wins). An entry
    the seller changed while it was on its way stays queued for the next push, as what is
    left to send (an object deleted meanwhile that the relay has just created: a destroy)."""
    table, c = TABLES[type_name], _pending.c
    created = result.get("created") or {}
    refused = {
        **(result.get("notCreated") or {}),
        **(result.get("notUpdated") or {}),
        **(result.get("notDestroyed") or {}),
    }
    taken = 0
    with store.write() as conn:
        for entry_id, _type, relay_id, patch in chunk:
            key = relay_id.removeprefix(LOCAL) if "create" in patch else relay_id
            error = refused.get(key)
            now_json = conn.execute(select(c.patch_json).where(c.id == entry_id)).scalar()
            now = json.loads(now_json) if now_json is not None else None
            if error is not None and error.get("type") != "notFound":
                if now == patch:  # else an edit made meanwhile is sent next time
                    conn.execute(
                        update(_pending)
                        .where(c.id == entry_id)
                        .values(error=str(error.get("type") or "refused"), attempts=c.attempts + 1)
                    )
                continue
            taken += error is None
            named = created.get(key, {}).get("id")
            if named is not None:
                conn.execute(
                    update(table).where(table.c.relay_id == relay_id).values(relay_id=named)
                )
            if now == patch:
                conn.execute(delete(_pending).where(c.id == entry_id))
            elif named is not None and now is None:  # deleted here while the relay created it
                queue(conn, type_name, named, "destroy")
            elif named is not None and now is not None and "create" in now:
                left = {k: v for k, v in now["create"].items() if k in UPDATABLE[type_name]}
                conn.execute(
                    update(_pending)
                    .where(c.id == entry_id)
                    .values(relay_id=named, patch_json=json.dumps({"update": left}))
                )
    return taken
