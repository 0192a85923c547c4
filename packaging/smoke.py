"""Run a built executable's `--smoke-test` and judge it, on any OS.

    python packaging/smoke.py EXECUTABLE [--expect TEXT] [--report FILE] [-- APP ARGS...]

The executable writes what it prints to a report file (`--smoke-test-output`, see
packaging/entry.py), because the Windows and macOS executables are windowed and their own stdout
and stderr go nowhere. Fails (exit 1) on a non-zero exit, any stderr line (in the report or on
the process's own stderr), a report that does not end with `exit: 0` (a crash), or `smoke-test:
ok` (and each --expect TEXT) missing. Prints the report either way. Used by packaging/build.py and
by the release workflow. Standard library only: the workflow runs it with a bare Python.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

OK_LINE = "smoke-test: ok"
ERR_PREFIX = "stderr: "
# stderr lines that are not ours to fix. Keep this empty unless a line is understood.
ALLOWED_STDERR: tuple[str, ...] = ()


@dataclass
class Outcome:
    report: str  # the report file's text
    stderr: str  # the process's own stderr (empty for a windowed executable)
    returncode: int
    seconds: float
    problems: list[str]

    @property
    def stdout_lines(self) -> list[str]:
        return [
            line for line in self.report.splitlines() if not line.startswith((ERR_PREFIX, "exit: "))
        ]


def _stray(lines: Iterable[str]) -> list[str]:
    return [ln for ln in lines if ln.strip() and not ln.startswith(ALLOWED_STDERR)]


def judge(report: str, stderr: str, returncode: int, expect: Sequence[str]) -> list[str]:
    """What is wrong with a smoke-test run; empty when it passed."""
    lines = report.splitlines()
    problems = []
    if returncode != 0:
        problems.append(f"exit code {returncode}")
    if not lines or not lines[-1].startswith("exit: "):
        problems.append("the report does not end with an exit line (crashed?)")
    elif lines[-1] != "exit: 0":
        problems.append(f"the report ends with {lines[-1]!r}")
    stray = _stray(ln[len(ERR_PREFIX) :] for ln in lines if ln.startswith(ERR_PREFIX))
    # A console executable also prints to its real stderr (the report has the same lines);
    # anything there that the report lacks came from native code (Qt plugins, C libraries).
    stray += [ln for ln in _stray(stderr.splitlines()) if ln not in stray]
    if stray:
        problems.append("unexpected stderr:\n    " + "\n    ".join(stray))
    for text in (OK_LINE, *expect):
        if text not in report:
            problems.append(f"{text!r} not in the output")
    return problems


def run_smoke(
    exe: Path,
    *,
    expect: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    args: Sequence[str] = (),
    report: Path | None = None,
    timeout: float = 120,
) -> Outcome:
    """Run `exe --smoke-test` with `args`, offscreen unless `env` says otherwise."""
    run_env = dict(os.environ if env is None else env)
    run_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="seller-inbox-report-") as tmp:
        path = report or Path(tmp) / "smoke-test.txt"
        # The app leaves its temporary profile behind: make it in here, so it goes with this.
        if not {"TMPDIR", "TEMP", "TMP"} & (env or {}).keys():
            run_env.update(TMPDIR=tmp, TEMP=tmp, TMP=tmp)
        started = time.perf_counter()
        proc = subprocess.run(
            [str(exe), "--smoke-test", "--smoke-test-output", str(path), *args],
            env=run_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            cwd=tempfile.gettempdir(),
            stdin=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return Outcome(
        text,
        proc.stderr,
        proc.returncode,
        seconds,
        judge(text, proc.stderr, proc.returncode, expect),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", type=Path)
    parser.add_argument("--expect", action="append", default=[], help="text the output must hold")
    parser.add_argument("--report", type=Path, help="keep the report here (default: a temp file)")
    parser.add_argument("app_args", nargs="*", help="more arguments for the app (after --)")
    args = parser.parse_args(argv)
    outcome = run_smoke(args.executable, expect=args.expect, args=args.app_args, report=args.report)
    print(f"--- {args.executable} --smoke-test ({outcome.seconds:.1f} s), report:")
    print(outcome.report.rstrip() or "(empty)")
    if outcome.stderr.strip():
        print("--- the process's own stderr:")
        print(outcome.stderr.rstrip())
    if outcome.problems:
        print("FAILED: " + "; ".join(outcome.problems), file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
