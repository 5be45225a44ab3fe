"""`pack issue`, `pack list` and `pack show` in-process through `main([...])`: issues kept and
written back byte for byte, and refusals in one sentence with exit code 2."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import documents
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import AgendaItem, Meeting, PackIssue
from tests.documents.conftest import make_report, pdf_text
from tests.test_cli import ROOT, one_sentence

BODY = "Maidstone Locality Board"
MEETING = ("--body", BODY, "--date", "2012-12-17")
HEADING = f"{BODY}, 17 December 2012"


@pytest.fixture
def folder(tmp_path, capsys) -> Path:
    """A data folder holding the example body, with a paper on item 34."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(EXAMPLE_FILE)]) == 0
    add_paper(data, tmp_path, "Priorities report", 3)
    capsys.readouterr()
    return data


def add_paper(folder: Path, tmp_path: Path, title: str, pages: int) -> None:
    open_database(folder)
    meeting = Meeting.get(Meeting.date == "2012-12-17")
    item = AgendaItem.get((AgendaItem.meeting == meeting.id) & (AgendaItem.number == "34"))
    path = make_report(tmp_path / f"{title}.pdf", title, pages)
    documents.attach_document(item_id=item.id, path=path, title=title)
    close_database()


def issues(folder: Path) -> list[tuple[bool, int, str]]:
    open_database(folder)
    try:
        rows = PackIssue.live().order_by(PackIssue.public, PackIssue.number)
        return [(row.public, row.number, row.pdf_sha256) for row in rows]
    finally:
        close_database()


def run(folder: Path, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def test_pack_issue_keeps_an_issue_and_says_so(folder, capsys):
    assert run(folder, "pack", "issue", *MEETING) == 0
    assert capsys.readouterr().out == f"Issued the agenda pack of {HEADING}: issue 1, 6 pages.\n"
    assert [(public, number) for public, number, _ in issues(folder)] == [(False, 1)]


def test_a_reissue_prints_what_changed(folder, tmp_path, capsys):
    run(folder, "pack", "issue", *MEETING)
    add_paper(folder, tmp_path, "Late paper", 2)
    capsys.readouterr()
    assert run(folder, "pack", "issue", *MEETING) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Issued the agenda pack of {HEADING}: issue 2, 9 pages.",
        "  Added to item 34: “Late paper”, pages 7–8.",
    ]


def test_pack_issue_public_issues_the_public_edition(folder, capsys):
    assert run(folder, "pack", "issue", *MEETING, "--public") == 0
    assert capsys.readouterr().out.startswith(f"Issued the public agenda pack of {HEADING}")
    assert [(public, number) for public, number, _ in issues(folder)] == [(True, 1)]


def test_pack_list_shows_each_issue_and_the_latest(folder, tmp_path, capsys):
    assert run(folder, "pack", "list", *MEETING) == 0
    assert capsys.readouterr().out == "The agenda pack of this meeting has not been issued.\n"
    run(folder, "pack", "issue", *MEETING)
    run(folder, "pack", "issue", *MEETING, "--public")
    add_paper(folder, tmp_path, "Late paper", 2)
    run(folder, "pack", "issue", *MEETING)
    capsys.readouterr()
    assert run(folder, "pack", "list", *MEETING) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["Full", "issue", "1"],
        ["Full", "issue", "2"],
        ["Public", "issue", "1"],
    ]
    assert "First issue" in lines[0] and not lines[0].endswith("(latest)")
    assert "Added to item 34: “Late paper”, pages 7–8.  (latest)" in lines[1]
    assert lines[2].endswith("(latest)")


