"""The seller's preferences (QSettings), read and written in one place.

``None`` settings (a one-shot run: smoke test, screenshot, timing) read the defaults and keep
nothing. Every change is published as ``Changes(settings={key})`` so whoever depends on a
preference (the outbox's undo window) follows it without being called by the dialog.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from app.services.ops import Ops

UNDO_SECONDS = "outbox/undo_seconds"
NOTIFICATIONS = "notifications/enabled"
LANGUAGE = "ui/language"
RELAY_URL = "relay/url"
SIGNATURES = "compose/signatures"  # JSON: {marketplace id: {language or "": text}}
SAVED_VIEWS = "views/saved"  # JSON: [app.ui.saved_views.SavedView as a dict]


class Preferences:
    def __init__(self, settings: QSettings | None, ops: Ops) -> None:
        self.settings = settings
        self.ops = ops

    @property
    def persistent(self) -> bool:
        return self.settings is not None

    def _get(self, key: str, default: str) -> str:
        if self.settings is None:
            return default
        return str(self.settings.value(key, default) or default)

    def _set(self, key: str, value: str | int) -> None:
        from app.services.ops import Changes

        if self.settings is not None:
            self.settings.setValue(key, value)
        self.ops.publish(Changes(settings=frozenset({key})))

    def undo_seconds(self) -> int:
        return int(self._get(UNDO_SECONDS, "10"))

    def set_undo_seconds(self, seconds: int) -> None:
        self._set(UNDO_SECONDS, seconds)

    def notifications_on(self) -> bool:
        return self._get(NOTIFICATIONS, "true").lower() == "true"

    def set_notifications(self, on: bool) -> None:
        self._set(NOTIFICATIONS, "true" if on else "false")

    def language(self) -> str:
        return self._get(LANGUAGE, "")

    def set_language(self, code: str) -> None:
        self._set(LANGUAGE, code)

    def relay_url(self) -> str:
        return self._get(RELAY_URL, "")

    def set_relay_url(self, url: str) -> None:
        self._set(RELAY_URL, url)

    def signatures(self) -> dict[str, dict[str, str]]:
        """Per marketplace, per language ("" for any): app.domain.signature."""
        try:
            found = json.loads(self._get(SIGNATURES, "{}"))
        except ValueError:
            return {}  # a hand-edited file: start again rather than fail
        if not isinstance(found, dict):
            return {}
        return {
            str(mid): {str(k): str(v) for k, v in texts.items()}
            for mid, texts in found.items()
            if isinstance(texts, dict)
        }

    def set_signatures(self, signatures: dict[str, dict[str, str]]) -> None:
        kept = {mid: {k: v for k, v in t.items() if v.strip()} for mid, t in signatures.items()}
        self._set(SIGNATURES, json.dumps({mid: t for mid, t in kept.items() if t}))

    def saved_views(self) -> list[dict[str, object]]:
        try:
            found = json.loads(self._get(SAVED_VIEWS, "[]"))
        except ValueError:
            return []  # a hand-edited file: start again rather than fail
        return [v for v in found if isinstance(v, dict)] if isinstance(found, list) else []

    def set_saved_views(self, views: list[dict[str, object]]) -> None:
        self._set(SAVED_VIEWS, json.dumps(views, ensure_ascii=False))
