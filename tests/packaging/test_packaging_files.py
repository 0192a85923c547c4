"""The packaging files hold together (no PyInstaller build here: see packaging/build.py)."""

from __future__ import annotations

import ast
import plistlib
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

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


def test_spec_bundles_the_relay_migrations_once_they_exist() -> None:
    # The relay's Alembic scripts are collected as files like the app's, when the folder exists.
    assert "relay/migrations" in spec_strings()


WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SIGNING = ("signtool", "codesign", "notarytool", "security import", "stapler")


def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def scripts(job: dict[str, Any]) -> list[str]:
    return [str(step.get("run", "")) for step in job["steps"]]


def test_release_workflow_runs_the_tests_first_on_version_tags() -> None:
    wf = workflow()
    assert wf[True]["push"]["tags"] == ["v*"]  # YAML reads the key `on` as true
    jobs = wf["jobs"]
    assert set(jobs) == {"tests", "windows", "windows-wine", "macos"}
    assert {jobs[name]["needs"] for name in ("windows", "windows-wine", "macos")} == {"tests"}
    wine = "\n".join(scripts(jobs["windows-wine"]))
    assert "packaging/windows/build-under-wine.sh" in wine
    tests = "\n".join(scripts(jobs["tests"]))
    assert "./dev test" in tests and "packaging/build.py" in tests
    for name in ("windows", "macos"):  # the non-ASCII path, no keyring, the demo, there too
        assert any("packaging/build.py --skip-build --no-package" in r for r in scripts(jobs[name]))
    arches = {entry["arch"] for entry in jobs["macos"]["strategy"]["matrix"]["include"]}
    assert arches == {"arm64", "x86_64"}


def test_every_smoke_test_goes_through_the_report_and_its_judge() -> None:
    jobs = workflow()["jobs"]
    for name, expected in (("windows", 2), ("macos", 3)):  # built+installed; built+signed+DMG
        runs = scripts(jobs[name])
        assert sum("packaging/smoke.py" in run for run in runs) == expected, name
        # A bare `--smoke-test` of a windowed executable could only be judged by its exit code.
        assert not any("--smoke-test" in run for run in runs), name
    mounted = next(r for r in scripts(jobs["macos"]) if "hdiutil attach" in r)
    assert 'packaging/smoke.py "$mnt/' in mounted
    installed = next(r for r in scripts(jobs["windows"]) if "/VERYSILENT" in r)
    assert installed.index("smoke.py") < installed.index("unins000.exe")


def test_signing_runs_only_when_its_secrets_exist() -> None:
    for name, job in workflow()["jobs"].items():
        for step in job["steps"]:
            condition = str(step.get("if", ""))
            assert "secrets." not in condition, f"{name}: secrets cannot be read in if:"
            if any(tool in str(step.get("run", "")) for tool in SIGNING):
                assert "HAVE_" in condition, f"{name}: {step.get('name')} runs unconditionally"


def test_artifacts_are_named_by_version_os_and_arch() -> None:
    jobs = workflow()["jobs"]
    meta = {
        name: next(s["run"] for s in job["steps"] if s.get("id") == "meta")
        for name, job in jobs.items()
    }
    assert "artifact=SellerInbox-$v-linux-x86_64" in meta["tests"]
    assert "artifact=SellerInbox-$v-windows-x64" in meta["windows"]
    assert "artifact=SellerInbox-$v-windows-x64-wine" in meta["windows-wine"]
    assert "artifact=SellerInbox-$v-macos-${{ matrix.arch }}" in meta["macos"]
    for job in jobs.values():
        uploads = [s for s in job["steps"] if "upload-artifact" in s.get("uses", "")]
        assert [u["with"]["name"] for u in uploads] == ["${{ steps.meta.outputs.artifact }}"]
    # The installer Inno Setup writes is the one the workflow renames and uploads.
    iss = (PACKAGING / "windows" / "seller-inbox.iss").read_text(encoding="utf-8")
    assert "OutputBaseFilename=SellerInbox-{#AppVersion}-windows-{#AppArch}-setup" in iss
    assert "Compression=lzma2/ultra64" in iss  # what build.py's size estimate assumes
