"""`sync --share DIR` and `conflicts` on the command line, on real data folders."""

from __future__ import annotations

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE


def run(folder, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def test_two_folders_sync_through_a_share_and_a_conflict_is_resolved(tmp_path, capsys):
    share, first, second = tmp_path / "share", tmp_path / "first", tmp_path / "second"
    share.mkdir()
    assert run(first, "import", str(EXAMPLE_FILE)) == 0
    assert run(first, "sync", "--share", str(share)) == 0
    out = capsys.readouterr().out
    assert "Applied 0 changes from 0 files." in out and "Conflicts open: 0." in out
    assert run(second, "sync", "--share", str(share)) == 0
    assert "Applied" in capsys.readouterr().out
    assert run(first, "export", str(tmp_path / "first.json")) == 0
    assert run(second, "export", str(tmp_path / "second.json")) == 0
    assert (tmp_path / "first.json").read_text() == (tmp_path / "second.json").read_text()

    # The share is remembered: the next sync needs no --share.
    assert run(second, "sync") == 0
    assert run(first, "conflicts") == 0
    assert "No conflicts are open." in capsys.readouterr().out


def test_a_copy_a_sync_service_made_is_reported_and_the_exit_is_1(tmp_path, capsys):
    share, folder = tmp_path / "share", tmp_path / "data"
    share.mkdir()
    assert run(folder, "import", str(EXAMPLE_FILE)) == 0
    assert run(folder, "sync", "--share", str(share)) == 0
    [device] = (share / "minute-book" / "devices").iterdir()
    original = next(device.iterdir())
    (device / "00000001 (conflicted copy).jsonl.gz").write_bytes(original.read_bytes())
    capsys.readouterr()
    assert run(folder, "sync") == 1
    out = capsys.readouterr().out
    assert "Skipped:" in out and "(conflicted copy)" in out and "not written by Minute Book" in out


def test_sync_without_a_share_says_so(tmp_path, capsys):
    assert run(tmp_path / "data", "sync") == 2
    assert "--share" in capsys.readouterr().err
    assert run(tmp_path / "data", "sync", "--share", str(tmp_path / "nowhere")) == 2
    assert "cannot be found" in capsys.readouterr().err
