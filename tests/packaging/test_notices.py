"""THIRD-PARTY-NOTICES.txt matches uv.lock (packaging/notices.py); the licence holds together.

A dependency added to the lock without regenerating the notices fails here, and so does one
whose only licence is the GPL (the app is Apache-2.0 and ships its dependencies).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
NOTICES = ROOT / "THIRD-PARTY-NOTICES.txt"


def load_notices() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "packaging_notices", ROOT / "packaging" / "notices.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


notices = load_notices()


def lock() -> dict:
    return tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))


def test_every_locked_runtime_package_is_listed_at_its_locked_version() -> None:
    expected = notices.runtime_packages(lock())
    listed = notices.listed(NOTICES.read_text(encoding="utf-8"))
    got = {name: version for name, (version, _) in listed.items() if name in expected}
    assert got == expected, "run: uv run --group packaging python packaging/notices.py"
    extra = set(listed) - set(expected) - {"cpython", "pyinstaller-bootloader"}
    assert not extra, f"listed but no longer locked: {sorted(extra)}"


def test_the_closure_follows_extras_and_every_platform() -> None:
    found = notices.runtime_packages(lock())
    assert "psycopg-binary" in found  # psycopg[binary]: an extra
    assert {"pywin32-ctypes", "jeepney", "uvloop"} <= found.keys()  # Windows / Linux only
    assert not {"pytest", "ruff", "mypy", "pyinstaller"} & found.keys()  # dev and build tools


def gpl_only(expression: str) -> bool:
    """True when every alternative of an SPDX-like expression is a GPL (not LGPL) licence."""
    if expression.startswith("LGPL-3.0-only (chosen of:"):
        return False
    alternatives = re.split(r"\s+OR\s+", expression.strip("() "))
    return all(re.search(r"(?<!L)GPL", alt) for alt in alternatives)


def test_no_runtime_dependency_is_gpl_only() -> None:
    listed = notices.listed(NOTICES.read_text(encoding="utf-8"))
    assert gpl_only("GPL-3.0-only") and gpl_only("GPL-2.0-only OR GPL-3.0-only")
    assert not gpl_only("LGPL-3.0-only") and not gpl_only("LGPL-3.0-only OR GPL-2.0-only")
    bad = {
        name: licence
        for name, (_, licence) in listed.items()
        if name != "pyinstaller-bootloader" and gpl_only(licence)
    }
    assert not bad, f"GPL-only dependencies cannot ship in an Apache-2.0 app: {bad}"


def test_every_package_names_its_licence() -> None:
    listed = notices.listed(NOTICES.read_text(encoding="utf-8"))
    unknown = sorted(name for name, (_, licence) in listed.items() if licence == "not declared")
    assert not unknown, f"read their licence files and add them to READ_FROM_TEXT: {unknown}"


def test_qt_replacement_and_licence_texts_are_in_the_file() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    assert "Replacing the Qt libraries" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in text


def test_project_licence_is_declared_and_shipped() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "Apache-2.0"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")
    spec = (ROOT / "packaging" / "seller-inbox.spec").read_text(encoding="utf-8")
    assert "THIRD-PARTY-NOTICES.txt" in spec and '"LICENSE"' in spec
