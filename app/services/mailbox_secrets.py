"""The mailbox password (or app password) on the desktop: in the OS keyring, or for this
session only.

The relay's bridge reads it through ``get(address)`` (its ``SecretStore`` protocol). As for the
relay token (``credentials.TokenStore``, whose keyring handling this reuses), a ``fail``,
``null`` or plaintext keyring means nothing is written anywhere: the password lives in memory
until the app quits and the window says so. Keyring calls block: call ``set``/``forget`` and the
first ``get`` off the event loop thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app.services.credentials import KeyringStatus, TokenStore, keyring_status

KEY_PREFIX = "mailbox:"  # keyring entries under the app's service name: "mailbox:shop@example.com"


@dataclass
class MailboxPasswords:
    status: KeyringStatus = field(default_factory=keyring_status)

    def __post_init__(self) -> None:
        # No environment override: SELLER_INBOX_TOKEN is a relay token, never a password.
        self._store = TokenStore(self.status, env_var=None)
        self._cache: dict[str, str] = {}  # read once: the bridge asks on every reconnect
        self._lock = threading.Lock()  # the bridge reads from the relay's thread

    @staticmethod
    def _key(address: str) -> str:
        return KEY_PREFIX + address.strip().lower()

    def get(self, address: str) -> str | None:
        key = self._key(address)
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        found = self._store.get(key)
        if found:
            with self._lock:
                self._cache[key] = found
        return found

    def set(self, address: str, password: str) -> bool:
        """Keep it; True when it went to the keyring, False when for this session only."""
        key = self._key(address)
        with self._lock:
            self._cache[key] = password
        return self._store.set(key, password)

    def forget(self, address: str) -> None:
        key = self._key(address)
        with self._lock:
            self._cache.pop(key, None)
        self._store.forget(key)
