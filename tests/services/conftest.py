"""A real relay on a loopback port (SQLite), seeded with the demo world, and a local store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from relay_harness import LiveRelay  # type: ignore[import-not-found]

from relay import auth
from relay.db import open_database
from relay.demo import seed_demo
from relay.embedded import start_embedded


@pytest.fixture
def live_relay(tmp_path: Path) -> Iterator[LiveRelay]:
    db_url = f"sqlite:///{tmp_path / 'relay.sqlite3'}"
    seed_demo(db_url, per_marketplace=4)
    db = open_database(db_url)
    token = auth.create_token(db, "demo")
    embedded = start_embedded(db_url)
    try:
        yield LiveRelay(embedded.url, db_url, db, token, embedded)
    finally:
        embedded.stop()
        db.dispose()
