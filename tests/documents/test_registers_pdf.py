"""The registers read back: the action log by RAG colour, the decisions register and the
attendance record, on landscape pages, with Part II left out of public editions."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from desktop_app.documents import styles
from desktop_app.documents.registers_pdf import (
    rag_colour,
    render_action_log,
    render_attendance_record,
    render_decisions_register,
)
from desktop_app.errors import ValidationError
from desktop_app.services.decisions import actions, resolutions
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage.models import Action, AgendaItem, Body
from tests.documents.conftest import SECRET_ITEM, pdf_text

TODAY = dt.date(2013, 1, 15)


def flat(text: str) -> str:
    return " ".join(text.split())


def body_id() -> str:
    return Body.get(Body.name == "Maidstone Locality Board").id


def example_actions() -> dict[str, Action]:
    """The example's actions by their owner's key, with due dates and statuses set."""
    rows = {a.owner_person.key: a for a in Action.select()}
    actions.update_action(action_id=rows["garland"].id, due="2013-01-10")  # overdue
    actions.update_action(action_id=rows["cooke"].id, due="2013-03-01", status="at risk")
    actions.update_action(action_id=rows["ring"].id, due="2013-03-01", status="on track")
    actions.update_action(action_id=rows["stockell"].id, status="done")
    return rows


def embedded_only(data: bytes) -> None:
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"]


def test_rag_colours_follow_due_dates_and_status():
    assert rag_colour("open", TODAY - dt.timedelta(days=1), TODAY) == "red"
    assert rag_colour("late", None, TODAY) == "red"
    assert rag_colour("open", TODAY + dt.timedelta(days=14), TODAY) == "amber"
    assert rag_colour("at risk", None, TODAY) == "amber"
    assert rag_colour("on track", TODAY + dt.timedelta(days=15), TODAY) == "green"
    assert rag_colour("open", None, TODAY) == "green"
    assert rag_colour("done", TODAY - dt.timedelta(days=30), TODAY) == "done"


def test_the_action_log_groups_actions_by_colour_with_swatches(example_meeting):
    example_actions()
    data = render_action_log(body_id(), today=TODAY)
    text = flat(pdf_text(data))
    order = ["Overdue (1)", "Cllr Chris Garland", "Due within 14 days or at risk (1)"]
    order += ["Cllr Gary Cooke", "On track (1)", "Cllr Mrs Marion Ring", "Done recently (1)"]
    at = 0
    for words in order:
        at = text.index(words, at)
    assert "Action log, as at 15 January 2013" in text
    content = PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")
    for colour in ("red", "amber", "green", "done"):
        red, green, blue = styles.RAG[colour].rgb()
        assert f"{red:g} {green:g} {blue:g} rg".replace("0.", ".") in content.replace("0.", ".")
    embedded_only(data)


def test_actions_done_long_ago_leave_the_log(example_meeting):
    example_actions()
    text = pdf_text(render_action_log(body_id(), today=dt.date(2014, 1, 1)))
    assert "Lead the education provision focus group" not in text
    assert "Establish a Project Group" in text


def test_the_action_log_is_landscape_and_numbered(example_meeting):
    reader = PdfReader(io.BytesIO(render_action_log(body_id(), today=TODAY)))
    box = reader.pages[0].mediabox
    assert box.width > box.height
    assert "Page 1 of 1" in reader.pages[0].extract_text()
    assert reader.metadata.title == "Action log: Maidstone Locality Board, 15 January 2013"


def test_a_public_action_log_leaves_out_part_two_actions(papered_meeting):
    secret = agenda.add_item(
        meeting_id=papered_meeting.meeting_id,
        title="Terms",
        parent_id=papered_meeting.confidential_item_id,
    )
    actions.add_action(item_id=secret.id, text=f"Instruct agents for the {SECRET_ITEM} sale")
    public = pdf_text(render_action_log(body_id(), public=True, today=TODAY))
    assert SECRET_ITEM not in public and "Public edition" in public
    internal = flat(pdf_text(render_action_log(body_id(), today=TODAY)))
    assert f"Instruct agents for the {SECRET_ITEM} sale" in internal and "(Part II)" in internal


def test_the_decisions_register_lists_every_decision_in_order(example_meeting):
    data = render_decisions_register(body_id(), "2012-05-01", "2013-04-30")
    text = flat(pdf_text(data))
    wanted = [
        "RESOLVED: That the Minutes of the Meeting held on 1 October 2012",
        "APPROVED: That the recommendations set out above be approved.",
        "AGREED: That Cllr Chris Garland chair",
        "AGREED: That Cllr Gary Cooke chair",
        "AGREED: That Cllr Marion Ring chair",
        "ENDORSED: That a task and finish focus group be established",
        "NOTED: That the information items be noted.",
    ]
    at = 0
    for words in wanted:
        at = text.index(words, at)
    assert "Decisions register, 1 May 2012 to 30 April 2013" in text
    embedded_only(data)


def test_the_decisions_register_says_how_a_decision_was_carried(example_meeting):
    item = AgendaItem.get((AgendaItem.meeting == example_meeting) & (AgendaItem.number == "35"))
    resolutions.add_resolution(
        item_id=item.id, text="That the plan be noted.", votes_for=6, votes_against=2
    )
    text = flat(pdf_text(render_decisions_register(body_id(), "2012-12-01", "2012-12-31")))
    assert "RESOLVED: That the plan be noted. 6 for, 2 against" in text


def test_a_public_decisions_register_leaves_out_part_two(papered_meeting):
    under = agenda.add_item(
        meeting_id=papered_meeting.meeting_id,
        title="Terms",
        parent_id=papered_meeting.confidential_item_id,
    )
    resolutions.add_resolution(
        item_id=papered_meeting.confidential_item_id, text=f"That the {SECRET_ITEM} depot be sold."
    )
    resolutions.add_resolution(item_id=under.id, text="That the agents be Smith & Co.")
    public = pdf_text(render_decisions_register(body_id(), "2012-12-01", "2012-12-31", public=True))
    assert SECRET_ITEM not in public and "Smith" not in public
    internal = flat(pdf_text(render_decisions_register(body_id(), "2012-12-01", "2012-12-31")))
    assert f"That the {SECRET_ITEM} depot be sold." in internal
    assert "That the agents be Smith & Co." in internal


def test_the_attendance_record_marks_each_member_at_each_meeting(example_meeting):
    data = render_attendance_record(body_id(), "2012-12-01", "2012-12-31")
    text = flat(pdf_text(data))
    assert "Attendance record, 1 December 2012 to 31 December 2012" in text
    assert "Dave Ashdown P 1 1 0 0 0 100%" in text
    assert "CI Jon Bumpus S 1 0 1 0 1 0%" in text  # a substitute attended in his place
    assert "17 Dec 2012" in text
    embedded_only(data)


def test_the_attendance_record_of_a_period_without_meetings_says_so(example_meeting):
    text = pdf_text(render_attendance_record(body_id(), "2014-01-01", "2014-12-31"))
    assert "No meetings were held in this period." in text


def test_a_period_that_ends_before_it_starts_is_refused(example_meeting):
    with pytest.raises(ValidationError, match="The period ends before it starts."):
        render_attendance_record(body_id(), "2013-01-01", "2012-01-01")
    with pytest.raises(ValidationError, match="The period ends before it starts."):
        render_decisions_register(body_id(), "2013-01-01", "2012-01-01")


def test_many_meetings_take_several_grids(example_meeting):
    body = body_id()
    for month in range(1, 13):
        meetings.create_meeting(body_id=body, date=dt.date(2013, month, 20), status="held")
    text = flat(pdf_text(render_attendance_record(body, "2012-12-01", "2013-12-31")))
    # Nine meetings (December to August) side by side, then the other four with the totals.
    second = text.index("Member", text.index("20 Aug 2013"))
    assert second < text.index("20 Sep 2013") < text.index("20 Dec 2013") < text.index("Attended")
    assert text.index("Attended") > second
