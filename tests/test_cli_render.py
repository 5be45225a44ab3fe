"""The document commands, in-process through `main([...])`: render, brief, archive, publish,
and their refusals (one sentence, exit 2, no traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.signatures import signing
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Meeting
from tests.documents.conftest import SECRET_ITEM, make_report, pdf_text
from tests.signing.pdfs import PASSPHRASE
from tests.signing.record import approve, make_board
from tests.test_cli import ROOT, one_sentence

BODY = "Maidstone Locality Board"
MEETING = ("--body", BODY, "--date", "2012-12-17")


@pytest.fixture
def folder(tmp_path, capsys) -> Path:
    """A data folder holding the example body."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(EXAMPLE_FILE)]) == 0
    capsys.readouterr()
    return data


def run(folder: Path, *argv: str) -> int:
    return main(["--data-dir", str(folder), *argv])


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def add_part_two(folder: Path) -> None:
    open_database(folder)
    meeting = Meeting.get(Meeting.date == "2012-12-17")
    agenda.add_item(
        meeting_id=meeting.id,
        title=f"Sale of the {SECRET_ITEM} depot",
        confidential=True,
        exempt_paragraph="3",
    )
    close_database()


def test_render_agenda_writes_the_pdf_and_says_so(folder, tmp_path, capsys):
    out = tmp_path / "agenda.pdf"
    assert run(folder, "render", "agenda", *MEETING, "--out", str(out)) == 0
    assert "Troubled Families" in pdf_text(out.read_bytes())
    assert capsys.readouterr().out == (
        f"Wrote the agenda of {BODY}, 17 December 2012 to {out} ({pages(out)} pages).\n"
    )


@pytest.mark.parametrize("date", ["17/12/2012", "17 December 2012", "Monday 17 Dec 2012"])
def test_the_meeting_is_named_by_its_date_as_a_clerk_writes_it(folder, tmp_path, capsys, date):
    out = tmp_path / "agenda.pdf"
    assert run(folder, "render", "agenda", "--body", BODY, "--date", date, "--out", str(out)) == 0
    assert f"Wrote the agenda of {BODY}, 17 December 2012" in capsys.readouterr().out


def test_the_public_agenda_leaves_out_part_two(folder, tmp_path):
    add_part_two(folder)
    run(folder, "render", "agenda", *MEETING, "--out", str(tmp_path / "full.pdf"))
    run(folder, "render", "agenda", *MEETING, "--public", "--out", str(tmp_path / "public.pdf"))
    assert SECRET_ITEM in pdf_text((tmp_path / "full.pdf").read_bytes())
    assert SECRET_ITEM not in pdf_text((tmp_path / "public.pdf").read_bytes())


def test_render_minutes_and_confidential_minutes(folder, tmp_path):
    add_part_two(folder)
    assert run(folder, "render", "minutes", *MEETING, "--out", str(tmp_path / "m.pdf")) == 0
    assert "RESOLVED" in pdf_text((tmp_path / "m.pdf").read_bytes())
    secret = tmp_path / "secret.pdf"
    assert run(folder, "render", "minutes", *MEETING, "--confidential", "--out", str(secret)) == 0
    assert SECRET_ITEM in pdf_text(secret.read_bytes())


def test_signed_minutes_are_given_byte_for_byte(folder, tmp_path, monkeypatch):
    signed = make_report(tmp_path / "signed.pdf", "Signed minutes", 2).read_bytes()
    monkeypatch.setattr(signing, "signed_pdf", lambda meeting_id: signed)
    out = tmp_path / "minutes.pdf"
    assert run(folder, "render", "minutes", *MEETING, "--out", str(out)) == 0
    assert out.read_bytes() == signed


