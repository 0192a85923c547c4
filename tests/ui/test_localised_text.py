"""Text the window builds at run time, in the window's language: dates and times (Qt's
locale names the days and months), policy explanations (worded from each finding's code and
parameters), attachment refusals, shortcut hints (named as Qt names the keys) and the
Settings language list."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from app.domain import Direction
from app.policy import RULE_IDS, Field, Finding, PolicyContext, Severity, load_pack
from app.policy.explanations import ENGLISH, explained
from app.services.attachments import AttachmentRefused, check_file
from app.storage.drafts import DraftData
from app.storage.lock import ProfileLock
from app.storage.queries import MarketplaceInfo
from app.storage.rows import MessageView, ThreadRow
from app.ui import formats
from app.ui.app import LaunchOptions
from app.ui.composer import Composer
from app.ui.conversation_pane import ConversationPane
from app.ui.main_window import MainWindow
from app.ui.policy_text import EXPLANATIONS, explain, refusal_text
from app.ui.settings_dialog import SettingsDialog
from app.ui.status_bar import MarketplaceChips
from app.ui.thread_model import when_text
from app.ui.translations import LANGUAGES

OLD = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)  # a Wednesday, noon: the same date in any zone
LOCAL_OLD = OLD.astimezone()
ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
GERMAN_DAYS = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")


def _this_week() -> datetime:
    now = datetime.now().astimezone()
    return (now - timedelta(days=2)).replace(hour=9, minute=7)


def test_english_dates_read_as_before(language: Any) -> None:
    language("en")
    week = _this_week()
    today = datetime.now().astimezone().replace(hour=0, minute=4)
    assert when_text(OLD) == "05 Mar 2025"
    assert when_text(week) == f"{ENGLISH_DAYS[week.weekday()]} 09:07"
    assert when_text(today) == "00:04"
    assert formats.date_time(OLD) == f"Wed 05 Mar 2025, {LOCAL_OLD:%H:%M}"
    assert formats.day_month(OLD) == "05 Mar"


def test_german_dates_name_days_and_months_in_german(language: Any, qtbot: Any) -> None:
    language("de")
    week = _this_week()
    assert when_text(OLD) == "5. März 2025"
    assert when_text(week) == f"{GERMAN_DAYS[week.weekday()]}, 09:07"
    assert formats.date_time(OLD) == f"Mi., 5. März 2025, {LOCAL_OLD:%H:%M}"
    assert formats.time_with_seconds(OLD) == f"{LOCAL_OLD:%H:%M:%S}"

    # Where the seller reads them: a message's header, a vacation's end in the status bar.
    pane = ConversationPane()
    qtbot.addWidget(pane)
    row = ThreadRow(
        id=1, relay_id="c1", marketplace_id="amazon.de", buyer_name="Jens K.", buyer_alias="j@m",
        order_number="303-1234567-1234567", subject="Lieferung", preview="p", last_activity=OLD,
        awaiting_since=None, needs_response=False, no_response_needed=False, unread_count=0,
        message_count=1, flagged=False,
    )  # fmt: skip
    message = MessageView(1, "m1", Direction.INBOUND, "s", "Hallo", None, OLD, frozenset(), ())
    pane.show_conversation(row, [message])
    assert "Mi., 5. März 2025" in pane.browser.toPlainText()
    chips = MarketplaceChips()
    qtbot.addWidget(chips)
    until = datetime(2031, 12, 6, 12, 0, tzinfo=UTC)
    on_vacation = MarketplaceInfo("amazon.de", "Amazon.de", "DE", True, OLD, until)
    chips.set_marketplaces([on_vacation])
    assert "6. Dez." in chips.chips["amazon.de"].toolTip()


def test_swedish_and_spanish_month_names(language: Any) -> None:
    language("sv")
    assert when_text(OLD) == "5 mars 2025"
    language("es")
    assert when_text(OLD) == "5 mar 2025"


def _composer(qtbot: Any) -> Composer:
    c = Composer()
    qtbot.addWidget(c)
    ctx = PolicyContext(pack=load_pack("amazon.de"), buyer_initiated=True)
    c.open_draft(DraftData(key="conv:1", subject="Ihre Bestellung", conversation_id=1), ctx)
    return c


def test_a_link_is_explained_in_german(language: Any, qtbot: Any) -> None:
    language("de")
    c = _composer(qtbot)
    c.body.setPlainText("Die Anleitung finden Sie auf https://example.com/hilfe")
    [finding] = c.findings
    german = "Links zu anderen Websites sind nicht erlaubt („https://example.com/hilfe“)."
    assert c.policy.list.item(0).text() == f"✕  {german}"
    assert c.send_button.toolTip() == f"Senden nicht möglich: {german}"
    assert c.body.extraSelections()[0].format.toolTip() == german
    # The engine itself still speaks English (the relay, the CLI, logs).
    assert (
        finding.message == "Links to other websites are not allowed ('https://example.com/hilfe')."
    )


def test_opted_out_and_size_findings_word_their_parameters(language: Any) -> None:
    opted = Finding(
        "opted-out-non-critical", Severity.BLOCK, 0, 0, "", code="opted-out-non-critical",
        params=(("reason", "shipping-confirmation"),),
    )  # fmt: skip
    size = Finding(
        "attachment-size", Severity.BLOCK, 0, 1, "", code="attachment-size",
        params=(("limit", str(7 * 1024 * 1024)), ("total", str(8 * 1024 * 1024))),
    )  # fmt: skip
    language("de")
    assert "daher wird eine Versandbestätigung zurückgewiesen" in explain(opted)
    assert (
        explain(size) == "Die Anhänge sind zusammen 8,0 MB groß; erlaubt sind 7,0 MB pro Nachricht."
    )
    language("es")
    assert "no se entregará una confirmación de envío" in explain(opted)


SAMPLE = {
    "term": "Gutschein",
    "link": "shop.example",
    "reason": "out-of-stock",
    "tag": "[Important]",
    "total": str(8 * 1024 * 1024),
    "limit": str(7 * 1024 * 1024),
    "name": "invoice.pdf",
    "kind": "application/x-msdownload",
    "error": "No such file or directory",
    "language": "sv",
    "buyer_language": "de",
}


def test_every_explanation_the_engine_can_give_is_worded_in_the_window(language: Any) -> None:
    # The engine can only make findings through explanations.explained(), which looks the
    # code up in ENGLISH: these are all the codes it can produce.
    assert set(EXPLANATIONS) == set(ENGLISH)
    assert {code.split(".")[0] for code in ENGLISH} == set(RULE_IDS)
    language("en")
    for code, template in ENGLISH.items():
        names = {f for _t, f, _s, _c in string.Formatter().parse(template) if f}
        assert names == set(EXPLANATIONS[code][1]), code
        params = {n: SAMPLE[n] for n in names}
        finding = explained(code.split(".")[0], Severity.WARN, 0, 0, Field.DRAFT, code, **params)
        # The window's English is the engine's, word for word.
        assert explain(finding) == finding.message, code


def test_a_rule_the_window_does_not_know_shows_the_engine_text(language: Any) -> None:
    language("de")  # a pack may add a rule this build has no wording for
    custom = Finding("pack-rule", Severity.BLOCK, 0, 3, "Say it this way.", code="pack-rule")
    assert explain(custom) == "Say it this way."


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _refusal(path: Path, marketplace: str | None = None) -> AttachmentRefused:
    with pytest.raises(AttachmentRefused) as refused:
        check_file(path, marketplace)
    return refused.value


def test_attachment_refusals_say_what_the_file_is(language: Any, tmp_path: Path) -> None:
    program = tmp_path / "invoice.pdf"
    program.write_bytes(b"MZ\x90\x00" + b"\x00" * 4000)
    archive = tmp_path / "photos.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as f:
        f.write(PDF)
        f.truncate(12 * 1024 * 1024)  # sparse
    refusals = [_refusal(program), _refusal(archive), _refusal(big, "amazon.se")]
    refusals.append(_refusal(tmp_path / "gone.pdf"))

    language("en")
    assert [refusal_text(r) for r in refusals[:3]] == [
        "invoice.pdf: This file is a Windows program, not a PDF.",
        "photos.zip: This file is an unknown type; you can attach PDF, Word, image and text files.",
        "scan.pdf (12.0 MB) is larger than the 10 MB limit of amazon.se.",
    ]
    assert refusal_text(refusals[3]).startswith("gone.pdf cannot be read (")
    language("de")
    assert [refusal_text(r) for r in refusals[:3]] == [
        "invoice.pdf: Diese Datei ist ein Windows-Programm, keine PDF-Datei.",
        "photos.zip: Diese Datei ist ein unbekannter Dateityp; anhängen können Sie PDF-, Word-, "
        "Bild- und Textdateien.",
        "scan.pdf (12,0 MB) ist größer als das Limit von 10 MB bei amazon.se.",
    ]


@pytest.mark.parametrize(
    ("code", "find", "send", "send_word"),
    [("en", "Ctrl+F", "Ctrl+Return", "Send"), ("de", "Strg+F", "Strg+Return", "Senden")],
)
def test_shortcut_hints_name_the_keys_as_qt_does(
    language: Any, qtbot: Any, code: str, find: str, send: str, send_word: str
) -> None:
    language(code)
    window = MainWindow()
    qtbot.addWidget(window)
    native = QKeySequence.SequenceFormat.NativeText
    # Built from the actions, so they match the keys on every platform (⌘ on macOS).
    assert window.actions_by_name["search"].shortcut().toString(native) == find
    assert window.search.placeholderText().endswith(f"({find})")
    assert window.composer.send_hint.text() == send
    ctx = PolicyContext(pack=load_pack("amazon.de"), buyer_initiated=True)
    window.composer.open_draft(DraftData(key="conv:1", subject="Re", conversation_id=1), ctx)
    window.composer.body.setPlainText("Your parcel left today.")
    assert window.composer.send_button.isEnabled()
    assert window.composer.send_button.toolTip().startswith(f"{send_word} ({send}); ")
    window.show_shortcuts()
    assert window.shortcuts_dialog is not None
    rows = dict(window.shortcuts_dialog.rows())
    word = {"en": "or", "de": "oder"}[code]
    assert f"F1  {word}  " in rows[window.actions_by_name["shortcuts"].text()]
    window.shortcuts_dialog.close()


def test_settings_lists_every_language_with_a_catalogue(
    language: Any, qtbot: Any, qloop: Any, tmp_path: Path
) -> None:
    from ui_testkit import run  # type: ignore[import-not-found]

    from app.ui.session import Session

    language("de")
    profile = tmp_path / "p"
    profile.mkdir()
    lock = ProfileLock(profile / "profile.lock")
    lock.acquire()
    window = MainWindow()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    session = Session(window, LaunchOptions(profile=profile), lock, settings)

    async def scenario() -> None:
        dialog = SettingsDialog(
            session.prefs, session.messaging, session.account, session.ops, session.mailbox
        )
        qtbot.addWidget(dialog)
        combo = dialog.language
        items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        assert items == [("Systemsprache", ""), *((name, c) for c, name in LANGUAGES.items())]
        await session.aclose()

    try:
        run(qloop, scenario())
    finally:
        lock.release()


def test_sizes_and_rates_use_the_language_decimal_mark(language: Any) -> None:
    language("en")
    assert (formats.file_size(1_234_567), formats.percent(0.5)) == ("1.2 MB", "50.0 %")
    language("de")
    assert (formats.file_size(1_234_567), formats.percent(0.5)) == ("1,2 MB", "50,0 %")
