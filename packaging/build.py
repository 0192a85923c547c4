"""Build the Linux one-folder bundle, check it, package it and measure it.

    uv run --group packaging python packaging/build.py [--skip-build] [--runs N] [--no-package]

1. PyInstaller with packaging/seller-inbox.spec -> dist/seller-inbox/ (work files in build/);
2. what the bundle holds: no development tools, only the Qt bindings the app uses;
3. the bundle's `--smoke-test` (packaging/smoke.py: fails on a non-zero exit, any stderr line,
   no "smoke-test: ok"), also: with the keyring disabled (must say sign-in is session-only),
   from a copy under a path with spaces and non-ASCII characters, from a read-only copy, and on
   a real X server (xcb, under Xvfb) when xvfb-run is installed;
4. `check` against a rule pack (the resources/ data is found);
5. the frozen demo: `--demo --screenshot` starts the bundled relay, syncs its conversations into
   the window's store and renders the window;
6. packages dist/SellerInbox-<version>-linux-<arch>.tar.xz and prints its size, estimates of the
   Windows installer and the macOS DMG, and the time to first paint, frozen versus from source.

Exits non-zero on the first failed check. Only the Linux bundle is built here; the release
workflow builds Windows and macOS and runs these checks there with --skip-build --no-package
(the read-only copy is skipped on Windows, the X11 one off Linux; see docs/packaging.md).
"""

from __future__ import annotations

import argparse
import lzma
import os
import platform
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import smoke  # packaging/smoke.py, also run alone by the release workflow

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "seller-inbox.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = str(PROJECT["name"])
VERSION = str(PROJECT["version"])
UNICODE_DIR = Path(tempfile.gettempdir()) / "Åsa Núñez" / "Seller Inbox – test"
FAIL_KEYRING = "keyring.backends.fail.Keyring"
# What the smoke test must say when no keyring is usable (app.services.credentials).
SESSION_ONLY = "session-only sign-in"
# Qt bindings the app imports (QtDBus is a dependency of QtGui and QtWidgets).
QT_BINDINGS = {"QtCore", "QtGui", "QtWidgets", "QtDBus"}
# Must never be in the bundle: development and build tools.
DEV_TOOLS = (
    "pytest",
    "_pytest",
    "mypy",
    "ruff",
    "hypothesis",
    "schemathesis",
    "PyInstaller",
    "pip",
)
# LZMA2 with a 64 MiB dictionary, "extreme": what Inno Setup's lzma2/ultra64 uses (solid).
XZ_PRESET = 9 | lzma.PRESET_EXTREME
# hdiutil's UDZO compresses the image in independent chunks (zlib; -imagekey zlib-level=9).
DMG_CHUNK = 1 << 20
INNO_STUB = 2 << 20  # Inno Setup 6's setup loader and wizard, roughly
GOAL = 150_000_000  # bytes: the largest installer we ship (issue 7)
SHOT_SIZE = (1280, 800)  # the frozen demo's window


# Shipped at the bundle's top (_internal/), where `--about` and the About dialog point.
SHIPPED_TEXTS = ("LICENSE", "THIRD-PARTY-NOTICES.txt")


class CheckFailed(Exception):
    pass


def bundle_dir() -> Path:
    return DIST / NAME


