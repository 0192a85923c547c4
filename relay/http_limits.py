"""The relay's HTTP server with a bound on request heads (request line plus headers).

uvicorn's httptools protocol buffers a header of any size (an 8 MB `Authorization` header per
request left the relay at 1.2 GB); its h11 protocol is bounded by `h11_max_incomplete_event_size`.
`server_http()` names the protocol to give uvicorn: httptools with this cap when installed,
else h11 with the same cap. See docs/security.md.
"""

from __future__ import annotations

from typing import Any

MAX_HEAD_BYTES = 64 * 1024
_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: text/plain\r\ncontent-length: 27\r\nconnection: close\r\n\r\n"
    b"request headers over 64 KB\n"
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
            super().on_message_begin()

        def on_headers_complete(self) -> None:
            self._in_head = False
            super().on_headers_complete()

    return CappedHttpToolsProtocol, {}