def test_render_minutes_of_signed_minutes_is_the_signed_file(data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(signing.KEYS_ENV, str(tmp_path / "keys"))
    monkeypatch.setenv("MINUTE_BOOK_PASSPHRASE", PASSPHRASE)
    open_database(data_dir)
    approve(make_board(2), 0)
    close_database()
    key = tmp_path / "garland.p12"
    assert run(data_dir, "signer", "new", "--name", "Chris Garland", "--out", str(key)) == 0
    october = ("--body", BODY, "--date", "2012-10-01")
    assert run(data_dir, "sign", *october, "--key", str(key)) == 0
    out = tmp_path / "minutes.pdf"
    assert run(data_dir, "render", "minutes", *october, "--out", str(out)) == 0
    open_database(data_dir)
    signed = signing.signed_pdf(Meeting.get(Meeting.date == "2012-10-01").id)
    close_database()
    assert out.read_bytes() == signed
    assert run(data_dir, "verify", str(out)) == 0


def test_render_pack(folder, tmp_path):
    out = tmp_path / "pack.pdf"
    assert run(folder, "render", "pack", *MEETING, "--public", "--out", str(out)) == 0
    assert "Troubled Families" in pdf_text(out.read_bytes())


def test_registers_take_a_period(folder, tmp_path, capsys):
    out = tmp_path / "decisions.pdf"
    period = ("--from", "2012-01-01", "--to", "2012-12-31")
    assert run(folder, "render", "decisions", "--body", BODY, *period, "--out", str(out)) == 0
    assert "Decisions register" in pdf_text(out.read_bytes())
    assert "1 January 2012 to 31 December 2012" in capsys.readouterr().out
    record = tmp_path / "attendance.pdf"
    assert run(folder, "render", "attendance", "--body", BODY, *period, "--out", str(record)) == 0
    assert "Cllr Mrs Paulina Stockell" in pdf_text(record.read_bytes())


def test_the_action_log_is_as_it_stands_today(folder, tmp_path):
    out = tmp_path / "actions.pdf"
    assert run(folder, "render", "actions", "--body", BODY, "--out", str(out)) == 0
    assert "Action log" in pdf_text(out.read_bytes())


def test_brief_and_archive(folder, tmp_path):
    assert run(folder, "brief", *MEETING, "--out", str(tmp_path / "brief.pdf")) == 0
    assert "Troubled Families" in pdf_text((tmp_path / "brief.pdf").read_bytes())
    archive = tmp_path / "archive.pdf"
    assert run(folder, "archive", *MEETING, "--out", str(archive)) == 0
    assert list(PdfReader(archive).attachments) == ["meeting.json"]


def test_publish_writes_the_public_editions(folder, tmp_path, capsys):
    add_part_two(folder)
    site = tmp_path / "site"
    site.mkdir()
    assert run(folder, "publish", *MEETING, "--to", str(site)) == 0
    written = sorted(p.name for p in site.iterdir())
    assert written == [
        "2012-12-17 Maidstone Locality Board agenda (public).pdf",
        "2012-12-17 Maidstone Locality Board minutes (draft).pdf",  # not yet approved
    ]
    assert capsys.readouterr().out.count("Published ") == 2
    for path in site.iterdir():
        assert SECRET_ITEM not in pdf_text(path.read_bytes())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("render", "agenda", "--body", "Nobody", "--date", "2012-12-17"),
            "There is no body called Nobody.",
        ),
        (
            ("render", "agenda", "--body", BODY, "--date", "17/13/2012"),
            "“17/13/2012” is not a real date for the meeting date: there is no month 13.",
        ),
        (
            ("render", "minutes", "--body", BODY, "--date", "2013-12-17"),
            f"{BODY} has no meeting on 17 December 2013.",
        ),
        (
            ("render", "agenda", *MEETING, "--confidential"),
            "Only the minutes have a confidential edition.",
        ),
        (
            ("render", "minutes", *MEETING, "--public", "--confidential"),
            "A document cannot be both --public and --confidential.",
        ),
        (
            ("render", "decisions", *MEETING),
            "A register is of the body, not of one meeting: leave out --date.",
        ),
        (
            ("render", "decisions", "--body", BODY, "--from", "2012-12-31", "--to", "2012-01-01"),
            "The period ends before it starts.",
        ),
        (
            ("render", "attendance", "--body", BODY, "--public"),
            "The attendance record has no public edition.",
        ),
        (
            ("render", "agenda", "--body", BODY),
            "Give the date of the meeting whose agenda to render.",
        ),
        (
            ("archive", "--body", BODY, "--date", "2013-01-01"),
            f"{BODY} has no meeting on 1 January 2013.",
        ),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(folder, tmp_path, capsys, argv, message):
    out = tmp_path / "out.pdf"
    assert run(folder, *argv, "--out", str(out)) == 2
    assert one_sentence(capsys.readouterr().err) == message
    assert not out.exists()


def test_publishing_into_a_missing_folder_is_bad_input(folder, tmp_path, capsys):
    missing = tmp_path / "nowhere"
    assert run(folder, "publish", *MEETING, "--to", str(missing)) == 2
    assert one_sentence(capsys.readouterr().err) == (
        f"There is no folder {missing}; choose one that exists."
    )


def test_writing_into_a_missing_folder_is_bad_input(folder, tmp_path, capsys):
    out = tmp_path / "nowhere" / "agenda.pdf"
    assert run(folder, "render", "agenda", *MEETING, "--out", str(out)) == 2
    assert "There is no folder" in one_sentence(capsys.readouterr().err)


def test_rendering_never_loads_qt(folder, tmp_path):
    script = (
        "import sys; from desktop_app.cli import main; "
        f"code = main(['--data-dir', {str(folder)!r}, 'render', 'agenda', '--body', {BODY!r}, "
        f"'--date', '2012-12-17', '--out', {str(tmp_path / 'a.pdf')!r}]);"
        "print(code, 'PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "0 False"


def test_a_meeting_held_in_private_is_not_published(folder, tmp_path, capsys):
    open_database(folder)
    meeting = Meeting.get(Meeting.date == "2012-12-17")
    meetings.update_meeting(meeting_id=meeting.id, is_public=False)
    close_database()
    site = tmp_path / "site"
    site.mkdir()
    assert run(folder, "publish", *MEETING, "--to", str(site)) == 2
    assert one_sentence(capsys.readouterr().err) == (
        "This meeting was held in private, so none of its documents is published."
    )
    assert list(site.iterdir()) == []