def executable(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build() -> float:
    print(f"== building {NAME} {VERSION} with PyInstaller", flush=True)
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    cmd += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    return time.perf_counter() - started


def qt_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env.update(extra)
    return env


def check_smoke(
    exe: Path, label: str, expect: tuple[str, ...] = (), wrap: list[str] | None = None, **env: str
) -> str:
    """The bundle's smoke test (packaging/smoke.py), optionally run through `wrap`."""
    if wrap:
        outcome = _wrapped_smoke(wrap, exe, expect, qt_env(**env))
    else:
        outcome = smoke.run_smoke(exe, expect=expect, env=qt_env(**env))
    if outcome.problems:
        raise CheckFailed(
            f"{label}: " + "; ".join(outcome.problems) + f"\n  report:\n{outcome.report}"
        )
    print(f"ok   {label} ({outcome.seconds:.1f} s)")
    for line in outcome.stdout_lines:
        print(f"     | {line}")
    return outcome.report


def _wrapped_smoke(
    wrap: list[str], exe: Path, expect: tuple[str, ...], env: dict[str, str]
) -> smoke.Outcome:
    # smoke.run_smoke runs `exe` itself; a wrapper (xvfb-run, unshare) goes in front of it
    # through a tiny shell script, so the report and the judging stay the same.
    with tempfile.TemporaryDirectory(prefix="seller-inbox-wrap-") as tmp:
        runner = Path(tmp) / "run"
        quoted = " ".join(_sh(a) for a in [*wrap, str(exe)])
        runner.write_text(f'#!/bin/sh\nexec {quoted} "$@"\n')
        runner.chmod(0o755)
        return smoke.run_smoke(runner, expect=expect, env=env)


def _sh(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


def check_contents(folder: Path) -> None:
    internal = folder / "_internal"
    names = {p.name.split("-")[0].lower() for p in internal.iterdir()}
    found = sorted(n for n in DEV_TOOLS if n.lower() in names)
    found += sorted(
        p.name for p in internal.rglob("*") if p.is_dir() and p.name in ("tests", "test")
    )
    if found:
        raise CheckFailed(f"development tools or test folders in the bundle: {found}")
    bindings = {
        p.name.split(".")[0]
        for p in (internal / "PySide6").iterdir()
        if p.name.startswith("Qt") and p.suffix in (".so", ".pyd", ".dylib")
    }
    if bindings - QT_BINDINGS:
        raise CheckFailed(f"Qt bindings the app does not use: {sorted(bindings - QT_BINDINGS)}")
    missing = [name for name in SHIPPED_TEXTS if not (internal / name).is_file()]
    if missing:
        raise CheckFailed(f"not in the bundle: {missing}")
    print(
        f"ok   contents: no dev tools or test folders; Qt bindings {sorted(bindings)}; "
        f"{', '.join(SHIPPED_TEXTS)}"
    )


@contextmanager
def copy_of(folder: Path, parent: Path, top: Path) -> Iterator[Path]:
    """A copy of `folder` in `parent`; `top` (a parent of it) is removed afterwards."""
    shutil.rmtree(top, ignore_errors=True)
    parent.mkdir(parents=True)
    try:
        copy = parent / folder.name
        shutil.copytree(folder, copy, symlinks=True)
        yield copy
    finally:
        for p in [top, *top.rglob("*")]:  # a read-only copy cannot be removed as it is
            if not p.is_symlink():
                p.chmod(p.stat().st_mode | 0o200)
        shutil.rmtree(top, ignore_errors=True)


def check_unicode_path(folder: Path) -> None:
    with copy_of(folder, UNICODE_DIR, UNICODE_DIR.parent) as copy:
        tmp = UNICODE_DIR / "tmp ü"
        tmp.mkdir()
        check_smoke(
            executable(copy),
            f"smoke test from {copy} (temp profile in {tmp})",
            TMPDIR=str(tmp),
            TEMP=str(tmp),
            TMP=str(tmp),
        )


def check_read_only(folder: Path) -> None:
    """From a copy nobody can write to (a read-only bind mount, as root ignores modes)."""
    if sys.platform == "win32":
        # Mode bits only set the files' read-only attribute there, not the folders'; the
        # per-user install location is writable anyway.
        print("SKIP read-only copy: not on Windows")
        return
    top = Path(tempfile.gettempdir()) / "seller-inbox-read-only"
    with copy_of(folder, top, top) as copy:
        for p in [copy, *copy.rglob("*")]:
            if not p.is_symlink():
                p.chmod(p.stat().st_mode & ~0o222)
        wrap: list[str] = []
        if os.geteuid() == 0:
            # A read-only bind mount in a private mount namespace; the wrapper proves the
            # folder cannot be written before it starts the app.
            if shutil.which("unshare") is None:
                print("SKIP read-only copy: running as root without unshare")
                return
            probe = 'mount --bind -o ro "$0" "$0" && ! touch "$0/.w" 2>/dev/null && exec "$@"'
            wrap = ["unshare", "--map-root-user", "--mount", "sh", "-c", probe, str(copy)]
            test = subprocess.run([*wrap, "true"], capture_output=True, text=True)
            if test.returncode != 0:
                print(f"SKIP read-only copy: no read-only bind mount here ({test.stderr.strip()})")
                return
        elif os.access(copy, os.W_OK):
            raise CheckFailed(f"read-only copy: {copy} is still writable")
        check_smoke(executable(copy), f"smoke test from a read-only copy ({copy})", wrap=wrap)


def check_xcb(exe: Path) -> None:
    """The xcb platform plugin and its libraries load (the smoke tests run offscreen)."""
    if shutil.which("xvfb-run") is None:
        print("SKIP xcb: xvfb-run is not installed")
        return
    check_smoke(
        exe, "smoke test on X11 (xcb under Xvfb)", wrap=["xvfb-run", "-a"], QT_QPA_PLATFORM="xcb"
    )


def check_about(
    exe: Path, wrap: tuple[str, ...] = (), to_local: Callable[[str], Path] = Path
) -> None:
    """`--about` names the version and the licence files, which are in the bundle.

    `to_local` turns a path the app printed into one this script can open (Wine: C:\\...)."""
    with tempfile.TemporaryDirectory(prefix="seller-inbox-about-") as tmp:
        report = Path(tmp) / "about.txt"  # a windowed executable's stdout goes nowhere
        proc = subprocess.run(
            [*wrap, str(exe), "--about", "--smoke-test-output", str(report)],
            env=qt_env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        text = report.read_text(encoding="utf-8") if report.exists() else ""
    paths = [to_local(line.rsplit(": ", 1)[1]) for line in text.splitlines() if ": " in line]
    shown = {p.name for p in paths if p.is_file()}
    if (
        proc.returncode != 0
        or f"Seller Inbox {VERSION}" not in text
        or not set(SHIPPED_TEXTS) <= shown
    ):
        raise CheckFailed(f"--about: exit {proc.returncode}, found {sorted(shown)}, said:\n{text}")
    print(f"ok   --about: version {VERSION}, {', '.join(sorted(shown))} found where it says")


def check_rules(exe: Path, wrap: tuple[str, ...] = ()) -> None:
    """`check` reads a rule pack and a lexicon from the bundled resources/."""
    draft = "Hello, thanks for your order! Your parcel ships tomorrow."
    with tempfile.TemporaryDirectory(prefix="seller-inbox-check-") as tmp:
        body = Path(tmp) / "draft.md"  # a file, not stdin: a windowed executable has none
        body.write_text(draft, encoding="utf-8")
        proc = subprocess.run(
            [
                *wrap,
                str(exe),
                "check",
                "--marketplace",
                "amazon.se",
                "--subject",
                "Your order",
                str(body),
            ],
            env=qt_env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    if proc.returncode not in (0, 1) or proc.stderr.strip():
        raise CheckFailed(f"check: exit {proc.returncode}, stderr: {proc.stderr}")
    print(f"ok   rule check with the amazon.se pack (exit {proc.returncode})")


# A one-page PDF (200 × 100 pt, a filled box); PDFium rebuilds the missing cross-references.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj\n"
    b"4 0 obj << /Length 20 >> stream\n20 20 100 60 re f\nendstream endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def check_pdf_render(exe: Path, wrap: tuple[str, ...] = ()) -> None:
    """The hidden sub-command the window starts to render a buyer's PDF
    (app.services.pdf_render): PDFium is bundled and loads, and a PNG comes back."""
    started = time.perf_counter()
    proc = subprocess.run(
        [*wrap, str(exe), "render-pdf-page"],
        input=TINY_PDF,
        capture_output=True,
        timeout=60,
        env=qt_env(),
    )
    head, _, png = proc.stdout.partition(b"\n")
    if proc.returncode != 0 or b'"ok": true' not in head or not png.startswith(b"\x89PNG"):
        raise CheckFailed(
            f"render-pdf-page: exit {proc.returncode}, said {head[:200]!r}, "
            f"stderr: {proc.stderr.decode('utf-8', 'replace')[-2000:]}"
        )
    took = time.perf_counter() - started
    print(
        f"ok   PDF first page rendered by the bundle's render child ({len(png)} bytes, {took:.1f} s)"
    )


def check_demo(exe: Path, wrap: tuple[str, ...] = (), keep_screenshot: Path | None = None) -> None:
    """The frozen `--demo`: the bundled relay starts and the window gets its conversations."""
    profile = Path(tempfile.mkdtemp(prefix="seller-inbox-demo-"))
    shot = profile / "demo.png"
    size_arg = "{}x{}".format(*SHOT_SIZE)
    cmd = [*wrap, str(exe), "--demo", "--profile", str(profile), "--screenshot", str(shot)]
    try:
        started = time.perf_counter()
        proc = subprocess.run(
            [*cmd, "--window-size", size_arg],
            env=qt_env(SELLER_INBOX_DEMO_BUYER_SECONDS="3600"),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        seconds = time.perf_counter() - started
        if proc.returncode != 0 or proc.stderr.strip():
            raise CheckFailed(f"demo: exit {proc.returncode}, stderr:\n{proc.stderr}")
        relay_db, store_db = profile / "demo-relay.sqlite3", profile / "inbox.sqlite3"
        relay = _count(relay_db, "conversations")
        local = _count(store_db, "conversations")
        # Both schemas were made by the bundled Alembic scripts (migrations bundled as files).
        stamped = _count(relay_db, "alembic_version") + _count(store_db, "alembic_version")
        size = _png_size(shot)
        if not relay or local != relay or size != SHOT_SIZE or stamped != 2:
            raise CheckFailed(
                f"demo: relay has {relay} conversations, the window's store {local}, "
                f"alembic_version rows {stamped} (expected 2), screenshot {size}"
            )
        if keep_screenshot is not None:
            shutil.copyfile(shot, keep_screenshot)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print(
        f"ok   frozen demo ({seconds:.1f} s): the bundled relay (schema by its bundled migrations) "
        f"served {relay} conversations, all {local} synced into the window's store, window "
        f"rendered {size[0]}x{size[1]}"
    )


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # no such table: reported as 0 by the caller's check
        return 0
    finally:
        conn.close()


def _png_size(path: Path) -> tuple[int, int] | None:
    if not path.exists():
        return None
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return width, height


# --- sizes --------------------------------------------------------------------------------


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def package(folder: Path) -> Path:
    """dist/SellerInbox-<version>-linux-<arch>.tar.xz of the bundle (owner root, sorted)."""
    target = DIST / f"SellerInbox-{VERSION}-linux-{platform.machine()}.tar.xz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with (
        lzma.open(target, "wb", format=lzma.FORMAT_XZ, preset=XZ_PRESET) as xz,
        tarfile.open(fileobj=xz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in sorted([folder, *folder.rglob("*")]):
            arcname = path.relative_to(folder.parent).as_posix()
            tar.add(path, arcname=arcname, recursive=False, filter=normalise)
    return target


def dmg_estimate(archive: Path) -> int:
    """The bundle's bytes compressed like a UDZO image: zlib level 9, 1 MiB chunks."""
    total = 0
    with lzma.open(archive) as src:  # the tar stream: every file's bytes, in order
        while chunk := src.read(DMG_CHUNK):
            total += len(zlib.compress(chunk, 9))
    return total


def mib(n: float) -> str:
    return f"{n / 2**20:.1f} MiB"


def report_sizes(folder: Path) -> None:
    size = size_of(folder)
    print(f"bundle: {mib(size)} ({size:,} bytes) in {folder}")
    started = time.process_time()
    archive = package(folder)
    xz_cpu = time.process_time() - started
    packed = archive.stat().st_size
    print(
        f"linux artefact: {archive.name}: {mib(packed)} ({packed:,} bytes; xz -9e, {xz_cpu:.0f} s CPU)"
    )
    print(f"windows installer (estimate): ~{mib(packed + INNO_STUB)} (with Inno Setup's stub)")
    print("  (Inno Setup lzma2/ultra64, solid = LZMA2, 64 MiB dictionary: the same as xz -9e)")
    started = time.process_time()
    dmg = dmg_estimate(archive)
    print(
        f"macOS DMG (estimate): ~{mib(dmg)} (UDZO zlib-9 in 1 MiB chunks; "
        f"{time.process_time() - started:.0f} s CPU)"
    )
    print("  (both estimated from this Linux bundle; the Windows and macOS bundles hold their own")
    print("   Qt and Python builds, of similar size)")
    largest = max(packed + INNO_STUB, dmg)
    if largest > GOAL:
        raise CheckFailed(f"an installer would weigh {largest:,} bytes, over the {GOAL:,} goal")
    print(f"ok   every installer under the goal of {GOAL / 1e6:.0f} MB")


# --- start-up time ----------------------------------------------------------------------------


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


def report_first_paint(exe: Path, runs: int) -> None:
    if sys.platform == "win32":
        print("SKIP first paint: the windowed executable's stdout goes nowhere on Windows")
        return
    frozen = time_to_paint([str(exe)], runs, Path(tempfile.gettempdir()))
    source = time_to_paint([sys.executable, "-m", "app.cli"], runs, ROOT)
    print(f"first paint, frozen: reported {describe(frozen[0])}; from spawn {describe(frozen[1])}")
    print(f"first paint, source: reported {describe(source[0])}; from spawn {describe(source[1])}")
    ratio = statistics.median(frozen[1]) / statistics.median(source[1])
    print(f"  frozen / source, from spawn: {ratio:.2f}x (goal: within 1.5x)")
    print("  (reported = first-paint-ms, timed from app.cli's import; from spawn = until that")
    print("   line reached this script, so it includes interpreter start-up and imports)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="check the existing dist/")
    parser.add_argument("--runs", type=int, default=5, help="first-paint runs per variant")
    parser.add_argument("--no-package", action="store_true", help="skip the .tar.xz and estimates")
    args = parser.parse_args()

    started = time.perf_counter()
    if not args.skip_build:
        print(f"build: {build():.0f} s")
    folder = bundle_dir()
    exe = executable(folder)
    if not exe.exists():
        print(f"no bundle at {exe}", file=sys.stderr)
        return 1
    try:
        print("== checks")
        check_contents(folder)
        check_smoke(exe, "smoke test", expect=("keyring: ",))
        check_smoke(
            exe,
            "smoke test, keyring disabled",
            expect=(FAIL_KEYRING, SESSION_ONLY),
            PYTHON_KEYRING_BACKEND=FAIL_KEYRING,
        )
        check_unicode_path(folder)
        check_read_only(folder)
        check_xcb(exe)
        check_about(exe)
        check_rules(exe)
        check_pdf_render(exe)
        check_demo(exe)
        print("== measurements")
        if not args.no_package:
            report_sizes(folder)
        report_first_paint(exe, args.runs)
    except (CheckFailed, subprocess.SubprocessError) as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return 1
    print(f"== all checks passed ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
