"""Generic `get`, `changes` and `query` over one table, parametrised by a TypeSpec."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, Table, bindparam, func, select

from relay import schema
from relay.api.core import (
    Context,
    MethodError,
    method,
    set_error,
    want_ids,
    want_properties,
)
from relay.store import Changes, type_state

Filter = Callable[[Any], ColumnElement[bool]]
MAX_UNSIGNED = 2**53 - 1  # JMAP's UnsignedInt


@dataclass(frozen=True)
class TypeSpec:
    name: str
    table: Table
    properties: frozenset[str]
    serialize: Callable[[Row[Any]], dict[str, Any]]
    filters: dict[str, Callable[[Table, Any], ColumnElement[bool]]] = field(default_factory=dict)
    sorts: dict[str, str] = field(default_factory=dict)  # property -> column
    default_sort: tuple[str, bool] = ("id", True)
    # Extra condition on every row a seller may see (e.g. none).
    columns: tuple[str, ...] | None = None

    # The hot statements, built once with bind parameters: building and cache-keying a
    # statement per request cost more CPU than running it.
    @cached_property
    def get_by_ids(self) -> Select[Any]:
        t = self.table
        stmt: Select[Any] = _select(self).where(
            (t.c.seller_id == bindparam("sid")) & t.c.id.in_(bindparam("ids", expanding=True))
        )
        return stmt

    def unfiltered_query(self, order: tuple[tuple[str, bool], ...]) -> Select[Any]:
        """`query` without a filter, for one sort order (`position`/`limit` bound)."""
        cache: dict[tuple[tuple[str, bool], ...], Select[Any]] = self.__dict__.setdefault(
            "_queries", {}
        )
        stmt = cache.get(order)
        if stmt is None:
            t = self.table
            stmt = (
                select(t.c.id)
                .where(t.c.seller_id == bindparam("sid"))
                .order_by(*[t.c[c].asc() if up else t.c[c].desc() for c, up in order])
                .offset(bindparam("off"))
                .limit(bindparam("lim"))
            )
            cache[order] = stmt
        return stmt


def _select(spec: TypeSpec) -> Any:
    if spec.columns is None:
        return select(spec.table)
    return select(*[spec.table.c[c] for c in spec.columns])


def parse_state(value: Any) -> int:
    if not isinstance(value, str) or not value.isdigit() or len(value) > 18:
        raise MethodError("cannotCalculateChanges", "unknown state")
    return int(value)


def do_get(ctx: Context, args: dict[str, Any], spec: TypeSpec) -> dict[str, Any]:
    ctx.check_account(args)
    ids = want_ids(ctx, args)
    props = want_properties(args, spec.properties)
    t = spec.table
    with ctx.reading() as conn:
        state, _ = ctx.type_state(conn, spec.name)
        if ids is not None:
            rows = (
                conn.execute(spec.get_by_ids, {"sid": ctx.seller_id, "ids": ids}).all()
                if ids
                else []
            )
        else:
            count = conn.execute(
                select(func.count()).select_from(t).where(t.c.seller_id == ctx.seller_id)
            ).scalar_one()
            if count > ctx.config.max_objects_in_get:
                raise MethodError("requestTooLarge", "too many objects: use query, then get by ids")
            q = _select(spec).where(t.c.seller_id == ctx.seller_id)
            rows = conn.execute(q.order_by(t.c.id)).all()
    return get_answer(ctx, state, [spec.serialize(r) for r in rows], ids, props)


def get_answer(
    ctx: Context,
    state: int,
    found: list[dict[str, Any]],
    ids: list[str] | None,
    props: set[str] | None,
) -> dict[str, Any]:
    """A `Foo/get` answer from the objects ``found``: only ``props`` (``want_properties``),
    in the order of ``ids`` (``want_ids``; None: all), the ids not found listed."""
    if props is not None:
        found = [{k: v for k, v in o.items() if k in props} for o in found]
    if ids is not None:
        by_id = {o["id"]: o for o in found}
        found = [by_id[i] for i in ids if i in by_id]
        not_found = [i for i in ids if i not in by_id]
    else:
        not_found = []
    return {"accountId": ctx.account_id, "state": str(state), "list": found, "notFound": not_found}


def do_changes(ctx: Context, args: dict[str, Any], type_name: str) -> dict[str, Any]:
    ctx.check_account(args)
    since = parse_state(args.get("sinceState"))
    max_changes = args.get("maxChanges")
    if max_changes is None:
        max_changes = ctx.config.max_changes
    if not isinstance(max_changes, int) or isinstance(max_changes, bool) or max_changes < 1:
        raise MethodError("invalidArguments", "maxChanges must be a positive integer")
    max_changes = min(max_changes, ctx.config.max_changes)
    c = schema.changes.c
    with ctx.reading() as conn:
        state, pruned = ctx.type_state(conn, type_name)
        # State 0 holds nothing locally, so it needs no tombstones: a new device pages the
        # change log from the start even after pruning instead of a full resync.
        if since > state or 0 < since < pruned:
            raise MethodError("cannotCalculateChanges", "resynchronize with get")
        rows = conn.execute(
            select(c.object_id, c.modseq, c.created_modseq, c.destroyed)
            .where((c.seller_id == ctx.seller_id) & (c.type == type_name) & (c.modseq > since))
            .order_by(c.modseq)
            .limit(max_changes + 1)
        ).all()
    has_more = len(rows) > max_changes
    rows = rows[:max_changes]
    created: list[str] = []
    updated: list[str] = []
    destroyed: list[str] = []
    for object_id, _seq, created_seq, gone in rows:
        if gone:
            if created_seq <= since:
                destroyed.append(object_id)
        elif created_seq > since:
            created.append(object_id)
        else:
            updated.append(object_id)
    new_state = rows[-1][1] if has_more else max([state] + [r[1] for r in rows])
    return {
        "accountId": ctx.account_id,
        "oldState": str(since),
        "newState": str(new_state),
        "hasMoreChanges": has_more,
        "created": created,
        "updated": updated,
        "destroyed": destroyed,
    }


def do_query(ctx: Context, args: dict[str, Any], spec: TypeSpec) -> dict[str, Any]:
    ctx.check_account(args)
    t = spec.table
    conds = [t.c.seller_id == ctx.seller_id]
    filt = args.get("filter") or {}
    if not isinstance(filt, dict):
        raise MethodError("invalidArguments", "filter must be an object")
    for key, value in filt.items():
        build = spec.filters.get(key)
        if build is None:
            raise MethodError("unsupportedFilter", f"cannot filter on {key}")
        conds.append(build(t, value))
    sort = args.get("sort") or [
        {"property": spec.default_sort[0], "isAscending": spec.default_sort[1]}
    ]
    if not isinstance(sort, list):
        raise MethodError("invalidArguments", "sort must be a list")
    order: list[tuple[str, bool]] = []
    for comp in sort:
        if not isinstance(comp, dict) or comp.get("property") not in spec.sorts:
            raise MethodError("unsupportedSort", "cannot sort on that")
        order.append((spec.sorts[comp["property"]], bool(comp.get("isAscending", True))))
    order.append(("id", True))
    position = args.get("position", 0)
    limit = args.get("limit", 100)
    for name, v in (("position", position), ("limit", limit)):
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= MAX_UNSIGNED:
            raise MethodError("invalidArguments", f"{name} must be an UnsignedInt")
    limit = min(limit, 500)
    where = conds[0]
    for cond in conds[1:]:
        where = where & cond
    if len(conds) == 1:
        stmt = spec.unfiltered_query(tuple(order))
        params = {"sid": ctx.seller_id, "off": position, "lim": limit}
    else:
        stmt = (
            select(t.c.id)
            .where(where)
            .order_by(*[t.c[c].asc() if up else t.c[c].desc() for c, up in order])
            .offset(position)
            .limit(limit)
        )
        params = {}
    with ctx.reading() as conn:
        state, _ = ctx.type_state(conn, spec.name)
        ids = [r[0] for r in conn.execute(stmt, params)]
        result: dict[str, Any] = {
            "accountId": ctx.account_id,
            "queryState": str(state),
            "canCalculateChanges": False,
            "position": position,
            "ids": ids,
        }
        if args.get("calculateTotal"):
            result["total"] = conn.execute(
                select(func.count()).select_from(t).where(where)
            ).scalar_one()
    return result


def register_read_methods(type_name: str, spec: TypeSpec) -> None:
    """``Foo/get``, ``Foo/changes`` and ``Foo/query``: the same three for every type."""

    def get(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        return do_get(ctx, args, spec)

    def changes(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        return do_changes(ctx, args, type_name)

    def query(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
        return do_query(ctx, args, spec)

    method(f"{type_name}/get")(get)
    method(f"{type_name}/changes")(changes)
    method(f"{type_name}/query")(query)


def eq_str(column: str) -> Callable[[Table, Any], ColumnElement[bool]]:
    def build(t: Table, value: Any) -> ColumnElement[bool]:
        if not isinstance(value, str):
            raise MethodError("invalidArguments", f"filter {column} must be a string")
        return t.c[column] == value

    return build


def eq_bool(column: str) -> Callable[[Table, Any], ColumnElement[bool]]:
    def build(t: Table, value: Any) -> ColumnElement[bool]:
        if not isinstance(value, bool):
            raise MethodError("invalidArguments", f"filter {column} must be a boolean")
        return t.c[column] == value

    return build


def check_if_in_state(conn: Connection, ctx: Context, args: dict[str, Any], type_name: str) -> int:
    state, _ = type_state(conn, ctx.seller_id, type_name)
    want = args.get("ifInState")
    if want is not None and want != str(state):
        raise MethodError("stateMismatch", "ifInState does not match the current state")
    return state


def set_ops(ctx: Context, args: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], list[Any]]:
    create = args.get("create") or {}
    update = args.get("update") or {}
    destroy = args.get("destroy") or []
    if (
        not isinstance(create, dict)
        or not isinstance(update, dict)
        or not isinstance(destroy, list)
    ):
        raise MethodError("invalidArguments", "create/update must be objects, destroy a list")
    if len(create) + len(update) + len(destroy) > ctx.config.max_objects_in_set:
        raise MethodError("requestTooLarge", f"at most {ctx.config.max_objects_in_set} operations")
    return create, update, destroy


class SetFailure(Exception):
    """One object of a `Foo/set` not created, updated or destroyed: `body` is its SetError."""

    def __init__(self, type_: str, description: str = "", **extra: Any) -> None:
        super().__init__(description or type_)
        self.body = set_error(type_, description, **extra)


def only(patch: dict[str, Any], name: str) -> Any:
    """The value of the one property an update may change (`name`), else invalidProperties."""
    if set(patch) != {name}:
        others = sorted(set(patch) - {name}) or [name]
        raise SetFailure("invalidProperties", f"only {name} can change", properties=others)
    return patch[name]


def update_row(
    conn: Connection, ch: Changes, table: Table, type_name: str, object_id: str, values: Any
) -> None:
    """Update one of the seller's objects (notFound when it has none with that id)."""
    done = conn.execute(
        table.update()
        .where((table.c.seller_id == ch.seller_id) & (table.c.id == object_id))
        .values(**values)
    )
    if not done.rowcount:
        raise SetFailure("notFound")
    ch.updated(type_name, object_id)


