"""The minutes PDF read back: the example meeting of seed 004 complete and in order, the
DRAFT mark until approval, the chained record, votes, and Part II kept out of the public
minutes and in a document of its own."""

from __future__ import annotations

import io
import json
import time

import pytest
from pypdf import PdfReader

from desktop_app.documents import minutes_pdf
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.documents.signature_block import SIGNATURE_FIELD
from desktop_app.errors import ValidationError
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.decisions import minutes, minutes_versions, resolutions
from desktop_app.services.meeting_cycle import agenda, attendance, declarations, meetings
from desktop_app.storage.models import AgendaItem, Body, Meeting, Person
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, pdf_text


def example_record() -> dict:
    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    return next(m for m in data["bodies"][0]["meetings"] if m["date"] == "2012-12-17")


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def walk(items: list[dict]):
    for item in items:
        yield item
        yield from walk(item.get("items", []))


def item_id(meeting_id: str, number: str) -> str:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == number)).id


def person(key: str) -> str:
    return Person.get(Person.key == key).id


def later_meeting(example_meeting: str) -> AgendaItem:
    """The board's March 2013 meeting with a Minutes item, where December's are approved."""
    body_id = Meeting.get_by_id(example_meeting).__data__["body"]
    march = meetings.create_meeting(
        body_id=body_id, date="2013-03-18", start_time="14:30", end_time="16:00", status="held"
    )
    return agenda.add_item(meeting_id=march.id, title="Minutes", kind="previous minutes")


def test_every_minute_number_appears_in_order(example_meeting):
    text = flat(pdf_text(render_minutes(example_meeting)))
    numbers = ["30", "31", "32", "33", "34", "35", "36", "36.1", "36.2", "36.2.1", "36.2.2", "37"]
    titles = [item["title"] for item in walk(example_record()["items"])]
    at = 0
    for number, title in zip(numbers, titles, strict=True):
        found = text.find(f"{number} {title}", at)
        assert found >= 0, f"minute {number} {title} missing or out of order"
        at = found


def test_every_substitute_and_apology_is_named(example_meeting):
    text = flat(pdf_text(render_minutes(example_meeting)))
    assert "Simon Alland Substituting for CI Jon Bumpus, Kent Police" in text
    assert "Cllr Butcher Substituting for Cllr John Hughes" in text
    start = text.index("Apologies for absence were received from")
    apologies = text[start : text.index("31 Minutes", start)]
    for name in (
        "Martin Adams",
        "Cllr Stephen Beerling",
        "CI Jon Bumpus",
        "Cllr Fay Gooch",
        "Cllr Eric Hotson",
        "Cllr John Hughes",
        "Charlotte Osborne-Forde",
        "Cllr Stephen Paine",
        "Cllr Fran Wilson",
        "Cllr John A. Wilson",
    ):
        assert name in apologies


def test_every_resolution_and_decision_of_seed_004_in_order(example_meeting):
    text = flat(pdf_text(render_minutes(example_meeting)))
    wanted = []
    for item in walk(example_record()["items"]):
        minute = item.get("minute", {})
        if minute.get("decision"):
            wanted.append(minute["decision"])
        wanted += [f"{r['outcome'].upper()}: {r['text']}" for r in item.get("resolutions", [])]
    at = 0
    for words in wanted:
        found = text.find(flat(words), at)
        assert found >= 0, f"missing or out of order: {words}"
        at = found


def test_sections_are_labelled_as_in_the_seed(example_meeting):
    text = flat(pdf_text(render_minutes(example_meeting)))
    for label in ("Overview:", "Discussion – key points:", "Recommendations:", "Decision:"):
        assert label in text
    assert "Action: Lead the education provision focus group — Cllr Mrs Paulina Stockell" in text
    assert "Proposed by Cllr Gary Cooke." in text


def test_pages_are_numbered_with_metadata_and_embedded_fonts(example_meeting):
    data = render_minutes(example_meeting)
    reader = PdfReader(io.BytesIO(data))
    total = len(reader.pages)
    assert total >= 3
    assert f"Page 1 of {total}" in reader.pages[0].extract_text()
    assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
    assert reader.metadata.title == "Minutes: Maidstone Locality Board, 17 December 2012"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font.get_object()["/BaseFont"]


