"""Importing this module registers every method."""

from relay.api import (  # noqa: F401
    buyer,
    conversation,
    marketplace,
    message,
    metrics,
    order,
    submission,
)
from relay.api.core import METHODS

__all__ = ["METHODS"]
