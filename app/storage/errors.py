"""Errors a seller can act on, kept apart from bugs.

Everything here carries a message written for the seller; anything else escaping the storage
layer is a bug and is reported as one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(Exception):
    """A problem with the profile's database the seller can understand and act on."""


class NotADatabase(StoreError):
    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"{path} is not a Seller Inbox database (it is damaged or another kind of file)."
            " It was left untouched; choose another profile folder or restore a backup."
            + (f" [{detail}]" if detail else "")
        )
        self.path = path


class NewerSchema(StoreError):
    def __init__(self, path: Path, found: str, known: str) -> None:
        super().__init__(
            f"{path} was written by a newer version of Seller Inbox (database schema {found};"
            f" this version knows up to {known}). Install the newer version to open it;"
            " the file was left untouched."
        )
        self.found = found


class ReadOnlyProfile(StoreError):
    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(
            f"Seller Inbox cannot write to {path}: the folder or disk is read-only."
            " Choose a writable profile folder." + (f" [{detail}]" if detail else "")
        )


class DiskFull(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The disk holding {path} is full. Nothing was lost: free some space and"
            " Seller Inbox will carry on where it stopped."
        )


class ProfileLocked(StoreError):
    def __init__(self, path: Path, holder: str = "") -> None:
        super().__init__(
            f"Seller Inbox is already running on the profile {path}"
            + (f" ({holder})" if holder else "")
            + ". Only one window may write to a profile at a time."
        )
        self.path = path


def classify(exc: BaseException, path: Path) -> StoreError | None:
    """Map a sqlite3 / SQLAlchemy error to a seller-facing one, or None if it is a bug."""
    orig = getattr(exc, "orig", None) or exc
    if not isinstance(orig, sqlite3.Error | OSError):
        return None
    text = str(orig).lower()
    code = getattr(orig, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or "no space" in text:
        return DiskFull(path)
    # A full disk met while growing the WAL surfaces as a plain I/O error (IOERR_WRITE):
    # it is the seller's to fix when the disk is indeed full.
    io_error = (code is not None and code & 0xFF == sqlite3.SQLITE_IOERR) or "disk i/o" in text
    if io_error and _nearly_full(path):
        return DiskFull(path)
    if (
        code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)
        or "readonly" in text
        or ("unable to open" in text)
    ):
        return ReadOnlyProfile(path, str(orig))
    if (
        code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
        or "not a database" in text
        or ("malformed" in text)
    ):
        return NotADatabase(path, str(orig))
    return None


def _nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        return False
