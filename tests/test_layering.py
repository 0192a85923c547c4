"""DESIGN.md's layering: nothing below app/ui imports Qt; the domain imports no SQLAlchemy."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
# Alembic runs env.py and the revision scripts itself; importing them outside a migration
# context is meaningless.
NOT_IMPORTABLE = ("app.storage.migrations", "relay.migrations")


def modules_below_ui() -> list[str]:
    found = []
    for pkg in ("app", "relay"):
        for info in pkgutil.walk_packages([str(ROOT / pkg)], prefix=f"{pkg}."):
            name = info.name
            if name.startswith("app.ui") or name.startswith(NOT_IMPORTABLE):
                continue
            found.append(name)
    return sorted(found)


def imported_after(modules: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    return set(done.stdout.split())


def test_nothing_below_ui_imports_qt() -> None:
    modules = modules_below_ui()
    assert "app.storage.store" in modules and "app.domain" in modules
    loaded = imported_after(modules)
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "qasync"))}


def test_the_domain_stays_pure() -> None:
    domain = [m for m in modules_below_ui() if m.startswith("app.domain")]
    loaded = imported_after(domain)
    assert not {m for m in loaded if m.startswith(("sqlalchemy", "httpx", "PySide6"))}