def test_the_same_record_gives_the_same_bytes(example_meeting):
    assert render_minutes(example_meeting) == render_minutes(example_meeting)


def test_draft_until_approved_then_the_approving_minutes_print_the_fingerprint(example_meeting):
    draft = pdf_text(render_minutes(example_meeting))
    assert "DRAFT" in draft and "Draft minutes — subject to approval" in draft
    at = later_meeting(example_meeting)
    approval = minutes_versions.approve(meeting_id=example_meeting, at_item_id=at.id)
    approved = pdf_text(render_minutes(example_meeting))
    assert "DRAFT" not in approved and minutes_pdf.DRAFT_NOTE not in approved
    march = flat(pdf_text(render_minutes(at.meeting_id)))
    assert (
        "The minutes of the meeting held on 17 December 2012, version 1, SHA-256 "
        f"{approval.approves_sha256}, were approved as a correct record." in march
    )
    assert "APPROVED: That the minutes of the meeting held on 17 December 2012" in march


def test_a_record_imported_as_approved_is_not_a_draft(example_meeting):
    body = Meeting.get_by_id(example_meeting).__data__["body"]
    october = Meeting.get((Meeting.body == body) & (Meeting.date == "2012-10-01"))
    assert "DRAFT" not in pdf_text(render_minutes(october.id))


def test_votes_proposer_and_named_votes_are_recorded(example_meeting):
    item = item_id(example_meeting, "35")
    res = resolutions.add_resolution(
        item_id=item,
        text="That the focus group report in March.",
        outcome="resolved",
        proposer_id=person("cooke"),
        seconder_id=person("ring"),
        votes_for=2,
        votes_against=1,
        votes_abstain=0,
    )
    resolutions.set_named_votes(
        resolution_id=res.id,
        votes={person("cooke"): "for", person("garland"): "for", person("ring"): "against"},
    )
    resolutions.add_resolution(item_id=item, text="That the Chair write.", unopposed=True)
    resolutions.add_resolution(
        item_id=item,
        text="That it be deferred.",
        outcome="rejected",
        votes_for=3,
        votes_against=3,
        casting_vote=True,
    )
    text = flat(pdf_text(render_minutes(example_meeting)))
    assert "RESOLVED: That the focus group report in March." in text
    assert (
        "Proposed by Cllr Gary Cooke, seconded by Cllr Mrs Marion Ring; carried "
        "(For 2, Against 1, Abstentions 0)." in text
    )
    assert (
        "Recorded vote — For: Cllr Chris Garland, Cllr Gary Cooke. Against: Cllr Mrs Marion Ring."
        in text
    )
    assert "RESOLVED: That the Chair write. Carried unopposed." in text
    assert (
        "REJECTED: That it be deferred. Lost on the Chair's casting vote (For 3, Against 3)."
        in text
    )


def test_public_minutes_hold_no_word_of_part_two(papered_meeting):
    meeting = papered_meeting.meeting_id
    minutes.update_minute(
        item_id=papered_meeting.confidential_item_id,
        overview=f"The {SECRET_ITEM} depot was valued by {SECRET_PAPER} surveyors.",
    )
    public = pdf_text(render_minutes(meeting))
    assert SECRET_ITEM not in public and SECRET_PAPER not in public
    number = AgendaItem.get_by_id(papered_meeting.confidential_item_id).number
    assert (
        f"{number} Exempt item — the minute of this item is confidential "
        "(Schedule 12A, paragraph 3)" in flat(public)
    )
    assert "Paper: Priorities and Performance report" in flat(public)


def test_confidential_minutes_hold_part_two_alone_marked_on_every_page(papered_meeting):
    meeting = papered_meeting.meeting_id
    minutes.update_minute(
        item_id=papered_meeting.confidential_item_id,
        overview=f"The {SECRET_ITEM} depot was valued. " + "Valuation detail. " * 600,
    )
    data = render_minutes(meeting, confidential=True)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert minutes_pdf.CONFIDENTIAL_MARK in page.extract_text()
    text = flat(pdf_text(data))
    assert f"Sale of the {SECRET_ITEM} depot" in text
    assert "Troubled Families" not in text and "Apologies for absence" not in text
    assert reader.metadata.title.startswith("Minutes: Maidstone Locality Board, 17 December 2012")


