"""Syncs killed at random moments, and two processes syncing through one folder at once
(issue 13): a kill while writing leaves no half file under a real name on the share, a kill
while applying leaves nothing half applied, and the next sync completes, so both laptops
end with one record.

MINUTE_BOOK_KILLS sets the number of kills (a third of it here: 5 in `make test`).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.storage.database import DATABASE_NAME
from desktop_app.sync.share import ChangeFile, devices_dir, read_file
from tests.reliability.test_two_writers import ROOT

KILLS = max(5, int(os.environ.get("MINUTE_BOOK_KILLS", "15")) // 3)


def sync_process(data_dir: Path, share: Path) -> subprocess.Popen:
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "sync"]
    return subprocess.Popen(
        [*command, "--share", str(share)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def exported(data_dir: Path, out: Path) -> dict:
    assert main(["--data-dir", str(data_dir), "export", str(out)]) == 0
    return json.loads(out.read_text("utf-8"))


def assert_share_whole(share: Path) -> int:
    """Every file under a real name reads whole; returns how many there are."""
    files = sorted(devices_dir(share).glob("*/*.jsonl.gz"))
    for path in files:
        read_file(ChangeFile(path.parent.name, int(path.name[:8]), path))
    return len(files)


def assert_nothing_half_applied(data_dir: Path) -> None:
    """Each shared file recorded as applied brought all of its changes, and no change came
    without its file's record."""
    with sqlite3.connect(data_dir / DATABASE_NAME) as record:
        applied = dict(
            (f"{device}/{seq}", count)
            for device, seq, count in record.execute(
                "SELECT device_id, seq, changes FROM applied_file"
            )
        )
        journal = dict(
            record.execute(
                "SELECT origin, count(*) FROM journal_entry WHERE origin != '' GROUP BY origin"
            )
        )
    assert set(journal) <= set(applied)
    for origin, count in applied.items():
        assert journal.get(origin, 0) == count, origin


@pytest.mark.timeout(120 + 20 * KILLS)
def test_syncs_killed_while_writing_and_applying_leave_no_half_file_and_nothing_half_applied(
    tmp_path, capsys
):
    share, first, second = tmp_path / "share", tmp_path / "first", tmp_path / "second"
    share.mkdir()
    assert main(["--data-dir", str(first), "import", str(EXAMPLE_FILE)]) == 0
    chance = random.Random(os.environ.get("MINUTE_BOOK_SEED", "sync kills"))
    for kill in range(KILLS):
        writer = kill % 2 == 0 and kill < KILLS - 1
        victim = sync_process(first if writer else second, share)
        time.sleep(chance.uniform(0.2, 1.6))  # starting takes about half a second
        victim.send_signal(signal.SIGKILL)
        _out, err = victim.communicate(timeout=60)
        assert "Traceback" not in err, err
        assert_share_whole(share)
        if (second / DATABASE_NAME).exists():
            assert_nothing_half_applied(second)
    for folder in (first, second, first, second):
        finished = sync_process(folder, share)
        out, err = finished.communicate(timeout=120)
        assert finished.returncode == 0, out + err
    files = assert_share_whole(share)
    assert_nothing_half_applied(second)
    assert exported(first, tmp_path / "a.json") == exported(second, tmp_path / "b.json")
    with capsys.disabled():
        print(f"\nsync kills: {KILLS}, files on the share: {files}")


@pytest.mark.timeout(300)
def test_two_processes_syncing_through_one_folder_at_once_end_with_one_record(tmp_path):
    share, first, second = tmp_path / "share", tmp_path / "first", tmp_path / "second"
    share.mkdir()
    assert main(["--data-dir", str(first), "import", str(EXAMPLE_FILE)]) == 0
    assert main(["--data-dir", str(second), "import", str(EXAMPLE_FILE)]) == 0
    for _round in range(3):
        running = [sync_process(first, share), sync_process(second, share)]
        for process in running:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, out + err
    assert exported(first, tmp_path / "a.json") == exported(second, tmp_path / "b.json")
    assert_nothing_half_applied(first)
    assert_nothing_half_applied(second)
