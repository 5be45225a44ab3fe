"""Loading the whole record of one meeting: attendance, items, minutes, resolutions, actions."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from desktop_app.services.directory import organisations, people
from desktop_app.services.directory.bodies import create_body, update_body
from desktop_app.services.directory.memberships import add_member
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.meeting_cycle.meeting_record import AttendanceLine, load_meeting_record
from desktop_app.services.meeting_cycle.meeting_rows import load_meeting_rows
from desktop_app.storage import changes
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Minute,
    Resolution,
    db,
)


@pytest.fixture
def held(database):
    """The Locality Board of 17 December 2012, recorded row by row as the clerk would."""
    police = organisations.create_organisation(name="Kent Police")
    jobcentre = organisations.create_organisation(name="Jobcentre Plus")
    nhs = organisations.create_organisation(name="NHS West Kent")
    mbc = organisations.create_organisation(name="Maidstone Borough Council")
    garland = people.create_person(name="Chris Garland", title="Cllr", organisation_id=mbc.id)
    ashdown = people.create_person(
        name="Dave Ashdown", position="District Manager", organisation_id=jobcentre.id
    )
    bumpus = people.create_person(
        name="Jon Bumpus", title="CI", position="Chief Inspector", organisation_id=police.id
    )
    alland = people.create_person(name="Simon Alland", organisation_id=police.id)
    edwins = people.create_person(name="Jay Edwins 🩺", organisation_id=nhs.id)
    board = create_body(name="Maidstone Locality Board", kind="board")
    meeting = meetings.create_meeting(
        body_id=board.id, date="2012-12-17", start_time="14:00", end_time="16:05", status="held"
    )
    meetings.update_meeting(meeting_id=meeting.id, chair_id=garland.id)

    with db.atomic():
        for person, status in ((ashdown, "present"), (garland, "present"), (bumpus, "apologies")):
            changes.create(Attendance, meeting=meeting.id, person=person.id, status=status)
        changes.create(
            Attendance,
            meeting=meeting.id,
            person=alland.id,
            status="substitute",
            substitute_for=bumpus.id,
            capacity="Kent Police",
        )
        withdrawn = changes.create(
            Attendance, meeting=meeting.id, person=edwins.id, status="present"
        )
        changes.delete(withdrawn)

        def item(rank, title, **values):
            return changes.create(AgendaItem, meeting=meeting.id, rank=rank, title=title, **values)

        # Sub-items are ranked within their parent, so they come before it by rank.
        families = item(
            "2",
            "Troubled Families 👪",
            number="33",
            presenter_person=alland.id,
            purpose="for decision",
        )
        item("1", "Budget", parent=families.id, number="33.1")
        item("2", "Staffing", parent=families.id, number="33.2", confidential=True)
        item("1", "Apologies", kind="apologies", number="30")
        item("3", "Any other business", number="37", presenter_organisation=nhs.id)
        dropped = item("4", "Withdrawn report")
        changes.delete(dropped)

        changes.create(
            Minute,
            item=families.id,
            overview="The Board received an update from Kent Police.",
            key_points=json.dumps(["120 families identified", "Ποσοστό 40%"], ensure_ascii=False),
            recommendations=json.dumps(["Endorse the delivery plan"]),
            decision="The plan was endorsed.",
            notes="Figures to follow ✔",
        )
        changes.create(
            Resolution,
            item=families.id,
            position=2,
            text="That progress be noted.",
            outcome="noted",
        )
        changes.create(
            Resolution,
            item=families.id,
            position=1,
            text="That the Board endorses the delivery plan.",
            outcome="endorsed",
        )
        changes.create(
            Action,
            item=families.id,
            position=1,
            text="Circulate the family figures",
            owner_person=bumpus.id,
            due=dt.date(2013, 1, 7),
        )
        changes.create(
            Action,
            item=families.id,
            position=2,
            text="Report back in March",
            owner_organisation=nhs.id,
        )
    return SimpleNamespace(meeting=meeting, board=board, families=families)


def test_the_meeting_itself_is_loaded(held):
    record = load_meeting_record(held.meeting.id)

    assert (record.id, record.body_id, record.body_name) == (
        held.meeting.id,
        held.board.id,
        "Maidstone Locality Board",
    )
    assert (record.date, record.start_time, record.end_time) == (
        dt.date(2012, 12, 17),
        "14:00",
        "16:05",
    )
    assert (record.status, record.chair) == ("held", "Cllr Chris Garland")


def test_attendance_lists_those_present_by_surname_then_apologies(held):
    record = load_meeting_record(held.meeting.id)

    assert record.attendance == [
        AttendanceLine("Simon Alland", "substitute", "Substituting for CI Jon Bumpus, Kent Police"),
        AttendanceLine("Dave Ashdown", "present", "District Manager, Jobcentre Plus"),
        AttendanceLine("Cllr Chris Garland", "present", "Maidstone Borough Council"),
        AttendanceLine("CI Jon Bumpus", "apologies", "Chief Inspector, Kent Police"),
    ]


def test_items_come_in_order_with_sub_items_nested_and_deleted_items_left_out(held):
    record = load_meeting_record(held.meeting.id)

    assert [(i.number, i.title) for i in record.items] == [
        ("30", "Apologies"),
        ("33", "Troubled Families 👪"),
        ("37", "Any other business"),
    ]
    families = record.items[1]
    assert [(i.number, i.title, i.confidential) for i in families.sub_items] == [
        ("33.1", "Budget", False),
        ("33.2", "Staffing", True),
    ]


def test_presenters_are_named_as_a_person_or_an_organisation(held):
    record = load_meeting_record(held.meeting.id)

    assert [i.presenter for i in record.items] == ["", "Simon Alland", "NHS West Kent"]
    assert record.items[1].purpose == "for decision"


def test_an_items_minute_is_loaded(held):
    families = load_meeting_record(held.meeting.id).items[1]

    assert families.overview == "The Board received an update from Kent Police."
    assert families.key_points == ["120 families identified", "Ποσοστό 40%"]
    assert families.recommendations == ["Endorse the delivery plan"]
    assert (families.decision, families.notes) == ("The plan was endorsed.", "Figures to follow ✔")


def test_an_item_without_a_minute_has_empty_minutes(held):
    apologies = load_meeting_record(held.meeting.id).items[0]

    assert (apologies.overview, apologies.key_points, apologies.resolutions) == ("", [], [])


def test_resolutions_come_in_their_order(held):
    families = load_meeting_record(held.meeting.id).items[1]

    assert families.resolutions == [
        ("endorsed", "That the Board endorses the delivery plan."),
        ("noted", "That progress be noted."),
    ]


def test_actions_name_their_owner_and_due_date(held):
    families = load_meeting_record(held.meeting.id).items[1]

    assert families.actions == [
        ("Circulate the family figures", "CI Jon Bumpus", "7 January 2013"),
        ("Report back in March", "NHS West Kent", ""),
    ]


def test_the_people_loaded_for_a_meeting_are_those_it_names_not_the_councils(held):
    stranger = people.create_person(name="Ann Stranger")  # at another body's meeting
    elsewhere = meetings.create_meeting(
        body_id=create_body(name="Licensing Committee").id, date="2012-12-18"
    )
    with db.atomic():
        changes.create(Attendance, meeting=elsewhere.id, person=stranger.id, status="present")

    named = {person.name for person in load_meeting_rows(held.meeting.id).people.values()}

    # Jay Edwins's attendance was deleted: no live row of this meeting names him now.
    assert named == {"Chris Garland", "Dave Ashdown", "Jon Bumpus", "Simon Alland"}


def test_the_people_loaded_for_a_meetings_documents_add_its_bodys_clerk_and_members(held):
    clerk = people.create_person(name="Ruth Clerk")
    member = people.create_person(name="Matt Member")
    people.create_person(name="Ann Stranger")
    add_member(body_id=held.board.id, person_id=member.id)
    update_body(body_id=held.board.id, clerk_id=clerk.id)

    found = load_meeting_rows(held.meeting.id, with_body=True).people

    names = {person.name for person in found.values()}
    assert {"Ruth Clerk", "Matt Member", "Chris Garland"} <= names
    assert "Ann Stranger" not in names


def test_an_unknown_meeting_is_refused(refused):
    with refused("There is no meeting with the key “missing”."):
        load_meeting_record("missing")


def test_a_deleted_meeting_is_refused(refused):
    board = create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    meetings.delete_meeting(meeting_id=meeting.id)

    with refused("There is no meeting with the key"):
        load_meeting_record(meeting.id)
