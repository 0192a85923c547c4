"""Inputs of a check: the draft and the context it is sent in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.enums import ContactReason, OrderKind

if TYPE_CHECKING:
    from app.policy.packs import RulePack


@dataclass(frozen=True, slots=True)
class AttachmentInput:
    """An attachment by name, with either its bytes or a path to read (bounded) at check time."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def __post_init__(self) -> None:
        if (self.path is None) == (self.data is None):
            raise ValueError("an attachment needs exactly one of path or data")

    @classmethod
    def from_path(cls, path: str | Path) -> AttachmentInput:
        p = Path(path)
        return cls(name=p.name, path=p)

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> AttachmentInput:
        return cls(name=name, data=data)


@dataclass(frozen=True, slots=True)
class PolicyDraft:
    subject: str
    body: str  # Markdown source; body spans are offsets into this string
    attachments: Sequence[AttachmentInput] = ()


@dataclass(frozen=True, slots=True)
class PolicyContext:
    pack: RulePack
    buyer_opted_out: bool = False
    buyer_initiated: bool = False
    order_kind: OrderKind = OrderKind.STANDARD
    contact_reason: ContactReason = ContactReason.OTHER
    buyer_locale: str | None = None  # e.g. "sv-SE", "de_DE", "fr"
