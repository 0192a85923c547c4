"""The layering contract of docs/architecture.md, stated whole:

    app/ui → app/services → app/storage → app/domain
    app/policy beside app/domain (the rules engine; services and ui use it)
    relay → app/domain, app/policy (and the demo's text corpus)

Checked two ways: statically, every ``import`` in every module (also those inside functions
and under ``TYPE_CHECKING``, which are dependencies all the same); and at run time, nothing
below ``app/ui`` loads Qt and the domain loads no SQLAlchemy or httpx. Inside ``app/ui`` the
modules import each other without a circle, and no module reads another's private members.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[1]
# Alembic runs env.py and the revision scripts itself; importing them outside a migration
# context is meaningless.
NOT_IMPORTABLE = ("app.storage.migrations", "relay.migrations")

# Which parts each part may import (its own modules always). Plain modules at the top of
# ``app`` (the command line, resources, the version and licences, the HTML nesting limit
# shared by the relay's sanitizer and the window) are entry points and helpers, listed by name.
ALLOWED: dict[str, set[str]] = {
    "app.domain": set(),
    "app.policy": {"app.domain", "app.resources"},
    "app.storage": {"app.domain"},
    "app.demodata": {"app.domain", "app.storage"},
    "app.services": {"app.domain", "app.policy", "app.storage"},
    # The window may also start the embedded demo relay (app/ui/demo.py).
    "app.ui": {
        "app.domain",
        "app.policy",
        "app.storage",
        "app.services",
        "app.demodata",
        "app.resources",
        "app.about",
        "app.html_nesting",
        "relay",
    },
    "relay": {"app.domain", "app.policy", "app.demodata.corpus", "app.html_nesting"},
}


def part_of(module: str) -> str:
    for part in sorted(ALLOWED, key=len, reverse=True):
        if module == part or module.startswith(part + "."):
            return part
    return module


def source_files() -> Iterator[tuple[str, Path]]:
    for pkg in ("app", "relay"):
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join(parts)
            if not name.startswith(NOT_IMPORTABLE):
                yield name, path


MODULES = {name for name, _ in source_files()}


def imports_of(path: Path, name: str) -> set[str]:
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            # "from app.ui import theme" imports the module app.ui.theme; "from app.ui.theme
            # import x" the module app.ui.theme
            submodules = {f"{module}.{a.name}" for a in node.names} & MODULES
            found.update(submodules or {module})
    return {m for m in found if m in MODULES}


def test_every_import_follows_the_layers() -> None:
    wrong = []
    for name, path in source_files():
        part = part_of(name)
        if part not in ALLOWED:
            continue  # app.cli and friends: entry points
        for target in imports_of(path, name):
            other = part_of(target)
            if other == part or other in ALLOWED[part] or target in ALLOWED[part]:
                continue
            wrong.append(f"{name} imports {target} ({part} may not use {other})")
    assert not wrong, "\n".join(wrong)


def test_the_window_modules_import_each_other_without_a_circle() -> None:
    ui = {name: path for name, path in source_files() if name.startswith("app.ui.")}
    graph = {
        name: {t for t in imports_of(path, name) if t in ui} - {name} for name, path in ui.items()
    }
    state: dict[str, int] = {}  # 1: on the path, 2: done
    circles: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" → ".join([*path[path.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not circles, "\n".join(circles)


def test_no_module_reads_another_modules_private_members() -> None:
    """``obj._name`` only on ``self``/``cls`` (and ``super()``): another object's private
    member is its own business (the settings dialog once drove the session's ``_spawn``)."""
    found = []
    for name, path in source_files():
        if not name.startswith(("app.ui", "app.services")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            attr = node.attr
            if not attr.startswith("_") or attr.startswith("__"):
                continue
            base = node.value
            if isinstance(base, ast.Name) and base.id in ("self", "cls"):
                continue
            if isinstance(base, ast.Call) and getattr(base.func, "id", "") == "super":
                continue
            if isinstance(base, ast.Name) and base.id in ("sys", "os"):
                continue  # sys._MEIPASS and friends: the interpreter's, not ours
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{attr}")
    assert not found, "\n".join(found)


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
    assert "app.services.live" in modules and "app.services.latest_search" in modules
    loaded = imported_after(modules)
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "qasync"))}


def test_the_domain_stays_pure() -> None:
    domain = [m for m in modules_below_ui() if m.startswith("app.domain")]
    loaded = imported_after(domain)
    assert not {m for m in loaded if m.startswith(("sqlalchemy", "httpx", "PySide6"))}


def test_the_window_paints_before_sqlalchemy_loads() -> None:
    """The modules the window needs for its first paint pull in no SQLAlchemy (the store is
    opened after painting, see docs/architecture.md "Start-up")."""
    loaded = imported_after(["app.ui.app", "app.ui.session", "app.ui.main_window"])
    assert not {m for m in loaded if m.startswith(("sqlalchemy", "alembic"))}
