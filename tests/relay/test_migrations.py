"""Relay schema migrations (Alembic): fresh databases, adopting pre-Alembic ones, refusing newer.

Each test runs on SQLite and on a fresh PostgreSQL database (SELLER_RELAY_PG_URL).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from relay_testkit import fresh_pg_database
from sqlalchemy import Engine, create_engine, func, inspect, select, text

from relay import schema
from relay.db import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    MIGRATIONS_DIR,
    NewerSchema,
    normalize_url,
    open_database,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'relay.sqlite3'}"
        return
    with fresh_pg_database() as url:
        yield url


@pytest.fixture
def engine(empty_url: str) -> Iterator[Engine]:
    eng = create_engine(normalize_url(empty_url))
    yield eng
    eng.dispose()


def _state(engine: Engine) -> tuple[str | None, list[int], list[Any]]:
    """(alembic revision, relay_schema_version rows, differences from the metadata)."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        versions = [r[0] for r in conn.execute(select(schema.schema_version.c.version))]
        return ctx.get_current_revision(), versions, compare_metadata(ctx, schema.metadata)


def _legacy_database(engine: Engine, version: int) -> None:
    """What a pre-Alembic relay made: create_all, a version row, a seller with data."""
    with engine.begin() as conn:
        # Its tables: none of the later revisions' (the mailbox bridge's, 0003).
        old = [t for t in schema.metadata.sorted_tables if not t.name.startswith("mail")]
        schema.metadata.create_all(conn, tables=old)
        conn.execute(schema.schema_version.insert().values(version=version))
        conn.execute(
            schema.sellers.insert().values(name="old", modseq=7, created_at=datetime.now(UTC))
        )


def test_scripts_end_at_the_head_this_build_knows() -> None:
    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    assert scripts.get_heads() == [HEAD_REVISION]
    chain = [s.revision for s in scripts.walk_revisions("base", "heads")]
    assert tuple(reversed(chain)) == KNOWN_REVISIONS


def test_fresh_database_gets_exactly_the_schema(empty_url: str, engine: Engine) -> None:
    open_database(empty_url).dispose()
    revision, versions, diff = _state(engine)
    assert revision == HEAD_REVISION
    assert versions == [schema.SCHEMA_VERSION]
    assert diff == []
    open_database(empty_url).dispose()  # a second start changes nothing
    assert _state(engine) == (revision, versions, diff)


def test_pre_alembic_database_is_adopted_with_its_data(empty_url: str, engine: Engine) -> None:
    _legacy_database(engine, version=1)
    with engine.begin() as conn:  # made before seller_addresses existed
        conn.execute(text("DROP TABLE seller_addresses"))
    open_database(empty_url).dispose()
    revision, versions, diff = _state(engine)
    assert (revision, versions, diff) == (HEAD_REVISION, [schema.SCHEMA_VERSION], [])
    with engine.connect() as conn:
        assert conn.execute(select(schema.sellers.c.name, schema.sellers.c.modseq)).all() == [
            ("old", 7)
        ]


def test_newer_revision_is_refused_untouched(empty_url: str, engine: Engine) -> None:
    open_database(empty_url).dispose()
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
        conn.execute(text("DROP TABLE seller_addresses"))  # a newer relay's change, say
    with pytest.raises(NewerSchema, match="0099"):
        open_database(empty_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0099"
        assert not inspect(conn).has_table("seller_addresses")


def test_newer_pre_alembic_version_is_refused(empty_url: str, engine: Engine) -> None:
    _legacy_database(engine, version=schema.SCHEMA_VERSION + 1)
    with pytest.raises(NewerSchema, match="newer than this relay"):
        open_database(empty_url)
    with engine.connect() as conn:
        assert not inspect(conn).has_table("alembic_version")


def test_relays_starting_at_once_migrate_once(empty_url: str, engine: Engine) -> None:
    """Several processes' start-up at the same moment (threads here, separate engines)."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def start() -> None:
        try:
            barrier.wait(timeout=30)
            open_database(empty_url).dispose()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    revision, versions, diff = _state(engine)
    assert (revision, versions, diff) == (HEAD_REVISION, [schema.SCHEMA_VERSION], [])
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(text("alembic_version"))).scalar()
    assert count == 1


def test_database_at_an_older_revision_is_upgraded_with_its_data(
    empty_url: str, engine: Engine
) -> None:
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, KNOWN_REVISIONS[0])
        conn.execute(
            schema.sellers.insert().values(name="kept", modseq=3, created_at=datetime.now(UTC))
        )
    open_database(empty_url).dispose()
    revision, _, diff = _state(engine)
    assert revision == HEAD_REVISION and diff == []
    with engine.connect() as conn:
        assert conn.execute(select(schema.sellers.c.name)).scalars().all() == ["kept"]
        assert "ix_msg_time" in {ix["name"] for ix in inspect(conn).get_indexes("messages")}


def test_sqlite_plans_a_filtered_read_on_its_filter_index(tmp_path: Any) -> None:
    """Without statistics SQLite prefers an index that gives the sort order; the filter indexes
    carry the sort columns so a conversation's messages never scan the whole mailbox."""
    url = f"sqlite:///{tmp_path / 'plan.sqlite3'}"
    open_database(url).dispose()
    eng = create_engine(normalize_url(url))
    plans = {
        "ix_msg_conv": "SELECT id FROM messages WHERE seller_id = 1 AND conversation_id = 'c' "
        "ORDER BY received_at, id LIMIT 256",
        "ix_conv_buyer": "SELECT id FROM conversations WHERE seller_id = 1 AND buyer_id = 'b' "
        "ORDER BY last_activity DESC, id DESC LIMIT 256",
        "ix_msg_time": "SELECT id FROM messages WHERE seller_id = 1 "
        "ORDER BY received_at DESC, id DESC LIMIT 100",
    }
    with eng.connect() as conn:
        for index, sql in plans.items():
            plan = " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert index in plan and "TEMP B-TREE" not in plan, (index, plan)
    eng.dispose()
