"""Locate files under `resources/`, from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """`<repo>/resources` from source; `sys._MEIPASS/resources` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a resource, e.g. `resource_path("policy", "default.json")`."""
    return resources_root().joinpath(*parts)
