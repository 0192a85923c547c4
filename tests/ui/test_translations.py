"""Translation catalogues: compiled files match their sources, English plurals read well,
and every catalogue keeps the placeholders of the English text."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.resources import resource_path
from app.ui import translations

FOLDER = resource_path("translations")
CATALOGUES = sorted(FOLDER.glob("seller_inbox_*.ts"))


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    if not Path(found).exists():
        pytest.skip("pyside6-lrelease is not installed")
    return found


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda p: p.stem)
def test_compiled_catalogue_is_up_to_date(tmp_path: Path, source: Path) -> None:
    out = tmp_path / (source.stem + ".qm")
    subprocess.run([lrelease(), str(source), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == source.with_suffix(".qm").read_bytes(), (
        f"run: pyside6-lrelease {source} -qm {source.with_suffix('.qm')}"
    )


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda p: p.stem)
def test_translations_keep_the_placeholders(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    for message in re.findall(r"<message.*?</message>", text, flags=re.S):
        original = re.search(r"<source>(.*?)</source>", message, flags=re.S)
        assert original is not None
        wanted = sorted(re.findall(r"%n|%\d", original.group(1)))
        for form in re.findall(r"<(?:numerusform|translation)>(.*?)</", message, flags=re.S):
            if form:
                assert sorted(re.findall(r"%n|%\d", form)) == wanted, (original.group(1), form)


def test_english_plurals(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = translations.install(qapp, "en")
    assert translator is not None
    try:
        tr = QCoreApplication.translate
        assert tr("MainWindow", "%n conversation(s)", "", 1) == "1 conversation"
        assert tr("MainWindow", "%n conversation(s)", "", 41) == "41 conversations"
    finally:
        qapp.removeTranslator(translator)
