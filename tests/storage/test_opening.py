"""Opening a data folder safely: a new database is made whole, an empty one is damage left as
it is, and a write waits for another connection's instead of failing."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

import pytest

from desktop_app.errors import StorageError, ValidationError
from desktop_app.services.directory.people import create_person, list_people
from desktop_app.storage import database as storage
from desktop_app.storage.database import (
    DATABASE_NAME,
    DatabaseBusy,
    close_database,
    open_database,
    schema_version,
)
from desktop_app.storage.models import Person
from tests.services.conftest import assert_sentence, row_counts

LAST = storage.migration_modules()[-1][0]


def test_a_zero_byte_database_is_refused_and_left_empty(data_dir):
    data_dir.mkdir()
    (data_dir / DATABASE_NAME).touch()

    with pytest.raises(StorageError) as refused:
        open_database(data_dir)

    assert_sentence(str(refused.value))
    assert "is empty" in str(refused.value)
    assert [path.name for path in data_dir.iterdir()] == [DATABASE_NAME]
    assert (data_dir / DATABASE_NAME).stat().st_size == 0


def test_a_database_file_without_a_schema_is_refused_and_gets_none(data_dir):
    data_dir.mkdir()
    with sqlite3.connect(data_dir / DATABASE_NAME) as empty:
        empty.execute("VACUUM")

    with pytest.raises(StorageError) as refused:
        open_database(data_dir)

    assert "is empty" in str(refused.value)
    with sqlite3.connect(data_dir / DATABASE_NAME) as after:
        assert after.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
        assert after.execute("PRAGMA user_version").fetchone() == (0,)


def test_a_data_folder_that_is_a_file_is_refused(data_dir):
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("notes", encoding="utf-8")

    with pytest.raises(StorageError) as refused:
        open_database(data_dir)

    assert str(refused.value) == f"{data_dir} is a file, not a data folder."
    assert data_dir.read_text(encoding="utf-8") == "notes"


def test_a_new_database_is_made_whole_and_leaves_no_temporary_file(data_dir):
    database = open_database(data_dir)
    try:
        assert schema_version(database) == LAST
        names = {path.name for path in data_dir.iterdir()}
        assert names <= {DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"}
    finally:
        close_database()


def test_a_half_made_database_of_a_killed_first_start_is_not_the_database(data_dir):
    data_dir.mkdir()
    half = data_dir / f".{DATABASE_NAME}.0a1b2c3d.new"
    with sqlite3.connect(half) as made:  # killed after the first migration
        made.execute("CREATE TABLE person (id TEXT)")
    old = time.time() - 120
    os.utime(half, (old, old))

    database = open_database(data_dir)
    try:
        assert schema_version(database) == LAST
        assert not half.exists()
    finally:
        close_database()


@pytest.fixture
def other(database, data_dir):
    """A second connection to the same file, as another process would hold."""
    connection = sqlite3.connect(
        data_dir / DATABASE_NAME, timeout=0, isolation_level=None, check_same_thread=False
    )
    yield connection
    connection.close()


def test_a_write_waits_while_another_connection_finishes_its_write(other):
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO local_setting (key, value) VALUES ('other', 'writing')")
    # The other writer commits a moment after this one has started its transaction.
    releaser = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    releaser.start()
    try:
        person = create_person(name="Ann Brown")
    finally:
        releaser.join()
    assert Person.get_by_id(person.id).name == "Ann Brown"


def test_a_write_that_cannot_get_the_database_in_time_is_refused_in_one_sentence(
    data_dir, monkeypatch
):
    monkeypatch.setitem(storage.PRAGMAS, "busy_timeout", 200)
    open_database(data_dir)
    other = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
    try:
        before = row_counts()
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseBusy) as refused:
            create_person(name="Ann Brown")
        other.execute("ROLLBACK")
        assert isinstance(refused.value, ValidationError)  # the window keeps what was typed
        assert_sentence(str(refused.value))
        assert "nothing was saved" in str(refused.value)
        assert row_counts() == before
    finally:
        other.close()
        close_database()


def test_reading_outside_a_transaction_works_while_another_connection_writes(other):
    create_person(name="Ann Brown")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO local_setting (key, value) VALUES ('other', 'writing')")
    try:
        assert [p.name for p in list_people()] == ["Ann Brown"]
    finally:
        other.execute("ROLLBACK")
