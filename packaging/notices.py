"""Generate THIRD-PARTY-NOTICES.txt from uv.lock: every locked package the app runs with.

    uv run --group packaging python packaging/notices.py           # (re)write the file
    uv run --group packaging python packaging/notices.py --check   # exit 1 if it is stale

The packages are the closure of the project's runtime dependencies in uv.lock (extras followed,
every platform's markers included: a notice too many is harmless, one missing is not), not the
dev or packaging groups. Each entry gives the locked version, the licence the package declares
and the licence texts its wheel ships. Packages not installed here (another platform's, such as
pywin32-ctypes) are read from their wheel: one in `--wheels DIR`, or fetched with `pip download`.
Added by hand, because they are in every bundle without being a locked runtime dependency: the
CPython runtime, PyInstaller's bootloader and Qt (with how to replace Qt's libraries), from the
texts in packaging/licenses/. tests/test_notices.py fails when the file and the lock disagree.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "uv.lock"
OUTPUT = ROOT / "THIRD-PARTY-NOTICES.txt"
TEXTS = ROOT / "packaging" / "licenses"
# Windows wheels that packaging/windows/build-under-wine.sh downloaded, when it has run.
WINE_WHEELS = ROOT / "build" / "wine-cache" / "wheels-win_amd64"
PROJECT = "seller-inbox"
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# Licence classifiers, for packages whose metadata has no SPDX expression.
CLASSIFIERS = {
    "MIT License": "MIT",
    "Apache Software License": "Apache-2.0",
    "BSD License": "BSD",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "Python Software Foundation License": "PSF-2.0",
}
# Read by a person from the licence file the wheel ships, where the metadata says nothing usable.
# A package that declares nothing and is not here fails tests/packaging/test_notices.py.
READ_FROM_TEXT = {
    "imapclient": "BSD-3-Clause",  # METADATA: "License    New BSD" (no colon); COPYING: BSD-3
}
# Read by a person where the metadata's words are no licence expression. pypdfium2 declares
# "BSD-3-Clause, Apache-2.0, dependency licenses": its own code is under either (README), and its
# wheel carries libpdfium, PDFium built with the libraries whose texts it ships in
# licenses/BUILD_LICENSES (PDFium's own: BSD-3-Clause and Apache-2.0).
DECLARED_OTHERWISE = {
    "pypdfium2": "(Apache-2.0 OR BSD-3-Clause) AND PDFium: BSD-3-Clause AND Apache-2.0, + libraries",
}
PDFIUM_NOTE = """\
The wheel bundles PDFium {pdfium} (libpdfium: pdfium.dll, libpdfium.so, libpdfium.dylib),
Google's PDF renderer, under BSD-3-Clause and Apache-2.0 (BUILD_LICENSES/pdfium.txt), built
with the libraries whose licences follow (FreeType, ICU, libjpeg-turbo, libpng, zlib, Little
CMS, OpenJPEG, HarfBuzz, Abseil, AGG and others). Texts under android/, cibw_musl/, pbin_musl/
and v8_xfa/ are those of other platforms' or builds' wheels. Seller Inbox runs PDFium in a
separate process to draw the first page of a buyer's PDF and does not modify it."""
ROW = re.compile(r"^  (?P<name>\S+) (?P<version>\S+) +(?P<licence>.+)$")
RULE = "=" * 78
NOT_DECLARED = "not declared"

QT_NOTE = """\
PySide6-Essentials and shiboken6 (the Qt for Python bindings) and the Qt libraries they
bundle (Qt6Core, Qt6Gui, Qt6Widgets, Qt6DBus and Qt's plugins) are used under the GNU Lesser
General Public License version 3 (LGPL-3.0-only). Their source code:
https://code.qt.io/cgit/pyside/pyside-setup.git and https://code.qt.io/cgit/qt/ (the tag of
the version above). Seller Inbox links them dynamically and does not modify them.

Replacing the Qt libraries (LGPL-3.0 section 4): the one-folder bundle keeps them as ordinary
shared libraries, so you can swap in your own build of the same Qt and PySide6 version:
  - Windows: the installed folder (%LOCALAPPDATA%\\Programs\\Seller Inbox) has
    _internal\\PySide6\\Qt6*.dll, _internal\\PySide6\\plugins\\ and
    _internal\\shiboken6\\shiboken6.abi3.dll; replace those files.
  - Linux: the unpacked folder has _internal/PySide6/Qt/lib/libQt6*.so.6 and
    _internal/PySide6/Qt/plugins/; replace those files.
  - macOS: Seller Inbox.app/Contents/Frameworks/PySide6/Qt/lib/Qt*.framework and
    .../PySide6/Qt/plugins/; replace them, then re-sign the app (codesign --force --deep
    --sign - "Seller Inbox.app") or macOS will refuse to start it.
The app starts with whatever compatible Qt libraries are in those places. The full texts of
the LGPL-3.0 and of the GPL-3.0 it builds on follow at the end of this file."""

