"""Importing this module registers every method."""

from relay.api import (  # noqa: F401
    buyer,
    conversation,
    mailbox,
    marketplace,
    message,
    metrics,
    note,
    order,
    submission,
    template,
)
from relay.api.core import METHODS

__all__ = ["METHODS"]
