"""`backup`: one .zip with a consistent copy of the database and the store."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from desktop_app.backup import backup
from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.storage import store
from desktop_app.storage.models import Body


def test_backup_holds_the_database_and_the_store(database, tmp_path):
    import_file(EXAMPLE_FILE)
    sha256 = store.put_bytes(b"a stored report")
    result = backup(out=tmp_path / "backup.zip")

    assert result.files == 1
    with zipfile.ZipFile(tmp_path / "backup.zip") as archive:
        names = archive.namelist()
        assert f"store/{sha256[:2]}/{sha256}" in names
        archive.extract("minute-book.sqlite3", tmp_path / "restored")
    copy = sqlite3.connect(tmp_path / "restored" / "minute-book.sqlite3")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        bodies = copy.execute("SELECT count(*) FROM body").fetchone()[0]
    finally:
        copy.close()
    assert bodies == Body.select().count()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".backup.zip")]


def test_a_backup_leaves_no_copy_partial_or_note_behind(database, data_dir, tmp_path):
    store.put_bytes(b"a stored report")
    out = tmp_path / "out"
    out.mkdir()

    backup(out=out / "backup.zip")

    assert [path.name for path in out.iterdir()] == ["backup.zip"]
    assert [path for path in data_dir.iterdir() if path.name.startswith(".")] == []


def test_a_failed_backup_leaves_no_copy_partial_or_note_behind(database, data_dir, tmp_path):
    store.put_bytes(b"a stored report")
    out = tmp_path / "out"
    (out / "backup.zip").mkdir(parents=True)  # the rename at the end cannot replace a folder

    with pytest.raises(OSError):
        backup(out=out / "backup.zip")

    assert [path.name for path in out.iterdir()] == ["backup.zip"]
    assert [path for path in data_dir.iterdir() if path.name.startswith(".")] == []
