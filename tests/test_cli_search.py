"""`python main.py search TEXT [--body NAME]`: one line per hit, "No matches." when none,
one sentence and exit 2 for a mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.directory.bodies import find_body
from desktop_app.storage import changes
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import AgendaItem, Meeting, Minute, db

ROOT = Path(__file__).parents[1]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A data folder holding the example body."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(EXAMPLE_FILE)]) == 0
    return folder


def run(folder: Path, capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(folder), "search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_each_hit_is_a_line_with_date_body_number_title_and_snippet(folder, capsys):
    code, out, err = run(folder, capsys, "Troubled")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) >= 4
    title = "17 Dec 2012  Maidstone Locality Board  33  «Troubled» Families - County Overview"
    assert lines[0].startswith(title)
    assert any(
        line.startswith("17 Dec 2012  Maidstone Locality Board  34  Locality Board Priorities")
        and "(resolution): That Cllr Chris Garland chair the Community Budgets («Troubled»" in line
        for line in lines
    )


def test_no_hits_say_so_and_succeed(folder, capsys):
    assert run(folder, capsys, "xylophone") == (0, "No matches.\n", "")


def test_fts_syntax_is_not_an_error(folder, capsys):
    code, out, err = run(folder, capsys, 'NEAR("Troubled" *')
    assert (code, err) == (0, "")
    assert out == "No matches.\n"  # "near" is a word the minutes do not hold


def test_body_narrows_and_ignores_case(folder, capsys):
    code, out, _ = run(folder, capsys, "Troubled", "--body", "maidstone LOCALITY board")
    assert code == 0 and "Troubled" in out
    code, out, _ = run(folder, capsys, "Troubled", "--body", "Education Provision Focus Group")
    assert (code, out) == (0, "No matches.\n")


def test_an_unknown_body_is_exit_2_with_a_sentence(folder, capsys):
    code, out, err = run(folder, capsys, "Troubled", "--body", "Parish Pump Committee")
    assert (code, out) == (2, "")
    assert err == "There is no body called Parish Pump Committee.\n"


def test_blank_text_is_exit_2_with_a_sentence(folder, capsys):
    assert run(folder, capsys, "  ") == (2, "", "Give the words to search for.\n")


def test_confidential_hits_are_marked(folder, capsys):
    open_database(folder)
    try:
        board = find_body(name="Maidstone Locality Board")
        meeting = Meeting.get(Meeting.body == board.id, Meeting.date == "2012-12-17")
        with db.atomic():
            secret = changes.create(
                AgendaItem,
                meeting=meeting.id,
                rank="z",
                title="Staffing",
                confidential=True,
                exempt_paragraph="1",
            )
            changes.create(Minute, item=secret.id, overview="Secondment of two officers.")
    finally:
        close_database()
    code, out, _ = run(folder, capsys, "secondment")
    assert code == 0
    assert out == (
        "17 Dec 2012  Maidstone Locality Board  Staffing (minutes): "
        "«Secondment» of two officers.  [confidential]\n"
    )


def test_help_lists_search_and_it_runs_as_a_program(folder):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def program(*argv):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )

    assert "    search " in program("--help").stdout
    result = program("--data-dir", str(folder), "search", "Troubled", "--body", "Nobody")
    assert (result.returncode, result.stderr) == (2, "There is no body called Nobody.\n")
