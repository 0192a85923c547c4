"""Suite-wide settings: Qt offscreen, and helpers shared by the store and services tests."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any QApplication exists: the suite never needs a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


class TinyFilesystems:
    """Real, tiny filesystems (tmpfs; root only) so disk-full and read-only tests meet the
    errors the OS really gives."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.mounted: list[Path] = []

    def make(self, size: str) -> Path:
        if os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root")
        target = self.base / f"fs-{uuid.uuid4().hex[:8]}"
        target.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        self.mounted.append(target)
        return target

    @staticmethod
    def remount(target: Path, mode: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{mode}", str(target)], check=True)

    def cleanup(self) -> None:
        for target in self.mounted:
            subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture
def tinyfs(tmp_path: Path) -> Iterator[TinyFilesystems]:
    fs = TinyFilesystems(tmp_path)
    yield fs
    fs.cleanup()
