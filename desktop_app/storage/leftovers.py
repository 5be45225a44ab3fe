"""Temporary files a killed process leaves behind, and their removal at the next start or
`check`.

Whatever Minute Book writes whole is first written under a temporary name and then renamed:
a stored file (`store/.incoming-…`), a new database (`.minute-book.sqlite3.….new`), a backup
(`.<name>.….partial` beside the .zip asked for, recorded in the data folder by a
`.backup-….pending` note, since that folder may be anywhere). A process killed half way
leaves the temporary file: harmless, as no real name points at it, but it wastes space (and
a backup's `.backup-….snapshot` is a whole copy of the record).

Only our own names are removed, and only once nothing has written to them for
STALE_SECONDS: the window and the command line may share a data folder, and a file being
written by the other one has a fresh modification time. Process ids and file locks were the
alternatives; a process id can be reused, and locks work differently on Windows, while every
system keeps the modification time.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path

STALE_SECONDS = 60
INCOMING_PREFIX = ".incoming-"  # store.py's temporary files
NEW_DATABASE = re.compile(r"^\..+\.[0-9a-f]{8}\.new(-journal)?$")
PARTIAL_BACKUP = re.compile(r"^\..+\.[0-9a-f]{8}\.partial$")
SNAPSHOT = re.compile(r"^\.backup-[0-9a-f]{8}\.snapshot(-journal|-wal|-shm)?$")
BACKUP_NOTE = re.compile(r"^\.backup-[0-9a-f]{8}\.pending$")


def new_database_name(path: Path) -> Path:
    """Where a new database is made before it gets its real name."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")


def partial_backup_name(out: Path) -> Path:
    """Where a backup is written before it is renamed to `out`."""
    return out.with_name(f".{out.name}.{secrets.token_hex(4)}.partial")


def snapshot_name(data_dir: Path) -> Path:
    """Where a backup copies the database before putting it in the .zip."""
    return Path(data_dir) / f".backup-{secrets.token_hex(4)}.snapshot"


def note_backup(data_dir: Path, partial: Path) -> Path:
    """Record in the data folder that `partial` is being written, so that a later start can
    find it if this process is killed; the caller removes the note when done."""
    note = Path(data_dir) / f".backup-{secrets.token_hex(4)}.pending"
    note.write_text(str(Path(partial).resolve()), encoding="utf-8")
    return note


def remove_leftovers(data_dir: Path, *, now: float | None = None) -> list[Path]:
    """Remove the stale temporary files of the data folder (and partial backups it has a
    note of); returns those removed."""
    data_dir = Path(data_dir)
    now = time.time() if now is None else now
    removed = []
    store = data_dir / "store"
    found = [*store.glob(f"{INCOMING_PREFIX}*")] if store.is_dir() else []
    found += [
        path
        for path in data_dir.glob(".*")
        if NEW_DATABASE.match(path.name) or SNAPSHOT.match(path.name)
    ]
    for path in found:
        if _remove_if_stale(path, now):
            removed.append(path)
    for note in [path for path in data_dir.glob(".backup-*") if BACKUP_NOTE.match(path.name)]:
        try:
            partial = Path(note.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):  # just finished, or not a note we wrote
            continue
        if not PARTIAL_BACKUP.match(partial.name):
            continue  # not a name we write: never remove it
        if partial.exists():
            if not _remove_if_stale(partial, now):
                continue  # still being written
            removed.append(partial)
        note.unlink(missing_ok=True)
    return removed


def _remove_if_stale(path: Path, now: float) -> bool:
    try:
        if now - path.stat().st_mtime < STALE_SECONDS:
            return False
        os.unlink(path)
    except OSError:  # finished or removed meanwhile, or (Windows) open in another process
        return False
    return True
