"""The `backup` command: one .zip holding a consistent copy of the data folder.

The database is copied with SQLite's online backup API, which gives a snapshot even while
the window writes; the store is copied after it. Stored files are only ever added, so
every file the snapshot refers to is already there.
"""

from __future__ import annotations

import os
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.storage import leftovers, store
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
    data_dir = store.data_dir()
    store_dir = store.store_dir()
    # In the data folder, not the system's temporary folder: a copy of the whole record left
    # by a killed backup is found and removed there at the next start (leftovers.py).
    snapshot = leftovers.snapshot_name(data_dir)
    partial = leftovers.partial_backup_name(out)
    note = None
    files = 0
    try:
        _snapshot_database(snapshot)
        # The partial file exists before the note naming it, so a note never names a file
        # not yet begun, which the next start would take for one already finished.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        note = leftovers.note_backup(data_dir, partial)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(snapshot, DATABASE_NAME)
            for path in sorted(store_dir.glob("??/*")) if store_dir.is_dir() else []:
                # Reports and PDFs are compressed already; storing them is faster.
                archive.write(path, f"store/{path.parent.name}/{path.name}", zipfile.ZIP_STORED)
                files += 1
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        snapshot.unlink(missing_ok=True)
        if note is not None:
            note.unlink(missing_ok=True)
    return BackupResult(path=out, files=files, size=out.stat().st_size)


def _snapshot_database(target: Path) -> None:
    copy = sqlite3.connect(target)
    try:
        db.connection().backup(copy)
        # One self-contained file in the zip, not a database that expects a -wal beside it.
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
