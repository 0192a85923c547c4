"""Run the relay in-process on a loopback port (the app's demo mode, and the tests)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import uvicorn

from relay.config import RelayConfig
from relay.http_limits import server_http
from relay.server import create_app

if TYPE_CHECKING:
    from relay.mailbridge.secret_store import SecretStore


@dataclass
class EmbeddedRelay:
    url: str  # e.g. "http://127.0.0.1:54321"
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        app = self.server.config.app
        app.state.relay.db.dispose()

    def __enter__(self) -> EmbeddedRelay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def start_embedded(
    db_url: str,
    config: RelayConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    mail_secrets: SecretStore | None = None,
) -> EmbeddedRelay:
    """Start a relay on `host:port` (default: a free port) in a daemon thread, once ready.
    With `config.mail_bridge` its mailbox bridge runs too (passwords from `mail_secrets`,
    e.g. the app's keyring store)."""
    app = create_app(db_url, config, mail_secrets=mail_secrets)
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets whose proto says TCP
    # (accepted sockets inherit it). With proto 0, Nagle + delayed ACK add ~40 ms per response.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    actual = sock.getsockname()[1]
    http, http_options = server_http()
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=2,
            http=http,
            **http_options,
        )
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="seller-relay", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the embedded relay did not start")
        time.sleep(0.01)
    return EmbeddedRelay(f"http://{host}:{actual}", server, thread)
