from __future__ import annotations

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


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[Store]:
    """A fresh profile of 60 generated conversations (two messages each) a test may change."""
    s = Store.open(tmp_path / "inbox")
    generate(s, 60, messages_per_conversation=2, seed=5, now=NOW)
    yield s
    s.close()
