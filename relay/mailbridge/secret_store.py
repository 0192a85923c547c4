"""Where mailbox passwords live: never in the relay's database.

On a server: the environment (`EnvSecretStore`) or a 0600 JSON file (`FileSecretStore`); the
desktop app passes its own store backed by the system keyring. The bridge only ever calls `get`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

PASSWORD_ENV = "SELLER_RELAY_MAIL_PASSWORD"
SECRETS_FILE_ENV = "SELLER_RELAY_SECRETS_FILE"


class SecretStore(Protocol):
    def get(self, address: str) -> str | None: ...


class EnvSecretStore:
    """`SELLER_RELAY_MAIL_PASSWORD_<ADDRESS>` (the address upper-cased, every character that is
    not a letter or digit as `_`), else `SELLER_RELAY_MAIL_PASSWORD` for any mailbox."""

    def __init__(self, environ: dict[str, str] | None = None) -> None:
        self.environ = environ if environ is not None else os.environ

    @staticmethod
    def variable(address: str) -> str:
        return PASSWORD_ENV + "_" + re.sub(r"[^A-Z0-9]", "_", address.upper())

    def get(self, address: str) -> str | None:
        return self.environ.get(self.variable(address)) or self.environ.get(PASSWORD_ENV) or None


def default_secrets_path() -> Path:
    env = os.environ.get(SECRETS_FILE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("seller-relay", appauthor=False)) / "mail-secrets.json"


class FileSecretStore:
    """A JSON object {address: password} in a file only its owner can read (0600)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_secrets_path()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def get(self, address: str) -> str | None:
        return self._read().get(address.strip().lower())

    def set(self, address: str, password: str) -> None:
        data = self._read()
        data[address.strip().lower()] = password
        self._write(data)

    def delete(self, address: str) -> bool:
        data = self._read()
        gone = data.pop(address.strip().lower(), None) is not None
        if gone:
            self._write(data)
        return gone

    def _write(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Created 0600 and renamed over: the password is never readable by others, not even
        # for a moment, and a crash leaves the old file whole.
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".mail-secrets.")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class ChainedSecretStore:
    """The first store that knows the address."""

    def __init__(self, *stores: SecretStore) -> None:
        self.stores = stores

    def get(self, address: str) -> str | None:
        for store in self.stores:
            found = store.get(address)
            if found:
                return found
        return None


def server_secret_store() -> SecretStore:
    """The relay's own store: the environment first, then the secrets file."""
    return ChainedSecretStore(EnvSecretStore(), FileSecretStore())
