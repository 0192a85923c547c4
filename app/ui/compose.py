"""Writing and sending: the reply draft of the current conversation, new messages to a buyer,
Send with its undo window, the outbox dialog, and attaching files.

Send goes only to the conversation on screen: the composer shows the current conversation's
draft and nothing else, and a draft whose conversation is not the current one is refused
(a new-message window carries its own buyer). Outcomes arrive as published ``Changes``
(``outbox``: sent, needs attention; ``connection``: the undo bar says it waits while offline).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from app.storage.rows import ThreadRow

if TYPE_CHECKING:
    from app.services.drafts import DraftAutosaver
    from app.services.live import LiveServices
    from app.services.ops import Changes, Ops
    from app.storage.rows import ConversationDetails, DraftData, OutboxItem
    from app.storage.store import Store
    from app.ui.composer import Composer
    from app.ui.current import CurrentConversation
    from app.ui.main_window import MainWindow
    from app.ui.new_message import NewMessageWindow
    from app.ui.prefs import Preferences


def policy_context(details: ConversationDetails, reply: bool) -> Any:
    from app.domain import OrderKind
    from app.policy import PolicyContext, pack_for

    return PolicyContext(
        pack=pack_for(details.marketplace_id),
        buyer_opted_out=details.buyer_opted_out,
        buyer_initiated=reply and details.buyer_initiated,
        order_kind=OrderKind(details.order_kind),
        buyer_locale=details.buyer_locale,
    )


def reply_subject(subject: str) -> str:
    return subject if subject.lower().startswith(("re:", "sv:", "aw:")) else f"Re: {subject}"


class Compose:
    def __init__(self, window: MainWindow, ops: Ops, current: CurrentConversation) -> None:
        self.window = window
        self.ops = ops
        self.current = current
        self.store: Store | None = None
        self.drafts: DraftAutosaver | None = None
        self.live: LiveServices | None = None  # set by the account while signed in
        self.sign_in: Any = lambda: None  # the account's prompt: sending needs an account
        self.prefs: Preferences | None = None  # the signatures (set by the session)
        self.outbox_dialog: Any = None
        w = window
        w.composer.draft_changed.connect(self._edited)
        w.composer.send_requested.connect(lambda d: self.ops.run(self.send(d)))
        w.composer.attach_requested.connect(lambda paths: self.ops.run(self.attach(paths)))
        w.undo_bar.undo.connect(lambda item_id: self.ops.run(self.undo(item_id)))
        w.details.new_message.connect(self.new_message)
        w.open_outbox.connect(lambda: self.ops.run(self.show_outbox()))
        current.changed.connect(self._current_changed)
        ops.subscribe(self._changed)

    def ready(self, store: Store, drafts: DraftAutosaver) -> None:
        self.store = store
        self.drafts = drafts

    # --- the reply draft -------------------------------------------------------------

    def _current_changed(self, row: ThreadRow | None) -> None:
        if row is not None and self.drafts is not None:
            self.ops.run(self._open_reply_draft(row))

    async def _open_reply_draft(self, row: ThreadRow) -> None:
        from app.storage.drafts import DraftData, draft_key_for_conversation

        assert self.drafts is not None
        key = draft_key_for_conversation(row.id)
        draft = await self.drafts.load(key)
        details = self.current.details
        if self.current.id != row.id or details is None:
            return  # the seller moved on while the draft loaded
        if draft is None:
            draft = DraftData(key=key, subject=reply_subject(row.subject), conversation_id=row.id)
        self.window.composer.open_draft(draft, policy_context(details, reply=True))
        self.window.composer.set_signature(self.signature_for(details))

    def signature_for(self, details: ConversationDetails | None) -> str:
        """The seller's signature for this marketplace, in the buyer's language where set."""
        from app.domain.signature import choose

        if self.prefs is None or details is None:
            return ""
        return choose(self.prefs.signatures(), details.marketplace_id, details.buyer_locale)

    def _edited(self, draft: DraftData) -> None:
        if self.drafts is not None:
            self.drafts.edit(draft)

    # --- new message to a buyer ------------------------------------------------------

    def new_message(self, details: ConversationDetails | None = None) -> None:
        """The new message window, about the current conversation's order or another one of
        the buyer's (``details`` with that order: app.ui.buyer_history)."""
        from app.ui.new_message import NewMessageWindow

        d = details or self.current.details
        if d is None or self.drafts is None:
            return
        win = NewMessageWindow(self.window, d)
        win.composer.draft_changed.connect(self._edited)
        win.composer.send_requested.connect(lambda draft: self.ops.run(self.send(draft, win)))
        win.composer.attach_requested.connect(
            lambda paths: self.ops.run(self.attach(paths, win.composer))
        )
        self.ops.run(self._open_new_draft(win, d))
        win.show()

    async def _open_new_draft(self, win: NewMessageWindow, d: ConversationDetails) -> None:
        from app.storage.drafts import DraftData, draft_key_for_new

        assert self.drafts is not None
        key = draft_key_for_new(d.buyer_id, d.order_id)
        draft = await self.drafts.load(key) or DraftData(
            key=key, buyer_id=d.buyer_id, order_id=d.order_id
        )
        win.composer.open_draft(draft, policy_context(d, reply=False))
        win.composer.set_signature(self.signature_for(d))

    # --- sending ---------------------------------------------------------------------

    def _is_shown_target(self, draft: DraftData, window: NewMessageWindow | None) -> bool:
        """The draft goes where its composer says: the current conversation, or the buyer
        row and order a new message window shows in its To line (issue 13's rule)."""
        if window is None:
            return draft.conversation_id is not None and draft.conversation_id == self.current.id
        from app.storage.drafts import draft_key_for_new

        d = window.details
        return draft.conversation_id is None and draft.key == draft_key_for_new(
            d.buyer_id, d.order_id
        )

    async def send(self, draft: DraftData, window: NewMessageWindow | None = None) -> None:
        from dataclasses import replace

        from app.domain.signature import append

        assert self.drafts is not None
        if not self._is_shown_target(draft, window):
            # Cannot happen by construction (a composer shows only its own draft); refuse
            # rather than write to a buyer who is not the one on screen.
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Session", "Not sent: this draft is not the open conversation's."
                ),
                8000,
            )
            return
        if self.live is None:
            self.drafts.edit(draft)
            await self.drafts.flush()
            self.sign_in()  # sending needs a relay account; the draft is kept
            return
        details = window.details if window is not None else self.current.details
        # The signature goes out with the text (Undo takes it off again).
        composer = window.composer if window is not None else self.window.composer
        self.drafts.edit(replace(draft, body=append(draft.body, composer.signature)))
        await self.drafts.flush()
        marketplace = details.marketplace_id if details is not None else None
        item = await self.live.outbox.send(draft.key, marketplace)
        self.window.undo_bar.start(item.id, item.send_after)
        if window is not None:
            window.close()
        elif draft.conversation_id == self.current.id and self.current.details is not None:
            from app.storage.drafts import DraftData as Fresh

            fresh = Fresh(key=draft.key, subject=draft.subject, conversation_id=self.current.id)
            self.window.composer.open_draft(fresh, policy_context(self.current.details, reply=True))
            self.window.composer.set_signature(self.signature_for(self.current.details))
        live = self.live
        due_ms = int((item.send_after.timestamp() - time.time()) * 1000) + 50
        QTimer.singleShot(max(0, due_ms), live.kick_outbox)  # past due already on a busy machine

    async def undo(self, item_id: int) -> None:
        if self.live is None:
            return
        draft = await self.live.outbox.undo(item_id)
        if draft is None:
            self.window.undo_bar.finish(
                QCoreApplication.translate("Session", "Too late to undo: already sending")
            )
            return
        self.window.undo_bar.finish(QCoreApplication.translate("Session", "Back in your drafts"))
        if draft.conversation_id == self.current.id and self.current.details is not None:
            from dataclasses import replace

            from app.domain.signature import strip

            signature = self.signature_for(self.current.details)
            draft = replace(draft, body=strip(draft.body, signature))
            if self.drafts is not None:
                self.drafts.edit(draft)
            self.window.composer.open_draft(draft, policy_context(self.current.details, reply=True))
            self.window.composer.set_signature(signature)

    def _changed(self, changes: Changes) -> None:
        from app.domain import OutboxState
        from app.services.connectivity import Status
        from app.ui.prefs import SIGNATURES

        if SIGNATURES in changes.settings and self.window.composer.draft_conversation():
            self.window.composer.set_signature(self.signature_for(self.current.details))
        if changes.connection is not None:
            self.window.undo_bar.set_waiting(
                changes.connection.status not in (Status.ONLINE, Status.SESSION_ONLY)
            )
        for item in changes.outbox:
            if item.state is OutboxState.SENT:
                self.window.undo_bar.finish(QCoreApplication.translate("Session", "Sent ✓"))
            elif item.state is OutboxState.NEEDS_ATTENTION:
                self.window.undo_bar.finish(
                    QCoreApplication.translate("Session", "Not sent: %1 (see the outbox)").replace(
                        "%1", item.error_detail or item.error_type or ""
                    )
                )
        if changes.outbox and self.outbox_dialog is not None and self.outbox_dialog.isVisible():
            self.ops.run(self._fill_outbox())

    # --- the outbox ------------------------------------------------------------------

    async def show_outbox(self) -> None:
        from app.ui.dialogs import front
        from app.ui.outbox_view import OutboxDialog

        if self.outbox_dialog is None:
            self.outbox_dialog = OutboxDialog(self.window)
            self.outbox_dialog.retry.connect(lambda i: self.ops.run(self._retry(i)))
            self.outbox_dialog.undo.connect(lambda i: self.ops.run(self.undo(i)))
        await self._fill_outbox()
        front(self.outbox_dialog)

    async def _fill_outbox(self) -> None:
        from app.domain import OutboxState
        from app.storage.drafts import outbox_items

        store = self.store
        assert store is not None

        def read() -> list[OutboxItem]:
            with store.read() as conn:
                return outbox_items(
                    conn, (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.NEEDS_ATTENTION)
                )

        self.outbox_dialog.set_items(await asyncio.to_thread(read))

    async def _retry(self, item_id: int) -> None:
        if self.live is not None:
            await self.live.outbox.retry(item_id)
            self.live.kick_outbox()
            await self._fill_outbox()

    # --- attachments -----------------------------------------------------------------

    async def attach(self, paths: list[str], composer: Composer | None = None) -> None:
        """Check each file by its content, upload the good ones, say in the composer why any
        other was not attached (the rest still go through)."""
        from app.services.attachments import AttachmentRefused, check_file, upload
        from app.services.relay_client import RelayError
        from app.ui.policy_text import refusal_text

        composer = composer or self.window.composer
        composer.clear_attach_error()
        details = self.current.details
        mid = details.marketplace_id if details else None
        refused: list[str] = []
        for p in paths:
            try:
                checked = await asyncio.to_thread(check_file, Path(p), mid)
            except AttachmentRefused as exc:
                refused.append(refusal_text(exc))  # worded in the window's language
                continue
            except OSError as exc:
                refused.append(f"{Path(p).name}: {exc.strerror or exc}")
                continue
            if self.live is None:
                refused.append(
                    QCoreApplication.translate(
                        "Session", "Attachments need a relay account: sign in first."
                    )
                )
                break
            try:
                info = await upload(self.live.client, checked)
            except RelayError as exc:
                refused.append(f"{checked.name}: {exc}")
                continue
            composer.add_attachment({**info, "path": str(p)})
        if refused:
            composer.show_attach_error(
                QCoreApplication.translate("Session", "Not attached: %1").replace(
                    "%1", "\n".join(refused)
                )
            )
