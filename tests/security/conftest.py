"""Security suite fixtures: a real relay on loopback for each test that attacks one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from security_testkit import Target, running_relay  # type: ignore[import-not-found]


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Target]:
    with running_relay(tmp_path) as t:
        yield t
