"""The seller's relay token: in the OS keyring, or for this session only.

A ``fail``, ``null`` or plaintext backend would put the token on disk in the clear (or
nowhere); then nothing secret is written anywhere and the app says "session-only". Keyring
calls can block (D-Bus, Keychain prompts): these functions are synchronous on purpose and are
called through ``asyncio.to_thread`` by async code, never on the event loop thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

SERVICE = "SellerInbox"
TOKEN_ENV = "SELLER_INBOX_TOKEN"
_INSECURE_MARKERS = ("fail", "null", "plaintext")


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    backend: str  # e.g. "keyring.backends.SecretService.Keyring"
    secure: bool

    @property
    def session_only(self) -> bool:
        return not self.secure

    def describe(self) -> str:
        if self.secure:
            return f"keyring: {self.backend}"
        return f"keyring: {self.backend} (insecure or unavailable: session-only sign-in)"


def keyring_status() -> KeyringStatus:
    try:
        import keyring
        from keyring.backends import chainer

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring install must not stop the app
        return KeyringStatus(f"unavailable ({type(exc).__name__})", secure=False)
    name = _name_of(backend)
    if isinstance(backend, chainer.ChainerBackend):
        usable = [b for b in backend.backends if _is_secure_name(_name_of(b))]
        return KeyringStatus(name, secure=bool(usable))
    return KeyringStatus(name, secure=_is_secure_name(name))


def _name_of(obj: object) -> str:
    return f"{type(obj).__module__}.{type(obj).__name__}"


def _is_secure_name(name: str) -> bool:
    lowered = name.lower()
    return not any(marker in lowered for marker in _INSECURE_MARKERS)


@dataclass
class TokenStore:
    """Tokens per relay URL. ``memory`` holds session-only tokens; they die with the process."""

    status: KeyringStatus = field(default_factory=keyring_status)
    memory: dict[str, str] = field(default_factory=dict)
    env_var: str | None = TOKEN_ENV  # an override for scripts; None for other secrets

    def get(self, relay_url: str) -> str | None:
        if relay_url in self.memory:
            return self.memory[relay_url]
        from_env = os.environ.get(self.env_var) if self.env_var else None
        if from_env:
            return from_env
        if not self.status.secure:
            return None
        try:
            import keyring

            found = keyring.get_password(SERVICE, relay_url)
        except Exception:  # locked or broken keyring: the seller signs in again
            return None
        return str(found) if found else None

    def set(self, relay_url: str, token: str) -> bool:
        """Keep the token; True when it went to the keyring, False when session-only."""
        if self.status.secure:
            try:
                import keyring

                keyring.set_password(SERVICE, relay_url, token)
                self.memory.pop(relay_url, None)
                return True
            except Exception:  # fall through to session-only rather than lose the sign-in
                pass
        self.memory[relay_url] = token
        return False

    def forget(self, relay_url: str) -> None:
        self.memory.pop(relay_url, None)
        if self.status.secure:
            try:
                import keyring

                keyring.delete_password(SERVICE, relay_url)
            except Exception:  # nothing stored is fine
                pass
