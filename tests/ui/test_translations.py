"""Translation catalogues: every string of the window translated into Swedish, Spanish and
German, the compiled files matching their sources, placeholders, shortcuts and markup kept,
and the window actually speaking the chosen language."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from app.resources import resource_path
from app.ui import translations

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update-translations"
RUN_IT = "run: uv run scripts/update-translations, translate what it lists, run it again"


def load_script() -> ModuleType:
    loader = SourceFileLoader("update_translations", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


tool = load_script()
CODES = sorted(tool.LANGUAGES)
PLACEHOLDER = re.compile(r"%n|%L?\d|\{\w*\}")
SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta)(?:\+\w+)+")
TAG = re.compile(r"</?\w+[^>]*>")
ACCELERATOR = re.compile(r"&(?=[^&\s])")  # "&Save"; "&&" is a literal ampersand


def test_every_string_is_translated_and_compiled() -> None:
    # lupdate and lrelease run on copies in a temporary folder: a string added to app/ui
    # without a translation, or a .ts edited without rebuilding its .qm, fails here.
    problems = tool.check()
    assert not problems, "\n".join([*problems, RUN_IT])


def test_strings_sit_under_the_context_qt_looks_up() -> None:
    found = tool.stray()
    assert not found, "\n".join(
        [
            *found,
            'write QCoreApplication.translate("Context", "text") or self.tr("text") '
            "with literal strings, then " + RUN_IT,
        ]
    )


@pytest.mark.parametrize("code", CODES)
def test_translations_keep_placeholders_shortcuts_and_markup(language: Any, code: str) -> None:
    language(code)  # Qt's own catalogue names the keys: "Strg+F" in German
    bad = []
    for e in tool.entries(tool.catalogue(code)):
        for form in filter(None, e.forms):
            for pattern in (PLACEHOLDER, TAG, ACCELERATOR):
                wanted = sorted(pattern.findall(e.source))
                if e.numerus and pattern is PLACEHOLDER:
                    # Qt puts the number in for %n; a singular form may spell it out.
                    wanted = [p for p in wanted if p != "%n"]
                    got = [p for p in sorted(pattern.findall(form)) if p != "%n"]
                else:
                    got = sorted(pattern.findall(form))
                if got != wanted:
                    bad.append(f"[{e.context}] {e.source!r} -> {form!r}: {wanted} != {got}")
            # A shortcut reads as in the source or as Qt shows it in this language's
            # tooltips, never as a made-up word.
            for keys in SHORTCUT.findall(e.source):
                native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
                if keys not in form and native not in form:
                    bad.append(f"[{e.context}] {form!r}: write {keys} as {keys!r} or {native!r}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("code", CODES)
def test_plural_forms_use_the_count(code: str) -> None:
    plurals = [e for e in tool.entries(tool.catalogue(code)) if e.live and e.numerus]
    assert plurals
    for e in plurals:
        assert len(e.forms) == 2, (e.source, e.forms)  # all four languages: one, other
        assert "%n" in e.forms[1], (e.source, e.forms)


def test_english_plurals(language: Any) -> None:
    language("en")
    tr = QCoreApplication.translate
    assert tr("MainWindow", "%n conversation(s)", "", 1) == "1 conversation"
    assert tr("MainWindow", "%n conversation(s)", "", 41) == "41 conversations"


def test_every_language_has_a_compiled_catalogue() -> None:
    folder = resource_path("translations")
    assert set(translations.LANGUAGES) == set(CODES)
    for code in CODES:
        assert (folder / f"seller_inbox_{code}.qm").stat().st_size > 0


def test_a_language_without_a_catalogue_falls_back_to_english(language: Any) -> None:
    language("fr")
    assert QCoreApplication.translate("MainWindow", "%n conversation(s)", "", 2) == (
        "2 conversations"
    )


def test_the_environment_overrides_the_setting(language: Any, monkeypatch: Any) -> None:
    # What `seller-inbox --lang de` sets, for screenshots and support.
    monkeypatch.setenv(translations.ENV, "de")
    language("sv")
    assert QCoreApplication.translate("MainWindow", "Reply") == "Antworten"


def test_cli_passes_lang_to_the_window(monkeypatch: Any) -> None:
    from app import cli

    monkeypatch.setenv(translations.ENV, "")  # restored after the test, whatever cli sets
    seen = []

    def run(_opts: object) -> int:
        seen.append(os.environ[translations.ENV])
        return 0

    monkeypatch.setattr("app.ui.app.run", run)
    assert cli.main(["--profile", str(Path("unused")), "--lang", "es"]) == 0
    assert seen == ["es"]


EXPECTED = {  # reply action, outbox action, 41 conversations, Qt's own Cancel button
    "sv": ("Svara", "Utkorg", "41 konversationer", "Avbryt"),
    "es": ("Responder", "Bandeja de salida", "41 conversaciones", "Cancelar"),
    "de": ("Antworten", "Postausgang", "41 Unterhaltungen", "Abbrechen"),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_the_window_speaks_the_language(qtbot: Any, language: Any, code: str) -> None:
    from app.ui.main_window import MainWindow

    language(code)
    window = MainWindow()
    qtbot.addWidget(window)
    reply, outbox, count, cancel = EXPECTED[code]
    assert window.actions_by_name["reply"].text() == reply
    assert window.actions_by_name["outbox"].text() == outbox
    # The shortcut itself is not translated; the tooltip names its keys as Qt does.
    shortcut = window.actions_by_name["reply"].shortcut()
    assert shortcut.toString() == "Ctrl+R"
    native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
    assert window.actions_by_name["reply"].toolTip() == f"{reply} ({native})"
    assert window.tr("%n conversation(s)", "", 41) == count
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == cancel  # qtbase_<lang>.qm is installed too


# Words the same in German and English, and names that stay as they are ("[Important]" is
# the tag the marketplace reads in the subject, in every language).
SAME_IN_GERMAN = {"Seller Inbox", "Online", "Offline", "Standard", "Token", "Alias", "Name"}
SAME_IN_GERMAN |= {"[Important]"}


def texts(window: QWidget) -> list[str]:
    """What the seller can read in the window, in a fixed order."""
    found: list[str] = []
    for action in window.findChildren(QAction):
        found += [action.text(), action.toolTip()]
    for w in window.findChildren(QWidget):
        if isinstance(w, QAbstractButton | QLabel):
            found.append(w.text())
        if isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        if isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            found += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
        found.append(w.toolTip())
    return found


def test_no_english_left_in_the_german_window(qtbot: Any, language: Any) -> None:
    from app.ui.main_window import MainWindow

    seen = {}
    for code in ("en", "de"):
        language(code)
        window = MainWindow()
        qtbot.addWidget(window)
        seen[code] = texts(window)
    assert len(seen["en"]) == len(seen["de"]) > 100
    left = sorted(
        {
            en
            for en, de in zip(seen["en"], seen["de"], strict=True)
            if en == de and re.search(r"[A-Za-z]{3}", en) and not SHORTCUT.fullmatch(en)
        }
        - SAME_IN_GERMAN
    )
    assert not left, f"not translated into German: {left}; wrap them in tr(), then {RUN_IT}"


def test_carry_over_finishes_a_string_that_moved(tmp_path: Path) -> None:
    # What lupdate leaves after a string moves from one class to another: the old entry
    # vanished, the new one unfinished with the old text filled in by its same-text heuristic.
    ts = tmp_path / "seller_inbox_sv.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context><name>Old</name>
  <message><source>Sent</source><translation type="vanished">Skickat</translation></message>
  <message><source>Kept</source><translation type="vanished">Sparad</translation></message>
</context>
<context><name>New</name>
  <message><source>Sent</source><translation type="unfinished">Skickat</translation></message>
  <message><source>Fresh</source><translation type="unfinished"></translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    finished = tool.carry_over(ts)
    assert [(e.context, e.source) for e in finished] == [("New", "Sent")]
    after = {(e.context, e.source): e for e in tool.entries(ts)}
    assert after["New", "Sent"].kind == "" and after["New", "Sent"].forms == ("Skickat",)
    assert ("Old", "Sent") not in after  # the copy it came from is dropped
    assert after["Old", "Kept"].kind == "vanished"  # a translation waiting for its code stays
    assert after["New", "Fresh"].kind == "unfinished"  # a new string is left to translate