def test_confidential_minutes_of_a_meeting_without_part_two_are_refused(example_meeting):
    with pytest.raises(ValidationError, match="17 December 2012 has no confidential items"):
        render_minutes(example_meeting, confidential=True)


def test_text_in_any_script_prints(example_meeting):
    words = "Ελένη Παπαδοπούλου, Сергей Иванов, Zoë Brontë, “quotes” £62–75k 東京 🙂"
    minutes.update_minute(item_id=item_id(example_meeting, "32"), notes=words)
    text = pdf_text(render_minutes(example_meeting))
    for kept in ("Ελένη Παπαδοπούλου", "Сергей Иванов", "Zoë Brontë", "“quotes” £62–75k"):
        assert kept in text


def test_a_one_megabyte_overview_renders_in_seconds(example_meeting):
    # The minute editor stores at most 100,000 characters a field; a pasted megabyte that
    # reached the facts some other way must still lay out in linear time.
    facts = load_meeting_facts(example_meeting)
    sentence = "The board discussed the proposal at length and noted the risks. "
    facts.items[4].overview = sentence * (1_000_000 // len(sentence))
    started = time.perf_counter()
    data = minutes_pdf.minutes_pdf(facts)
    elapsed = time.perf_counter() - started
    assert len(PdfReader(io.BytesIO(data)).pages) > 100
    assert elapsed < 60  # a guard against a runaway layout, not a speed test (bench/ is)


def test_the_signature_field_is_left_empty_on_the_last_page(example_meeting):
    reader = PdfReader(io.BytesIO(render_minutes(example_meeting)))
    x1, y1, x2, y2 = SIGNATURE_FIELD
    inside = []

    def visit(text, cm, tm, font, size):
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if text.strip() and x1 <= x <= x2 and y1 <= y <= y2:
            inside.append(text)

    last = reader.pages[-1]
    last.extract_text(visitor_text=visit)
    assert inside == []
    assert "Chair" in last.extract_text() and "Date" in last.extract_text()


def test_an_unknown_meeting_is_refused(database):
    with pytest.raises(ValidationError):
        render_minutes("no-such-meeting")
    assert Body.select().count() == 0


def test_the_chair_officers_in_attendance_and_the_public_are_recorded(example_meeting):
    attendance.set_chair(meeting_id=example_meeting, person_id=person("whiting"))
    attendance.add_in_attendance(
        meeting_id=example_meeting, person_id=person("kershaw"), capacity="Project Delivery"
    )
    attendance.set_public_attendees(meeting_id=example_meeting, count=4)
    text = flat(pdf_text(render_minutes(example_meeting)))
    assert "Cllr Mike Whiting in the Chair" in text
    assert "Cllr Mike Whiting (Chair)" in text
    assert (
        text.index("Present:") < text.index("In attendance: Ellie Kershaw") < text.index("MINUTES")
    )
    assert "4 members of the public were present." in text


def test_declarations_are_listed_and_name_no_part_two_subject(papered_meeting):
    meeting = papered_meeting.meeting_id
    declarations.declare_interest(
        meeting_id=meeting,
        item_id=item_id(meeting, "35"),
        person_id=person("cooke"),
        kind="other significant",
        description="governor of a local school",
    )
    declarations.declare_interest(
        meeting_id=meeting,
        item_id=papered_meeting.confidential_item_id,
        person_id=person("ring"),
        kind="disclosable pecuniary",
        description=f"owns land beside the {SECRET_ITEM} depot",
        left_room=True,
    )
    text = flat(pdf_text(render_minutes(meeting)))
    assert "Declarations of interest" in text
    assert (
        "Cllr Gary Cooke declared an other significant interest in minute 35, Kent Commissioning "
        "Plan for Education Provision: governor of a local school." in text
    )
    number = AgendaItem.get_by_id(papered_meeting.confidential_item_id).number
    assert (
        f"Cllr Mrs Marion Ring declared a disclosable pecuniary interest in minute {number}" in text
    )
    assert SECRET_ITEM not in text
