"""Build the Linux one-folder bundle and check it.

    uv run --group packaging python packaging/build.py [--skip-build] [--runs N]

1. PyInstaller with packaging/seller-inbox.spec -> dist/seller-inbox/ (work files in build/);
2. the bundle's `--smoke-test` (QT_QPA_PLATFORM=offscreen): fails on a non-zero exit, on
   output on stderr, or without "smoke-test: ok" on stdout;
3. the same from a copy under a path with spaces and non-ASCII characters (its temporary
   profile there too), and with the keyring disabled (PYTHON_KEYRING_BACKEND=...fail.Keyring);
4. `check` against a rule pack (the resources/ data is found);
5. prints the bundle size and the time to first paint, frozen versus from source.

Exits non-zero on the first failed check. Works on Windows and macOS too for the checks that
do not need a console (see docs/packaging.md); the release workflow runs the smoke test itself.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "seller-inbox.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = PROJECT["name"]
VERSION = PROJECT["version"]
UNICODE_DIR = Path(tempfile.gettempdir()) / "Åsa Núñez" / "Seller Inbox – test"
FAIL_KEYRING = "keyring.backends.fail.Keyring"

# stderr lines that are not ours to fix. Keep this empty unless a line is understood.
ALLOWED_STDERR: tuple[str, ...] = ()


class CheckFailed(Exception):
    pass


def bundle_dir() -> Path:
    return DIST / NAME


def executable(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build() -> None:
    print(f"== building {NAME} {VERSION} with PyInstaller", flush=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    subprocess.run(cmd, cwd=ROOT, check=True)


def qt_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env.update(extra)
    return env


def run_checked(label: str, cmd: list[str], env: dict[str, str], expect: str) -> str:
    """Run `cmd`; fail on a non-zero exit, unexpected stderr, or `expect` missing from stdout."""
    started = time.perf_counter()
    proc = subprocess.run(
        cmd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=tempfile.gettempdir(),
    )
    seconds = time.perf_counter() - started
    stray = [
        line
        for line in proc.stderr.splitlines()
        if line.strip() and not any(line.startswith(a) for a in ALLOWED_STDERR)
    ]
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit code {proc.returncode}")
    if stray:
        problems.append("unexpected stderr:\n    " + "\n    ".join(stray))
    if expect not in proc.stdout:
        problems.append(f"{expect!r} not in stdout")
    if problems:
        raise CheckFailed(f"{label}: " + "; ".join(problems) + f"\n  stdout:\n{proc.stdout}")
    print(f"ok   {label} ({seconds:.1f} s)")
    for line in proc.stdout.splitlines():
        print(f"     | {line}")
    return proc.stdout


def smoke(exe: Path, label: str, **env: str) -> str:
    return run_checked(label, [str(exe), "--smoke-test"], qt_env(**env), "smoke-test: ok")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def time_to_paint(cmd: list[str], runs: int, cwd: Path) -> tuple[list[int], list[int]]:
    """Per run: (first-paint-ms the app reports from its own start, wall ms from spawn)."""
    reported: list[int] = []
    wall: list[int] = []
    for _ in range(runs):
        profile = Path(tempfile.mkdtemp(prefix="seller-inbox-paint-"))
        try:
            started = time.perf_counter()
            proc = subprocess.Popen(
                [*cmd, "--exit-after-paint", "--profile", str(profile)],
                env=qt_env(),
                cwd=cwd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("first-paint-ms:"):
                    wall.append(round((time.perf_counter() - started) * 1000))
                    reported.append(int(line.split(":", 1)[1]))
                    break
            _, err = proc.communicate(timeout=120)
            if proc.returncode != 0 or len(wall) != len(reported) or not reported:
                raise CheckFailed(f"--exit-after-paint failed ({proc.returncode}): {err}")
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    return reported, wall


def describe(values: list[int]) -> str:
    return f"median {statistics.median(values):.0f} ms (min {min(values)}, max {max(values)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="check the existing dist/")
    parser.add_argument("--runs", type=int, default=5, help="first-paint runs per variant")
    args = parser.parse_args()

    if not args.skip_build:
        build()
    folder = bundle_dir()
    exe = executable(folder)
    if not exe.exists():
        print(f"no bundle at {exe}", file=sys.stderr)
        return 1
    try:
        print("== smoke tests")
        smoke(exe, "smoke test")
        out = smoke(exe, "smoke test, keyring disabled", PYTHON_KEYRING_BACKEND=FAIL_KEYRING)
        if FAIL_KEYRING not in out:
            raise CheckFailed(f"keyring disabled: {FAIL_KEYRING} not reported")

        shutil.rmtree(UNICODE_DIR.parent, ignore_errors=True)
        UNICODE_DIR.mkdir(parents=True)
        try:
            copy = UNICODE_DIR / folder.name
            shutil.copytree(folder, copy, symlinks=True)
            tmp = UNICODE_DIR / "tmp ü"
            tmp.mkdir()
            smoke(
                executable(copy),
                f"smoke test from {copy} (temp profile in {tmp})",
                TMPDIR=str(tmp),
                TEMP=str(tmp),
                TMP=str(tmp),
            )
        finally:
            shutil.rmtree(UNICODE_DIR.parent, ignore_errors=True)

        draft = "Hello, thanks for your order! Your parcel ships tomorrow."
        _check_rules(exe, draft)

        print("== measurements")
        size = size_of(folder)
        print(f"bundle size: {size / 2**20:.0f} MiB ({size:,} bytes) in {folder}")
        frozen = time_to_paint([str(exe)], args.runs, Path(tempfile.gettempdir()))
        source = time_to_paint([sys.executable, "-m", "app.cli"], args.runs, ROOT)
        print(
            f"first paint, frozen: reported {describe(frozen[0])}; from spawn {describe(frozen[1])}"
        )
        print(
            f"first paint, source: reported {describe(source[0])}; from spawn {describe(source[1])}"
        )
        print("  (reported = first-paint-ms, timed from app.cli's import; from spawn = until that")
        print("   line reached this script, so it includes interpreter start-up and imports)")
    except (CheckFailed, subprocess.SubprocessError) as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return 1
    print("== all checks passed")
    return 0


def _check_rules(exe: Path, draft: str) -> None:
    """`check` reads a rule pack and a lexicon from the bundled resources/."""
    proc = subprocess.run(
        [str(exe), "check", "--marketplace", "amazon.se", "--subject", "Your order", "-"],
        input=draft,
        env=qt_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    if proc.returncode not in (0, 1) or proc.stderr.strip():
        raise CheckFailed(f"check: exit {proc.returncode}, stderr: {proc.stderr}")
    print(f"ok   rule check with the amazon.se pack (exit {proc.returncode})")


if __name__ == "__main__":
    sys.exit(main())
