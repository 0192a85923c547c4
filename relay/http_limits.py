"""The relay's HTTP server with bounds on request heads (request line plus headers): their
size and the time they take.

uvicorn's httptools protocol buffers a header of any size (an 8 MB `Authorization` header per
request left the relay at 1.2 GB); its h11 protocol is bounded by `h11_max_incomplete_event_size`.
Neither limits the time a head takes: a client that connects and sends nothing, or a byte now
and then (slow-loris), kept its connection for ever, and a few thousand of them use up the
relay's file descriptors. uvicorn's keep-alive timeout only runs between requests. So the head
must end within HEAD_TIMEOUT of the connection (or of a later request's first byte), and a
body must keep a minimum average rate, else the connection is answered 408 and closed; and a
request answered before its body arrived (401 without a token, 413) is closed instead of read
on (a trickled body renewed the keep-alive timer with every byte).
`server_http()` names the protocol to give uvicorn: httptools with these caps when installed,
else h11 with the size cap only. See docs/security.md.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

MAX_HEAD_BYTES = 64 * 1024
HEAD_TIMEOUT = 10.0  # seconds from a connection (or a request's first byte) to its head's end
# A body must keep coming at MIN_BODY_RATE bytes a second on average, judged BODY_GRACE
# seconds after its head and every BODY_CHECK seconds after (a 25 MB upload at 16 KB/s passes).
MIN_BODY_RATE = 1024
BODY_GRACE = 10.0
BODY_CHECK = 5.0


def _refusal(status: bytes, text: bytes) -> bytes:
    """A whole response that closes the connection (its length counted, not written by hand)."""
    head = b"HTTP/1.1 %s\r\ncontent-type: text/plain\r\ncontent-length: %d\r\nconnection: close"
    return head % (status, len(text)) + b"\r\n\r\n" + text


_TOO_LARGE = _refusal(b"431 Request Header Fields Too Large", b"request headers over 64 KB\n")
_TOO_SLOW = _refusal(b"408 Request Timeout", b"request head took too long")


def server_http() -> tuple[Any, dict[str, Any]]:
    """(uvicorn `http=` value, extra uvicorn.Config keyword arguments)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return "h11", {"h11_max_incomplete_event_size": MAX_HEAD_BYTES}

    class CappedHttpToolsProtocol(HttpToolsProtocol):
        """Bounds on each request: its head's size (431) and time (408), its body's rate
        (408), and no body read on once the response was sent (closed)."""

        _in_head = True
        _head_bytes = 0
        _tail = b""
        _timer: asyncio.TimerHandle | None = None
        _body_bytes = 0
        _body_since = 0.0

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm(HEAD_TIMEOUT, self._head_too_slow)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self, delay: float, check: Callable[[], None]) -> None:
            if self._timer is None:
                self._timer = self.loop.call_later(delay, check)

        def _disarm(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _refuse(self, answer: bytes) -> None:
            if not self.transport.is_closing():
                self.transport.write(answer)
                self.transport.close()

        def _head_too_slow(self) -> None:
            self._timer = None
            if self._in_head:
                self._refuse(_TOO_SLOW)

        def _body_too_slow(self) -> None:
            self._timer = None
            elapsed = self.loop.time() - self._body_since
            if self._body_bytes < MIN_BODY_RATE * elapsed:
                self._refuse(_TOO_SLOW)
            else:
                self._arm(BODY_CHECK, self._body_too_slow)

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                self._head_bytes += len(data)
                ended = b"\r\n\r\n" in self._tail + data
                self._tail = data[-3:]
                if self._head_bytes > MAX_HEAD_BYTES and not ended:
                    self._in_head = False
                    self._refuse(_TOO_LARGE)
                    return
            super().data_received(data)

        def on_message_begin(self) -> None:
            self._in_head, self._head_bytes, self._tail = True, 0, b""
            self._arm(HEAD_TIMEOUT, self._head_too_slow)  # a kept-alive connection's next
            super().on_message_begin()

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._disarm()
            self._body_bytes, self._body_since = 0, self.loop.time()
            self._arm(BODY_GRACE, self._body_too_slow)  # ended by on_message_complete
            super().on_headers_complete()

        def on_body(self, body: bytes) -> None:
            self._body_bytes += len(body)
            super().on_body(body)

        def on_message_complete(self) -> None:
            self._disarm()
            super().on_message_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            # Answered before its body arrived (401, 413...): reading the rest would let a
            # client that trickles it keep the connection (each byte renews keep-alive).
            if self.cycle is not None and self.cycle.more_body:
                self._disarm()
                self.transport.close()

    return CappedHttpToolsProtocol, {}
