"""The relay's ASGI application (Starlette): `create_app(db_url)`."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

import orjson
from sqlalchemy.exc import IntegrityError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from relay import auth, blobs, idempotency, ingest, seller_mail
from relay.api.core import Context, run_calls
from relay.api.registry import METHODS
from relay.config import CAPABILITIES, CORE, RELAY, RelayConfig
from relay.db import Database, open_database
from relay.enforce import (
    default_allowed_media_types,
    largest_attachment_limit,
    sniff_media_type,
)
from relay.openapi import openapi_document
from relay.push import Hub
from relay.ratelimit import RateLimiter, retry_after
from relay.readcache import ReadCache, has_server_failure
from relay.store import account_id, account_modseq, all_states, seller_of_account

if TYPE_CHECKING:
    from relay.mailbridge.bridge import MailBridge
    from relay.mailbridge.secret_store import SecretStore

log = logging.getLogger("relay.server")
T = TypeVar("T")
DB_THREADS = 4  # worker threads for PostgreSQL work per process
PROBLEM = "application/problem+json"
JMAP_ERR = "urn:ietf:params:jmap:error:"
RELAY_ERR = "urn:seller-relay:error:"
TOKEN_CACHE_SECONDS = 2.0  # revocation takes effect within this
MAX_JSON_DEPTH = 64  # request and ingest bodies
MAX_AUTH_HEADER = 512  # "Bearer " + a token; anything longer is no token of ours
# Open /events streams per token: each wakes a state read per change, so thousands opened by
# one seat would fill the shared thread pool that serves every seller (a window needs one; a
# stream lost to a dead network may linger, so a new one ends the oldest instead of failing).
MAX_STREAMS_PER_TOKEN = 10
SESSION_STATE = "1"  # the session object changes only with the relay's configuration


class Problem(Exception):
    def __init__(
        self,
        status: int,
        type_: str,
        detail: str = "",
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status, self.type, self.detail = status, type_, detail
        self.headers = headers or {}
        self.extra = extra

    def response(self) -> JSONResponse:
        body = {"type": self.type, "title": self.type.rsplit(":", 1)[-1], "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        body.update(self.extra)
        return JSONResponse(body, status_code=self.status, media_type=PROBLEM, headers=self.headers)


def encode_json(content: Any) -> bytes:
    """JSON by orjson: the same compact UTF-8 bytes as Starlette's json.dumps, ~5x cheaper for
    a Conversation/get of 50. Anything orjson refuses (an integer beyond 64 bits echoed back,
    say) takes the standard encoder."""
    try:
        return orjson.dumps(content)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class ApiResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return encode_json(content)


class Relay:
    """Shared state of one relay process."""

    def __init__(self, db: Database, config: RelayConfig) -> None:
        self.db = db
        self.config = config
        self.hub = Hub(db)
        self.cache = ReadCache()
        self.limiter = RateLimiter(config.rate_per_second, config.rate_burst)
        self._tokens: dict[bytes, tuple[float, auth.Principal]] = {}  # sha256 of the header
        # SQLite work runs on the event loop itself. The process is CPU-bound on one core
        # either way (the GIL), and a statement on a local file takes microseconds; worker
        # threads only added hand-offs and GIL convoys: under the load benchmark they doubled
        # the CPU per request and queued every write behind ~30 reader threads (p50 of a send
        # 0.3-0.5 s). PostgreSQL waits on the network, so it keeps worker threads.
        self.inline_db = db.is_sqlite
        # Few threads: each one more contends for the GIL with the event loop, and a send holding
        # a row lock waits for the GIL after every round trip (PostgreSQL bench: 4 threads p99
        # 0.37 s, anyio's default 40 threads p99 1.8 s at the same req/s). A plain executor, not
        # anyio.to_thread: its backend and limiter bookkeeping was ~6% of the relay's CPU.
        self._threads = ThreadPoolExecutor(DB_THREADS, thread_name_prefix="relay-db")
        self.bridge: MailBridge | None = None  # with config.mail_bridge, while serving

    async def run_db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run blocking database work: inline on SQLite, in a worker thread on PostgreSQL."""
        if self.inline_db:
            return fn(*args)
        return await asyncio.get_running_loop().run_in_executor(self._threads, fn, *args)

    def close(self) -> None:
        self._threads.shutdown(wait=True)

    async def principal(self, request: Request, kind: str) -> auth.Principal:
        header = request.headers.get("authorization") or ""
        # Only valid tokens are cached, by hash: a flood of bad or huge headers keeps nothing.
        key = hashlib.sha256(header.encode("utf-8", "replace")).digest()
        cached = self._tokens.get(key)
        t = time.monotonic()
        if cached and t - cached[0] < TOKEN_CACHE_SECONDS:
            found: auth.Principal | None = cached[1]
        elif len(header) > MAX_AUTH_HEADER:
            found = None
        else:
            found = await self.run_db(self._lookup, header)
            if found is not None:
                if len(self._tokens) > 10000:
                    self._tokens.clear()
                self._tokens[key] = (t, found)
        if found is None or found.kind != kind:
            raise Problem(
                401,
                RELAY_ERR + "unauthorized",
                "a valid bearer token is required",
                headers={"WWW-Authenticate": 'Bearer realm="seller-relay"'},
            )
        wait = self.limiter.take(found.token_id)
        if wait:
            raise Problem(
                429,
                RELAY_ERR + "rateLimited",
                "too many requests",
                headers={"Retry-After": retry_after(wait)},
            )
        return found

    def _lookup(self, header: str | None) -> auth.Principal | None:
        with self.db.reading() as conn:
            return auth.authenticate(conn, header)

    async def publish(self, seller_ids: set[int]) -> None:
        if not seller_ids:
            return
        self.hub.published(seller_ids)
        if not self.db.is_sqlite:
            await run_in_threadpool(self.hub.notify_others, seller_ids)