def test_pack_show_writes_the_issue_byte_for_byte(folder, tmp_path, capsys):
    run(folder, "pack", "issue", *MEETING)
    add_paper(folder, tmp_path, "Late paper", 2)
    run(folder, "pack", "issue", *MEETING)
    (_, _, first), (_, _, second) = issues(folder)
    capsys.readouterr()
    out = tmp_path / "issue-1.pdf"
    assert run(folder, "pack", "show", *MEETING, "--issue", "1", "--out", str(out)) == 0
    assert hashlib.sha256(out.read_bytes()).hexdigest() == first
    assert capsys.readouterr().out == (
        f"Wrote issue 1 of the agenda pack of {HEADING} to {out} (6 pages, as issued).\n"
    )
    latest = tmp_path / "latest.pdf"
    assert run(folder, "pack", "show", *MEETING, "--out", str(latest)) == 0
    assert hashlib.sha256(latest.read_bytes()).hexdigest() == second
    assert len(PdfReader(latest).pages) == 9


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("show", *MEETING, "--out", "x.pdf"),
            "The agenda pack of this meeting has not been issued.",
        ),
        (
            ("show", *MEETING, "--public", "--issue", "2", "--out", "x.pdf"),
            "There is no issue 2 of the public agenda pack of this meeting.",
        ),
        (("list", "--body", "Nobody", "--date", "2012-12-17"), "There is no body called Nobody."),
        (
            ("issue", "--body", BODY, "--date", "next week"),
            "“next week” is not a date for the meeting date; write it as 25/06/2024, "
            "25 June 2024 or 2024-06-25.",
        ),
        (
            ("issue", "--body", BODY, "--date", "2013-02-30"),
            "“2013-02-30” is not a real date for the meeting date: February 2013 has 28 days.",
        ),
        (
            ("issue", "--body", BODY, "--date", "2013-01-01"),
            f"{BODY} has no meeting on 1 January 2013.",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(folder, tmp_path, capsys, argv, message):
    assert run(folder, "pack", *argv) == 2
    assert one_sentence(capsys.readouterr().err) == message
    assert not (tmp_path / "x.pdf").exists()


def test_a_second_issue_with_nothing_changed_is_refused(folder, capsys):
    run(folder, "pack", "issue", *MEETING)
    capsys.readouterr()
    assert run(folder, "pack", "issue", *MEETING) == 2
    assert one_sentence(capsys.readouterr().err).startswith(
        "Nothing has changed since issue 1 of the agenda pack:"
    )
    assert len(issues(folder)) == 1


def test_pack_without_an_action_is_a_usage_error(folder, capsys):
    assert run(folder, "pack") == 2
    assert one_sentence(capsys.readouterr().err) == (
        "The following arguments are required: ACTION; see `python main.py pack --help`."
    )


def test_help_lists_the_pack_actions():
    shown = subprocess.run(
        [sys.executable, "main.py", "pack", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for action in ("issue", "list", "show"):
        assert action in shown


def test_pack_show_refuses_a_public_issue_whose_item_went_into_part_two(folder, tmp_path, capsys):
    run(folder, "pack", "issue", *MEETING, "--public")
    open_database(folder)
    meeting = Meeting.get(Meeting.date == "2012-12-17")
    item = AgendaItem.get((AgendaItem.meeting == meeting.id) & (AgendaItem.number == "34"))
    agenda.update_item(item_id=item.id, confidential=True, exempt_paragraph="1")
    close_database()
    capsys.readouterr()
    out = tmp_path / "public.pdf"
    assert run(folder, "pack", "show", *MEETING, "--public", "--out", str(out)) == 2
    assert one_sentence(capsys.readouterr().err) == (
        "Issue 1 of the public agenda pack is stale: item 34 has become confidential since it "
        "was issued, so it is not written out again; issue a new public edition, which keeps "
        "the published page numbers."
    )
    assert not out.exists()
    assert run(folder, "pack", "list", *MEETING) == 0
    assert (
        capsys.readouterr()
        .out.rstrip()
        .endswith("(latest)  (stale: item 34 has become confidential since it was issued)")
    )
    assert run(folder, "pack", "issue", *MEETING, "--public") == 0
    assert run(folder, "pack", "show", *MEETING, "--public", "--out", str(out)) == 0
    assert "Priorities report" not in pdf_text(out.read_bytes())
