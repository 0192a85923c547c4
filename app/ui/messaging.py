"""Messaging on/off per marketplace and vacations: the seller's switches (Settings, the
status bar's chips), written locally at once and sent to the relay on the next sync."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.local_changes import LocalChanges
    from app.services.ops import Ops
    from app.storage.queries import MarketplaceInfo
    from app.ui.inbox import Inbox


class Messaging:
    def __init__(self, ops: Ops, inbox: Inbox) -> None:
        self.ops = ops
        self.inbox = inbox
        self.local_changes: LocalChanges | None = None

    @property
    def marketplaces(self) -> list[MarketplaceInfo]:
        return self.inbox.marketplaces

    def set(
        self,
        marketplace_id: str,
        *,
        enabled: bool | None = None,
        vacation: tuple[datetime | None, datetime | None] | None = None,
    ) -> None:
        self.ops.run(self._set(marketplace_id, enabled, vacation))

    async def _set(
        self,
        marketplace_id: str,
        enabled: bool | None,
        vacation: tuple[datetime | None, datetime | None] | None,
    ) -> None:
        from app.services.ops import Changes

        assert self.local_changes is not None
        await self.local_changes.set_messaging(marketplace_id, enabled=enabled, vacation=vacation)
        # The list of marketplaces re-reads itself; the relay hears of it on the next sync.
        self.ops.publish(Changes(marketplaces=True, to_relay=True))
