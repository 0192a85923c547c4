"""Where a profile lives on disk: one folder holding the database, the blob store and the lock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

APP_NAME = "SellerInbox"


def default_profile_dir() -> Path:
    import platformdirs  # only needed when no --profile is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"


@dataclass(frozen=True, slots=True)
class Profile:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "inbox.sqlite3"

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def lock_file(self) -> Path:
        return self.root / "profile.lock"

    @property
    def backups(self) -> Path:
        return self.root / "backups"
