"""Method dispatch, result references and the JMAP error model."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from relay.config import RelayConfig
from relay.db import Database
from relay.store import account_id, seller_of_account, type_state

log = logging.getLogger("relay.api")


class MethodError(Exception):
    def __init__(self, type_: str, description: str = "", **extra: Any) -> None:
        super().__init__(description or type_)
        self.body: dict[str, Any] = {"type": type_, **extra}
        if description:
            self.body["description"] = description


def set_error(type_: str, description: str = "", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": type_, **extra}
    if description:
        body["description"] = description
    return body


@dataclass
class Context:
    db: Database
    config: RelayConfig
    seller_id: int
    seller_name: str
    # Accounts whose state changed during this request (for push).
    changed: set[int] = field(default_factory=set)
    # The request's own write transaction (requests with an Idempotency-Key: the key, the
    # writes and the stored response commit together). None: each call opens its own.
    conn: Connection | None = None
    # A read connection shared by the request's calls (requests without a write transaction).
    read_conn: Connection | None = None
    _states: dict[str, tuple[int, int]] = field(default_factory=dict)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        shared = self.conn or self.read_conn
        if shared is not None:
            yield shared
            return
        with self.db.reading() as conn:
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        if self.conn is not None:
            # A savepoint: a call that fails half-way leaves nothing in the shared transaction.
            with self.conn.begin_nested():
                yield self.conn
            return
        with self.db.writing() as conn:
            yield conn
        if self.read_conn is not None:
            # The shared read connection must see this write in later calls: end its snapshot
            # (SQLite keeps one per transaction) and forget the states read before.
            self.read_conn.rollback()
            self._states.clear()

    def type_state(self, conn: Connection, type_name: str) -> tuple[int, int]:
        """`store.type_state`, read once per request on the shared read connection."""
        if conn is not self.read_conn:
            return type_state(conn, self.seller_id, type_name)
        found = self._states.get(type_name)
        if found is None:
            found = self._states[type_name] = type_state(conn, self.seller_id, type_name)
        return found

    @property
    def account_id(self) -> str:
        return account_id(self.seller_id)

    def check_account(self, args: dict[str, Any]) -> None:
        acc = args.get("accountId")
        if not isinstance(acc, str):
            raise MethodError("invalidArguments", "accountId is required")
        if seller_of_account(acc) != self.seller_id:
            raise MethodError("accountNotFound")


Handler = Callable[[Context, dict[str, Any]], dict[str, Any]]
METHODS: dict[str, Handler] = {}


def method(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        METHODS[name] = fn
        return fn

    return register


def _pointer(value: Any, path: str) -> Any:
    """RFC 6901 pointer with JMAP's `*` (map over arrays, flattening)."""
    if path == "":
        return value
    if not path.startswith("/"):
        raise MethodError("invalidResultReference", "bad path")
    parts = [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]
    for i, part in enumerate(parts):
        if part == "*" and isinstance(value, list):
            rest = "/" + "/".join(parts[i + 1 :]) if i + 1 < len(parts) else ""
            out: list[Any] = []
            for item in value:
                got = _pointer(item, rest)
                out.extend(got if isinstance(got, list) else [got])
            return out
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            raise MethodError("invalidResultReference", "path not found")
    return value


# Result references copy earlier results into later arguments: without a bound, a chain of
# Core/echo calls each referencing the previous result twice doubled the response per call
# (3.4 KB request → 998 MB response). All values resolved in one request together may be as
# large as a request (maxSizeRequest), nested at most this deep.
MAX_REFERENCE_DEPTH = 32


def json_size(value: Any, limit: int, max_depth: int = MAX_REFERENCE_DEPTH) -> int:
    """Roughly the bytes of `value` as JSON, counted iteratively; stops as soon as the count
    passes `limit` (MethodError requestTooLarge) or the nesting passes `max_depth`."""
    size = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, dict | list):
            if depth >= max_depth:
                raise MethodError(
                    "requestTooLarge", f"a result reference nests deeper than {max_depth}"
                )
            size += 2 + len(v)
            items = [*v.keys(), *v.values()] if isinstance(v, dict) else v
            stack.extend((item, depth + 1) for item in items)
        elif isinstance(v, str):
            size += len(v) + 2
        else:
            size += 8
        if size > limit:
            raise MethodError(
                "requestTooLarge",
                f"result references in this request resolve to more than {limit} bytes",
            )
    return size


def resolve_refs(
    args: dict[str, Any], responses: list[list[Any]], budget: list[int] | None = None
) -> dict[str, Any]:
    """`args` with its `#name` references resolved. `budget` ([bytes left]) is shared by the
    calls of one request and shrinks by each resolved value's size."""
    out: dict[str, Any] = {}
    for key, value in args.items():
        if not key.startswith("#"):
            out[key] = value
            continue
        name = key[1:]
        if name in args:
            raise MethodError("invalidArguments", f"both {name} and #{name}")
        if not isinstance(value, dict) or not all(
            isinstance(value.get(k), str) for k in ("resultOf", "name", "path")
        ):
            raise MethodError("invalidResultReference", "malformed reference")
        for resp_name, resp_args, call_id in responses:
            if call_id == value["resultOf"] and resp_name == value["name"]:
                out[name] = _pointer(resp_args, value["path"])
                break
        else:
            raise MethodError("invalidResultReference", "no such result")
        if budget is not None:
            budget[0] -= json_size(out[name], budget[0])
    return out


def run_calls(ctx: Context, calls: list[list[Any]]) -> list[list[Any]]:
    responses: list[list[Any]] = []
    budget = [ctx.config.max_size_request]
    for name, args, call_id in calls:
        try:
            handler = METHODS.get(name)
            if handler is None:
                raise MethodError("unknownMethod", f"{name} is not a method of this relay")
            if not isinstance(args, dict):
                raise MethodError("invalidArguments", "arguments must be an object")
            resolved = resolve_refs(args, responses, budget)
            result = handler(ctx, resolved)
            responses.append([name, result, call_id])
        except MethodError as exc:
            responses.append(["error", exc.body, call_id])
        except Exception:  # a bug: say serverFail, keep the details in the log only
            log.exception("method %s failed", name)
            responses.append(["error", {"type": "serverFail"}, call_id])
    return responses


def want_ids(ctx: Context, args: dict[str, Any]) -> list[str] | None:
    ids = args.get("ids")
    if ids is None:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise MethodError("invalidArguments", "ids must be a list of strings or null")
    if len(ids) > ctx.config.max_objects_in_get:
        raise MethodError("requestTooLarge", f"at most {ctx.config.max_objects_in_get} ids")
    return list(dict.fromkeys(ids))


def want_properties(args: dict[str, Any], known: frozenset[str]) -> set[str] | None:
    props = args.get("properties")
    if props is None:
        return None
    if not isinstance(props, list) or not all(isinstance(p, str) for p in props):
        raise MethodError("invalidArguments", "properties must be a list of strings")
    unknown = [p for p in props if p not in known]
    if unknown:
        raise MethodError("invalidArguments", f"unknown properties: {', '.join(unknown)}")
    return set(props) | {"id"}
