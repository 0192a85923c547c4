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
- Notes: under the details, never sent; shared with the team through the relay.

Template and note edits are saved locally at once, offline too, and reach the relay with the
next sync (``app.services.shared_edits``); until then they show as waiting.

The templates (picker, filling, the Templates… dialog) are `templates_part.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import formats
from app.ui.notes_panel import NotesPanel
from app.ui.snooze_menu import SnoozeChoice, SnoozeDialog, SnoozeMenu
from app.ui.templates_part import TemplatesPart
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
    from app.ui.template_picker import TemplatePicker
    from app.ui.templates_dialog import TemplatesDialog

WAKE_CHECK_MS = 15 * 60_000  # look again at least this often (the clock may jump)


class SellerDayPart(QObject):
    def __init__(self, window: MainWindow, ops: Ops, current: CurrentConversation) -> None:
        super().__init__(window)
        self.window = window
        self.ops = ops
        self.current = current
        self.store: Store | None = None
        self.local_changes: LocalChanges | None = None
        self.live: LiveServices | None = None

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

        self.template_tools = TemplatesPart(
            window,
            ops,
            current,
            service=self._service,
            seller_name=lambda: self.seller_name,
        )

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
        self.template_tools.store = store
        self.template_tools.load_templates()
        self.template_tools.load_marketplaces()
        self._arm_wake_timer()

    @property
    def seller_name(self) -> str:
        """The account's name on the relay: {seller_name} in templates, a note's author."""
        session = self.live.client.session if self.live is not None else None
        return session.username if session is not None else ""

    # --- the templates (tests and the window reach them through the part) -----------------

    @property
    def picker(self) -> TemplatePicker:
        return self.template_tools.picker

    @property
    def templates(self) -> list[TemplateInfo]:
        return self.template_tools.templates

    @property
    def templates_dialog(self) -> TemplatesDialog | None:
        return self.template_tools.templates_dialog

    def open_picker(self, typed: str = "") -> None:
        self.template_tools.open_picker(typed)

    def open_templates(self) -> None:
        self.template_tools.open_templates()

    # --- the service (local writes, queued for the relay) ---------------------------------

    def _service(self) -> SellerDay | None:
        from app.services.seller_day import SellerDay

        return None if self.store is None else SellerDay(self.store, self.ops.worker)

    # --- following the current conversation --------------------------------------------

    def _current_changed(self, row: ThreadRow | None) -> None:
        self._show_notes()
        self._update_suggestion(row)
        if row is not None and row.relay_id and row.woken(datetime.now().astimezone()):
            self.ops.run(self._wake(row.id, row.relay_id))  # seen now: back in the list for good

    def _changed(self, changes: Changes) -> None:
        if changes.synced:
            self.template_tools.load_templates()
        if changes.synced or changes.marketplaces:
            self.template_tools.load_marketplaces()
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
        if row is None or not row.relay_id or day is None:
            return
        self.ops.run(
            self.template_tools.queued(day.add_note(row.relay_id, body, self.seller_name)),
            done=self._note_saved,
            failed=self._note_failed,
        )

    def _edit_note(self, note: NoteInfo, body: str) -> None:
        day = self._service()
        if day is None or not note.relay_id:
            return
        self.ops.run(
            self.template_tools.queued(day.edit_note(note.relay_id, body)),
            done=self._note_saved,
            failed=self._note_failed,
        )

    def _delete_note(self, note: NoteInfo) -> None:
        day = self._service()
        if day is None or not note.relay_id:
            return
        self.ops.run(
            self.template_tools.queued(day.delete_note(note.relay_id)),
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
