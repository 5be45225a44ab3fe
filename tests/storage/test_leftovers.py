"""Temporary files of a killed process: removed when stale and ours, kept otherwise."""

from __future__ import annotations

import os
import time

from desktop_app.storage import leftovers, store
from desktop_app.storage.database import close_database, open_database

OLD = time.time() - 2 * leftovers.STALE_SECONDS


def aged(path, data: bytes = b"half"):
    path.write_bytes(data)
    os.utime(path, (OLD, OLD))
    return path


def test_opening_removes_a_stale_incoming_file_of_the_store(database, data_dir):
    kept = store.put_bytes(b"a report")
    stale = aged(store.store_dir() / f"{leftovers.INCOMING_PREFIX}abc123")
    close_database()

    open_database(data_dir)

    assert not stale.exists()
    assert store.has(kept)


def test_a_file_being_written_by_another_process_is_kept(database, data_dir):
    store.put_bytes(b"a report")
    fresh = store.store_dir() / f"{leftovers.INCOMING_PREFIX}abc123"
    fresh.write_bytes(b"still arriving")

    assert leftovers.remove_leftovers(data_dir) == []
    assert fresh.exists()


def test_a_partial_backup_still_being_written_keeps_its_note(database, data_dir, tmp_path):
    partial = leftovers.partial_backup_name(tmp_path / "backup.zip")
    partial.write_bytes(b"PK")
    note = leftovers.note_backup(data_dir, partial)

    assert leftovers.remove_leftovers(data_dir) == []
    assert partial.exists() and note.exists()

    assert leftovers.remove_leftovers(data_dir, now=time.time() + 2 * leftovers.STALE_SECONDS) == [
        partial.resolve()
    ]
    assert not partial.exists() and not note.exists()


def test_a_note_naming_a_file_not_ours_removes_nothing(data_dir, database, tmp_path):
    precious = aged(tmp_path / "minutes.pdf", b"%PDF the clerk's file")
    leftovers.note_backup(data_dir, precious)

    assert leftovers.remove_leftovers(data_dir) == []
    assert precious.read_bytes() == b"%PDF the clerk's file"


def test_a_killed_backups_snapshot_goes_with_its_write_ahead_log(database, data_dir):
    snapshot = leftovers.snapshot_name(data_dir)
    files = [aged(snapshot), aged(snapshot.with_name(snapshot.name + "-wal"))]
    files.append(aged(snapshot.with_name(snapshot.name + "-shm")))

    removed = leftovers.remove_leftovers(data_dir)

    assert sorted(removed) == sorted(path.resolve() for path in files)
