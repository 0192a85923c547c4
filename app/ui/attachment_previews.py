"""Thumbnails of the open conversation's images and PDFs, made on a thread through the
operations layer, and the viewer they open (app/ui/previews.py decodes, with its limits).

A PDF's page is rendered by a child process (app.services.pdf_render), one at a time: each
PDF is its own operation, so the pictures show without waiting for it, and newest wins: a
render still queued when the seller has moved to another conversation is dropped unstarted."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize

from app.ui.attachment_viewer import AttachmentViewer
from app.ui.dialogs import front
from app.ui.previews import LARGE, THUMB, Preview, preview_of

if TYPE_CHECKING:
    from app.services.ops import Ops
    from app.storage.rows import AttachmentInfo
    from app.ui.files import ConversationFiles
    from app.ui.main_window import MainWindow


class AttachmentPreviews(QObject):
    """Thumbnails for the open conversation's attachments, and the viewer."""

    def __init__(self, window: MainWindow, ops: Ops, files: ConversationFiles) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.files = files
        self.made: dict[int, Preview] = {}  # attachment id -> thumbnail (this session)
        self.pending: set[tuple[int, int]] = set()  # (attachment id, box width) being made
        self.one_pdf = asyncio.Lock()  # renders queue here, where the seller's moves are seen
        self.viewer: AttachmentViewer | None = None
        pane = window.conversation
        pane.attachments_shown.connect(self._shown)
        pane.preview_requested.connect(self.open_viewer)

    @property
    def cache(self) -> Path:
        from app.storage.profile import Profile

        return Profile(self.files.profile).previews

    def _shown(self, attachments: list[AttachmentInfo]) -> None:
        from app.services.previews import wanted

        todo = [
            a for a in attachments
            if wanted(a) and a.id not in self.made and (a.id, THUMB.width()) not in self.pending
        ]  # fmt: skip
        known = {a.id: self.made[a.id] for a in attachments if a.id in self.made}
        if known:
            self.window.conversation.show_previews(known)
        if not todo or self.files.store is None:
            return
        pictures = [a for a in todo if a.media_type != "application/pdf"]
        batches = [pictures] if pictures else []
        batches += [[a] for a in todo if a.media_type == "application/pdf"]
        for batch in batches:
            self.ops.run(self._make(batch, THUMB), done=self._made)

    def _on_screen(self) -> set[int]:
        return {a.id for m in self.window.conversation.messages for a in m.attachments}

    async def _make(self, attachments: list[AttachmentInfo], box: QSize) -> list[Preview]:
        keys = {(a.id, box.width()) for a in attachments}
        self.pending |= keys
        try:
            return await self._previews(attachments, box)
        finally:
            self.pending -= keys

    async def _previews(self, attachments: list[AttachmentInfo], box: QSize) -> list[Preview]:
        from app.services.previews import source

        store = self.files.store
        assert store is not None
        client = self.files.live.client if self.files.live is not None else None
        out = []
        for att in attachments:
            src = await source(client, store, self.files.worker, att)
            if src is None:
                continue  # not here and cannot be had now: the plain link stays
            if src.media_type != "application/pdf":
                out.append(await asyncio.to_thread(preview_of, att, src, box, self.cache))
                continue
            async with self.one_pdf:
                if att.id not in self._on_screen():
                    continue  # newest wins: the seller has moved on; rendered when back
                out.append(await asyncio.to_thread(preview_of, att, src, box, self.cache))
        return out

    def _made(self, previews: list[Preview]) -> None:
        for p in previews:
            self.made[p.attachment_id] = p
        if previews:
            self.window.conversation.show_previews({p.attachment_id: p for p in previews})

    # --- the viewer ------------------------------------------------------------------

    def open_viewer(self, attachment_id: int) -> None:
        """The conversation's previewable attachments, large, starting at this one."""
        items = [
            self.made[a.id]
            for m in self.window.conversation.messages
            for a in m.attachments
            if a.id in self.made and self.made[a.id].kind in ("image", "pdf")
        ]
        if not any(p.attachment_id == attachment_id for p in items):
            return
        if self.viewer is None:
            self.viewer = AttachmentViewer(self.window)
            self.viewer.wants_large.connect(self._large)
            self.viewer.attachment_requested.connect(self.window.conversation.attachment_requested)
        self.viewer.show_items(items, attachment_id)
        front(self.viewer)

    def _large(self, attachment_id: int) -> None:
        att = next(
            (a for m in self.window.conversation.messages for a in m.attachments
             if a.id == attachment_id),
            None,
        )  # fmt: skip
        viewer = self.viewer
        if att is None or viewer is None:
            return

        def done(found: list[Preview]) -> None:
            if found and found[0].image is not None:
                viewer.show_large(attachment_id, found[0].image)

        self.ops.run(self._make([att], LARGE), done=done)
