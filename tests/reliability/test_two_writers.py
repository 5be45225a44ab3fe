"""Two processes on one data folder (the window and the command line, or two windows): both
work, a write waits for the other instead of failing, and nothing either committed is lost.
Two first starts on a new folder share one database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.storage.database import DATABASE_NAME, close_database, migration_modules
from desktop_app.storage.database import open_database as open_folder

ROOT = Path(__file__).resolve().parents[2]
EDITOR = Path(__file__).with_name("editor.py")
SECONDS = 3


def editor(data_dir: Path, tag: str, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(EDITOR), str(data_dir), tag, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_two_processes_editing_at_once_have_no_edit_refused_or_lost(tmp_path, capsys):
    data_dir = tmp_path / "data"
    open_folder(data_dir)
    close_database()
    writers = [editor(data_dir, tag, "--seconds", str(SECONDS)) for tag in ("Window", "Command")]
    outputs = [writer.communicate(timeout=60) for writer in writers]
    lines = [line for out, _err in outputs for line in out.splitlines()]
    assert all(writer.returncode == 0 for writer in writers), [err for _, err in outputs]

    committed = [line for line in lines if line.startswith(("created ", "updated "))]
    refused = [line for line in lines if line.startswith("refused ")]
    with capsys.disabled():
        print(f"\ntwo writers: {len(committed) + len(refused)} edits, {len(refused)} refused")
    assert refused == []
    assert all(any(line.startswith("created") for line in out.splitlines()) for out, _ in outputs)
    with sqlite3.connect(data_dir / DATABASE_NAME) as record:
        people = dict(record.execute("SELECT id, position FROM person"))
    for line in committed:
        word, person, *position = line.split(" ", 2)
        assert person in people, line
        if word == "updated":
            assert people[person] == position[0], line


@pytest.mark.parametrize("round_", range(3))
def test_first_starts_at_once_on_a_new_folder_share_one_database(tmp_path, round_):
    data_dir = tmp_path / "new"
    opening = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]); "
        "from desktop_app.storage import database; database.open_database(Path(sys.argv[1])); "
        "print(database.context().device_id)"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", opening, str(data_dir), str(ROOT)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [start.communicate(timeout=60) for start in starts]

    assert [start.returncode for start in starts] == [0, 0, 0], [err for _, err in results]
    assert len({out.strip() for out, _ in results}) == 1  # one database, one device id
    with sqlite3.connect(data_dir / DATABASE_NAME) as made:
        assert made.execute("PRAGMA user_version").fetchone()[0] == migration_modules()[-1][0]
    assert sorted(path.name for path in data_dir.iterdir() if path.name.startswith(".")) == []
