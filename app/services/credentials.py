"""What the OS keyring can do for us.

A ``fail``, ``null`` or plaintext backend would put the seller's token on disk in the clear
(or nowhere); in that case the app keeps the token for this session only and says so.
Keyring calls can block (D-Bus, Keychain prompts): call these off the event loop thread.
"""

from __future__ import annotations

from dataclasses import dataclass

_INSECURE_MARKERS = ("fail", "null", "plaintext", "chainer")


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
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, chainer.ChainerBackend):
        usable = [b for b in backend.backends if _is_secure_name(_name_of(b))]
        return KeyringStatus(name, secure=bool(usable))
    return KeyringStatus(name, secure=_is_secure_name(name))


def _name_of(obj: object) -> str:
    return f"{type(obj).__module__}.{type(obj).__name__}"


def _is_secure_name(name: str) -> bool:
    lowered = name.lower()
    return not any(marker in lowered for marker in _INSECURE_MARKERS if marker != "chainer")
