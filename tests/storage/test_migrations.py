"""Opening a data folder: migrations, refusals and the connection's pragmas."""

from __future__ import annotations

import random
import sqlite3
import threading
import types

import pytest
from peewee import CompositeKey

from desktop_app.errors import StorageError
from desktop_app.services.search import INDEX_TABLES
from desktop_app.storage import changes
from desktop_app.storage import database as storage
from desktop_app.storage.database import (
    DATABASE_NAME,
    close_database,
    migration_modules,
    open_database,
    schema_version,
)
from desktop_app.storage.models import ALL_MODELS, Organisation, db

LAST = migration_modules()[-1][0]

# How SQLite spells each peewee field type; a new field type must be added here on purpose.
SQLITE_TYPES = {
    "TEXT": "TEXT",
    "DATE": "DATE",
    "INT": "INTEGER",
    "BOOL": "INTEGER",
    "FLOAT": "REAL",
}


def model_columns(model) -> dict[str, tuple[str, bool, bool]]:
    """Column name -> (SQLite type, NOT NULL, primary key), as the model declares them."""
    key = model._meta.primary_key
    keys = set(key.field_names) if isinstance(key, CompositeKey) else {key.name}
    return {
        column: (SQLITE_TYPES[field.field_type], not field.null, field.name in keys)
        for column, field in model._meta.columns.items()
    }


def table_columns(database, table: str) -> dict[str, tuple[str, bool, bool]]:
    rows = database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
    return {name: (kind, bool(notnull), bool(pk)) for _, name, kind, notnull, _, pk in rows}


def raw_user_version(data_dir) -> int:
    with sqlite3.connect(data_dir / DATABASE_NAME) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


def test_migrations_bring_an_empty_database_to_the_last_version(database):
    assert schema_version(database) == LAST


def test_migrations_are_numbered_from_one_without_gaps():
    numbers = [number for number, _ in migration_modules()]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_table_has_exactly_the_models_columns(database, model):
    assert table_columns(database, model._meta.table_name) == model_columns(model)


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_foreign_key_points_where_the_model_says(database, model):
    rows = database.execute_sql(f'PRAGMA foreign_key_list("{model._meta.table_name}")').fetchall()
    in_table = {(row[3], row[2], row[4]) for row in rows}  # (from, table, to)
    in_model = {
        (fk.column_name, fk.rel_model._meta.table_name, fk.rel_field.column_name)
        for fk in model._meta.refs
    }
    assert in_table == in_model


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_index_the_model_declares_exists(database, model):
    table = model._meta.table_name
    indexes = {}
    for _, name, unique, *_ in database.execute_sql(f'PRAGMA index_list("{table}")'):
        columns = tuple(row[2] for row in database.execute_sql(f'PRAGMA index_info("{name}")'))
        indexes[columns] = bool(unique)
    for field in model._meta.sorted_fields:
        if (field.index or field.unique) and not field.primary_key:
            assert indexes.get((field.column_name,)) == field.unique, field.column_name


def test_no_table_exists_without_a_model(database):
    tables = {
        name
        for (name,) in database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    # The search index's tables (and FTS5's own beside them) are derived from the rows.
    derived = {t for t in tables for name in INDEX_TABLES if t == name or t.startswith(name + "_")}
    assert tables - derived == {model._meta.table_name for model in ALL_MODELS}


def test_foreign_keys_are_checked_at_commit_not_per_statement(database):
    schema = " ".join(
        sql for (sql,) in database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table'")
    )
    assert schema.count("REFERENCES") == schema.count("DEFERRABLE INITIALLY DEFERRED") > 0


def test_reopening_a_current_database_runs_no_migration(data_dir, monkeypatch):
    open_database(data_dir)
    close_database()

    def must_not_run(database):
        raise AssertionError("a migration ran again on a current database")

    for _, module in migration_modules():
        monkeypatch.setattr(module, "migrate", must_not_run)
    reopened = open_database(data_dir)
    try:
        assert schema_version(reopened) == LAST
    finally:
        close_database()


def test_reopening_keeps_the_data_and_the_device_id(data_dir):
    open_database(data_dir)
    device = storage.context().device_id
    with db.atomic():
        kept = changes.create(Organisation, name="Kent Police")
    close_database()

    open_database(data_dir)
    try:
        assert Organisation.get_by_id(kept.id).name == "Kent Police"
        assert storage.context().device_id == device
    finally:
        close_database()


def test_a_database_from_a_newer_version_is_refused_untouched(data_dir):
    open_database(data_dir)
    db.execute_sql(f"PRAGMA user_version = {LAST + 1}")
    close_database()

    with pytest.raises(StorageError) as refused:
        open_database(data_dir)

    assert "newer version of Minute Book" in str(refused.value)
    assert str(refused.value).endswith(".")
    assert raw_user_version(data_dir) == LAST + 1


def test_a_damaged_file_is_refused_with_a_storage_error(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / DATABASE_NAME).write_bytes(random.Random(3).randbytes(64 * 1024))

    with pytest.raises(StorageError) as refused:
        open_database(data_dir)

    message = str(refused.value)
    assert message.startswith("The database in ") and message.endswith(".")
    assert str(data_dir) in message


def test_another_programs_sqlite_file_is_refused_with_a_storage_error(data_dir):
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DATABASE_NAME) as foreign:
        foreign.execute("CREATE TABLE body (id INTEGER PRIMARY KEY, weight REAL)")

    with pytest.raises(StorageError):
        open_database(data_dir)


def test_a_failing_migration_leaves_the_database_at_the_previous_version(data_dir, monkeypatch):
    open_database(data_dir)
    with db.atomic():
        changes.create(Organisation, name="Kent Police")
        changes.create(Organisation, name="Kent Police")
    close_database()

    def half_done(database):
        # A later migration whose second step the existing data breaks.
        database.execute_sql('CREATE TABLE "half_done" ("id" TEXT)')
        database.execute_sql('CREATE UNIQUE INDEX "one_name" ON "organisation" ("name")')

    broken = types.SimpleNamespace(migrate=half_done)
    known = migration_modules()
    monkeypatch.setattr(storage, "migration_modules", lambda: [*known, (LAST + 1, broken)])

    with pytest.raises(StorageError):
        open_database(data_dir)

    assert raw_user_version(data_dir) == LAST
    with sqlite3.connect(data_dir / DATABASE_NAME) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("synchronous", 2)],
)
def test_connection_pragmas_are_set(database, pragma, expected):
    assert database.execute_sql(f"PRAGMA {pragma}").fetchone()[0] == expected


def test_a_busy_database_is_waited_for_rather_than_failing_at_once(database):
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_a_worker_threads_own_connection_gets_the_same_pragmas(database):
    seen = {}

    def worker():
        with database.connection_context():
            for pragma in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout"):
                seen[pragma] = database.execute_sql(f"PRAGMA {pragma}").fetchone()[0]

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": storage.PRAGMAS["busy_timeout"],
    }
