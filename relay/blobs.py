"""The blob store: blobs live in the database (no file names ever touch a file system)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, select

from relay import schema
from relay.store import ID_PREFIX, new_object_id, now


@dataclass(frozen=True)
class BlobInfo:
    id: str
    media_type: str
    size: int


def put(conn: Connection, seller_id: int, data: bytes, media_type: str) -> BlobInfo:
    # Blobs are not a synced type: no change row, no modseq bump (no seller row lock).
    blob_id = new_object_id(ID_PREFIX["Blob"])
    conn.execute(
        schema.blobs.insert().values(
            seller_id=seller_id,
            id=blob_id,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            created_at=now(),
        )
    )
    return BlobInfo(blob_id, media_type, len(data))


def info(conn: Connection, seller_id: int, blob_ids: list[str]) -> dict[str, BlobInfo]:
    b = schema.blobs.c
    if not blob_ids:
        return {}
    rows = conn.execute(
        select(b.id, b.media_type, b.size).where((b.seller_id == seller_id) & b.id.in_(blob_ids))
    ).all()
    return {r.id: BlobInfo(r.id, r.media_type, int(r.size)) for r in rows}


def read(conn: Connection, seller_id: int, blob_id: str) -> tuple[bytes, str] | None:
    b = schema.blobs.c
    row = conn.execute(
        select(b.data, b.media_type).where((b.seller_id == seller_id) & (b.id == blob_id))
    ).first()
    return (bytes(row.data), row.media_type) if row else None
