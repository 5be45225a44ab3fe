"""Shared fixtures: a real, migrated SQLite file in a fresh data folder per test, and per-user
folders of the test's own."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop_app.storage import database as storage  # noqa: E402
from desktop_app.storage.database import close_database, open_database  # noqa: E402

_MAKE_DATABASE = storage._create
_EVERY_MIGRATION = storage.migration_modules


@pytest.fixture(scope="session")
def new_database(tmp_path_factory) -> Path:
    """The database a new data folder is given, made once for each worker as a first start
    makes it (see `fresh_databases`)."""
    path = tmp_path_factory.mktemp("new-database") / storage.DATABASE_NAME
    _MAKE_DATABASE(path)
    return path


@pytest.fixture(autouse=True)
def fresh_databases(monkeypatch, new_database):
    """A new data folder's database is a copy of `new_database` (2 ms) rather than made
    afresh by running every migration (85 ms, which a suite of some 2,000 new folders paid
    for a fifth of its time); the copy is the same file, its device id taken at first open
    as ever. A test that runs fewer migrations gets them run for real, and tests/storage and
    tests/reliability, which test the making itself, always do (their conftest)."""

    def make(path: Path) -> None:
        if storage.migration_modules is _EVERY_MIGRATION:
            shutil.copyfile(new_database, path)
        else:
            _MAKE_DATABASE(path)

    monkeypatch.setattr(storage, "_create", make)


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """The per-user data and config folders (platformdirs reads $XDG_DATA_HOME and
    $XDG_CONFIG_HOME) inside the test's own folder: a test that signs up a signer without
    naming a keys folder must not write into the user's own, nor share one with tests
    running beside it (`make test` runs them in parallel)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def database(data_dir):
    """A freshly migrated database bound to the models; closed afterwards."""
    db = open_database(data_dir)
    yield db
    close_database()
