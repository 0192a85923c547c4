"""The smoke-test report (packaging/entry.py's --smoke-test-output, judged by packaging/smoke.py).

Runs the real app from source through the frozen entry point, so the report works before any
bundle is built; packaging/build.py and the release workflow run the same code on the bundle.
"""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"packaging_{name}", ROOT / "packaging" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


smoke = load("smoke")
entry = load("entry")


@pytest.fixture
def from_source(tmp_path: Path) -> Path:
    """An 'executable' that runs packaging/entry.py with this interpreter, as the bundle does."""
    exe = tmp_path / "seller-inbox"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{ROOT / "packaging" / "entry.py"}" "$@"\n')
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def test_a_passing_smoke_test_is_reported_and_judged_ok(from_source: Path) -> None:
    env = {"PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    outcome = smoke.run_smoke(from_source, expect=["session-only"], env=_env(env))
    assert outcome.problems == [], outcome.report
    lines = outcome.report.splitlines()
    assert lines[-1] == "exit: 0"
    assert any(line.startswith("smoke-test: ok (") for line in lines)


def test_a_failing_run_puts_its_traceback_in_the_report(from_source: Path) -> None:
    outcome = smoke.run_smoke(
        from_source, args=["--window-size", "wide"], env=_env({"PYTHONPATH": str(ROOT)})
    )
    assert outcome.returncode == 1
    assert outcome.report.splitlines()[-1] == "exit: 1"
    assert "stderr: ValueError: invalid literal for int()" in outcome.report
    assert "exit code 1" in outcome.problems
    assert any(p.startswith("unexpected stderr:") for p in outcome.problems)
    assert any("'smoke-test: ok' not in the output" in p for p in outcome.problems)


def test_judge_catches_a_crash_stray_stderr_and_a_missing_ok_line() -> None:
    ok = "keyring: x\nsmoke-test: ok (3 conversations, schema migrated)\nexit: 0\n"
    assert smoke.judge(ok, "", 0, ["keyring:"]) == []
    crashed = "keyring: x\n"  # killed before the report's last line
    assert smoke.judge(crashed, "", -11, []) == [
        "exit code -11",
        "the report does not end with an exit line (crashed?)",
        "'smoke-test: ok' not in the output",
    ]
    (problem,) = smoke.judge(ok.replace("exit: 0", "stderr: qt.qpa: oops\nexit: 0"), "", 0, [])
    assert problem == "unexpected stderr:\n    qt.qpa: oops"
    # Native code writes to the real stderr only: that counts too.
    (problem,) = smoke.judge(ok, "Fontconfig error: no fonts\n", 0, [])
    assert "Fontconfig error" in problem
    assert smoke.judge(ok, "", 0, ["session-only"]) == ["'session-only' not in the output"]


def test_the_output_option_is_taken_out_of_the_app_arguments() -> None:
    argv = ["--smoke-test", "--smoke-test-output", "r.txt", "--demo"]
    assert entry.pop_output_option(argv) == "r.txt" and argv == ["--smoke-test", "--demo"]
    argv = ["--smoke-test-output=r 2.txt", "--smoke-test"]
    assert entry.pop_output_option(argv) == "r 2.txt" and argv == ["--smoke-test"]
    argv = ["--smoke-test"]
    assert entry.pop_output_option(argv) is None and argv == ["--smoke-test"]
    with pytest.raises(SystemExit, match="needs a file name"):
        entry.pop_output_option(["--smoke-test", "--smoke-test-output"])


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}
