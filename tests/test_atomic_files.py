"""Files made whole or not at all, and what a killed write left beside them."""

from __future__ import annotations

import os
import time

from desktop_app.atomic_files import STALE_SECONDS, write_atomically

OLD = time.time() - 2 * STALE_SECONDS


def left_by_a_killed_write(path):
    path.write_bytes(b"half a document")
    os.utime(path, (OLD, OLD))
    return path


def test_the_next_write_of_a_file_removes_what_a_killed_write_of_it_left(tmp_path):
    left = left_by_a_killed_write(tmp_path / ".agenda.pdf.0a1b2c3d.tmp")

    write_atomically(tmp_path / "agenda.pdf", b"%PDF whole")

    assert sorted(path.name for path in tmp_path.iterdir()) == ["agenda.pdf"]
    assert not left.exists()


def test_a_write_in_progress_and_other_files_temporaries_are_kept(tmp_path):
    in_progress = tmp_path / ".agenda.pdf.0a1b2c3d.tmp"
    in_progress.write_bytes(b"another process is writing this")
    other = left_by_a_killed_write(tmp_path / ".minutes.pdf.0a1b2c3d.tmp")
    lookalike = left_by_a_killed_write(tmp_path / ".agenda.pdf.notours.tmp")

    write_atomically(tmp_path / "agenda.pdf", b"%PDF whole")

    assert in_progress.exists() and other.exists() and lookalike.exists()
