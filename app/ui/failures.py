"""The failure policy's words: which errors the seller can act on, said in the window's
language. Anything not named here is a bug (``Ops`` logs it and the crash dialog shows it).

Kept apart from the errors themselves: the storage and relay layers have no Qt and word their
messages in English for logs and the command line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def describe(exc: BaseException) -> str | None:
    """A message for the seller, or None when ``exc`` is a bug."""
    # Imported here, when something failed: none of them on the way to the first paint.
    from app.services.attachments import AttachmentRefused
    from app.services.relay_client import Offline, RetryLater, Unauthorized
    from app.storage.errors import DiskFull, ReadOnlyProfile, StoreError

    if isinstance(exc, DiskFull):
        return QCoreApplication.translate(
            "Failures",
            "The disk is full. Nothing was lost: free some space and Seller Inbox carries on "
            "where it stopped.",
        )
    if isinstance(exc, ReadOnlyProfile):
        return QCoreApplication.translate(
            "Failures", "Seller Inbox cannot write to its folder: the folder or disk is read-only."
        )
    if isinstance(exc, StoreError):
        return str(exc)  # worded for the seller where it is raised
    if isinstance(exc, Offline):
        return QCoreApplication.translate(
            "Failures", "The relay cannot be reached right now; Seller Inbox keeps trying."
        )
    if isinstance(exc, RetryLater):
        return QCoreApplication.translate(
            "Failures", "The relay is busy; Seller Inbox tries again shortly."
        )
    if isinstance(exc, Unauthorized):
        return QCoreApplication.translate(
            "Failures", "The relay refused your token: sign in again."
        )
    if isinstance(exc, AttachmentRefused):
        from app.ui.policy_text import refusal_text

        return refusal_text(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"  # the OS's words, in its language
    return None
