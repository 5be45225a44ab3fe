"""The one place that opens the database, sets its pragmas and runs the migrations."""

from __future__ import annotations

import getpass
import importlib
import socket
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from desktop_app.clock import wall_ms
from desktop_app.errors import StorageError
from desktop_app.storage import migrations
from desktop_app.storage.models import LocalSetting, db

DATABASE_NAME = "minute-book.sqlite3"

PRAGMAS = {
    # WAL lets the window read while a background task writes.
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL: a committed edit survives a power cut, which matters more than write speed here.
    "synchronous": "full",
    # Another process (the command line beside the window) may hold the lock briefly.
    "busy_timeout": 5000,
}


@dataclass
class Context:
    """Who is making changes and with which clock; read by the change journal."""

    device_id: str
    actor: str = field(default_factory=getpass.getuser)
    machine: str = field(default_factory=socket.gethostname)
    now_ms: Callable[[], int] = wall_ms


_context: Context | None = None


def context() -> Context:
    if _context is None:
        raise RuntimeError("open_database() has not been called")
    return _context


def migration_modules() -> list[tuple[int, object]]:
    """Numbered migrations (`0001_initial.py`, `0002_...`) in order."""
    folder = Path(migrations.__file__).parent
    found = []
    for path in sorted(folder.glob("[0-9][0-9][0-9][0-9]_*.py")):
        module = importlib.import_module(f"{migrations.__name__}.{path.stem}")
        found.append((int(path.stem[:4]), module))
    return found


def schema_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate(database: SqliteDatabase) -> None:
    """Run each migration above the stored `user_version`, each in its own transaction."""
    known = migration_modules()
    current = schema_version(database)
    if current > known[-1][0]:
        raise StorageError(
            "This data folder was written by a newer version of Minute Book; "
            "please update the program before opening it."
        )
    for number, module in known:
        if number <= current:
            continue
        with database.atomic():
            module.migrate(database)
            database.execute_sql(f"PRAGMA user_version = {int(number)}")


def open_database(data_dir: Path, *, now_ms: Callable[[], int] = wall_ms) -> SqliteDatabase:
    """Open (creating if needed) the database in `data_dir`, migrated and bound to the models."""
    global _context
    data_dir.mkdir(parents=True, exist_ok=True)
    database = SqliteDatabase(str(data_dir / DATABASE_NAME), pragmas=PRAGMAS)
    try:
        database.connect(reuse_if_open=True)
        migrate(database)
    # peewee re-raises sqlite3's errors as its own classes, which sqlite3.DatabaseError misses.
    except (sqlite3.DatabaseError, DatabaseError) as error:
        database.close()
        raise StorageError(f"The database in {data_dir} cannot be opened: {error}.") from error
    except StorageError:  # from a newer version: leave the file alone and closed
        database.close()
        raise
    db.initialize(database)
    _context = Context(device_id=_device_id(), now_ms=now_ms)
    return database


def close_database() -> None:
    global _context
    if not db.is_closed():
        db.close()
    _context = None


def _device_id() -> str:
    """This machine's id in the shared folder; made once, kept in the database."""
    with db.atomic():
        row = LocalSetting.get_or_none(LocalSetting.key == "device_id")
        if row is None:
            row = LocalSetting.create(key="device_id", value=uuid.uuid4().hex[:12])
    return row.value
