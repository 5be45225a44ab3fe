"""What the printed minutes say (issue 14), read back from the PDF: comings and goings at
the item they happened during, offices held for one meeting, apologies always, votes no
one opposed, capacities, the closing time and the next meeting, a minute cited as text;
and how they lie on the page: reference numbers on one line, a vote with its motion, the
signature never alone on a page, the agenda straight after its front sheet."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop_app.documents import styles
from desktop_app.documents.agenda_pdf import render_agenda
from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.documents.signature_block import SIGNATURE_FIELD
from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.decisions import appointments, minutes, resolutions
from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import AttendanceEntry, attendance_sheet
from desktop_app.storage.models import AgendaItem, Body, Meeting
from tests.documents.conftest import pdf_text


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _flat(data: bytes) -> str:
    """The minutes' text with line breaks as spaces: a sentence reads whole across lines."""
    return " ".join(pdf_text(data).split())


def _item(meeting_id: str, number: str) -> AgendaItem:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == number))


def _line(meeting_id: str, name: str) -> AttendanceEntry:
    return next(e for e in attendance_sheet(meeting_id) if e.name == name)


# -- arrivals and departures -------------------------------------------------------------------


def test_an_arrival_and_a_departure_print_at_the_item_they_happened_during(example_meeting):
    item33, item35 = _item(example_meeting, "33"), _item(example_meeting, "35")
    daley, greer = _line(example_meeting, "Cllr Daley"), _line(example_meeting, "Cllr Greer")
    attendance.set_times(
        attendance_id=daley.attendance_id, arrived="14:50", arrived_during=item33.id
    )
    attendance.set_times(attendance_id=greer.attendance_id, left="16:15", left_during=item35.id)

    text = _flat(render_minutes(example_meeting))

    arrived = text.index("Cllr Daley arrived at 2.50 pm.")
    left = text.index("Cllr Greer left the meeting at 4.15 pm.")
    assert text.index("Troubled Families") < arrived < text.index("Locality Board Priorities")
    assert text.index("Kent Commissioning Plan") < left < text.index("Any Other Business")


def test_a_time_no_item_takes_is_said_beside_the_name(example_meeting):
    chell = _line(example_meeting, "Cllr Chell")
    attendance.set_times(attendance_id=chell.attendance_id, arrived="14:40")

    text = _flat(render_minutes(example_meeting))

    assert "Cllr Chell Kent County Council; arrived at 2.40 pm" in text


# -- offices for one meeting -------------------------------------------------------------------


def test_a_vice_chair_for_this_meeting_is_named_in_the_attendance_list(example_meeting):
    cooke = _line(example_meeting, "Cllr Gary Cooke")
    appointments.elect(
        item_id=_item(example_meeting, "30").id,
        person_id=cooke.person_id,
        role="vice-chair",
        term="meeting",
    )

    text = _flat(render_minutes(example_meeting))

    assert "Cllr Gary Cooke (Vice-Chair) Kent County Council" in text
    assert "That Cllr Gary Cooke be elected Vice-Chair for this meeting." in text


# -- apologies ---------------------------------------------------------------------------------


def test_apologies_print_in_the_list_and_in_their_item_beside_the_clerk_s_words(example_meeting):
    minutes.update_minute(
        item_id=_item(example_meeting, "30").id, notes="The apologies were accepted."
    )

    text = _flat(render_minutes(example_meeting))

    listed = text.index("Apologies: Martin Adams, Cllr Stephen Beerling")
    received = text.index("Apologies for absence were received from Martin Adams")
    assert listed < text.index("MINUTES") < received < text.index("The apologies were accepted.")


def test_an_apologies_item_with_nothing_recorded_says_there_were_none(database):
    meeting = _small_meeting()
    agenda.add_item(meeting_id=meeting.id, title="Apologies for Absence", kind="apologies")

    assert "There were no apologies for absence." in _flat(render_minutes(meeting.id))


# -- votes -------------------------------------------------------------------------------------


