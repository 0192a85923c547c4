"""Async client of the relay's JMAP profile (docs/protocol.md).

Turns HTTP outcomes into the few cases the services act on: ``Offline`` (network errors, 5xx),
``RetryLater`` (409 in flight, 429, 503 — with the server's ``Retry-After``), ``Unauthorized``
(401: the token is wrong or revoked), ``RequestRejected`` (any other request-level problem:
never retried automatically), and per-call ``MethodError``s. The token is sent, never logged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

CORE = "urn:ietf:params:jmap:core"
RELAY = "urn:seller-relay:params:jmap:relay"
USING = [CORE, RELAY]


class RelayError(Exception):
    """Base of everything the relay client raises."""


class Offline(RelayError):
    """The relay could not be reached (or answered 5xx other than 503)."""


class RetryLater(RelayError):
    def __init__(self, status: int, retry_after: float | None, detail: str = "") -> None:
        super().__init__(f"relay busy ({status}){': ' + detail if detail else ''}")
        self.status = status
        self.retry_after = retry_after


class Unauthorized(RelayError):
    def __init__(self) -> None:
        super().__init__("the relay refused the seller token (wrong or revoked)")


class RequestRejected(RelayError):
    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        detail = problem.get("detail") or problem.get("title") or problem.get("type", "")
        super().__init__(f"relay refused the request ({status}): {detail}")
        self.status = status
        self.problem = problem

    @property
    def type(self) -> str:
        return str(self.problem.get("type", "")).rsplit(":", 1)[-1]


class MethodError(RelayError):
    def __init__(self, name: str, args: dict[str, Any]) -> None:
        super().__init__(f"{name} failed: {args.get('type')} {args.get('description', '')}")
        self.type = str(args.get("type", ""))
        self.args_ = args


@dataclass(frozen=True, slots=True)
class Session:
    account_id: str
    username: str
    api_url: str
    upload_url: str
    download_url: str
    event_source_url: str
    state: str
    max_objects_in_get: int = 500
    max_calls_in_request: int = 16
    max_objects_in_set: int = 100
    max_size_upload: int = 7 * 1024 * 1024
    max_changes: int = 1000
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Session:
        core = doc.get("capabilities", {}).get(CORE, {})
        relay = doc.get("capabilities", {}).get(RELAY, {})
        account = doc.get("primaryAccounts", {}).get(RELAY) or next(iter(doc["accounts"]))
        return cls(
            account_id=account,
            username=str(doc.get("username", "")),
            api_url=doc["apiUrl"],
            upload_url=doc["uploadUrl"],
            download_url=doc["downloadUrl"],
            event_source_url=doc["eventSourceUrl"],
            state=str(doc.get("state", "")),
            max_objects_in_get=int(core.get("maxObjectsInGet", 500)),
            max_calls_in_request=int(core.get("maxCallsInRequest", 16)),
            max_objects_in_set=int(core.get("maxObjectsInSet", 100)),
            max_size_upload=int(core.get("maxSizeUpload", 7 * 1024 * 1024)),
            max_changes=int(relay.get("maxChanges", 1000)),
            raw=doc,
        )


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


class RelayClient:
    """One seller account on one relay. Create with the relay's base URL and the token."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "SellerInbox"},
            timeout=timeout,
            transport=transport,
        )
        self.session: Session | None = None
        self.bytes_received = 0
        self.requests_made = 0

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _send(self, method: str, url: str, **kw: Any) -> httpx.Response:
        try:
            response = await self._http.request(method, url, **kw)
        except httpx.TransportError as exc:
            raise Offline(f"cannot reach the relay at {self.base_url}: {exc!r}") from exc
        self.requests_made += 1
        self.bytes_received += len(response.content)
        if response.status_code < 400:
            return response
        if response.status_code == 401:
            raise Unauthorized()
        if response.status_code in (409, 429, 503):
            raise RetryLater(response.status_code, _retry_after(response), response.text[:200])
        if response.status_code >= 500:
            raise Offline(f"relay error {response.status_code}")
        try:
            problem = response.json()
        except ValueError:
            problem = {"detail": response.text[:200]}
        raise RequestRejected(response.status_code, problem if isinstance(problem, dict) else {})

    def stream(self, method: str, url: str, **kw: Any) -> Any:
        """A streaming request (push); the caller handles transport errors."""
        return self._http.stream(method, url, **kw)

    async def connect(self) -> Session:
        response = await self._send("GET", "/.well-known/jmap")
        self.session = Session.from_json(response.json())
        return self.session

    async def call(
        self,
        calls: list[tuple[str, dict[str, Any]]],
        *,
        idempotency_key: str | None = None,
        raise_errors: bool = True,
    ) -> list[tuple[str, dict[str, Any]]]:
        """Send method calls in one request; returns [(name, args)] in call order. The
        ``accountId`` is filled in. Raises ``MethodError`` for the first failed call, unless
        ``raise_errors`` is False: then failed calls come back as ("error", args)."""
        session = self.session or await self.connect()
        body = {
            "using": USING,
            "methodCalls": [
                [name, {"accountId": session.account_id, **args}, f"c{i}"]
                for i, (name, args) in enumerate(calls)
            ],
        }
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        response = await self._send("POST", "/api", json=body, headers=headers)
        answers = response.json().get("methodResponses", [])
        out: list[tuple[str, dict[str, Any]]] = []
        for name, args, _call_id in answers:
            if name == "error" and raise_errors:
                raise MethodError(calls[len(out)][0] if len(out) < len(calls) else "?", args)
            out.append((name, args))
        return out

    async def call_one(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        return (await self.call([(name, args)]))[0][1]

    async def download(self, blob_id: str, name: str = "file") -> bytes:
        session = self.session or await self.connect()
        path = (
            session.download_url.replace("{accountId}", session.account_id)
            .replace("{blobId}", blob_id)
            .replace("{name}", quote(name, safe=""))
        )
        response = await self._send("GET", path)
        return response.content

    async def upload_stream(
        self, chunks: AsyncIterator[bytes], media_type: str, size: int
    ) -> dict[str, Any]:
        """Upload without holding the file in memory."""
        session = self.session or await self.connect()
        path = session.upload_url.replace("{accountId}", session.account_id)
        headers = {"Content-Type": media_type, "Content-Length": str(size)}
        response = await self._send("POST", path, content=chunks, headers=headers)
        result: dict[str, Any] = response.json()
        return result

    async def upload(self, data: bytes, media_type: str) -> dict[str, Any]:
        session = self.session or await self.connect()
        path = session.upload_url.replace("{accountId}", session.account_id)
        response = await self._send(
            "POST", path, content=data, headers={"Content-Type": media_type}
        )
        result: dict[str, Any] = response.json()
        return result
