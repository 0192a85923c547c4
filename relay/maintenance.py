"""Housekeeping: prune tombstones (moving each type's change horizon) and expired keys."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, func, select, update

from relay import idempotency, schema
from relay.db import Database


def prune(db: Database, tombstone_days: int = 90, keep_last: int = 0) -> dict[str, Any]:
    """Drop destroyed-object rows, keeping the newest `keep_last` per type, and raise the horizon.

    Tombstones carry no timestamp; `tombstone_days` is applied to idempotency keys, and the
    tombstone cut is "all but the last `keep_last`" (0: all).
    """
    c = schema.changes.c
    ts = schema.type_states.c
    dropped = 0
    with db.writing() as conn:
        groups = conn.execute(
            select(c.seller_id, c.type, func.count())
            .where(c.destroyed.is_(True))
            .group_by(c.seller_id, c.type)
        ).all()
        for seller_id, type_, count in groups:
            if count <= keep_last:
                continue
            cut = conn.execute(
                select(c.modseq)
                .where(and_(c.seller_id == seller_id, c.type == type_, c.destroyed.is_(True)))
                .order_by(c.modseq.desc())
                .offset(keep_last)
                .limit(1)
            ).scalar_one()
            res = conn.execute(
                delete(schema.changes).where(
                    and_(
                        c.seller_id == seller_id,
                        c.type == type_,
                        c.destroyed.is_(True),
                        c.modseq <= cut,
                    )
                )
            )
            dropped += int(res.rowcount)
            conn.execute(
                update(schema.type_states)
                .where(and_(ts.seller_id == seller_id, ts.type == type_, ts.pruned_modseq < cut))
                .values(pruned_modseq=cut)
            )
    keys = idempotency.prune(db, tombstone_days * 86400)
    return {"tombstones": dropped, "idempotencyKeys": keys}


def reset_horizon(db: Database, seller_id: int | None = None) -> int:
    """Forget change history (e.g. after a restore): every older state answers
    `cannotCalculateChanges` and clients resynchronize."""
    ts = schema.type_states.c
    with db.writing() as conn:
        stmt = update(schema.type_states).values(pruned_modseq=ts.modseq)
        if seller_id is not None:
            stmt = stmt.where(ts.seller_id == seller_id)
        return int(conn.execute(stmt).rowcount)
