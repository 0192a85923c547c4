"""The current conversation: the one the seller is working on.

It is the only state of its kind in the window. The list selection, the conversation pane, the
details pane and the composer show it, and every action is bound to its id when the seller
starts it. Only the seller changes it (a click in the list, Alt+Up/Down, a new filter or
search whose list does not hold it); a refreshed list follows it, and when it leaves the list
(answered, so no longer "Needs response") it stays open, marked as not in the list, until the
seller moves on.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.domain import Keyword
from app.storage.rows import ThreadRow

if TYPE_CHECKING:
    from app.services.local_changes import LocalChanges
    from app.services.ops import Changes, Ops
    from app.storage.rows import ConversationDetails
    from app.storage.store import Store
    from app.ui.main_window import MainWindow

AUTO_READ_MS = 1500  # an unread conversation counts as read after this long on screen


class CurrentConversation(QObject):
    changed = Signal(object)  # the ThreadRow now current, or None

    def __init__(self, window: MainWindow, ops: Ops) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.id: int | None = None
        self.row: ThreadRow | None = None
        self.details: ConversationDetails | None = None
        self.store: Store | None = None
        self.local_changes: LocalChanges | None = None
        ops.subscribe(self._changed)
        window.conversation_selected.connect(self.open)
        pane = window.conversation
        pane.mark_read.connect(self._bound(self.mark_read))
        pane.flag.connect(self._bound(self.set_flag))
        pane.no_response_needed.connect(self._bound(self.set_nrn))

    def ready(self, store: Store, local_changes: LocalChanges) -> None:
        """The store and its writers are open: open what the list has selected."""
        self.store = store
        self.local_changes = local_changes
        if (thread := self.window.current_thread()) is not None:
            self.open(thread.id)  # selected before the writers were ready

    # --- opening ---------------------------------------------------------------------

    def open(self, conversation_id: int) -> None:
        """The seller chose a conversation: it becomes current and every pane follows."""
        if self.store is None or conversation_id == self.id:
            return
        self.id = conversation_id
        # The composer never shows another conversation's draft, not even while this one's
        # loads (the autosaver still holds the previous one's unsaved words).
        self.window.composer.clear()
        row = self.show()
        self.changed.emit(row)
        if row is not None and row.unread_count:
            QTimer.singleShot(AUTO_READ_MS, self, lambda: self._auto_read(conversation_id))

    def leave(self) -> None:
        """Several conversations are selected: none is current. The conversation, details
        and composer let go of it (a reply can only go to one conversation on screen); the
        list keeps the seller's selection."""
        had = self.id is not None
        self.id, self.row, self.details = None, None, None
        w = self.window
        w.conversation.show_placeholder("")
        w.details.show_details(None)
        w.composer.clear()
        if had:
            self.changed.emit(None)

    def show(self) -> ThreadRow | None:
        """Paint the current conversation, its details and its place in the list from the
        store; the composer keeps its draft. A conversation that is gone leaves none open."""
        from app.storage import queries

        cid = self.id
        row = messages = details = None
        if cid is not None and self.store is not None:
            with self.store.read() as conn:
                row = queries.thread(conn, cid)
                if row is not None:
                    messages = queries.conversation_messages(conn, cid)
                    details = queries.conversation_details(conn, cid)
        w = self.window
        if row is None or messages is None:
            had = self.id is not None
            self.id, self.row, self.details = None, None, None
            w.follow(None)
            w.conversation.show_placeholder(
                QCoreApplication.translate("ConversationPane", "Select a conversation")
            )
            w.details.show_details(None)
            w.composer.clear()
            if had:
                self.changed.emit(None)
            return None
        self.row, self.details = row, details
        w.follow(cid)
        w.conversation.show_conversation(row, messages)
        w.details.show_details(details)
        return row

    def _changed(self, changes: Changes) -> None:
        if changes.touches(self.id):
            self.show()

    def _auto_read(self, conversation_id: int) -> None:
        if self.ops.closed:
            return  # the window is closing: no new work
        if self.id == conversation_id and self.row is not None and self.row.unread_count:
            self.ops.run(self.mark_read(conversation_id, True))

    # --- actions on it ---------------------------------------------------------------

    def _bound(
        self, action: Callable[[int, bool], Coroutine[Any, Any, None]]
    ) -> Callable[[bool], None]:
        """A pane button's handler, bound to the conversation current when it was pressed
        (the action finishes later, after the seller may have moved on)."""

        def start(on: bool) -> None:
            if self.id is not None:
                self.ops.run(action(self.id, on))

        return start

    def _messages(self, conversation_id: int) -> list[Any]:
        from app.storage import queries

        assert self.store is not None
        with self.store.read() as conn:
            return [m for m in queries.conversation_messages(conn, conversation_id) if m.relay_id]

    async def _keywords(
        self, conversation_id: int, changes: list[tuple[str, dict[str, bool]]]
    ) -> None:
        from app.services.ops import Changes

        assert self.local_changes is not None
        for relay_id, patch in changes:
            await self.local_changes.set_keywords(relay_id, patch)
        # The relay hears of it on the next sync, which the account starts soon.
        self.ops.publish(Changes(conversations=frozenset({conversation_id}), to_relay=True))

    async def _triage(self, conversation_id: int, kind: Keyword, on: bool) -> None:
        from app.domain.triage import patches

        await self._keywords(conversation_id, patches(kind, on, self._messages(conversation_id)))

    async def mark_read(self, conversation_id: int, read: bool) -> None:
        await self._triage(conversation_id, Keyword.SEEN, read)

    async def set_flag(self, conversation_id: int, on: bool) -> None:
        await self._triage(conversation_id, Keyword.FLAGGED, on)

    async def set_nrn(self, conversation_id: int, on: bool) -> None:
        await self._triage(conversation_id, Keyword.NO_RESPONSE_NEEDED, on)