EXTRAS = [
    # name, version, licence, where it comes from, notice file(s) in packaging/licenses/
    (
        "cpython",
        "3.11",
        "PSF-2.0",
        "the Python runtime inside every bundle (python311.dll, libpython3.11)",
        ["CPython-3.11.txt"],
    ),
    (
        "pyinstaller-bootloader",
        "",  # the locked pyinstaller's
        "GPL-2.0-or-later WITH Bootloader-exception",
        "the bundle's executable; the exception allows shipping it with any program",
        [],
    ),
]


@dataclass
class Entry:
    name: str
    version: str
    licence: str
    note: str = ""
    texts: list[tuple[str, str]] = field(default_factory=list)  # (file name, text)


def runtime_packages(lock: dict) -> dict[str, str]:
    """name -> version: the closure of the project's runtime dependencies in the lock."""
    packages = {p["name"]: p for p in lock["package"]}
    found: dict[str, str] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [
        (d["name"], tuple(d.get("extra", ()))) for d in packages[PROJECT].get("dependencies", [])
    ]
    while todo:
        name, extras = todo.pop()
        package = packages[name]
        deps = list(package.get("dependencies", []))
        for extra in extras:
            deps += package.get("optional-dependencies", {}).get(extra, [])
        if name in found and not extras:
            continue
        found[name] = package["version"]
        todo += [(d["name"], tuple(d.get("extra", ()))) for d in deps if d["name"] not in found]
    return dict(sorted(found.items()))


def _licence(meta: dict[str, list[str]]) -> str:
    if meta.get("License-Expression"):
        return meta["License-Expression"][0]
    classified = [
        CLASSIFIERS.get(c.split(" :: ")[-1], c.split(" :: ")[-1])
        for c in meta.get("Classifier", [])
        if c.startswith("License :: OSI Approved ::")
    ]
    if classified:
        return " OR ".join(classified)
    return (meta.get("License") or [NOT_DECLARED])[0].splitlines()[0]


def _headers(text: str) -> dict[str, list[str]]:
    msg = HeaderParser().parsestr(text)
    out: dict[str, list[str]] = {}
    for key, value in msg.items():
        out.setdefault(key, []).append(value)
    return out


def _is_licence(inside: str) -> bool:
    """A file of a .dist-info folder (its path inside it) that is a licence text: named so, or
    anywhere in the folder PEP 639 gives them (licenses/)."""
    return bool(LICENCE_FILE.search(inside.rsplit("/", 1)[-1])) or inside.startswith("licenses/")


