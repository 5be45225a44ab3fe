"""The `backup` command: one .zip holding a consistent copy of the data folder.

The database is copied with SQLite's online backup API, which gives a snapshot even while
the window writes; the store is copied after it. Stored files are only ever added, so
every file the snapshot refers to is already there.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.storage import store
from desktop_app.storage.database import DATABASE_NAME
from desktop_app.storage.models import db


@dataclass(frozen=True)
class BackupResult:
    path: Path
    files: int  # stored documents and PDFs, besides the database
    size: int  # bytes of the .zip


def backup(*, out: Path) -> BackupResult:
    """Write the open database and its store to the .zip `out` (made whole, then renamed)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ValidationError(f"There is no folder {out.parent} to put the backup in.")
    store_dir = store.store_dir()
    handle, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    os.close(handle)
    files = 0
    try:
        with tempfile.TemporaryDirectory() as work:
            snapshot = Path(work) / DATABASE_NAME
            _snapshot_database(snapshot)
            with zipfile.ZipFile(temp_name, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(snapshot, DATABASE_NAME)
                for path in sorted(store_dir.glob("??/*")) if store_dir.is_dir() else []:
                    # Reports and PDFs are compressed already; storing them is faster.
                    archive.write(path, f"store/{path.parent.name}/{path.name}", zipfile.ZIP_STORED)
                    files += 1
        with open(temp_name, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp_name, out)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise
    return BackupResult(path=out, files=files, size=out.stat().st_size)


def _snapshot_database(target: Path) -> None:
    copy = sqlite3.connect(target)
    try:
        db.connection().backup(copy)
        # One self-contained file in the zip, not a database that expects a -wal beside it.
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
