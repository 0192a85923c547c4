"""What `seller-inbox --about` and the About dialog show: the version, the licence and where
the licence texts are (LICENSE and THIRD-PARTY-NOTICES.txt, in every bundle and installer).

From source they are at the repository root; frozen, packaging/seller-inbox.spec puts them (and
pyproject.toml, the one place the version is written) at the bundle's top (`sys._MEIPASS`).
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

DISPLAY_NAME = "Seller Inbox"
LICENSE_FILE = "LICENSE"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"


def project_file(name: str) -> Path:
    """A file at the repository root from source, at the bundle's top when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / name
    return Path(__file__).resolve().parent.parent / name


@dataclass(frozen=True)
class About:
    version: str
    licence: str
    license_file: Path
    notices_file: Path


def about() -> About:
    project = tomllib.loads(project_file("pyproject.toml").read_text(encoding="utf-8"))["project"]
    return About(
        version=str(project["version"]),
        licence=str(project["license"]),
        license_file=project_file(LICENSE_FILE),
        notices_file=project_file(NOTICES_FILE),
    )


def about_text() -> str:
    info = about()
    return "\n".join(
        [
            f"{DISPLAY_NAME} {info.version}",
            f"Licence: {info.licence} (the Apache License 2.0): {info.license_file}",
            f"Third-party software and its licences: {info.notices_file}",
        ]
    )
