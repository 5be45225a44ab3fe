"""Shared fixtures: a real, migrated SQLite file in a fresh data folder per test, and per-user
folders of the test's own."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.storage.database import close_database, open_database  # noqa: E402


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
