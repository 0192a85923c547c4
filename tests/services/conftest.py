"""A real relay on a loopback port (SQLite), seeded with the demo world, and a local store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from relay import auth
from relay.db import Database, open_database
from relay.demo import seed_demo
from relay.embedded import EmbeddedRelay, start_embedded
from relay.simulate import DirectBuyerSide


@dataclass
class LiveRelay:
    url: str
    db_url: str
    db: Database
    token: str
    embedded: EmbeddedRelay

    def buyer(self) -> DirectBuyerSide:
        return DirectBuyerSide(self.db_url)


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
