"""Files in the conversation: a buyer's attachment opened or saved, and remote images loaded
when the seller asks. (Attaching files to a reply is the composer's: ``app.ui.compose``.)"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from app.services.live import LiveServices
    from app.services.ops import Ops
    from app.services.store_worker import StoreWorker
    from app.storage.store import Store
    from app.ui.main_window import MainWindow


class ConversationFiles:
    def __init__(self, window: MainWindow, ops: Ops, worker: StoreWorker, profile: Path) -> None:
        self.window = window
        self.ops = ops
        self.worker = worker
        self.profile = profile
        self.store: Store | None = None
        self.live: LiveServices | None = None  # set by the account while signed in
        self.save_dialog: QFileDialog | None = None
        pane = window.conversation
        pane.remote_content_requested.connect(
            lambda mid, urls: self.ops.run(self.load_remote(mid, urls))
        )
        pane.attachment_requested.connect(
            lambda aid, action: self.ops.run(self.attachment(aid, action))
        )

    async def attachment(self, attachment_id: int, action: str) -> None:
        from app.services.attachments import (
            OpenRefused,
            export_for_opening,
            fetch,
            safe_export_name,
        )
        from app.storage.profile import Profile
        from app.ui.conversation_pane import attachment_refusal

        if self.live is None or self.store is None:
            return
        path = await fetch(self.live.client, self.store, self.worker, attachment_id)
        name = next(
            (
                a.name
                for m in self.window.conversation.messages
                for a in m.attachments
                if a.id == attachment_id
            ),
            "attachment",
        )
        if action == "save":
            # The relay's name is only a suggestion: no folders, no control characters, so
            # "../x" or a CR/LF cannot put the file outside the folder the seller picks.
            dialog = QFileDialog(
                self.window, QCoreApplication.translate("Session", "Save attachment")
            )
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDirectory(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
            )
            dialog.selectFile(safe_export_name(name))
            dialog.fileSelected.connect(
                lambda target: self.ops.run(asyncio.to_thread(shutil.copyfile, path, target))
            )
            self.save_dialog = dialog
            dialog.open()  # not exec(): a nested loop would stall asyncio under qasync
        else:
            exports = Profile(self.profile).exports
            try:  # a copy named for its sniffed type; scripts and programs are never opened
                export = await asyncio.to_thread(export_for_opening, path, name, exports)
            except OpenRefused as exc:
                self.window.statusBar().showMessage(attachment_refusal(exc), 15000)
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(export)))

    async def load_remote(self, message_id: int, urls: list[str]) -> None:
        from app.services.remote_images import fetch_images
        from app.ui.remote_decode import decode_remote

        fetched = await fetch_images(urls)
        images = await asyncio.to_thread(decode_remote, fetched)
        self.window.conversation.allow_remote(message_id, images)
