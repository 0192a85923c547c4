"""Where a profile lives on disk: one folder holding the database, the blob store and the lock.

The profile holds buyers' messages and files: only its owner may read it, whatever the umask
(folder and subfolders 0700, database files 0600; see docs/security.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "SellerInbox"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def default_profile_dir() -> Path:
    import platformdirs  # only needed when no --profile is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"


def private_dir(path: Path) -> Path:
    """`path` as a folder only its owner can enter (created if missing, narrowed if wider)."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """`path` as a file only its owner can read (created empty if missing, narrowed if wider)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    os.close(fd)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_FILE)
    return path


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

    @property
    def exports(self) -> Path:
        """Copies of attachments handed to other programs to open."""
        return self.root / "exports"

    @property
    def previews(self) -> Path:
        """Thumbnails of buyers' images, made once (named for the file's SHA-256)."""
        return self.root / "previews"

    def make_private(self) -> None:
        """Folder 0700, database 0600 before SQLite first writes it (its -wal and -shm files
        take the database's mode); an older profile's wider modes are narrowed."""
        private_dir(self.root)
        private_file(self.database)
        for extra in ("-wal", "-shm", "-journal"):
            side = self.database.with_name(self.database.name + extra)
            if side.exists():
                private_file(side)
        for folder in (self.blobs, self.exports, self.backups, self.previews):
            if folder.exists():
                private_dir(folder)