@dataclass(frozen=True)
class SetHandlers:
    """What `Foo/set` does with one object. Each handler validates before it writes (a
    SetFailure after a write would leave that write in the transaction) and raises SetFailure.
    A missing handler answers `forbidden` with `refusal`."""

    create: Callable[[Connection, Changes, dict[str, Any]], dict[str, Any]] | None = None
    update: Callable[[Connection, Changes, str, dict[str, Any]], dict[str, Any] | None] | None = (
        None
    )
    destroy: Callable[[Connection, Changes, str], None] | None = None
    refusal: str = ""


def do_set(
    ctx: Context, args: dict[str, Any], type_name: str, handlers: SetHandlers
) -> dict[str, Any]:
    """JMAP `Foo/set`: `ifInState`, then creates, updates and destroys in one transaction."""
    ctx.check_account(args)
    create, update, destroy = set_ops(ctx, args)
    created: dict[str, Any] = {}
    updated: dict[str, Any] = {}
    destroyed: list[str] = []
    failed: dict[str, dict[str, Any]] = {"notCreated": {}, "notUpdated": {}, "notDestroyed": {}}

    def forbid(kind: str, keys: Any) -> None:
        for key in keys:
            if isinstance(key, str):
                failed[kind][key] = set_error("forbidden", handlers.refusal)

    with ctx.writing() as conn:
        old = check_if_in_state(conn, ctx, args, type_name)
        ch = Changes(conn, ctx.seller_id)
        make, change, remove = handlers.create, handlers.update, handlers.destroy
        if make is None:
            forbid("notCreated", create)
            create = {}
        for key, obj in create.items():
            assert make is not None
            try:
                if not isinstance(obj, dict):
                    raise SetFailure("invalidArguments")
                created[key] = make(conn, ch, obj)
            except SetFailure as exc:
                failed["notCreated"][key] = exc.body
        if change is None:
            forbid("notUpdated", update)
            update = {}
        for oid, patch in update.items():
            assert change is not None
            try:
                if not isinstance(patch, dict):
                    raise SetFailure("invalidPatch")
                updated[oid] = change(conn, ch, oid, patch)
            except SetFailure as exc:
                failed["notUpdated"][oid] = exc.body
        if remove is None:
            forbid("notDestroyed", destroy)
            destroy = []
        for oid in destroy:
            assert remove is not None
            if isinstance(oid, str):
                try:
                    remove(conn, ch, oid)
                    destroyed.append(oid)
                except SetFailure as exc:
                    failed["notDestroyed"][oid] = exc.body
        ch.flush()
        new_state = type_state(conn, ctx.seller_id, type_name)[0]
    if ch.types:
        ctx.changed.add(ctx.seller_id)
    result: dict[str, Any] = {
        "accountId": ctx.account_id,
        "oldState": str(old),
        "newState": str(new_state),
        "created": created or None,
        "updated": updated or None,
        "destroyed": destroyed or None,
    }
    result.update({k: v for k, v in failed.items() if v})
    return result