async def read_capped(request: Request, cap: int) -> bytes:
    """The body, refusing (413) as soon as it passes `cap` bytes — never buffering more."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > cap:
        raise Problem(413, JMAP_ERR + "limit", f"request over {cap} bytes", limit="maxSizeRequest")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise Problem(
                413, JMAP_ERR + "limit", f"request over {cap} bytes", limit="maxSizeRequest"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def handler(fn: Callable[[Request], Any]) -> Callable[[Request], Any]:
    async def wrapped(request: Request) -> Response:
        try:
            response: Response = await fn(request)
            return response
        except Problem as problem:
            return problem.response()
        except ClientDisconnect:  # gone mid-body (or cut for sending it too slowly): no bug
            return Response(status_code=400)

    return wrapped


def _relay(request: Request) -> Relay:
    relay: Relay = request.app.state.relay
    return relay


def _unstorable(value: Any) -> str | None:
    """Why a decoded JSON value cannot be stored on every backend (None when it can).

    JSON may carry U+0000 (PostgreSQL text refuses it) and unpaired surrogates (not UTF-8 at
    all); both would otherwise fail deep inside a write. Nesting deeper than MAX_JSON_DEPTH is
    refused: encoding a ~1000-deep answer (an echo, a result reference) overflowed the stack
    (HTTP 500). Iterative: nesting depth is no risk here.
    """
    stack = [(value, 0)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, dict | list) and depth >= MAX_JSON_DEPTH:
            return f"nested deeper than {MAX_JSON_DEPTH} levels"
        if isinstance(v, str):
            if "\x00" in v:
                return "strings must not contain U+0000"
            if not v.isascii():
                try:
                    v.encode("utf-8")
                except UnicodeEncodeError:
                    return "strings must not contain unpaired surrogates"
        elif isinstance(v, dict):
            stack.extend((k, depth + 1) for k in v)
            stack.extend((x, depth + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, depth + 1) for x in v)
    return None


def _loads(raw: bytes) -> Any:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Problem(400, JMAP_ERR + "notJSON", "the body is not JSON") from None
    why = _unstorable(value)
    if why:
        raise Problem(400, JMAP_ERR + "notJSON", why)
    return value


def _parse_request(raw: bytes, config: RelayConfig) -> dict[str, Any]:
    payload = _loads(raw)
    if not isinstance(payload, dict):
        raise Problem(400, JMAP_ERR + "notRequest", "a Request object is required")
    using, calls = payload.get("using"), payload.get("methodCalls")
    if not isinstance(using, list) or not all(isinstance(u, str) for u in using):
        raise Problem(400, JMAP_ERR + "notRequest", "using must be a list of strings")
    if not isinstance(calls, list) or not all(
        isinstance(c, list) and len(c) == 3 and isinstance(c[0], str) and isinstance(c[2], str)
        for c in calls
    ):
        raise Problem(
            400, JMAP_ERR + "notRequest", "methodCalls must be [name, args, callId] lists"
        )
    unknown = [u for u in using if u not in CAPABILITIES]
    if unknown:
        raise Problem(400, JMAP_ERR + "unknownCapability", f"unknown capability {unknown[0]!r}")
    if len(calls) > config.max_calls_in_request:
        raise Problem(400, JMAP_ERR + "limit", "too many method calls", limit="maxCallsInRequest")
    return payload


def _sends(payload: dict[str, Any]) -> bool:
    return any(
        c[0] == "Submission/set" and isinstance(c[1], dict) and c[1].get("create")
        for c in payload["methodCalls"]
    )


@handler
async def api(request: Request) -> Response:
    relay = _relay(request)
    who = await relay.principal(request, "seller")
    assert who.seller_id is not None and who.seller_name is not None
    raw = await read_capped(request, relay.config.max_size_request)
    payload = _parse_request(raw, relay.config)
    key = request.headers.get("idempotency-key")
    if key is None and _sends(payload):
        raise Problem(400, RELAY_ERR + "idempotencyKeyRequired", "sending needs an Idempotency-Key")
    if key is not None and not idempotency.valid_key(key):
        raise Problem(400, RELAY_ERR + "idempotencyKeyInvalid", "1..128 printable ASCII characters")
    sid = who.seller_id
    ctx = Context(relay.db, relay.config, sid, who.seller_name)
    digest = idempotency.request_hash(payload) if key is not None else ""
    cache_key = (sid, raw) if key is None and relay.cache.covers(payload) else None
    outcome, body = await relay.run_db(_run_api, relay, ctx, payload, key, digest, cache_key)
    if outcome == "encoded":
        return Response(body, media_type="application/json")
    if outcome == "replay":
        return ApiResponse(body, headers={"Idempotency-Replayed": "true"})
    if outcome == "inflight":
        raise Problem(
            409,
            RELAY_ERR + "idempotencyKeyInFlight",
            "the same key is being processed",
            headers={"Retry-After": "1"},
        )
    if outcome == "mismatch":
        raise Problem(
            422, RELAY_ERR + "idempotencyKeyReused", "this key was used for a different request"
        )
    relay.hub.published(ctx.changed)
    if relay.bridge is not None and _sends(payload):
        relay.bridge.wake_outbound()  # a bridged reply may be queued: send it now
    return ApiResponse(body)


def _run_api(
    relay: Relay,
    ctx: Context,
    payload: dict[str, Any],
    key: str | None,
    digest: str,
    cache_key: tuple[int, bytes] | None = None,
) -> tuple[str, Any]:
    """All of one /api request's database work, in one call of `Relay.run_db`.

    With an Idempotency-Key, one write transaction holds the key, every call's writes and the
    stored response: they commit together or not at all (so a failed request keeps no key).
    With a `cache_key` (a pure read, see relay.readcache) the answer is JSON bytes ("encoded").
    """
    calls = payload["methodCalls"]
    if key is None:
        modseq = None
        # One connection (one pool checkout, one snapshot on SQLite) for all the calls' reads.
        with relay.db.reading() as conn:
            if cache_key is not None:
                modseq = account_modseq(conn, ctx.seller_id)  # before anything else is read
                hit = None if modseq is None else relay.cache.get(cache_key, modseq)
                if hit is not None:
                    return "encoded", hit
            ctx.read_conn = conn
            try:
                body = {"methodResponses": run_calls(ctx, calls), "sessionState": SESSION_STATE}
            finally:
                ctx.read_conn = None
        if cache_key is not None and modseq is not None and not has_server_failure(body):
            encoded = encode_json(body)
            relay.cache.put(cache_key, modseq, encoded)
            return "encoded", encoded
        relay.hub.notify_others(ctx.changed)
        return "new", body
    cfg = relay.config
    try:
        with relay.db.writing() as conn:
            began = idempotency.begin_in(
                conn,
                ctx.seller_id,
                key,
                digest,
                cfg.idempotency_ttl_seconds,
                cfg.idempotency_stale_seconds,
            )
            if began.outcome != "new":
                return began.outcome, began.response
            ctx.conn = conn
            try:
                body = {"methodResponses": run_calls(ctx, calls), "sessionState": SESSION_STATE}
            finally:
                ctx.conn = None
            idempotency.finish_in(conn, ctx.seller_id, key, body)
            if ctx.changed:
                relay.hub.notify_in(conn, ctx.changed)  # delivered at commit (PostgreSQL)
    except IntegrityError:  # another process holds the same key (PostgreSQL)
        ctx.changed.clear()
        return "inflight", None
    return "new", body


@handler
async def session(request: Request) -> Response:
    relay = _relay(request)
    who = await relay.principal(request, "seller")
    assert who.seller_id is not None
    base = str(request.base_url).rstrip("/")
    acc = account_id(who.seller_id)
    return JSONResponse(
        {
            "capabilities": {
                CORE: relay.config.core_capability(),
                RELAY: relay.config.relay_capability(),
            },
            "accounts": {
                acc: {
                    "name": who.seller_name,
                    "isPersonal": True,
                    "isReadOnly": False,
                    "accountCapabilities": {CORE: {}, RELAY: {}},
                }
            },
            "primaryAccounts": {CORE: acc, RELAY: acc},
            "username": who.seller_name,
            "apiUrl": f"{base}/api",
            "uploadUrl": f"{base}/upload/{{accountId}}",
            "downloadUrl": f"{base}/download/{{accountId}}/{{blobId}}/{{name}}",
            "eventSourceUrl": f"{base}/events?types={{types}}"
            "&closeafter={closeafter}&ping={ping}",  # not an f-string: single braces
            "state": SESSION_STATE,
        },
        headers={"Cache-Control": "no-store"},
    )


def _own_account(request: Request, who: auth.Principal) -> int:
    sid = seller_of_account(request.path_params["accountId"])
    if sid is None or sid != who.seller_id:
        raise Problem(404, JMAP_ERR + "accountNotFound", "no such account")
    return sid


@handler
async def upload(request: Request) -> Response:
    relay = _relay(request)
    who = await relay.principal(request, "seller")
    sid = _own_account(request, who)
    cap = relay.config.max_size_upload
    length = request.headers.get("content-length")
    too_big = Problem(
        413, JMAP_ERR + "limit", f"uploads are limited to {cap} bytes", limit="maxSizeUpload"
    )
    if length is not None and length.isdigit() and int(length) > cap:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise too_big  # the rest of the stream is never read
        chunks.append(chunk)
    data = b"".join(chunks)
    media = sniff_media_type(data)
    if media is None or media not in default_allowed_media_types():
        raise Problem(
            415,
            RELAY_ERR + "attachmentRejected",
            "only PDF, Word, images and plain text are accepted (decided by content)",
            reason="type",
        )

    def store() -> blobs.BlobInfo:
        with relay.db.writing() as conn:
            return blobs.put(conn, sid, data, media)

    info = await relay.run_db(store)
    return JSONResponse(
        {
            "accountId": account_id(sid),
            "blobId": info.id,
            "type": info.media_type,
            "size": info.size,
        },
        status_code=201,
    )


def _disposition(name: str) -> str:
    fallback = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "._- ") else "_" for ch in name
    )
    ascii_name = fallback[:120] or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name[:120])}"


@handler
async def download(request: Request) -> Response:
    relay = _relay(request)
    who = await relay.principal(request, "seller")
    sid = _own_account(request, who)
    blob_id = request.path_params["blobId"]
    if not (blob_id.isascii() and blob_id.isalnum() and len(blob_id) <= 32):
        raise Problem(404, RELAY_ERR + "blobNotFound", "no such blob")  # never a blob id

    def fetch() -> tuple[bytes, str] | None:
        with relay.db.reading() as conn:
            return blobs.read(conn, sid, blob_id)

    found = await run_in_threadpool(fetch)
    if found is None:
        raise Problem(404, RELAY_ERR + "blobNotFound", "no such blob")
    data, media = found
    return Response(
        data,
        media_type=media,
        headers={
            "Content-Disposition": _disposition(request.path_params["name"]),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, immutable, max-age=31536000",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


@handler
async def events(request: Request) -> Response:
    relay = _relay(request)
    who = await relay.principal(request, "seller")
    assert who.seller_id is not None
    sid = who.seller_id
    q = request.query_params
    types_raw = q.get("types", "*")
    wanted = None if types_raw in ("*", "") else set(types_raw.split(","))
    closeafter = q.get("closeafter", "no")
    if closeafter not in ("no", "state"):
        raise Problem(400, RELAY_ERR + "invalidArguments", "closeafter is 'no' or 'state'")
    ping_raw = q.get("ping", str(relay.config.ping_default))
    if not ping_raw.isdigit() or int(ping_raw) > 3600:
        raise Problem(400, RELAY_ERR + "invalidArguments", "ping is seconds, 0..3600")
    ping = int(ping_raw)
    acc = account_id(sid)

    def states() -> dict[str, str]:
        with relay.db.reading() as conn:
            found = all_states(conn, sid)
        return {k: v for k, v in found.items() if wanted is None or k in wanted}

    async def stream() -> AsyncIterator[bytes]:
        sub = relay.hub.subscribe(sid, who.token_id)
        relay.hub.end_oldest(sub, MAX_STREAMS_PER_TOKEN)
        try:
            last = await run_in_threadpool(states)
            yield _sse("state", {"@type": "StateChange", "changed": {acc: last}})
            while True:
                try:
                    await asyncio.wait_for(sub.wake.wait(), timeout=ping or None)
                except TimeoutError:
                    yield _sse("ping", {"@type": "Ping", "interval": ping})
                    continue
                if sub.revoked:
                    return  # the token was revoked: the stream ends with it
                sub.wake.clear()
                now_states = await run_in_threadpool(states)
                diff = {k: v for k, v in now_states.items() if last.get(k) != v}
                if diff:
                    last = now_states
                    yield _sse("state", {"@type": "StateChange", "changed": {acc: diff}})
                    if closeafter == "state":
                        return
        finally:
            relay.hub.unsubscribe(sub)

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _ingest_json(request: Request) -> tuple[Relay, dict[str, Any]]:
    relay = _relay(request)
    await relay.principal(request, "ingest")
    raw = await read_capped(request, relay.config.max_ingest_bytes)
    body = _loads(raw)
    if not isinstance(body, dict):
        raise Problem(400, RELAY_ERR + "invalidField", "a JSON object is required")
    return relay, body


async def _ingest_call(request: Request, fn: Callable[..., ingest.Outcome], *args: Any) -> Response:
    relay, body = await _ingest_json(request)
    try:
        outcome = await run_in_threadpool(fn, relay.db, *args, body)
    except ingest.IngestError as err:
        raise Problem(err.status, err.type, err.detail, **err.extra) from None
    await relay.publish(outcome.changed)
    return JSONResponse(
        outcome.body, outcome.status, media_type=PROBLEM if outcome.status >= 400 else None
    )


@handler
async def ingest_orders(request: Request) -> Response:
    return await _ingest_call(request, ingest.ingest_order, _relay(request).config)


@handler
async def ingest_messages(request: Request) -> Response:
    return await _ingest_call(request, ingest.ingest_message, _relay(request).config)


@handler
async def ingest_seller_mail(request: Request) -> Response:
    return await _ingest_call(request, seller_mail.ingest_seller_mail, _relay(request).config)


@handler
async def ingest_opt_out(request: Request) -> Response:
    return await _ingest_call(request, ingest.set_opt_out)


@handler
async def ingest_mailbox(request: Request) -> Response:
    relay, body = await _ingest_json(request)
    mid, email = body.get("marketplaceId"), body.get("email")
    if not isinstance(mid, str) or not isinstance(email, str) or len(email) > 320:
        raise Problem(400, RELAY_ERR + "invalidField", "marketplaceId and email are required")
    return JSONResponse(await run_in_threadpool(ingest.mailbox, relay.db, mid, email))


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document(sorted(METHODS)))


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def _start_bridge(
    relay: Relay, loop: asyncio.AbstractEventLoop, secrets: SecretStore | None
) -> MailBridge:
    from relay.mailbridge.bridge import MailBridge
    from relay.mailbridge.secret_store import server_secret_store

    def changed(seller_ids: set[int]) -> None:  # on a bridge thread, after its commit
        loop.call_soon_threadsafe(relay.hub.published, seller_ids)
        relay.hub.notify_others(seller_ids)

    bridge = MailBridge(relay.db, relay.config, secrets or server_secret_store(), on_change=changed)
    bridge.start()
    return bridge


def create_app(
    db_url: str,
    config: RelayConfig | None = None,
    *,
    db: Database | None = None,
    mail_secrets: SecretStore | None = None,
) -> Starlette:
    """The relay as an ASGI app. Opens (and creates) the database at `db_url`. With
    `config.mail_bridge`, the mailbox bridge runs with it (passwords from `mail_secrets`,
    default: the relay's own secret store, see relay.mailbridge.secret_store)."""
    cfg = config or RelayConfig()
    if cfg.max_size_upload <= 0:
        cfg = dataclasses.replace(cfg, max_size_upload=largest_attachment_limit())
    database = db or open_database(db_url)
    relay = Relay(database, cfg)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        relay.hub.start(loop)
        if cfg.mail_bridge:
            relay.bridge = _start_bridge(relay, loop, mail_secrets)
        try:
            yield
        finally:
            if relay.bridge is not None:
                await loop.run_in_executor(None, relay.bridge.stop)
                relay.bridge = None
            relay.hub.stop()
            relay.close()

    routes = [
        Route("/.well-known/jmap", session, methods=["GET"]),
        Route("/api", api, methods=["POST"]),
        Route("/upload/{accountId}", upload, methods=["POST"]),
        Route("/download/{accountId}/{blobId}/{name}", download, methods=["GET"]),
        Route("/events", events, methods=["GET"]),
        Route("/ingest/orders", ingest_orders, methods=["POST"]),
        Route("/ingest/messages", ingest_messages, methods=["POST"]),
        Route("/ingest/opt-out", ingest_opt_out, methods=["POST"]),
        Route("/ingest/seller-mail", ingest_seller_mail, methods=["POST"]),
        Route("/ingest/mailbox", ingest_mailbox, methods=["POST"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.router.redirect_slashes = False  # a redirect would replay a POST body elsewhere
    app.state.relay = relay
    return app
