"""The tools of a seller's day in the window: templates, snooze and follow-up, internal notes,
and the "only says thanks" suggestion. One part among the session's (docs/architecture.md),
running its work through `Ops` and following the current conversation.

- Templates: Ctrl+T (or "/" and a name at the start of a line in the composer) opens the
  picker; the chosen text, in the buyer's language, is filled for this conversation and
  inserted where the cursor is, and the composer's live check runs on it. Conversation ›
  Templates… manages them (shared with the team through the relay).
- Snooze: a menu of presets, a date of one's own, or "remind me if no reply"; the
  conversation leaves the list and comes back on time, bold, with the reason. Opening a woken
  conversation ends its snooze.
- Notes: under the details, never sent; written through the relay for the team.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import formats
from app.ui.dialogs import front
from app.ui.notes_panel import NotesPanel
from app.ui.snooze_menu import SnoozeChoice, SnoozeDialog, SnoozeMenu
from app.ui.template_picker import TemplatePicker
from app.ui.templates_dialog import TemplatesDialog
from app.ui.theme import muted_colour

if TYPE_CHECKING:
    from app.services.live import LiveServices
    from app.services.local_changes import LocalChanges
    from app.services.ops import Changes, Ops
    from app.services.seller_day import SellerDay
    from app.storage.rows import NoteInfo, TemplateInfo, ThreadRow
    from app.storage.store import Store
    from app.ui.current import CurrentConversation
    from app.ui.main_window import MainWindow

WAKE_CHECK_MS = 15 * 60_000  # look again at least this often (the clock may jump)
# "/" and up to 30 letters at the start of a line, right before the cursor: a template name.
SLASH_RE = re.compile(r"(?:^|\n)/([^\W\d_][\w ]{0,29})$")


class SellerDayPart(QObject):
    def __init__(self, window: MainWindow, ops: Ops, current: CurrentConversation) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.current = current
        self.store: Store | None = None
        self.local_changes: LocalChanges | None = None
        self.live: LiveServices | None = None
        self.templates: list[TemplateInfo] = []
        self.templates_dialog: TemplatesDialog | None = None
        self.marketplace_names: dict[str, str] = {}
        self._slash: re.Match[str] | None = None

        # Details: the thanks suggestion, then the notes.
        self.suggestion = QWidget()
        self.suggestion.setObjectName("thanks-suggestion")
        text = QLabel(self.tr("The buyer only says thanks."))
        text.setWordWrap(True)
        text.setStyleSheet(f"color: {muted_colour()}")
        self.suggest_button = QPushButton(self.tr("No response needed"))
        self.suggest_button.setObjectName("thanks-no-response")
        self.suggest_button.clicked.connect(self._no_response_needed)
        box = QVBoxLayout(self.suggestion)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(text)
        box.addWidget(self.suggest_button)
        self.suggestion.hide()
        self.notes = NotesPanel()
        self.notes.add_requested.connect(self._add_note)
        self.notes.edit_requested.connect(self._edit_note)
        self.notes.delete_requested.connect(self._delete_note)
        heading = QLabel(self.tr("Internal notes"))
        heading.setObjectName("panel-heading")
        layout = window.details.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.count() - 1  # before the closing stretch
        for widget in (self.suggestion, heading, self.notes):
            layout.insertWidget(at, widget)
            at += 1

        # The composer: the template picker sits over it.
        self.picker = TemplatePicker(window.composer)
        self.picker.chosen.connect(self._insert)
        self.picker.closed.connect(lambda: window.composer.body.setFocus())
        window.composer.body.textChanged.connect(self._maybe_slash)

        self.snooze_menu = SnoozeMenu(window)
        self.snooze_menu.chosen.connect(self._snooze)
        self.snooze_menu.pick_date.connect(lambda: self._snooze_dialog(follow_up=False))
        add = window.add_action
        add("insert-template", self.tr("Insert template"), "Ctrl+T", lambda: self.open_picker())
        add("templates", self.tr("Templates…"), "Ctrl+Shift+T", self.open_templates)
        add("snooze", self.tr("Snooze…"), "Ctrl+Shift+S", self._popup_snooze)
        add(
            "follow-up",
            self.tr("Remind me if no reply…"),
            "Ctrl+Shift+F",
            lambda: self._snooze_dialog(follow_up=True),
        )
        add("wake", self.tr("End snooze"), "", self._wake_current)
        add(
            "note",
            self.tr("Add internal note"),
            "Ctrl+Shift+I",
            lambda: self.notes.editor.setFocus(),
        )

        # A snoozed conversation comes back when its time comes, without waiting for a sync.
        self.wake_timer = QTimer(self)
        self.wake_timer.setSingleShot(True)
        self.wake_timer.timeout.connect(self._time_to_wake)
        current.changed.connect(self._current_changed)
        ops.subscribe(self._changed)

    def ready(self, store: Store, local_changes: LocalChanges) -> None:
        self.store = store
        self.local_changes = local_changes
        self._load_templates()
        self._load_marketplaces()
        self._arm_wake_timer()

    @property
    def seller_name(self) -> str:
        """The account's name on the relay: {seller_name} in templates, a note's author."""
        session = self.live.client.session if self.live is not None else None
        return session.username if session is not None else ""

    def _load_marketplaces(self) -> None:
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

    # --- the service (needs the relay for writes) -------------------------------------

    def _service(self) -> SellerDay | None:
        from app.services.seller_day import SellerDay

        if self.store is None or self.live is None:
            return None
        return SellerDay(self.store, self.ops.worker, self.live.client)

    def _offline(self, show: Any) -> None:
        show(self.tr("Not connected to the relay: notes and templates are saved through it."))

    # --- following the current conversation --------------------------------------------

    def _current_changed(self, row: ThreadRow | None) -> None:
        self._show_notes()
        self._update_suggestion(row)
        if row is not None and row.relay_id and row.woken(datetime.now().astimezone()):
            self.ops.run(self._wake(row.id, row.relay_id))  # seen now: back in the list for good

    def _changed(self, changes: Changes) -> None:
        if changes.synced:
            self._load_templates()
        if changes.synced or changes.marketplaces:
            self._load_marketplaces()
        if changes.synced or changes.conversations or changes.any_conversation:
            self._arm_wake_timer()
        if changes.synced or changes.touches(self.current.id):
            self._show_notes()
            self._update_suggestion(self.current.row)

    def _show_notes(self) -> None:
        cid, store = self.current.id, self.store
        if cid is None or store is None:
            self.notes.show_notes([])
            self.notes.setEnabled(False)
            return
        from app.storage import seller_day

        def read() -> list[NoteInfo]:
            with store.read() as conn:
                return seller_day.notes(conn, cid)

        self.notes.setEnabled(True)
        self.ops.query("notes", read, done=self._notes_read(cid))

    def _notes_read(self, cid: int) -> Any:
        def done(notes: list[NoteInfo]) -> None:
            if cid == self.current.id:
                self.notes.show_notes(notes)

        return done

    def _update_suggestion(self, row: ThreadRow | None) -> None:
        store = self.store
        if row is None or store is None or not row.needs_response:
            self.ops.forget("thanks")  # an answer still on its way is out of date
            self.suggestion.hide()
            return
        from app.domain import Direction
        from app.domain.thanks import thanks_only
        from app.storage import queries

        cid = row.id

        def read() -> bool:
            with store.read() as conn:
                msgs = queries.conversation_messages(conn, cid)
            last = next((m for m in reversed(msgs) if m.direction is not Direction.SYSTEM), None)
            return (
                last is not None
                and last.direction is Direction.INBOUND
                and thanks_only(last.body_text, row.buyer_name)
            )

        def done(show: bool) -> None:
            self.suggestion.setVisible(show and cid == self.current.id)

        self.ops.query("thanks", read, done=done)

    def _no_response_needed(self) -> None:
        cid = self.current.id
        if cid is not None:
            self.ops.forget("thanks")
            self.suggestion.hide()
            self.ops.run(self.current.set_nrn(cid, True))

    # --- notes ----------------------------------------------------------------------------

    def _add_note(self, body: str) -> None:
        row, day = self.current.row, self._service()
        if row is None or not row.relay_id:
            return
        if day is None:
            self._offline(self.notes.show_error)
            return
        self.ops.run(
            day.add_note(row.relay_id, body, self.seller_name),
            done=self._note_saved,
            failed=self._note_failed,
        )

    def _edit_note(self, note: NoteInfo, body: str) -> None:
        day = self._service()
        if day is None or not note.relay_id:
            self._offline(self.notes.show_error)
            return
        self.ops.run(
            day.edit_note(note.relay_id, body),
            done=self._note_saved,
            failed=self._note_failed,
        )

    def _delete_note(self, note: NoteInfo) -> None:
        day = self._service()
        if day is None or not note.relay_id:
            self._offline(self.notes.show_error)
            return
        self.ops.run(
            day.delete_note(note.relay_id),
            done=lambda _: self._show_notes(),
            failed=self._note_failed,
        )

    def _note_saved(self, _result: object) -> None:
        self.notes.saved()
        self._show_notes()

    def _note_failed(self, exc: BaseException) -> bool:
        from app.ui.failures import describe

        text = describe(exc) or (str(exc) if isinstance(exc, ValueError) else None)
        if text is None:
            return False  # a bug: the failure policy logs and shows it
        self.notes.show_error(text)
        return True

    # --- snooze ---------------------------------------------------------------------------

    def _popup_snooze(self) -> None:
        if self.current.row is None:
            return
        pane = self.window.conversation
        self.snooze_menu.popup(pane.mapToGlobal(QPoint(pane.width() // 2, 40)))

    def _snooze_dialog(self, *, follow_up: bool) -> None:
        row = self.current.row
        if row is None:
            return
        deadline = None
        if row.needs_response and row.awaiting_since is not None:
            from app.domain import RESPONSE_WINDOW

            deadline = row.awaiting_since + RESPONSE_WINDOW
        dialog = SnoozeDialog(deadline, follow_up=follow_up, parent=self.window)
        dialog.chosen.connect(self._snooze)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _snooze(self, choice: SnoozeChoice) -> None:
        row = self.current.row
        if row is None or not row.relay_id or self.local_changes is None:
            return
        self.ops.run(self._apply_snooze(row.id, row.relay_id, choice))

    async def _apply_snooze(self, cid: int, relay_id: str, choice: SnoozeChoice) -> None:
        from app.services.ops import Changes

        assert self.local_changes is not None
        await self.local_changes.set_snooze(
            relay_id, until=choice.until, kind=choice.kind, reason=choice.reason
        )
        self.window.statusBar().showMessage(
            self.tr("Snoozed until the buyer replies")
            if choice.until is None
            else self.tr("Snoozed until %1").replace("%1", formats.date_time(choice.until)),
            8000,
        )
        self.ops.publish(Changes(conversations=frozenset({cid}), to_relay=True))

    def _wake_current(self) -> None:
        row = self.current.row
        if row is not None and row.relay_id and row.snooze_kind is not None:
            self.ops.run(self._wake(row.id, row.relay_id))

    async def _wake(self, cid: int, relay_id: str) -> None:
        from app.services.ops import Changes

        assert self.local_changes is not None
        await self.local_changes.wake(relay_id)
        self.ops.publish(Changes(conversations=frozenset({cid}), to_relay=True))

    def _arm_wake_timer(self) -> None:
        store = self.store
        if store is None:
            return
        from app.storage.threads import next_wake

        def read() -> int | None:
            with store.read() as conn:
                return next_wake(lambda sql, p: conn.exec_driver_sql(sql, tuple(p)))

        def done(at_ms: int | None) -> None:
            if at_ms is None:
                self.wake_timer.stop()
                return
            wait = at_ms - int(datetime.now().timestamp() * 1000) + 200
            self.wake_timer.start(max(200, min(wait, WAKE_CHECK_MS)))

        self.ops.query("next-wake", read, done=done)

    def _time_to_wake(self) -> None:
        self.window.refresh_threads()
        self._arm_wake_timer()

    # --- templates --------------------------------------------------------------------------

    def _load_templates(self) -> None:
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
            seller_name=self.seller_name,
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
                self.tr("A template with this name exists already.")
                if exc.type == "alreadyExists"
                else self.tr("The relay refused the template: %1").replace("%1", str(exc))
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
        day = self._service()
        if day is None or self.templates_dialog is None:
            if self.templates_dialog is not None:
                self._offline(self.templates_dialog.show_error)
            return
        dialog = self.templates_dialog

        def saved(template: Any) -> None:
            dialog.saved(template)
            self._load_templates()
            if template.flagged():
                dialog.show_error(self.tr("Saved, but the rules check flagged it: see below."))

        self.ops.run(
            day.save_template(relay_id, name, reason, texts),
            done=saved,
            failed=self._dialog_failed,
        )

    def _delete_template(self, relay_id: str) -> None:
        day = self._service()
        if day is None or self.templates_dialog is None:
            return
        dialog = self.templates_dialog
        self.ops.run(
            day.delete_template(relay_id),
            done=lambda _: self._template_deleted(dialog),
            failed=self._dialog_failed,
        )

    def _template_deleted(self, dialog: TemplatesDialog) -> None:
        dialog.new_template()
        self._load_templates()

    def _import_templates(self, path: str) -> None:
        day = self._service()
        if day is None or self.templates_dialog is None:
            return
        dialog = self.templates_dialog

        async def go() -> tuple[int, list[str]]:
            import asyncio
            from pathlib import Path

            data = await asyncio.to_thread(Path(path).read_bytes)
            return await day.import_templates(data)

        def done(result: tuple[int, list[str]]) -> None:
            saved, refused = result
            self._load_templates()
            text = self.tr("%n template(s) imported.", "", saved)
            if refused:
                text += " " + self.tr("Not imported: %1").replace("%1", "; ".join(refused))
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
            done=lambda _: dialog.show_error(self.tr("Templates exported.")) if dialog else None,
            failed=self._dialog_failed,
        )
