"""The chair's brief: the agenda with timings, the chair's words and the clerk's notes."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop_app.documents.brief_pdf import render_brief, time_slots
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage.models import AgendaItem, Meeting
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, pdf_text
from tests.documents.test_agenda_pdf import EXAMPLE_ITEMS, _fonts

TIMES = {"30": 5, "31": 5, "32": 10, "33": 30, "34": 20, "35": 20, "36": 10}


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", " ", pdf_text(data))


def _item(meeting_id: str, number: str) -> AgendaItem:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == number))


@pytest.fixture
def timed(papered_meeting):
    """The papered meeting with times allowed, notes for the chair and a decision item."""
    meeting_id = papered_meeting.meeting_id
    for number, minutes in TIMES.items():
        agenda.update_item(item_id=_item(meeting_id, number).id, minutes_allowed=minutes)
    agenda.update_item(
        item_id=_item(meeting_id, "35").id,
        brief_note="Cllr Cooke will raise school transport; keep it to the plan.",
    )
    agenda.update_item(item_id=_item(meeting_id, "34").id, purpose="for decision")
    agenda.update_item(
        item_id=papered_meeting.confidential_item_id,
        minutes_allowed=15,
        brief_note="The valuation stays confidential until completion.",
        purpose="for decision",
    )
    return papered_meeting


def test_items_print_in_order_with_their_time_slots(timed):
    text = _flat(render_brief(timed.meeting_id))
    place = text.index("Part I — public")
    for number, title in EXAMPLE_ITEMS:
        found = text.find(f"{number} {title}", place)
        assert found > place, f"{number} {title} missing or out of order"
        place = found
    for slot in (
        "14:30–14:35 (5 min)",
        "14:35–14:40 (5 min)",
        "14:50–15:20 (30 min)",
        "16:00–16:10 (10 min)",
        "16:10–16:25 (15 min)",  # the Part II item after every Part I item
    ):
        assert slot in text
    assert "Time allowed for the items: 1 h 55 min, from 14:30 to 16:25" in text


def test_the_running_clock_skips_items_without_a_time(timed):
    slots = time_slots(load_meeting_facts(timed.meeting_id))
    assert _item(timed.meeting_id, "37").id not in slots
    assert slots[_item(timed.meeting_id, "33").id] == "14:50–15:20 (30 min)"


def test_without_a_start_time_only_the_minutes_are_given(timed):
    meetings.update_meeting(meeting_id=timed.meeting_id, start_time="", end_time="")
    slots = time_slots(load_meeting_facts(timed.meeting_id))
    assert slots[_item(timed.meeting_id, "33").id] == "(30 min)"


def test_the_chair_reads_the_procedural_wording_in_order(timed):
    text = _flat(render_brief(timed.meeting_id))
    steps = [
        "The Chair to welcome members and open the meeting.",
        "The Chair to ask the clerk to report apologies.",
        "The Chair to move that the minutes of the meeting held on 1 October 2012 be approved "
        "as a correct record and signed.",
        "The Chair to invite a proposer and seconder, then put the recommendation to the vote.",
        "The Chair to ask whether there is any other business",
        "The Chair to move that the public be excluded for item 38",
        "paragraph 3 of Part 1 of Schedule 12A",
        "The Chair to thank members and close the meeting (booked until 4.30 pm).",
    ]
    place = 0
    for step in steps:
        found = text.find(step, place)
        assert found >= place, f"“{step}” missing or out of order"
        place = found


def test_apologies_and_substitutes_are_listed_for_the_chair(timed):
    text = _flat(render_brief(timed.meeting_id))
    assert "Apologies received from" in text and "Cllr John Hughes" in text
    assert "Substitutes: Simon Alland (substituting for CI Jon Bumpus" in text


def test_the_clerks_notes_are_printed_under_their_items(timed):
    text = _flat(render_brief(timed.meeting_id))
    note = text.index("Cllr Cooke will raise school transport")
    assert text.index("35 Kent Commissioning Plan") < note < text.index("36 Any Other Business")
    assert "The valuation stays confidential until completion." in text
    # The brief is the chair's: Part II is there in full.
    assert SECRET_ITEM in text and SECRET_PAPER in text


def test_every_page_says_not_for_circulation(timed):
    reader = PdfReader(io.BytesIO(render_brief(timed.meeting_id)))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        words = page.extract_text()
        assert "Chair's brief — not for circulation" in words
        assert f"Page {number} of {total}" in words
    assert reader.metadata.title == "Chair's brief: Maidstone Locality Board, 17 December 2012"
    assert reader.metadata.subject == "Chair's brief — not for circulation"
    assert reader.metadata.author == "Maidstone Locality Board"


def test_every_font_is_embedded(timed):
    fonts = _fonts(render_brief(timed.meeting_id))
    assert fonts and all(embedded for _, embedded in fonts), fonts


def test_the_next_meeting_is_announced(timed):
    meeting = Meeting.get_by_id(timed.meeting_id)
    meetings.create_meeting(body_id=meeting.body_id, date="2013-02-18", start_time="14:30")
    agenda.add_item(
        meeting_id=timed.meeting_id, title="Date of Next Meeting", kind="date of next meeting"
    )
    text = _flat(render_brief(timed.meeting_id))
    assert "next meeting: Monday 18 February 2013 at 2.30 pm" in text


def test_an_unpublished_agenda_gives_a_draft_brief(example_meeting):
    meeting = Meeting.get_by_id(example_meeting)
    draft = meetings.create_meeting(body_id=meeting.body_id, date="2013-02-18")
    agenda.start_agenda(meeting_id=draft.id)
    text = _flat(render_brief(draft.id))
    assert "DRAFT" in text and "draft agenda" in text
    assert "No item has a time allowed yet." in text


@pytest.mark.timeout(15)
def test_a_one_megabyte_note_does_not_hang(example_meeting):
    item = _item(example_meeting, "33")
    # Past the service (which refuses it), as a damaged database might hold it.
    AgendaItem.update(brief_note="word " * 200_000).where(AgendaItem.id == item.id).execute()
    data = render_brief(example_meeting)
    assert len(PdfReader(io.BytesIO(data)).pages) > 10


def test_notes_in_any_script_print(example_meeting):
    note = "Δήμαρχος; Городской совет; “quoted” £5 — 市议会 🏛️"
    agenda.update_item(item_id=_item(example_meeting, "34").id, brief_note=note)
    text = _flat(render_brief(example_meeting))
    assert "Δήμαρχος; Городской совет; “quoted” £5 —" in text
