"""Templates in the window, one concern of the seller's day (`seller_day.py` owns the part):
the picker over the composer (Ctrl+T, or "/" and a name at the start of a line), filling the
chosen text for the open conversation, and the Templates… dialog's saves, deletes, imports
and exports (saved locally, offline too, and queued for the relay). Its strings keep the
`SellerDayPart` translation context (the plural one, which lupdate reads only from `tr`, moved
to `TemplatesPart`).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from app.ui import formats
from app.ui.dialogs import front
from app.ui.template_picker import TemplatePicker
from app.ui.templates_dialog import TemplatesDialog

if TYPE_CHECKING:
    from app.services.ops import Ops
    from app.services.seller_day import SellerDay
    from app.storage.rows import TemplateInfo
    from app.storage.store import Store
    from app.ui.current import CurrentConversation
    from app.ui.main_window import MainWindow

T = TypeVar("T")

# "/" and up to 30 letters at the start of a line, right before the cursor: a template name.
SLASH_RE = re.compile(r"(?:^|\n)/([^\W\d_][\w ]{0,29})$")


class TemplatesPart(QObject):
    def __init__(
        self,
        window: MainWindow,
        ops: Ops,
        current: CurrentConversation,
        *,
        service: Callable[[], SellerDay | None],
        seller_name: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.current = current
        self.service = service  # None until the store is open
        self.seller_name = seller_name
        self.store: Store | None = None
        self.templates: list[TemplateInfo] = []
        self.templates_dialog: TemplatesDialog | None = None
        self.marketplace_names: dict[str, str] = {}
        self._slash: re.Match[str] | None = None

        # The picker sits over the composer.
        self.picker = TemplatePicker(window.composer)
        self.picker.chosen.connect(self._insert)
        self.picker.closed.connect(lambda: window.composer.body.setFocus())
        window.composer.body.textChanged.connect(self._maybe_slash)

    def load_marketplaces(self) -> None:
        store = self.store
        if store is None:
            return
        from app.storage import queries

        def read() -> dict[str, str]:
            with store.read() as conn:
                return {m.id: m.name for m in queries.marketplaces(conn)}

        def done(names: dict[str, str]) -> None:
            self.marketplace_names = names

        self.ops.query("marketplace-names", read, done=done)

    def load_templates(self) -> None:
        store = self.store
        if store is None:
            return
        from app.storage import seller_day

        def read() -> list[TemplateInfo]:
            with store.read() as conn:
                return seller_day.templates(conn)

        self.ops.query("templates", read, done=self._templates_read)

    def _templates_read(self, templates: list[TemplateInfo]) -> None:
        self.templates = templates
        if self.templates_dialog is not None:
            self.templates_dialog.show_templates(templates)

    def open_picker(self, typed: str = "") -> None:
        details = self.current.details
        if details is None or not self.window.composer.body.isEnabled():
            return
        body = self.window.composer.body
        self.picker.setGeometry(body.geometry().adjusted(8, 8, -8, 0))
        self.picker.setFixedHeight(min(260, body.height() - 16))
        self.picker.raise_()
        self.picker.open_for(self.templates, details.buyer_locale, typed)

    def _maybe_slash(self) -> None:
        body = self.window.composer.body
        cursor = body.textCursor()
        before = body.toPlainText()[: cursor.position()][-40:]
        self._slash = SLASH_RE.search(before)
        if self._slash is not None and not self.picker.isVisible() and self.templates:
            self.open_picker(self._slash.group(1))

    def _insert(self, template: TemplateInfo, language: str) -> None:
        from app.domain import templates as tpl
        from app.services.seller_day import fill_values

        details = self.current.details
        composer = self.window.composer
        if details is None:
            return
        values = fill_values(
            details,
            marketplace_name=self.marketplace_names.get(
                details.marketplace_id, details.marketplace_id
            ),
            seller_name=self.seller_name(),
            format_date=formats.date,
        )
        cursor = composer.body.textCursor()
        if self._slash is not None:  # the "/name" typed to find it goes
            typed = len(self._slash.group(1)) + 1
            cursor.movePosition(
                cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, min(typed, cursor.position())
            )
            self._slash = None
        cursor.insertText(tpl.fill(template.texts[language], values))
        composer.body.setTextCursor(cursor)
        index = composer.reason.findData(template.contact_reason)
        if index >= 0 and composer.reason.currentData() == "other":
            composer.reason.setCurrentIndex(index)
        composer.body.setFocus()

    def open_templates(self) -> None:
        if self.templates_dialog is None:
            dialog = TemplatesDialog(self.window)
            dialog.save_requested.connect(self._save_template)
            dialog.delete_requested.connect(self._delete_template)
            dialog.import_requested.connect(self._import_templates)
            dialog.export_requested.connect(self._export_templates)
            self.templates_dialog = dialog
        self.templates_dialog.show_templates(self.templates)
        front(self.templates_dialog)

    def _dialog_failed(self, exc: BaseException) -> bool:
        from app.services.seller_day import Refused
        from app.ui.failures import describe

        dialog = self.templates_dialog
        if dialog is None:
            return False
        text: str | None
        if isinstance(exc, Refused):
            text = (
                QCoreApplication.translate(
                    "SellerDayPart", "A template with this name exists already."
                )
                if exc.type == "alreadyExists"
                else QCoreApplication.translate(
                    "SellerDayPart", "The relay refused the template: %1"
                ).replace("%1", str(exc))
            )
        else:
            text = describe(exc) or (str(exc) if isinstance(exc, (ValueError, OSError)) else None)
        if text is None:
            return False
        dialog.show_error(text)
        return True

    def _save_template(
        self, relay_id: str | None, name: str, reason: str, texts: dict[str, str]
    ) -> None:
        day = self.service()
        if day is None or self.templates_dialog is None:
            return
        dialog = self.templates_dialog

        def saved(template: Any) -> None:
            dialog.saved(template)
            self.load_templates()
            if template.flagged():
                dialog.show_error(
                    QCoreApplication.translate(
                        "SellerDayPart", "Saved, but the rules check flagged it: see below."
                    )
                )

        self.ops.run(
            self.queued(day.save_template(relay_id, name, reason, texts)),
            done=saved,
            failed=self._dialog_failed,
        )

    def _delete_template(self, relay_id: str) -> None:
        day = self.service()
        if day is None or self.templates_dialog is None:
            return
        dialog = self.templates_dialog
        self.ops.run(
            self.queued(day.delete_template(relay_id)),
            done=lambda _: self._template_deleted(dialog),
            failed=self._dialog_failed,
        )

    async def queued(self, work: Awaitable[T]) -> T:
        """A template or note edit, saved locally: the relay hears of it with the next sync
        (Changes.to_relay asks for one soon; offline, when the relay is back)."""
        from app.services.ops import Changes

        result = await work
        self.ops.publish(Changes(to_relay=True))
        return result

    def _template_deleted(self, dialog: TemplatesDialog) -> None:
        dialog.new_template()
        self.load_templates()

    def _import_templates(self, path: str) -> None:
        day = self.service()
        if day is None or self.templates_dialog is None:
            return
        dialog = self.templates_dialog

        async def go() -> tuple[int, list[str]]:
            import asyncio
            from pathlib import Path

            data = await asyncio.to_thread(Path(path).read_bytes)
            return await self.queued(day.import_templates(data))

        def done(result: tuple[int, list[str]]) -> None:
            saved, refused = result
            self.load_templates()
            text = self.tr("%n template(s) imported.", "", saved)
            if refused:
                text += " " + QCoreApplication.translate(
                    "SellerDayPart", "Not imported: %1"
                ).replace("%1", "; ".join(refused))
            dialog.show_error(text)

        self.ops.run(go(), done=done, failed=self._dialog_failed)

    def _export_templates(self, path: str) -> None:
        from app.services.seller_day import export

        data = export(self.templates)
        dialog = self.templates_dialog

        async def go() -> None:
            import asyncio
            from pathlib import Path

            await asyncio.to_thread(Path(path).write_bytes, data)

        self.ops.run(
            go(),
            done=lambda _: (
                dialog.show_error(
                    QCoreApplication.translate("SellerDayPart", "Templates exported.")
                )
                if dialog
                else None
            ),
            failed=self._dialog_failed,
        )
