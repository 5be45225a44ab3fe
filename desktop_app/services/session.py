"""The data folder as the window sees it, so that ui/ never touches storage/ or peewee:
opening and closing it, one transaction round a user's action, a connection for a worker
thread, who makes the changes and on which clock, and the stored values a form starts from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from desktop_app.clock import wall_ms
from desktop_app.storage import changes, database
from desktop_app.storage.models import db


def open_data_folder(
    data_dir: Path,
    *,
    now_ms: Callable[[], int] = wall_ms,
    updating: Callable[[], None] | None = None,
) -> None:
    """Open (or make) the database in `data_dir`, migrated; StorageError if it cannot be.
    `updating()` is called before a folder of an earlier version is brought up to date."""
    database.open_database(data_dir, now_ms=now_ms, updating=updating)


def close_data_folder() -> None:
    database.close_database()


def transaction() -> AbstractContextManager:
    """One transaction round everything a user's action writes: all of it or nothing."""
    return db.atomic()


def worker_connection() -> AbstractContextManager:
    """A connection of its own for a background thread, closed when the work ends."""
    return db.connection_context()


def act_as(*, actor: str, machine: str) -> None:
    """Who makes the changes from here on, and on which machine (the journal records it)."""
    context = database.context()
    context.actor, context.machine = actor, machine


def use_clock(now_ms: Callable[[], int]) -> None:
    """The clock the changes from here on are stamped by."""
    database.context().now_ms = now_ms


def stored_values(row: Any, names: Iterable[str]) -> dict[str, Any]:
    """The stored values of `names` (field names, or columns like `body_id`) of a record a
    service returned: what an edit starts from, and what its undo puts back."""
    return changes.current(row, names)


def plain(value: Any) -> Any:
    """A field value as stored and compared (a record as its id, a date as ISO text)."""
    return changes.plain(value)
