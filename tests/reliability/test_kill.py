"""The kill test: a process making committed edits through the services (people edited, the
example imported, papers attached and the pack issued, backups written) is killed with
SIGKILL at random moments. Every commit it reported must be there afterwards, no half file
may be left under a real name, and `check` must find the folder sound, removing the
temporary files the kills left.

MINUTE_BOOK_KILLS sets the number of kills (15 here, 500 in `make reliability`).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.storage import leftovers
from desktop_app.storage.database import (
    DATABASE_NAME,
    close_database,
    migration_modules,
    open_database,
    schema_version,
)
from desktop_app.storage.models import db
from tests.reliability.test_two_writers import ROOT, editor

KILLS = int(os.environ.get("MINUTE_BOOK_KILLS", "15"))
MODES = ("edits", "import", "pack", "backup")
# How long each mode runs before the kill: long enough to be killed in the middle of its
# slower commits (an import, a pack rendered), never so long that a test run drags.
LONGEST = {"edits": 0.4, "import": 1.5, "pack": 2.0, "backup": 0.6}


@pytest.mark.timeout(60 + 10 * KILLS)  # a kill takes about a second; 500 of them, minutes
def test_no_committed_edit_is_lost_and_no_half_file_is_left_by_a_kill(tmp_path, capsys):
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "import", str(EXAMPLE_FILE)]) == 0
    chance = random.Random(os.environ.get("MINUTE_BOOK_SEED", "kills"))
    reported: list[str] = []
    for kill in range(KILLS):
        mode = MODES[kill % len(MODES)]
        victim = editor(data_dir, f"K{kill}", "--mode", mode)
        assert victim.stdout.readline() == "ready\n", victim.stderr.read()
        time.sleep(chance.uniform(0, LONGEST[mode]))
        victim.send_signal(signal.SIGKILL)
        out, err = victim.communicate(timeout=60)
        assert "refused" not in out and "Traceback" not in err, out + err
        reported += out.splitlines()

    assert_every_commit_is_there(data_dir, reported)
    assert_no_half_backup(tmp_path)
    removed = check_after_a_while(data_dir, tmp_path)
    with capsys.disabled():
        commits = sum(1 for line in reported if line != "ready")
        print(f"\nkills: {KILLS}, commits checked: {commits}, temporary files removed: {removed}")


def assert_every_commit_is_there(data_dir: Path, reported: list[str]) -> None:
    with sqlite3.connect(data_dir / DATABASE_NAME) as record:
        people = dict(record.execute("SELECT id, position FROM person"))
        bodies = {name for (name,) in record.execute("SELECT name FROM body")}
        papers = dict(record.execute("SELECT id, sha256 FROM document"))
        issues = dict(record.execute("SELECT id, pdf_sha256 FROM pack_issue"))
    stored = {path.name for path in (data_dir / "store").glob("??/*")}
    for line in reported:
        word, _, rest = line.partition(" ")
        if word == "created":
            assert rest in people, line
        elif word == "updated":
            person, position = rest.split(" ", 1)
            assert people[person] == position, line
        elif word == "imported":
            assert rest in bodies, line
        elif word in ("attached", "issued"):
            sha256 = (papers if word == "attached" else issues)[rest]
            assert sha256 in stored, line
        elif word == "backed-up":
            assert zipfile.ZipFile(rest).testzip() is None, line
        else:
            assert word == "ready", line


def assert_no_half_backup(folder: Path) -> None:
    """A backup under its real name is whole, whether or not its run was reported."""
    for path in folder.glob("backup-*.zip"):
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None and DATABASE_NAME in archive.namelist(), path


def check_after_a_while(data_dir: Path, tmp_path: Path) -> int:
    """`check`, as a start a minute later would see the folder: the kills' temporary files
    are removed and reported, and nothing else is wrong."""
    old = time.time() - 2 * leftovers.STALE_SECONDS
    for path in hidden(data_dir, tmp_path):
        os.utime(path, (old, old))
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("All is well"), result.stdout
    assert hidden(data_dir, tmp_path) == []
    return sum(1 for line in lines if line.startswith("Removed "))


def hidden(data_dir: Path, beside: Path) -> list[Path]:
    """Files whose name begins with a dot, in the data folder and beside it (the backups'
    folder): only temporary files are named so."""
    return [*data_dir.rglob(".*"), *beside.glob(".*")]


@pytest.mark.timeout(60 + 5 * KILLS)
def test_a_first_start_killed_at_any_moment_leaves_a_folder_that_opens(tmp_path):
    """An empty database is damage, refused: so a first start killed half way must never
    leave one under the real name, or the next start could not open the folder."""
    chance = random.Random(os.environ.get("MINUTE_BOOK_SEED", "first starts"))
    opening = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]); "
        "from desktop_app.storage.database import open_database; print('ready', flush=True); "
        "open_database(Path(sys.argv[1]))"
    )
    for kill in range(max(5, KILLS // 3)):
        data_dir = tmp_path / f"new-{kill}"
        start = subprocess.Popen(
            [sys.executable, "-c", opening, str(data_dir), str(ROOT)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert start.stdout.readline() == "ready\n"
        time.sleep(chance.uniform(0, 0.08))  # a new database takes about 60 ms to make
        start.send_signal(signal.SIGKILL)
        start.communicate(timeout=60)
        if data_dir.exists():
            old = time.time() - 2 * leftovers.STALE_SECONDS
            for path in data_dir.iterdir():
                os.utime(path, (old, old))

        open_database(data_dir)
        try:
            assert schema_version(db.obj) == migration_modules()[-1][0]
        finally:
            close_database()
        assert hidden(data_dir, data_dir) == []
