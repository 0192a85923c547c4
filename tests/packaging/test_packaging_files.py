"""The packaging files hold together (no PyInstaller build here: see packaging/build.py)."""

from __future__ import annotations

import ast
import plistlib
import re
import tomllib
from pathlib import Path

from app import resources
from app.storage import migrate

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "seller-inbox.spec"


def spec_strings() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_spec_parses_and_names_the_data_and_hidden_imports() -> None:
    strings = spec_strings()
    assert {"resources", "app/storage/migrations", "pyproject.toml"} <= strings
    assert {"keyring.backends", "relay", "uvicorn", "alembic.ddl", "keyring"} <= strings
    assert "entry.py" in strings and (PACKAGING / "entry.py").is_file()


def test_bundled_folders_are_where_the_app_looks_for_them() -> None:
    # Frozen, the spec puts these at sys._MEIPASS/<same relative path>.
    assert migrate.MIGRATIONS_DIR == ROOT / "app" / "storage" / "migrations"
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert any((migrate.MIGRATIONS_DIR / "versions").glob("0001_*.py"))
    assert resources.resources_root() == ROOT / "resources"
    assert (ROOT / "resources" / "policy" / "default.json").is_file()


def test_frozen_resources_root_is_under_meipass(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert (
        resources.resource_path("policy", "x.json") == tmp_path / "resources" / "policy" / "x.json"
    )


def test_macos_plists_parse() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert (
        info["CFBundleExecutable"]
        == tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    )
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert "com.apple.security.app-sandbox" not in entitlements


def test_inno_setup_is_per_user_with_a_fixed_app_id() -> None:
    iss = (PACKAGING / "windows" / "seller-inbox.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", iss, re.M)
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert "AppVersion={#AppVersion}" in iss
