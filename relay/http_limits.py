"""The relay's HTTP server with bounds on request heads (request line plus headers): their
size and the time they take.

uvicorn's httptools protocol buffers a header of any size (an 8 MB `Authorization` header per
request left the relay at 1.2 GB); its h11 protocol is bounded by `h11_max_incomplete_event_size`.
Neither limits the time a head takes: a client that connects and sends nothing, or a byte now
and then (slow-loris), kept its connection for ever, and a few thousand of them use up the
relay's file descriptors. uvicorn's keep-alive timeout only runs between requests. So the head
must end within HEAD_TIMEOUT of the connection (or of a later request's first byte), else the
connection is answered 408 and closed.
`server_http()` names the protocol to give uvicorn: httptools with these caps when installed,
else h11 with the size cap only. See docs/security.md.
"""

from __future__ import annotations

import asyncio
from typing import Any

MAX_HEAD_BYTES = 64 * 1024
HEAD_TIMEOUT = 10.0  # seconds from a connection (or a request's first byte) to its head's end
_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: text/plain\r\ncontent-length: 27\r\nconnection: close\r\n\r\n"
    b"request headers over 64 KB\n"
)
_TOO_SLOW = (
    b"HTTP/1.1 408 Request Timeout\r\n"
    b"content-type: text/plain\r\ncontent-length: 25\r\nconnection: close\r\n\r\n"
    b"request head took too long"
)


def server_http() -> tuple[Any, dict[str, Any]]:
    """(uvicorn `http=` value, extra uvicorn.Config keyword arguments)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return "h11", {"h11_max_incomplete_event_size": MAX_HEAD_BYTES}

    class CappedHttpToolsProtocol(HttpToolsProtocol):
        """Counts the bytes of a request's head as they arrive; past the cap: 431, closed."""

        _in_head = True
        _head_bytes = 0
        _tail = b""
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(HEAD_TIMEOUT, self._too_slow)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _too_slow(self) -> None:
            self._head_timer = None
            if self._in_head and not self.transport.is_closing():
                self.transport.write(_TOO_SLOW)
                self.transport.close()

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                self._head_bytes += len(data)
                ended = b"\r\n\r\n" in self._tail + data
                self._tail = data[-3:]
                if self._head_bytes > MAX_HEAD_BYTES and not ended:
                    self.transport.write(_TOO_LARGE)
                    self.transport.close()
                    self._in_head = False
                    return
            super().data_received(data)

        def on_message_begin(self) -> None:
            self._in_head, self._head_bytes, self._tail = True, 0, b""
            self._arm()  # a later request on a kept-alive connection: its own head's time
            super().on_message_begin()

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._disarm()
            super().on_headers_complete()

    return CappedHttpToolsProtocol, {}