def test_a_motion_no_one_opposed_or_abstained_on_is_carried_unanimously(example_meeting):
    for wording, votes_for, votes_abstain in (
        ("That a focus group be set up.", 12, 0),
        ("That the focus group report in March.", 9, 2),
    ):
        resolutions.add_resolution(
            item_id=_item(example_meeting, "35").id,
            text=wording,
            votes_for=votes_for,
            votes_against=0,
            votes_abstain=votes_abstain,
        )

    text = _flat(render_minutes(example_meeting))

    assert "That a focus group be set up. Carried unanimously (all 12 in favour)." in text
    assert "Carried (For 9, Against 0, Abstentions 2)." in text


def test_a_vote_is_never_parted_from_its_motion_by_a_page_break(database):
    """The motion, after the item's discussion, is moved a line at a time past a page's
    end: at each place its wording and how it was carried are on one page."""
    meeting = _small_meeting()
    for n in range(8):
        councillor = people.create_person(name=f"Councillor {n}", title="Cllr")
        memberships.add_member(body_id=meeting.body_id, person_id=councillor.id)
        attendance.mark_attendance(meeting_id=meeting.id, person_id=councillor.id, status="present")
    voted = agenda.add_item(meeting_id=meeting.id, title="Grants")
    wording = "That the grants set out in the report be awarded to the village hall."
    resolutions.add_resolution(item_id=voted.id, text=wording, votes_for=7, votes_against=1)
    for lines in range(56, 76):
        minutes.update_minute(
            item_id=voted.id, key_points=[f"Point {n} was discussed." for n in range(lines)]
        )
        pages = [" ".join(page.split()) for page in _pages(render_minutes(meeting.id))]
        motion = next(n for n, page in enumerate(pages) if "village hall" in page)
        assert "Carried (For 7, Against 1)." in pages[motion], f"{lines} points"


# -- capacity, closing time, next meeting, a minute cited as text ------------------------------


def test_the_capacity_typed_for_someone_in_attendance_prints(example_meeting):
    clerk = people.create_person(name="Zoe Clark", organisation_id=None)
    attendance.add_in_attendance(meeting_id=example_meeting, person_id=clerk.id, capacity="Clerk")

    assert "In attendance: Zoe Clark Clerk" in _flat(render_minutes(example_meeting))


def test_the_closing_time_is_said_as_clerks_say_it(database):
    meeting = _small_meeting(end="20:05")
    agenda.add_item(meeting_id=meeting.id, title="Allotments")

    assert "The meeting closed at 8.05 pm." in _flat(render_minutes(meeting.id))


def test_the_date_of_the_next_meeting_prints_at_its_item(database):
    meeting = _small_meeting()
    agenda.add_item(
        meeting_id=meeting.id, title="Date of next meeting", kind="date of next meeting"
    )
    meetings.set_next_meeting(meeting_id=meeting.id, date="2024-07-23")

    text = _flat(render_minutes(meeting.id))

    assert "Date of next meeting The next meeting will be held on Tuesday 23 July 2024." in text


def test_the_next_meeting_prints_after_the_minutes_when_no_item_holds_it(example_meeting):
    meetings.set_next_meeting(meeting_id=example_meeting, date="2013-02-04")

    text = _flat(render_minutes(example_meeting))

    assert "The next meeting will be held on Monday 4 February 2013." in text
    assert text.index("Duration of Meeting") < text.index("The next meeting will be held")


def test_a_minute_cited_as_text_prints_where_no_earlier_meeting_is_in_the_record(database):
    meeting = _small_meeting()
    item = agenda.add_item(meeting_id=meeting.id, title="Village hall roof")
    agenda.update_item(item_id=item.id, cited_minute="Cou/250/07-08")
    minutes.update_minute(item_id=item.id, notes="The roof was repaired in May.")

    text = _flat(render_minutes(meeting.id))

    assert "Village hall roof Following up minute Cou/250/07-08" in text


# -- on the page -------------------------------------------------------------------------------


