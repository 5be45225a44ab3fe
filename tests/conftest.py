"""Shared fixtures: a real, migrated SQLite file in a fresh data folder per test."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.storage.database import close_database, open_database  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def database(data_dir):
    """A freshly migrated database bound to the models; closed afterwards."""
    db = open_database(data_dir)
    yield db
    close_database()
