from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.demodata.generator import generate
from app.storage.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "profile")
    yield s
    s.close()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A profile of 1,500 generated conversations, shared by read-only tests."""
    s = Store.open(tmp_path_factory.mktemp("filled"))
    generate(s, 1500, messages_per_conversation=6, seed=7, now=NOW)
    yield s
    s.close()


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
