"""Helpers for tests that use more than one data folder or compare whole databases."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import import_data
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import ALL_MODELS

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "locality-board.json"


@contextlib.contextmanager
def opened(data_dir: Path):
    """The database of `data_dir`, open for the length of the `with`."""
    open_database(data_dir)
    try:
        yield
    finally:
        close_database()


def every_row() -> dict[str, list[tuple]]:
    """The whole content of every table, journal and settings included."""
    return {
        model._meta.table_name: sorted(model.select().tuples(), key=repr) for model in ALL_MODELS
    }


def refused_import(data: dict, base_dir: Path) -> str:
    """The message of an import's refusal; the database must be exactly as it was."""
    before = every_row()
    with pytest.raises(ValidationError) as caught:
        import_data(data, base_dir=base_dir)
    assert every_row() == before
    return str(caught.value)