def _decoded(data: bytes) -> str:
    """A licence text: UTF-8, or Latin-1 where an old one is (FreeType's "©" as 0xA9)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _pdfium_version() -> str:
    try:
        found = md.distribution("pypdfium2").locate_file("pypdfium2_raw/version.json")
        info = json.loads(Path(str(found)).read_text(encoding="utf-8"))
    except (md.PackageNotFoundError, OSError, ValueError):
        return "(version: see the wheel)"
    return f"{info['major']}.{info['minor']}.{info['build']}.{info['patch']}"


def from_installed(name: str, version: str) -> Entry | None:
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        return None
    if dist.version != version:
        return None
    meta = _headers(dist.read_text("METADATA") or "")
    texts = []
    for f in sorted(dist.files or [], key=str):
        if ".dist-info" in str(f) and _is_licence(str(f).split(".dist-info/", 1)[1]):
            texts.append((str(f).split(".dist-info/", 1)[1], _decoded(f.read_binary())))
    return Entry(name, version, _licence(meta), texts=texts)


def from_wheel(path: Path, name: str, version: str) -> Entry:
    with zipfile.ZipFile(path) as whl:
        info = [n for n in whl.namelist() if n.split("/")[0].endswith(".dist-info")]
        meta = _headers(whl.read(next(n for n in info if n.endswith("/METADATA"))).decode())
        texts = [
            (n.split(".dist-info/", 1)[1], _decoded(whl.read(n)))
            for n in sorted(info)
            if _is_licence(n.split(".dist-info/", 1)[1])
        ]
    return Entry(name, version, _licence(meta), texts=texts)


def find_wheel(dirs: list[Path], name: str, version: str) -> Path | None:
    stem = f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}-"
    for d in dirs:
        for whl in sorted(d.glob("*.whl")) if d.is_dir() else []:
            if whl.name.lower().startswith(stem):
                return whl
    return None


def fetch_wheel(name: str, version: str, into: Path) -> Path:
    """The wheel of a package that is not installed here (another platform's), by pip run
    through uv (uv's environments have no pip)."""
    uv = os.environ.get("UV") or shutil.which("uv") or "uv"
    pip = [uv, "tool", "run", "--quiet", "--from", "pip", "pip"]
    base = [*pip, "download", "--quiet", "--no-deps", "-d", str(into)]
    base += ["--only-binary=:all:", f"{name}=={version}"]
    for platform in ("win_amd64", "macosx_11_0_arm64", None):
        extra = [] if platform is None else ["--platform", platform, "--python-version", "3.11"]
        if subprocess.run([*base, *extra], capture_output=True).returncode == 0:
            found = find_wheel([into], name, version)
            if found:
                return found
    raise SystemExit(f"notices: cannot get the wheel of {name}=={version} (pip download failed)")


def entries(wheel_dirs: list[Path]) -> list[Entry]:
    lock = tomllib.loads(LOCK.read_text(encoding="utf-8"))
    out = []
    with tempfile.TemporaryDirectory(prefix="notices-") as tmp:
        for name, version in runtime_packages(lock).items():
            entry = from_installed(name, version)
            if entry is None:
                whl = find_wheel(wheel_dirs, name, version) or fetch_wheel(name, version, Path(tmp))
                entry = from_wheel(whl, name, version)
            if entry.licence == NOT_DECLARED and name in READ_FROM_TEXT:
                entry.licence = READ_FROM_TEXT[name]
            if name in DECLARED_OTHERWISE:
                entry.licence = DECLARED_OTHERWISE[name]
            if name == "pypdfium2":
                entry.note = PDFIUM_NOTE.format(pdfium=_pdfium_version())
            if name in ("pyside6-essentials", "shiboken6"):
                entry.licence = "LGPL-3.0-only (chosen of: " + entry.licence + ")"
                entry.note = "See the Qt section below."
            out.append(entry)
    locked = {p["name"]: p["version"] for p in lock["package"]}
    for name, version, licence, note, files in EXTRAS:
        texts = [(f, (TEXTS / f).read_text(encoding="utf-8")) for f in files]
        if name == "pyinstaller-bootloader":
            version = locked["pyinstaller"]
            boot = from_installed("pyinstaller", version)
            if boot is None:
                raise SystemExit("notices: install the packaging group (uv sync --group packaging)")
            texts = boot.texts
        out.append(Entry(name, version, licence, note, texts))
    return out


def render(items: list[Entry]) -> str:
    width = max(len(f"{e.name} {e.version}") for e in items) + 2
    lines = [
        "Seller Inbox: third-party notices",
        "",
        "Seller Inbox is licensed under the Apache License 2.0 (LICENSE). It ships with the",
        "software below, each under its own licence. Generated from uv.lock by",
        "packaging/notices.py; do not edit by hand.",
        "",
        "Package, version, licence:",
    ]
    lines += [f"  {f'{e.name} {e.version}'.ljust(width)}{e.licence}" for e in items]
    lines += ["", "Qt (PySide6-Essentials, shiboken6)", RULE, QT_NOTE]
    for e in items:
        lines += ["", "", RULE, f"{e.name} {e.version}  ({e.licence})", RULE]
        if e.note:
            lines.append(e.note)
        if not e.texts:
            lines.append("(its wheel ships no licence file; the licence is the one named above)")
        for fname, text in e.texts:
            lines += ["", f"--- {fname}", text.rstrip()]
    for fname in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        text = (TEXTS / fname).read_text(encoding="utf-8")
        lines += ["", "", RULE, f"Qt: {fname[:-4]}", RULE, text.rstrip()]
    return "\n".join(line.rstrip() for line in "\n".join(lines).splitlines()) + "\n"


def listed(text: str) -> dict[str, tuple[str, str]]:
    """name -> (version, licence) from a notices file's table."""
    out: dict[str, tuple[str, str]] = {}
    table = text.split("Package, version, licence:\n", 1)[1].split("\n\n", 1)[0]
    for line in table.splitlines():
        m = ROW.match(line)
        if m:
            out[m["name"]] = (m["version"], m["licence"].strip())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    parser.add_argument("--wheels", type=Path, action="append", default=[], help="wheel folder")
    args = parser.parse_args(argv)
    text = render(entries([*args.wheels, WINE_WHEELS]))
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.name} is out of date: run packaging/notices.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(listed(text))} packages, {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
