"""Opening a profile: migrations, backups, and refusing what is not ours without touching it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.storage import migrate, queries
from app.storage.errors import NewerSchema, NotADatabase, ProfileLocked, ReadOnlyProfile
from app.storage.schema import metadata
from app.storage.store import Store

GOLDEN = Path(__file__).parents[1] / "fixtures" / "golden"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def script_dir() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg)


def test_head_constant_matches_the_migration_scripts() -> None:
    scripts = script_dir()
    assert scripts.get_current_head() == migrate.HEAD_REVISION
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(chain) == migrate.KNOWN_REVISIONS


def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        # FTS5 virtual tables and their shadow tables are the migration's business alone.
        ctx = MigrationContext.configure(
            conn,
            opts={"include_name": lambda name, kind, _p: not (kind == "table" and "_fts" in name)},
        )
        diffs = compare_metadata(ctx, metadata)
    assert diffs == []
    with store.read() as conn:
        pragmas = {
            "journal_mode": conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
            "foreign_keys": conn.exec_driver_sql("PRAGMA foreign_keys").scalar(),
        }
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1}


def test_every_golden_database_has_a_known_schema_and_there_is_one_per_revision() -> None:
    found = sorted(p.name for p in GOLDEN.glob("schema-*.sqlite3"))
    assert found == [f"schema-{rev}.sqlite3" for rev in migrate.KNOWN_REVISIONS]


@pytest.mark.parametrize("revision", migrate.KNOWN_REVISIONS)
def test_upgrade_from_each_golden_database_keeps_the_data(tmp_path: Path, revision: str) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    shutil.copy(GOLDEN / f"schema-{revision}.sqlite3", profile / "inbox.sqlite3")
    with sqlite3.connect(profile / "inbox.sqlite3") as raw:
        before = raw.execute("SELECT count(*) FROM messages").fetchone()[0]
    assert before > 0
    store = Store.open(profile)
    try:
        if revision != migrate.HEAD_REVISION:
            assert store.backup_made is not None and Path(store.backup_made).exists()
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() == before
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            conn.exec_driver_sql(
                "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"
            )
            # The search index holds every message, whatever schema it came from.
            assert search_all(conn, "paket") == with_word(conn, "paket")
    finally:
        store.close()


def search_all(conn, typed: str) -> list[int]:  # type: ignore[no-untyped-def]
    found = queries.search_threads(conn, typed, limit=10_000)
    assert found.more is None
    return sorted(r.id for r in found.rows)


def with_word(conn, word: str) -> list[int]:  # type: ignore[no-untyped-def]
    sql = (
        "SELECT DISTINCT conversation_id FROM messages WHERE lower(body_text) LIKE ? "
        "OR lower(subject) LIKE ? ORDER BY conversation_id"
    )
    rows = [r[0] for r in conn.exec_driver_sql(sql, (f"%{word}%", f"%{word}%"))]
    assert rows
    return rows


def test_the_search_keys_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command

    from app.storage.engine import make_engine

    profile = tmp_path / "p"
    profile.mkdir()
    shutil.copy(GOLDEN / "schema-0001.sqlite3", profile / "inbox.sqlite3")
    Store.open(profile).close()
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    engine = make_engine(profile / "inbox.sqlite3")
    try:
        for target, rowid in (("0001", "rowid"), ("0002", "rowid & 1073741823")):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                (command.downgrade if target == "0001" else command.upgrade)(cfg, target)
            with engine.connect() as conn:
                conn.exec_driver_sql(
                    "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"
                )
                hits = conn.exec_driver_sql(
                    f"SELECT DISTINCT m.conversation_id FROM messages_fts f JOIN messages m "
                    f"ON m.id = f.{rowid} WHERE messages_fts MATCH 'paket*' ORDER BY 1"
                )
                assert [r[0] for r in hits] == with_word(conn, "paket")
    finally:
        engine.dispose()


def test_backup_copies_the_live_database_and_keeps_only_a_few(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p")
    store.close()
    db = store.profile.database
    made = [migrate.backup(db, tmp_path / "b", "0000") for _ in range(2)]
    with sqlite3.connect(made[-1]) as copy:
        version = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        assert version == (migrate.HEAD_REVISION,)
    for i in range(5):  # names carry a timestamp; fake older ones
        (tmp_path / "b" / f"inbox-schema0000-to0001-2000010{i}-000000.sqlite3").write_bytes(b"x")
    migrate.backup(db, tmp_path / "b", "0000")
    assert len(list((tmp_path / "b").glob("*.sqlite3"))) == migrate.KEEP_BACKUPS


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p")
    store.close()
    db = store.profile.database
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(db)
    with pytest.raises(NewerSchema, match="newer version of Seller Inbox"):
        Store.open(tmp_path / "p")
    assert digest(db) == before


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7 definitely not a database" * 100,
        b"SQLite format 3\x00" + bytes(range(256)) * 40,  # right header, garbage pages
    ],
    ids=["other-file", "corrupt-sqlite"],
)
def test_a_foreign_or_corrupt_file_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes
) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "inbox.sqlite3").write_bytes(content)
    with pytest.raises(NotADatabase, match="not a Seller Inbox database"):
        Store.open(profile)
    assert (profile / "inbox.sqlite3").read_bytes() == content
    assert not (profile / "inbox.sqlite3-wal").exists()


def test_someone_elses_sqlite_database_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    with sqlite3.connect(profile / "inbox.sqlite3") as raw:
        raw.execute("CREATE TABLE photos (id INTEGER)")
    before = digest(profile / "inbox.sqlite3")
    with pytest.raises(NotADatabase):
        Store.open(profile)
    assert digest(profile / "inbox.sqlite3") == before


def test_one_writer_per_profile(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "p")
    try:
        with pytest.raises(ProfileLocked, match="already running"):
            Store.open(tmp_path / "p")
    finally:
        first.close()
    Store.open(tmp_path / "p").close()  # free again once the first one closed


def test_a_read_only_disk_gives_a_clear_error_and_changes_nothing(tinyfs) -> None:  # type: ignore[no-untyped-def]
    fs = tinyfs.make("8m")
    store = Store.open(fs / "p")
    store.close()
    before = digest(fs / "p" / "inbox.sqlite3")
    tinyfs.remount(fs, "ro")
    with pytest.raises(ReadOnlyProfile, match="read-only"):
        Store.open(fs / "p")
    assert digest(fs / "p" / "inbox.sqlite3") == before


def test_readers_do_not_block_the_writer(store: Store) -> None:
    with store.read() as reader:
        reader.exec_driver_sql("SELECT count(*) FROM conversations").scalar()
        with store.write() as writer:  # would wait 5 s and fail if readers took the lock
            writer.exec_driver_sql("INSERT INTO sync_states VALUES ('Message', 's1', 0)")
        with store.read() as other:
            assert other.exec_driver_sql("SELECT count(*) FROM sync_states").scalar() == 1


def test_the_three_letter_prefixes_revision_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command

    from app.storage.engine import make_engine

    profile = tmp_path / "p"
    profile.mkdir()
    shutil.copy(GOLDEN / "schema-0005.sqlite3", profile / "inbox.sqlite3")
    Store.open(profile).close()  # 0005 -> head
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    engine = make_engine(profile / "inbox.sqlite3")
    try:
        # Back to 0005, then up through 0006 to the head (the window's queries read the
        # columns of every later revision, so they run at the head only).
        for target, prefix in (("0005", "prefix='2 3'"), (migrate.HEAD_REVISION, "prefix='3'")):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                (command.downgrade if target == "0005" else command.upgrade)(cfg, target)
            with engine.connect() as conn:
                sql = conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'"
                ).scalar()
                assert prefix in sql
                conn.exec_driver_sql(
                    "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"
                )
                hits = conn.exec_driver_sql(
                    "SELECT DISTINCT m.conversation_id FROM messages_fts f JOIN messages m "
                    "ON m.id = f.rowid & 1073741823 WHERE messages_fts MATCH 'paket*' ORDER BY 1"
                )
                assert [r[0] for r in hits] == with_word(conn, "paket")
                if target == migrate.HEAD_REVISION:
                    assert search_all(conn, "paket") == with_word(conn, "paket")
                    assert set(search_all(conn, "pak")) < set(search_all(conn, "pa"))
    finally:
        engine.dispose()
