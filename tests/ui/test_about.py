"""`seller-inbox --about` and the About dialog: the version, the licence, and links to the
licence texts that ship with the app (the files exist where they point)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from app.about import about
from app.ui.about_dialog import AboutDialog
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_about_option_prints_version_licence_and_existing_files() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "--about"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0] == f"Seller Inbox {VERSION}"
    assert "Apache-2.0" in lines[1]
    shown = [Path(line.rsplit(": ", 1)[1]) for line in lines[1:]]
    assert [p.name for p in shown] == ["LICENSE", "THIRD-PARTY-NOTICES.txt"]
    assert all(p.is_file() for p in shown)


def test_about_dialog_links_to_the_shipped_texts(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    action = window.findChild(QAction, "about")
    assert action is not None
    action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert VERSION in dialog.findChild(QLabel, "about-version").text()
    links = dialog.links.text()
    info = about()
    for path in (info.license_file, info.notices_file):
        assert path.is_file()
        assert QUrl.fromLocalFile(str(path)).toString() in links
    dialog.close()
