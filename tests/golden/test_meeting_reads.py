"""What the readers of a meeting give, pinned: the minutes' fingerprints (an approved
minute's stored fingerprint that moved would show it as "changed since approval"), the
export of the shipped example, and the text of its minutes and agenda as printed, public
and Part II. Changing how a meeting is read must leave every one of them as it was.

To see what changed after a deliberate change of output, run this module's `__main__`
(`python -m tests.golden.test_meeting_reads`), which writes the files under data/ afresh."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from pypdf import PdfReader

from desktop_app.documents.agenda_pdf import render_agenda
from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.exchange import import_file
from desktop_app.exchange.exporter import export_data
from desktop_app.first_run import EXAMPLE
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.meeting_cycle import agenda
from desktop_app.storage.models import AgendaItem, Meeting
from tests.signing.record import approve, make_board

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "example-export.json"
PRINTED = DATA / "example-printed.txt"
SECRET = "Quarrington"

# content_sha256 of the example's meetings, imported as a first start imports it.
EXAMPLE_SHA256 = {
    "2012-10-01": "3fa98bf2e47c784abaa014bb459e88070ad41f1b4d006bb0cb3376ebbcf18c58",
    "2012-12-17": "64d29342c5f7e47cf7e51eb63966f11ace495a20b9b1f846d781c60ef7fce3c7",
}
# content_sha256 of make_board(3)'s meetings, none approved (tests/signing/record.py).
BOARD_SHA256 = [
    "a05b416ee0a899dd0168041d42d2a4c4f2f75000fd61420f3b19800aa1d18ef0",
    "061389a55a61bbbba4f55cba211a166f9a3e5ed796de2f394a03994dd0ebbfe7",
    "87a9274a8246f553529cd1ad0bceeff7da41ae9c78f47550c175bb05a0853861",
]
# The same once the first two have been approved, each at the next meeting: the approving
# resolutions (their fingerprint and the version they approve) are in the later ones' content.
APPROVED_BOARD_SHA256 = [
    "a05b416ee0a899dd0168041d42d2a4c4f2f75000fd61420f3b19800aa1d18ef0",
    "bd7bdd1e2fdaa122349413e4981cbc5a1573530b2362a03b7299898b7d029a24",
    "450be8de97a025d03cd80625fbdd1c8f763bedc25e1f72ce316f2e3ef0deb009",
]


def _example() -> dict[str, str]:
    import_file(EXAMPLE_FILE, namespace=EXAMPLE)
    return {m.date.isoformat(): m.id for m in Meeting.live()}


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _printed(meeting_id: str) -> str:
    """The December minutes and agenda, public and Part II, with a Part II item added."""
    agenda.add_item(
        meeting_id=meeting_id,
        title=f"Sale of the {SECRET} depot",
        confidential=True,
        exempt_paragraph="3",
    )
    parts = {
        "minutes": render_minutes(meeting_id),
        "Part II minutes": render_minutes(meeting_id, confidential=True),
        "agenda": render_agenda(meeting_id),
        "public agenda": render_agenda(meeting_id, public=True),
    }
    return "".join(f"=== {name}\n{_text(pdf)}\n" for name, pdf in parts.items())


def _board_digests() -> tuple[list[str], list[str]]:
    board = make_board(3)
    before = [content_sha256(m.id) for m in board.meetings]
    approve(board, 0)
    approve(board, 1)
    return before, [content_sha256(m.id) for m in board.meetings]


def test_the_example_meetings_fingerprints_are_as_they_were(database):
    meetings = _example()
    assert {date: content_sha256(i) for date, i in meetings.items()} == EXAMPLE_SHA256


def test_a_boards_fingerprints_are_as_they_were_before_and_after_approval(database):
    before, after = _board_digests()
    assert before == BOARD_SHA256
    assert after == APPROVED_BOARD_SHA256


def test_the_example_exports_as_it_did(database):
    _example()
    assert export_data() == json.loads(EXPORT.read_text(encoding="utf-8"))


def test_the_example_prints_as_it_did_and_part_two_stays_out_of_the_public_papers(database):
    meetings = _example()
    text = _printed(meetings["2012-12-17"])
    assert text == PRINTED.read_text(encoding="utf-8")
    public = text.split("=== ")
    assert SECRET not in public[1] and SECRET not in public[4]
    assert SECRET in public[2] and SECRET in public[3]
    assert AgendaItem.select().where(AgendaItem.title.contains(SECRET)).count() == 1


if __name__ == "__main__":
    from desktop_app.storage.database import close_database, open_database

    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "example")
        meetings = _example()
        print({date: content_sha256(i) for date, i in meetings.items()})
        data = json.dumps(export_data(), ensure_ascii=False, indent=1) + "\n"
        EXPORT.write_text(data, encoding="utf-8")
        PRINTED.write_text(_printed(meetings["2012-12-17"]), encoding="utf-8")
        close_database()
        open_database(Path(folder) / "board")
        print(_board_digests())
        close_database()
