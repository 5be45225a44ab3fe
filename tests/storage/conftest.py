"""Storage fixtures: a database whose clock the test controls."""

from __future__ import annotations

import pytest

from desktop_app.storage.database import close_database, open_database


class FakeClock:
    """A wall clock that only moves when the test says so, backwards if asked."""

    def __init__(self, ms: int = 1_355_702_400_000) -> None:  # 17 December 2012, 00:00 UTC
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture(autouse=True)
def fresh_databases():
    """Each new data folder's database made for real here: these are the tests of making
    and opening one (tests/conftest.py copies a made one elsewhere)."""


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def clocked_database(data_dir, clock):
    """A migrated database whose changes are stamped from `clock`."""
    db = open_database(data_dir, now_ms=clock)
    yield db
    close_database()
