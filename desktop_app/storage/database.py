"""The one place that opens the database, sets its pragmas and runs the migrations."""

from __future__ import annotations

import contextlib
import functools
import getpass
import importlib
import json
import os
import socket
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError, OperationalError, SqliteDatabase

from desktop_app.clock import wall_ms
from desktop_app.errors import StorageError, ValidationError
from desktop_app.storage import leftovers, migrations
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
    # Statement journals (a write whose triggers touch other tables keeps one to undo just
    # that statement) in memory, not in a temporary file: a synced agenda item's search
    # entry cost three times as much with them on disk (bench/).
    "temp_store": "memory",
}


class DatabaseBusy(ValidationError):
    """Another process kept the database busy for longer than the busy timeout; nothing was
    written. A ValidationError, so the window shows it and keeps what was typed."""


class MinuteBookDatabase(SqliteDatabase):
    """SQLite whose every outermost transaction begins IMMEDIATE.

    peewee's `atomic()` begins DEFERRED: a transaction that reads (the clock stamp, a
    check) and then writes asks for the write lock only at its first write, and if another
    process has written meanwhile SQLite refuses it at once, without the busy timeout, as
    its snapshot is stale. Begun IMMEDIATE, it waits for the lock before reading anything.
    A read snapshot that must not hold the lock asks for `atomic("DEFERRED")`.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path, pragmas=PRAGMAS, lock_type="IMMEDIATE")

    def begin(self, lock_type: str | None = None) -> None:
        try:
            super().begin(lock_type)
        except OperationalError as error:
            _refuse_if_busy(error)
            raise

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except OperationalError as error:
            _refuse_if_busy(error)
            raise


def _refuse_if_busy(error: OperationalError) -> None:
    """SQLite's "database is locked" after the busy timeout becomes a DatabaseBusy."""
    code = getattr(getattr(error, "orig", None), "sqlite_errorcode", None)  # sqlite3's error
    if code is not None and code & 0xFF == sqlite3.SQLITE_BUSY:
        seconds = PRAGMAS["busy_timeout"] // 1000
        who = _writing[-1] if _writing else "Another Minute Book (a window or the command line)"
        raise DatabaseBusy(
            f"{who} kept the data folder busy for more than {seconds} seconds, so nothing "
            "was saved; try again in a moment."
        ) from error


# What this process is writing in the background, named for the busy message: a clerk
# whose edit waits for the window's own sync must not be told of another Minute Book.
_writing: list[str] = []


@contextlib.contextmanager
def writing(who: str) -> Iterator[None]:
    """Name the background work about to write (`who`, as the start of a sentence)."""
    _writing.append(who)
    try:
        yield
    finally:
        _writing.remove(who)


@dataclass
class Context:
    """Who is making changes and with which clock; read by the change journal."""

    device_id: str
    schema_version: int = 0
    actor: str = field(default_factory=getpass.getuser)
    machine: str = field(default_factory=socket.gethostname)
    now_ms: Callable[[], int] = wall_ms


_context: Context | None = None


def context() -> Context:
    if _context is None:
        raise RuntimeError("open_database() has not been called")
    return _context


class MigrationStep:
    """One numbered migration, its module imported only when the step runs: a start on an
    up-to-date folder needs only the numbers (importing every step took 7 ms of a start)."""

    def __init__(self, module_name: str) -> None:
        self.module_name = module_name

    def migrate(self, database: SqliteDatabase) -> None:
        importlib.import_module(self.module_name).migrate(database)

    def complete(self, database: SqliteDatabase) -> None:
        """The part of a step that reads through today's models, left by `migrate` in a
        table named `step_NNNN_pending` until the schema is current (0006)."""
        importlib.import_module(self.module_name).complete(database)


@functools.cache
def migration_modules() -> list[tuple[int, MigrationStep]]:
    """Numbered migrations (`0001_initial.py`, `0002_...`) in order, read from the names."""
    folder = Path(migrations.__file__).parent
    return [
        (int(path.stem[:4]), MigrationStep(f"{migrations.__name__}.{path.stem}"))
        for path in sorted(folder.glob("[0-9][0-9][0-9][0-9]_*.py"))
    ]


def schema_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate(database: SqliteDatabase, *, updating: Callable[[], None] | None = None) -> None:
    """Run each migration above the stored `user_version`, each in its own transaction.
    `updating()` is called first when a folder made by an earlier version is brought up
    to date (not for a new one): on a large folder that can take seconds."""
    known = migration_modules()
    _refuse_newer(schema_version(database), known[-1][0])
    if schema_version(database) != known[-1][0]:
        if updating is not None and schema_version(database) > 0:
            updating()
        for number, module in known:
            # IMMEDIATE (see MinuteBookDatabase): a second process opening the folder waits
            # here, and reading the version inside the lock it finds the step already done.
            with database.atomic():
                current = schema_version(database)
                _refuse_newer(current, known[-1][0])
                if number <= current:
                    continue
                module.migrate(database)
                database.execute_sql(f"PRAGMA user_version = {int(number)}")
    if _pending(database):
        _complete_pending(database, dict(known))


def _pending(database: SqliteDatabase) -> list[str]:
    """The tables of steps left to complete (MigrationStep.complete), by step."""
    found = database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'step_[0-9]*_pending'"
    ).fetchall()
    return sorted(name for (name,) in found)


def _complete_pending(database: SqliteDatabase, steps: dict[int, MigrationStep]) -> None:
    """Finish what the steps left pending, each in its own transaction: one that fails keeps
    its table and is finished at a later open. Looked for again inside each transaction, as
    a second process opening the folder may have finished it meanwhile."""
    for table in _pending(database):
        with database.atomic():
            if table in _pending(database):
                steps[int(table.split("_")[1])].complete(database)