@pytest.fixture
def referenced_meeting(database, tmp_path) -> str:
    """The example meeting numbered as a council numbers its minutes, `Cou/285/07-08`."""
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    body = data["bodies"][0]
    body["numbering"] = {"pattern": "Cou/{n}/{yy}-{yy1}", "restart": "yearly", "next": 293}
    for meeting in body["meetings"]:
        for n, item in enumerate(meeting["items"]):
            item["number"] = f"Cou/{285 + n}/07-08"
            for m, sub in enumerate(item.get("items", []), start=1):
                sub["number"] = f"{item['number']}.{m}"
                for k, deeper in enumerate(sub.get("items", []), start=1):
                    deeper["number"] = f"{sub['number']}.{k}"
    path = tmp_path / "council.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    import_file(path)
    found = Body.get(Body.name == body["name"])
    return Meeting.get((Meeting.body == found.id) & (Meeting.date == "2012-12-17")).id


def _numbers(meeting_id: str) -> list[str]:
    return [
        row.number
        for row in AgendaItem.live().where(AgendaItem.meeting == meeting_id)
        if row.number
    ]


def test_long_minute_references_stay_on_one_line_in_the_minutes(referenced_meeting):
    lines = pdf_text(render_minutes(referenced_meeting)).splitlines()

    for number in _numbers(referenced_meeting):
        assert any(line.strip().startswith(number) for line in lines), number


def test_long_minute_references_stay_on_one_line_in_the_agenda(referenced_meeting):
    lines = pdf_text(render_agenda(referenced_meeting)).splitlines()

    for number in _numbers(referenced_meeting):
        assert number in [line.strip() for line in lines], number


def test_the_signature_is_never_alone_on_a_page(database):
    """Items added one at a time fill the first page: whenever the minutes run onto a
    second page, the signature takes the last of them with it, and the field is empty."""
    meeting = _small_meeting()
    for n in range(1, 40):
        item = agenda.add_item(meeting_id=meeting.id, title=f"Planning application {n}")
        minutes.update_minute(item_id=item.id, notes=f"Application {n} was supported.")
        pages = _pages(render_minutes(meeting.id))
        if len(pages) > 2:
            break
        assert f"Application {n} was supported." in pages[-1], f"{n} items"
    else:
        pytest.fail("the minutes never ran onto a third page")


def test_a_one_page_meeting_signs_on_its_one_page(database):
    """Minutes that fill most of their page, leaving less room than the block took before
    (50 mm), keep the signature on the same page."""
    meeting = _small_meeting()
    item = agenda.add_item(meeting_id=meeting.id, title="Planning")
    points = 0
    while len(_pages(render_minutes(meeting.id))) == 1:
        points += 1
        minutes.update_minute(item_id=item.id, key_points=[f"Point {n}." for n in range(points)])
    # One point fewer is the fullest page the minutes and the signature share.
    minutes.update_minute(item_id=item.id, key_points=[f"Point {n}." for n in range(points - 1)])
    data = render_minutes(meeting.id)
    (page,) = PdfReader(io.BytesIO(data)).pages
    lowest = []

    def visit(text, cm, tm, font, size):
        if text.startswith("Point"):
            lowest.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    # Less room than the old block's 50 mm was left below the minutes, and the field (at
    # the page's foot) is clear of them.
    assert min(lowest) - styles.MARGIN_BOTTOM < 50 * mm
    assert min(lowest) > SIGNATURE_FIELD[3]
    assert "Chair" in page.extract_text() and "Date" in page.extract_text()


def test_minutes_ending_with_a_motion_sign_on_the_page_it_is_on(database):
    meeting = _small_meeting()
    roof = agenda.add_item(meeting_id=meeting.id, title="Village hall roof")
    resolutions.add_resolution(item_id=roof.id, text="That the roof be mended.")

    (page,) = _pages(render_minutes(meeting.id))

    assert "That the roof be mended." in page and "Chair" in page


def test_the_agenda_starts_on_the_front_sheet_s_page_when_it_has_room(example_meeting):
    pages = _pages(render_agenda(example_meeting))

    assert re.search(r"(?m)^\s*AGENDA\s*$", pages[0])
    assert "Apologies for Absence" in pages[0]


def _small_meeting(end: str = "") -> Meeting:
    """A parish council's meeting, its agenda still to be written."""
    body = bodies.create_body(name="Hollingbourne Parish Council", kind="council")
    return meetings.create_meeting(
        body_id=body.id, date="2024-06-25", start_time="19:30", end_time=end
    )
