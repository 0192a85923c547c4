"""The live relay a services test talks to (imported by conftest and the tests by a unique
module name: several test folders have a conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass

from relay.db import Database
from relay.embedded import EmbeddedRelay
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