def open_database(
    data_dir: Path,
    *,
    now_ms: Callable[[], int] = wall_ms,
    tidy: bool = True,
    updating: Callable[[], None] | None = None,
) -> SqliteDatabase:
    """Open the database in `data_dir` (making a new one if the folder has none), migrated
    and bound to the models (`updating`: see `migrate`). With `tidy`, temporary files left
    by a killed process are removed (`check` opens without it, to report them)."""
    global _context
    data_dir = Path(data_dir)
    path = data_dir / DATABASE_NAME
    if data_dir.exists() and not data_dir.is_dir():
        raise StorageError(f"{data_dir} is a file, not a data folder.")
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        _create(path)
    elif path.is_file() and path.stat().st_size == 0:
        raise StorageError(_empty(path))
    database = MinuteBookDatabase(str(path))
    try:
        database.connect(reuse_if_open=True)
        _refuse_foreign(database, path)
        migrate(database, updating=updating)
    # peewee re-raises sqlite3's errors as its own classes, which sqlite3.DatabaseError misses.
    except (sqlite3.DatabaseError, DatabaseError) as error:
        database.close()
        raise StorageError(f"The database in {data_dir} cannot be opened: {error}.") from error
    except StorageError:  # newer or foreign: left alone and closed
        database.close()
        raise
    except DatabaseBusy as error:  # a StorageError, as the window cannot open without it
        database.close()
        raise StorageError(str(error)) from error
    db.initialize(database)
    try:
        _context = Context(
            device_id=_device_id(path), schema_version=schema_version(database), now_ms=now_ms
        )
    except DatabaseBusy as error:
        close_database()
        raise StorageError(str(error)) from error
    if tidy:
        leftovers.remove_leftovers(data_dir)
    return database


def close_database() -> None:
    global _context
    if not db.is_closed():
        db.close()
    _context = None


def _create(path: Path) -> None:
    """Make a new, migrated database at `path`, whole or not at all.

    It is built under a temporary name and then linked to its real name, which fails if
    another first start got there first (that one is kept, ours discarded). So the real name
    never names a database half made, and an empty database file is damage, never a first
    start to migrate."""
    temp = leftovers.new_database_name(path)
    # Unsynced while built: nobody sees the file until it is complete and synced below.
    building = SqliteDatabase(str(temp), pragmas={"foreign_keys": 1, "synchronous": "off"})
    try:
        building.connect()
        migrate(building)
        building.close()
        with open(temp, "rb+") as made:
            os.fsync(made.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process made it first: that one is the data folder's database
        except OSError:  # a file system without hard links (FAT): rename, if still free
            if not path.exists():
                os.replace(temp, path)
    finally:
        building.close()
        temp.unlink(missing_ok=True)


def _refuse_foreign(database: SqliteDatabase, path: Path) -> None:
    """A database file at version 0 was never made by Minute Book: made whole by
    `_create`, ours is never at version 0. Refused, and left as it is."""
    if schema_version(database) != 0:
        return
    tables = database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if not tables:
        raise StorageError(_empty(path))
    raise StorageError(
        f"The database {path} was not made by Minute Book; move it out of the data folder."
    )


def _empty(path: Path) -> str:
    return (
        f"The database {path} is empty and holds no Minute Book data; restore the data "
        "folder from a backup, or move the empty file away to start afresh."
    )


def _refuse_newer(version: int, latest: int) -> None:
    if version > latest:
        raise StorageError(
            "This data folder was written by a newer version of Minute Book; "
            "please update the program before opening it."
        )


def _device_id(path: Path) -> str:
    """This installation's id in the shared folder; made once, kept in the database.

    A database copied to another laptop or restored from a backup must not go on writing
    under the id of the one it was copied from (two machines would write the same sequence
    numbers into one folder of the share): the id is tied to the database file itself (its
    machine, path and file identity), and a file that is not the one it was made in takes a
    new id. The ids it had before are kept, so its own earlier files are known as its own.
    """
    home = _home(path)
    row = LocalSetting.get_or_none(LocalSetting.key == "device_id")
    if row is not None and _setting("device_home") == home:
        return row.value
    with db.atomic():  # IMMEDIATE: two first starts cannot both make one
        row = LocalSetting.get_or_none(LocalSetting.key == "device_id")
        if row is not None and _setting("device_home") == home:
            return row.value
        if row is not None:
            renew_device_id()
        else:
            LocalSetting.create(key="device_id", value=uuid.uuid4().hex[:12])
        LocalSetting.replace(key="device_home", value=home).execute()
        return LocalSetting.get(LocalSetting.key == "device_id").value


def renew_device_id() -> str:
    """Take a new device id, remembering the old one with the last file it wrote to the
    share, in the caller's transaction."""
    old = LocalSetting.get(LocalSetting.key == "device_id").value
    past = json.loads(_setting("past_devices") or "{}")
    past[old] = int(_setting("share_seq") or 0)
    new = uuid.uuid4().hex[:12]
    LocalSetting.replace(key="past_devices", value=json.dumps(past, sort_keys=True)).execute()
    LocalSetting.replace(key="device_id", value=new).execute()
    LocalSetting.replace(key="share_seq", value="0").execute()
    if _context is not None:
        _context.device_id = new
    return new


def _setting(key: str) -> str | None:
    row = LocalSetting.get_or_none(LocalSetting.key == key)
    return row.value if row else None


def _home(path: Path) -> str:
    info = path.stat()
    return f"{socket.gethostname()}|{path.resolve()}|{info.st_dev}:{info.st_ino}"
