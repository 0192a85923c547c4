"""Real mail servers on 127.0.0.1 for tests: a private Dovecot (IMAP) and an SMTP receiver.

``Dovecot`` writes a complete config into a fresh folder (``/etc/dovecot`` is never read) and
starts Debian's ``dovecot`` on a free port, plain or TLS with a self-signed certificate made by
``openssl``. As root the mail processes run as ``nobody`` (never root); otherwise Dovecot runs
rootless as the caller. ``SmtpReceiver`` is aiosmtpd with AUTH PLAIN/LOGIN checked against one
user; it keeps what it receives in memory.

Use the fixtures (``dovecot``, ``dovecot_tls``, ``smtp_receiver``) by importing them into a
folder's conftest.py; tests skip, with the reason, where Dovecot is not installed.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

USER = "seller@example.test"
PASSWORD = "secret-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_greeting(port: int, prefix: bytes, tls: bool, seconds: float = 15.0) -> None:
    import ssl

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as raw:
                sock: Any = raw
                if tls:
                    ctx = ssl.create_default_context()
                    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
                    sock = ctx.wrap_socket(raw)
                if sock.recv(64).startswith(prefix):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"no greeting on 127.0.0.1:{port}")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost (cert, key)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"),
            *("-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass
class Dovecot:
    port: int
    folder: Path
    tls: bool
    cert: Path | None = None
    users: dict[str, str] = field(default_factory=dict)

    @property
    def imap_url(self) -> str:
        return f"{'imaps' if self.tls else 'imap'}://{USER}@127.0.0.1:{self.port}"

    @classmethod
    def start(
        cls, tls: bool = False, users: dict[str, str] | None = None, extra: str = ""
    ) -> Dovecot:
        """``extra``: more config lines, e.g. ``imap_capability = …`` to hide IDLE."""
        if shutil.which("dovecot") is None:
            pytest.skip("Dovecot is not installed (Debian: dovecot-imapd; scripts/system-deps.sh)")
        folder = Path(tempfile.mkdtemp(prefix="seller-inbox-dovecot-"))
        folder.chmod(0o755)  # the mail processes (nobody) must reach their home below it
        server = cls(free_port(), folder, tls, users=users or {USER: PASSWORD})
        server._write_config(extra)
        subprocess.run(["dovecot", "-c", str(folder / "dovecot.conf")], check=True)
        _wait_for_greeting(server.port, b"* OK", tls)
        return server

    def _write_config(self, extra: str) -> None:
        d = self.folder
        for sub in ("run", "state", "mail", "log"):
            (d / sub).mkdir()
        root = os.getuid() == 0
        mail_user = "nobody" if root else pwd.getpwuid(os.getuid()).pw_name
        entry = pwd.getpwnam(mail_user)
        lines = [
            f"{user}:{{PLAIN}}{password}:{entry.pw_uid}:{entry.pw_gid}::{d}/mail/{user}::"
            for user, password in self.users.items()
        ]
        (d / "users").write_text("\n".join(lines) + "\n")
        (d / "users").chmod(0o644)
        os.chown(d / "mail", entry.pw_uid, entry.pw_gid)
        internal = "dovecot" if root else mail_user
        login = "dovenull" if root else mail_user
        group = "dovecot" if root else _group_name(entry.pw_gid)
        if self.tls:
            self.cert, key = make_certificate(d)
            key.chmod(0o600)
            ssl_lines = f"ssl = required\nssl_cert = <{self.cert}\nssl_key = <{key}\n"
            listeners = f"inet_listener imap {{\n port = 0\n}}\ninet_listener imaps {{\n address = 127.0.0.1\n port = {self.port}\n ssl = yes\n}}"
        else:
            ssl_lines = "ssl = no\n"
            listeners = f"inet_listener imap {{\n address = 127.0.0.1\n port = {self.port}\n}}\ninet_listener imaps {{\n port = 0\n}}"
        rootless = "" if root else "service anvil {\n chroot =\n}\n"
        login_chroot = "" if root else " chroot =\n"
        (d / "dovecot.conf").write_text(
            f"""# generated by tests/mailservers.py: a complete config; /etc/dovecot is not read
protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
instance_name = seller-inbox-test-{self.port}
log_path = {d}/log/dovecot.log
default_internal_user = {internal}
default_login_user = {login}
default_internal_group = {group}
{ssl_lines}disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
}}
first_valid_uid = 1
service imap-login {{
{login_chroot}{listeners}
}}
service auth {{
  unix_listener auth-userdb {{
    mode = 0666
  }}
}}
mailbox_idle_check_interval = 1 secs
{rootless}{extra}
"""
        )

    def stop(self) -> None:
        pid_file = self.folder / "run" / "master.pid"
        with contextlib.suppress(OSError, ValueError):
            pid = int(pid_file.read_text())
            os.kill(pid, 15)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                os.kill(pid, 0)  # raises once it is gone
                time.sleep(0.05)
        shutil.rmtree(self.folder, ignore_errors=True)

    def add_user(self, user: str, password: str = PASSWORD) -> None:
        """Another mailbox on the running server (the passwd-file is re-read when it changes)."""
        d = self.folder
        entry = pwd.getpwnam("nobody" if os.getuid() == 0 else pwd.getpwuid(os.getuid()).pw_name)
        with (d / "users").open("a") as f:
            f.write(
                f"{user}:{{PLAIN}}{password}:{entry.pw_uid}:{entry.pw_gid}::{d}/mail/{user}::\n"
            )
        self.users[user] = password
        # Dovecot notices the change by the file's mtime, in whole seconds: make each one
        # differ, however fast users are added.
        stamp = max(time.time(), (d / "users").stat().st_mtime) + 1
        os.utime(d / "users", (stamp, stamp))

    def append(self, raw: bytes, user: str = USER, folder: str = "INBOX") -> None:
        """Deliver ``raw`` into ``user``'s folder as a mail server would (IMAP APPEND)."""
        import imaplib

        if self.tls:
            raise NotImplementedError("append through the plain server")
        with imaplib.IMAP4("127.0.0.1", self.port) as imap:
            imap.login(user, self.users[user])
            imap.append(folder, None, None, raw)

    def log(self) -> str:
        path = self.folder / "log" / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _group_name(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name


@dataclass
class SmtpReceiver:
    """aiosmtpd on 127.0.0.1, AUTH over plain text allowed (loopback only)."""

    port: int
    controller: Any
    received: list[Any] = field(default_factory=list)

    @property
    def smtp_url(self) -> str:
        return f"smtp://{USER}@127.0.0.1:{self.port}"

    @classmethod
    def start(
        cls,
        user: str = USER,
        password: str = PASSWORD,
        on_data: Callable[[Any], None] | None = None,
        starttls: tuple[Path, Path] | None = None,
    ) -> SmtpReceiver:
        """``on_data(envelope)`` runs (on the receiver's thread) before each mail is accepted.
        ``starttls``: (certificate, key) to offer STARTTLS with."""
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        received: list[Any] = []

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                if on_data is not None:
                    on_data(envelope)
                received.append(envelope)
                return "250 OK"

        def authenticator(
            server: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> AuthResult:
            ok = isinstance(data, LoginPassword) and (
                data.login.decode(),
                data.password.decode(),
            ) == (user, password)
            return AuthResult(success=ok, handled=False)  # aiosmtpd answers 535 itself

        tls: dict[str, Any] = {}
        if starttls is not None:
            import ssl

            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*map(str, starttls))
            tls = {"tls_context": context}
        port = free_port()
        controller = Controller(
            Handler(),
            hostname="127.0.0.1",
            port=port,
            authenticator=authenticator,
            auth_require_tls=False,
            ready_timeout=15,
            **tls,
        )
        controller.start()
        return cls(port, controller, received)

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    server = Dovecot.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def dovecot_tls() -> Iterator[Dovecot]:
    server = Dovecot.start(tls=True)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_receiver() -> Iterator[SmtpReceiver]:
    server = SmtpReceiver.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    return free_port()
