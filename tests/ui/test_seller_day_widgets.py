"""The seller's-day widgets on their own: snooze menu and dialog, notes panel, template
picker and the templates dialog (pytest-qt, offscreen; Qt warnings fail the test)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.domain.snooze import SnoozeKind
from app.storage.rows import NoteInfo, TemplateInfo
from app.ui.notes_panel import NoteCard, NotesPanel
from app.ui.snooze_menu import SnoozeChoice, SnoozeDialog, SnoozeMenu
from app.ui.template_picker import TemplatePicker, matches
from app.ui.templates_dialog import TemplatesDialog

NOW = datetime(2026, 12, 9, 15, 20, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday


def test_snooze_menu_presets_carry_their_times(qtbot: Any) -> None:
    menu = SnoozeMenu(now=lambda: NOW)
    qtbot.addWidget(menu)
    got: list[SnoozeChoice] = []
    menu.chosen.connect(got.append)
    menu.aboutToShow.emit()
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert "·" in actions[1].text()  # "Tomorrow morning · <when>"
    actions[1].trigger()
    actions[3].trigger()
    assert got[0].until == datetime(2026, 12, 10, 9, 0, tzinfo=NOW.tzinfo)
    assert got[1].until is None and got[1].kind is SnoozeKind.SNOOZE


def test_snooze_dialog_warns_when_the_deadline_falls_inside(qtbot: Any) -> None:
    due_soon = NOW + timedelta(hours=3)
    dialog = SnoozeDialog(due_soon, now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isVisible()  # tomorrow morning is after a deadline in 3 h
    relaxed = SnoozeDialog(NOW + timedelta(days=3), now=lambda: NOW)
    qtbot.addWidget(relaxed)
    relaxed.show()
    assert not relaxed.warning.isVisible()
    got: list[SnoozeChoice] = []
    follow = SnoozeDialog(None, follow_up=True, now=lambda: NOW)
    qtbot.addWidget(follow)
    follow.chosen.connect(got.append)
    follow.reason.setText("Tracking number")
    follow.accept()
    assert got[0].kind is SnoozeKind.FOLLOW_UP and got[0].reason == "Tracking number"
    assert got[0].until is not None and got[0].until > NOW


def _note(body: str, author: str = "Eva") -> NoteInfo:
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    return NoteInfo(1, "N1", 7, body, author, at, at)


def test_notes_show_as_plain_text_and_are_added_and_edited(qtbot: Any) -> None:
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.show_notes([_note('<img src="/dev/zero"> <b>bold</b>')])
    card = panel.findChild(NoteCard)
    assert card is not None
    body = card.findChild(QLabel, "note-body")
    assert body is not None and body.textFormat() == Qt.TextFormat.PlainText
    added: list[str] = []
    panel.add_requested.connect(added.append)
    panel.editor.setPlainText("Called DHL")
    panel.save.click()
    assert added == ["Called DHL"]
    panel.saved()
    assert panel.editor.toPlainText() == ""
    edits: list[tuple[NoteInfo, str]] = []
    panel.edit_requested.connect(lambda n, b: edits.append((n, b)))
    card.edit.emit(card.note)
    assert panel.save.text() != "Add note"
    panel.editor.setPlainText("Called DHL twice")
    panel.save.click()
    assert edits and edits[0][1] == "Called DHL twice"
    panel.show_notes([])
    assert not panel.empty.isHidden()


def _template(
    name: str, texts: dict[str, str], findings: tuple[dict[str, Any], ...] = ()
) -> TemplateInfo:
    return TemplateInfo(1, f"T-{name}", name, "other", texts, findings, datetime.now(UTC))


def test_picker_filters_picks_the_buyers_language_and_says_so(qtbot: Any) -> None:
    where = _template("Where is my order?", {"en": "It ships today.", "es": "Sale hoy."})
    damaged = _template(
        "Damaged on arrival",
        {"en": "Sorry!"},
        ({"language": "en", "rule": "external-link", "severity": "block"},),
    )
    assert matches(where, "wher ord") and not matches(where, "damaged")
    picker = TemplatePicker()
    qtbot.addWidget(picker)
    got: list[tuple[TemplateInfo, str]] = []
    picker.chosen.connect(lambda t, lang: got.append((t, lang)))
    picker.open_for([where, damaged], "es-ES")
    texts = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert any("ES" in t and "Where" in t for t in texts)
    assert any("no ES text" in t and "⚠" in t for t in texts)  # fallback and flagged, said
    picker.filter.setText("where")
    assert picker.list.count() == 1
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert got == [(where, "es")]
    picker.open_for([where], "en")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Escape)
    assert picker.isHidden()
    picker.open_for([], "en")
    assert not picker.empty.isHidden()


def test_templates_dialog_edits_checks_and_asks_to_save(qtbot: Any) -> None:
    dialog = TemplatesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    saves: list[tuple[Any, ...]] = []
    dialog.save_requested.connect(lambda *a: saves.append(a))
    dialog.save.click()
    assert dialog.error.isVisible() and not saves  # no name yet
    dialog.name.setText("Return label")
    editor = dialog.add_language("en")
    editor.setPlainText("Hi {buyer_first_name}, here is the label for {order_id}.")
    assert dialog.findings.findings == []
    editor.setPlainText("Visit www.myshop.example and leave 5 stars for a refund {tracking}")
    assert {f.rule for f in dialog.findings.findings} >= {"external-link"}
    assert dialog.error.isVisible() and "{tracking}" in dialog.error.text()
    editor.setPlainText("Hi {buyer_first_name}, here is your return label.")
    assert not dialog.error.isVisible()
    dialog.add_language("de", "Hallo {buyer_first_name}, hier ist Ihr Rücksendeetikett.")
    dialog.save.click()
    assert saves[-1][0] is None and saves[-1][1] == "Return label"
    assert set(saves[-1][3]) == {"en", "de"}
    # Shown back from the relay, flagged; selecting it loads it for editing.
    saved = _template(
        "Return label",
        {"en": "Hi", "de": "Hallo"},
        ({"language": "de", "rule": "marketing", "severity": "warn"},),
    )
    dialog.show_templates([saved], select=saved.relay_id)
    assert dialog.list.item(0).text().startswith("⚠")
    assert dialog.tabs.count() == 2 and dialog.delete.isEnabled()
    deleted: list[str] = []
    dialog.delete_requested.connect(deleted.append)
    dialog.delete.click()
    assert deleted == [saved.relay_id]


def test_templates_and_notes_saved_offline_say_so(qtbot: Any) -> None:
    """Issue 17: an edit still on its way to the relay, or refused by it, is visible."""
    from dataclasses import replace

    dialog = TemplatesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    waiting = replace(_template("Packed", {"en": "Packed."}), relay_id="local:1", pending=True)
    dialog.show_templates([waiting], select="local:1")
    assert dialog.list.item(0).text() == "Packed  · waiting for the connection"
    assert not dialog.error.isVisible()
    refused = replace(waiting, refused="alreadyExists")
    dialog.show_templates([refused])  # kept by its local id, reloaded
    assert "a teammate's template has this name" in dialog.list.item(0).text()
    assert dialog.error.isVisible() and "Rename it" in dialog.error.text()
    # Named by the relay meanwhile: still the one selected.
    shared = replace(refused, relay_id="T-real", pending=False, refused=None)
    dialog.show_templates([shared])
    assert dialog.list.currentRow() == 0 and dialog.list.item(0).text() == "Packed"
    assert not dialog.error.isVisible()

    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.show_notes([replace(_note("Offline"), pending=True)])
    header = panel.cards.itemAt(0).widget().findChild(QLabel, "note-header")
    assert header.text().endswith(" · waiting for the connection")
    panel.show_notes([replace(_note("Offline"), pending=True, refused="invalidProperties")])
    header = panel.cards.itemAt(0).widget().findChild(QLabel, "note-header")
    assert header.text().endswith("not shared: the relay refused it (invalidProperties)")
