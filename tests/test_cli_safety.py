"""No command destroys the data it works on, run as `python main.py …`: an output over the
database, its journal files, its store or a signing key is refused in one sentence naming
the path given (exit 2), an empty database is reported and left empty (exit 1), and the
temporary files of a killed run are removed by `check`, which says so."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.papers import documents
from desktop_app.storage import leftovers
from desktop_app.storage.database import DATABASE_NAME, close_database, open_database
from desktop_app.storage.models import AgendaItem, Meeting
from tests.documents.conftest import make_report
from tests.test_cli import ROOT, one_sentence

MEETING = ("--body", "Maidstone Locality Board", "--date", "2012-12-17")
OLD = time.time() - 2 * leftovers.STALE_SECONDS


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """The example body with a paper in the store, made once; each test gets a copy."""
    base = tmp_path_factory.mktemp("prepared")
    data = base / "data"
    assert main(["--data-dir", str(data), "import", str(EXAMPLE_FILE)]) == 0
    open_database(data)
    meeting = Meeting.get(Meeting.date == "2012-12-17")
    item = AgendaItem.get((AgendaItem.meeting == meeting.id) & (AgendaItem.number == "34"))
    report = make_report(base / "report.pdf", "Priorities report", 2)
    documents.attach_document(item_id=item.id, path=report, title="Priorities report")
    close_database()
    return data


@pytest.fixture
def folder(prepared, tmp_path) -> Path:
    data = tmp_path / "data"
    subprocess.run(["cp", "-a", str(prepared), str(data)], check=True)
    return data


def python_main(
    folder: Path, *argv: str, cwd: Path = ROOT, env: dict | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTE_BOOK_PASSPHRASE": "correct horse", **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of the data folder and its SHA-256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def a_stored_file(folder: Path) -> Path:
    return next(path for path in (folder / "store").glob("??/*"))


# Each command that writes a file, with the option that names it.
WRITERS = {
    "export": lambda out: ["export", out],
    "backup": lambda out: ["backup", "--out", out],
    "render": lambda out: ["render", "agenda", *MEETING, "--out", out],
    "brief": lambda out: ["brief", *MEETING, "--out", out],
    "archive": lambda out: ["archive", *MEETING, "--out", out],
    "pack show": lambda out: ["pack", "show", *MEETING, "--out", out],
    "signer new": lambda out: ["signer", "new", "--name", "Gary Cooke", "--out", out],
    "screenshot": lambda out: ["screenshot", out],
}
# What each command is pointed at: the database, its journals, a stored file, the store.
TARGETS = {
    "export": lambda folder: folder / DATABASE_NAME,
    "backup": lambda folder: folder / f"{DATABASE_NAME}-wal",
    "render": lambda folder: a_stored_file(folder),
    "brief": lambda folder: folder / f"{DATABASE_NAME}-shm",
    "archive": lambda folder: folder / "store" / "new.pdf",
    "pack show": lambda folder: folder / ".." / folder.name / DATABASE_NAME,
    "signer new": lambda folder: folder / DATABASE_NAME,
    "screenshot": lambda folder: a_stored_file(folder),
}


@pytest.mark.parametrize("command", WRITERS)
def test_no_command_writes_over_the_data_folder(folder, command):
    out = str(TARGETS[command](folder))
    before = fingerprint(folder)

    result = python_main(folder, *WRITERS[command](out))

    assert result.returncode == 2, result.stderr
    message = one_sentence(result.stderr)
    assert message.startswith(f"{out} is ") and "choose another file" in message
    assert fingerprint(folder) == before


@pytest.mark.parametrize("command", ["export", "backup", "pack show"])
def test_an_output_naming_a_folder_is_refused_with_the_name_given(folder, tmp_path, command):
    target = tmp_path / "outbox"
    target.mkdir()

    result = python_main(folder, *WRITERS[command](str(target)))

    assert result.returncode == 2
    assert (
        one_sentence(result.stderr) == f"{target} is a folder; give the name of the file to write."
    )
    assert list(target.iterdir()) == []


def test_a_link_to_the_database_is_the_database(folder, tmp_path):
    link = tmp_path / "record.json"
    link.symlink_to(folder / DATABASE_NAME)
    before = fingerprint(folder)

    result = python_main(folder, "export", "record.json", cwd=tmp_path)

    assert result.returncode == 2
    assert one_sentence(result.stderr).startswith("record.json is the data folder's database")
    assert fingerprint(folder) == before


def test_a_second_name_for_the_database_is_the_database(folder, tmp_path):
    hard = tmp_path / "copy.zip"
    os.link(folder / DATABASE_NAME, hard)
    before = fingerprint(folder)

    result = python_main(folder, "backup", "--out", str(hard))

    assert result.returncode == 2
    assert fingerprint(folder) == before


def test_publishing_into_the_store_is_refused(folder):
    target = folder / "store"
    before = fingerprint(folder)

    result = python_main(folder, "publish", *MEETING, "--to", str(target))

    assert result.returncode == 2
    message = one_sentence(result.stderr)
    assert message.startswith(f"{target} is in the data folder's store of documents")
    assert fingerprint(folder) == before


def test_a_signing_key_is_not_written_over(folder, tmp_path):
    keys = tmp_path / "keys"
    keys.mkdir()
    kept = keys / "cooke.p12"
    kept.write_bytes(b"a key")

    result = python_main(
        folder, *WRITERS["signer new"](str(kept)), env={"MINUTE_BOOK_KEYS_DIR": str(keys)}
    )

    assert result.returncode == 2
    assert "the folder of signing keys" in one_sentence(result.stderr)
    assert kept.read_bytes() == b"a key"


def test_an_output_beside_the_data_is_still_written(folder, tmp_path):
    out = tmp_path / "agenda.pdf"

    result = python_main(folder, *WRITERS["render"](str(out)))

    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_check_on_an_empty_database_says_so_and_leaves_it_empty(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / DATABASE_NAME).touch()

    result = python_main(data, "check")

    assert result.returncode == 1
    assert one_sentence(result.stderr).startswith(f"The database {data / DATABASE_NAME} is empty")
    assert [path.name for path in data.iterdir()] == [DATABASE_NAME]
    assert (data / DATABASE_NAME).stat().st_size == 0


def test_check_on_a_database_without_a_schema_makes_none(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / DATABASE_NAME) as empty:
        empty.execute("PRAGMA user_version = 0")
        empty.execute("VACUUM")  # a header and no table, as a cut-short copy might leave

    result = python_main(data, "check")

    assert result.returncode == 1
    assert "is empty" in one_sentence(result.stderr)
    with sqlite3.connect(data / DATABASE_NAME) as after:
        assert after.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_a_data_dir_naming_a_file_is_refused(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("not a folder", encoding="utf-8")

    result = python_main(file, "check")

    assert result.returncode == 2
    assert one_sentence(result.stderr) == f"{file} is a file; --data-dir names a folder."
    assert file.read_text(encoding="utf-8") == "not a folder"


def test_check_removes_the_temporary_files_of_a_killed_run_and_says_so(folder, tmp_path):
    incoming = folder / "store" / ".incoming-x1y2z3"
    incoming.write_bytes(b"half a report")
    half_made = folder / f".{DATABASE_NAME}.0a1b2c3d.new"
    half_made.write_bytes(b"half a database")
    partial = leftovers.partial_backup_name(tmp_path / "backup.zip")
    partial.write_bytes(b"PK half a zip")
    leftovers.note_backup(folder, partial)
    fresh = folder / "store" / ".incoming-still-being-written"
    fresh.write_bytes(b"another process is writing this")
    mine = folder / "store" / "notes.txt"  # not a name Minute Book writes
    mine.write_text("the clerk's own file", encoding="utf-8")
    for path in (incoming, half_made, partial, mine):
        os.utime(path, (OLD, OLD))

    result = python_main(folder, "check")

    assert result.returncode == 0, result.stderr
    removed = [line for line in result.stdout.splitlines() if line.startswith("Removed ")]
    assert sorted(removed) == sorted(
        f"Removed {path}, a temporary file left by an interrupted run."
        for path in (incoming, half_made, partial.resolve())
    )
    assert not incoming.exists() and not half_made.exists() and not partial.exists()
    assert fresh.exists() and mine.exists()
    assert list(folder.glob(".backup-*")) == []


def test_a_write_kept_waiting_past_the_busy_timeout_exits_1_in_one_sentence(folder, tmp_path):
    other = sqlite3.connect(folder / DATABASE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing, for longer than the timeout
    try:
        result = python_main(folder, "import", str(EXAMPLE_FILE))
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert result.returncode == 1
    message = one_sentence(result.stderr)
    assert message.startswith("Another Minute Book (a window or the command line) kept the data")
    assert "nothing was saved" in message
