"""Attendance: members marked present, apologies or absent; substitutes; people in
attendance; arrival and departure times; the chair; the public."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.directory import memberships, organisations, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.services.meeting_cycle.attendance_sheet import AttendanceEntry, attendance_sheet
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import Attendance, AuditEntry, Declaration, JournalEntry, db


@pytest.fixture
def board(database):
    """The Locality Board of 17 December 2012 before anyone is marked."""
    police = organisations.create_organisation(name="Kent Police")
    mbc = organisations.create_organisation(name="Maidstone Borough Council")
    kalc = organisations.create_organisation(name="Kent Association of Local Councils")

    def person(name, title="", organisation=None):
        return people.create_person(
            name=name, title=title, organisation_id=organisation.id if organisation else None
        )

    p = SimpleNamespace(
        garland=person("Chris Garland", "Cllr", mbc),
        stockell=person("Paulina Stockell", "Cllr Mrs", mbc),
        ashdown=person("Dave Ashdown"),
        bumpus=person("Jon Bumpus", "CI", police),
        hughes=person("Mike Hughes", "Cllr"),
        robson=person("Sarah Robson", organisation=mbc),
        reserve=person("Rita Reserve", "Cllr"),
        former=person("Fred Former"),
        alland=person("Simon Alland", organisation=police),
        butcher=person("Ann Butcher"),
        clark=person("Zoe Clark", organisation=mbc),
    )
    body = create_body(name="Maidstone Locality Board", kind="board", quorum="6")

    def member(who, role="member", organisation=None, **values):
        memberships.add_member(
            body_id=body.id,
            person_id=who.id,
            role=role,
            organisation_id=organisation.id if organisation else None,
            **values,
        )

    member(p.stockell, "vice-chair")
    member(p.garland, "chair")
    member(p.bumpus)
    member(p.hughes, organisation=kalc)
    member(p.ashdown)
    member(p.robson, "officer", voting=False)
    member(p.reserve, "substitute")
    member(p.former, to_date="2012-06-30")
    meeting = meetings.create_meeting(
        body_id=body.id, date="2012-12-17", start_time="14:00", end_time="16:05"
    )
    return SimpleNamespace(body=body, meeting=meeting, **vars(p))


def sheet_of(board) -> list[AttendanceEntry]:
    return attendance_sheet(board.meeting.id)


def line(board, who) -> AttendanceEntry:
    return next(e for e in sheet_of(board) if e.person_id == who.id)


def mark(board, who, status):
    return attendance.mark_attendance(meeting_id=board.meeting.id, person_id=who.id, status=status)


def set_status(board, status):
    with db.atomic():
        changes.update(meetings.get_meeting(board.meeting.id), status=status)


# The sheet


def test_the_sheet_lists_members_on_the_day_by_role_then_surname(board):
    names = [e.name for e in sheet_of(board)]

    assert names == [
        "Cllr Chris Garland",
        "Cllr Mrs Paulina Stockell",
        "Dave Ashdown",
        "CI Jon Bumpus",
        "Cllr Mike Hughes",
        "Cllr Rita Reserve",
        "Sarah Robson",
    ]


def test_a_member_not_yet_marked_has_no_line_and_no_status(board):
    entry = line(board, board.ashdown)

    assert (entry.attendance_id, entry.status, entry.is_member) == (None, "", True)


def test_the_sheet_names_role_organisation_represented_and_vote(board):
    hughes, robson = line(board, board.hughes), line(board, board.robson)

    assert (hughes.role, hughes.organisation, hughes.voting) == (
        "member",
        "Kent Association of Local Councils",
        True,
    )
    assert (robson.role, robson.organisation, robson.voting) == (
        "officer",
        "Maidstone Borough Council",
        False,
    )


def test_the_sheet_lists_substitutes_then_people_in_attendance(board):
    attendance.add_in_attendance(
        meeting_id=board.meeting.id, person_id=board.clark.id, capacity="Democratic Services"
    )
    attendance.add_substitute(
        meeting_id=board.meeting.id,
        person_id=board.alland.id,
        substitute_for_id=board.bumpus.id,
        capacity="Kent Police",
    )

    tail = sheet_of(board)[-2:]

    assert [(e.name, e.status, e.is_member) for e in tail] == [
        ("Simon Alland", "substitute", False),
        ("Zoe Clark", "in attendance", False),
    ]
    assert (tail[0].substitute_for_name, tail[0].capacity, tail[0].voting) == (
        "CI Jon Bumpus",
        "Kent Police",
        True,
    )
    assert (tail[1].capacity, tail[1].voting, tail[1].role) == ("Democratic Services", False, "")


def test_the_sheet_of_an_unknown_meeting_is_refused(refused):
    with refused("no meeting"):
        attendance_sheet("nope")


# Marking members


def test_marking_a_member_present_records_a_line(board):
    row = mark(board, board.ashdown, "present")

    entry = line(board, board.ashdown)
    assert (entry.attendance_id, entry.status) == (row.id, "present")


def test_marking_again_changes_the_same_line(board):
    first = mark(board, board.ashdown, "present")

    second = mark(board, board.ashdown, "apologies")

    assert second.id == first.id
    assert Attendance.live().where(Attendance.person == board.ashdown.id).count() == 1
    assert line(board, board.ashdown).status == "apologies"


def test_a_mark_goes_to_the_journal_and_the_audit_log(board):
    journal, audit = JournalEntry.select().count(), AuditEntry.select().count()

    mark(board, board.ashdown, "absent")

    assert JournalEntry.select().count() == journal + 1
    assert AuditEntry.select().count() == audit + 1


def test_marking_someone_who_is_not_a_member_is_refused(refused, board):
    with refused("Simon Alland is not a member of Maidstone Locality Board", "in attendance"):
        mark(board, board.alland, "present")


def test_marking_a_former_member_is_refused(refused, board):
    with refused("Fred Former is not a member", "17 December 2012"):
        mark(board, board.former, "present")


def test_an_unknown_mark_is_refused(refused, board):
    with refused("“late” is not a mark for a member"):
        mark(board, board.ashdown, "late")


def test_clearing_a_first_mark_leaves_the_member_unmarked(board):
    mark(board, board.ashdown, "present")

    attendance.clear_attendance(meeting_id=board.meeting.id, person_id=board.ashdown.id)

    assert (line(board, board.ashdown).status, line(board, board.ashdown).attendance_id) == (
        "",
        None,
    )


def test_clearing_an_unmarked_member_changes_nothing(board):
    journal = JournalEntry.select().count()

    attendance.clear_attendance(meeting_id=board.meeting.id, person_id=board.ashdown.id)

    assert JournalEntry.select().count() == journal


def test_a_cleared_line_can_be_restored_with_its_times(board):
    row = mark(board, board.ashdown, "present")
    attendance.set_times(attendance_id=row.id, arrived="14:20")
    attendance.clear_attendance(meeting_id=board.meeting.id, person_id=board.ashdown.id)

    attendance.restore_attendance(attendance_id=row.id)

    entry = line(board, board.ashdown)
    assert (entry.attendance_id, entry.status, entry.arrived) == (row.id, "present", "14:20")


def test_marking_on_a_cancelled_meeting_is_refused(refused, board):
    set_status(board, "cancelled")

    with refused("17 December 2012 was cancelled"):
        mark(board, board.ashdown, "present")


def test_marking_after_the_minutes_are_approved_is_refused(refused, board):
    set_status(board, "minutes approved")

    with refused("approved minutes", "can no longer change"):
        mark(board, board.ashdown, "present")


# Substitutes


def substitute(board, who, member, capacity=""):
    return attendance.add_substitute(
        meeting_id=board.meeting.id,
        person_id=who.id,
        substitute_for_id=member.id,
        capacity=capacity,
    )


def test_a_substitute_stands_in_and_the_member_sends_apologies(board):
    row = substitute(board, board.alland, board.bumpus, "Kent Police")

    assert (row.status, row.substitute_for_id, row.capacity) == (
        "substitute",
        board.bumpus.id,
        "Kent Police",
    )
    assert line(board, board.bumpus).status == "apologies"


def test_a_substitute_keeps_the_members_own_mark(board):
    mark(board, board.bumpus, "absent")

    substitute(board, board.alland, board.bumpus)

    assert line(board, board.bumpus).status == "absent"


def test_a_named_substitute_on_the_membership_may_stand_in(board):
    substitute(board, board.reserve, board.hughes)

    entry = line(board, board.reserve)
    assert (entry.status, entry.substitute_for_name, entry.voting) == (
        "substitute",
        "Cllr Mike Hughes",
        True,
    )


def test_a_substitute_for_someone_not_a_member_is_refused(refused, board):
    with refused("Ann Butcher is not a member of Maidstone Locality Board", "no one can"):
        substitute(board, board.alland, board.butcher)


def test_a_substitute_for_a_former_member_is_refused(refused, board):
    with refused("Fred Former is not a member"):
        substitute(board, board.alland, board.former)


def test_a_substitute_already_on_the_sheet_is_refused(refused, board):
    attendance.add_in_attendance(meeting_id=board.meeting.id, person_id=board.alland.id)

    with refused("Simon Alland is already on the attendance sheet"):
        substitute(board, board.alland, board.bumpus)


def test_a_member_as_a_substitute_is_refused(refused, board):
    with refused("Dave Ashdown is a member of Maidstone Locality Board"):
        substitute(board, board.ashdown, board.bumpus)


def test_a_second_substitute_for_one_member_is_refused(refused, board):
    substitute(board, board.alland, board.bumpus)

    with refused("Simon Alland already substitutes for CI Jon Bumpus"):
        substitute(board, board.butcher, board.bumpus)


def test_a_substitute_for_a_member_who_is_present_is_refused(refused, board):
    mark(board, board.bumpus, "present")

    with refused("CI Jon Bumpus is marked present"):
        substitute(board, board.alland, board.bumpus)


def test_substituting_for_oneself_is_refused(refused, board):
    with refused("cannot substitute for themselves"):
        substitute(board, board.bumpus, board.bumpus)


def test_marking_a_substituted_member_present_is_refused(refused, board):
    substitute(board, board.alland, board.bumpus)

    with refused("Simon Alland is substituting for CI Jon Bumpus", "remove the substitute"):
        mark(board, board.bumpus, "present")


def test_a_removed_substitute_can_be_restored(board):
    row = substitute(board, board.alland, board.bumpus)
    attendance.remove_attendance(attendance_id=row.id)
    assert all(e.person_id != board.alland.id for e in sheet_of(board))

    attendance.restore_attendance(attendance_id=row.id)

    assert line(board, board.alland).status == "substitute"


def test_restoring_a_substitute_when_another_stands_in_is_refused(refused, board):
    row = substitute(board, board.alland, board.bumpus)
    attendance.remove_attendance(attendance_id=row.id)
    substitute(board, board.butcher, board.bumpus)

    with refused("Ann Butcher already substitutes for CI Jon Bumpus"):
        attendance.restore_attendance(attendance_id=row.id)


def test_restoring_a_line_for_someone_back_on_the_sheet_is_refused(refused, board):
    # A line of its own id, as an older version made them (or an appointment makes one).
    with db.atomic():
        row = changes.create(
            Attendance, meeting=board.meeting.id, person=board.ashdown.id, status="present"
        )
    attendance.clear_attendance(meeting_id=board.meeting.id, person_id=board.ashdown.id)
    mark(board, board.ashdown, "absent")

    with refused("Dave Ashdown is already on the attendance sheet"):
        attendance.restore_attendance(attendance_id=row.id)


def test_a_line_has_the_id_its_meeting_and_person_have_on_every_laptop(board):
    row = mark(board, board.ashdown, "present")

    assert row.id == natural_ids.attendance_id(board.meeting.id, board.ashdown.id)


def test_marking_again_after_a_clear_brings_back_the_same_line_afresh(board):
    first = mark(board, board.ashdown, "present")
    attendance.set_times(attendance_id=first.id, arrived="14:20")
    attendance.clear_attendance(meeting_id=board.meeting.id, person_id=board.ashdown.id)

    again = mark(board, board.ashdown, "absent")

    entry = line(board, board.ashdown)
    assert (again.id, entry.attendance_id, entry.status, entry.arrived) == (
        first.id,
        first.id,
        "absent",
        "",
    )
    assert Attendance.select().where(Attendance.person == board.ashdown.id).count() == 1


def test_a_removed_guest_added_again_as_a_substitute_is_one_line(board):
    guest = attendance.add_in_attendance(
        meeting_id=board.meeting.id, person_id=board.alland.id, capacity="Kent Police"
    )
    attendance.remove_attendance(attendance_id=guest.id)

    row = substitute(board, board.alland, board.bumpus)

    assert (row.id, row.status, row.capacity) == (guest.id, "substitute", "")
    assert line(board, board.bumpus).attendance_id == natural_ids.attendance_id(
        board.meeting.id, board.bumpus.id
    )


# In attendance


def test_someone_in_attendance_is_recorded_with_their_capacity(board):
    row = attendance.add_in_attendance(
        meeting_id=board.meeting.id, person_id=board.clark.id, capacity="Clerk"
    )

    assert (row.status, row.capacity) == ("in attendance", "Clerk")


def test_a_member_in_attendance_is_refused(refused, board):
    with refused("Cllr Mike Hughes is a member of Maidstone Locality Board", "mark them present"):
        attendance.add_in_attendance(meeting_id=board.meeting.id, person_id=board.hughes.id)


def test_someone_in_attendance_twice_is_refused(refused, board):
    attendance.add_in_attendance(meeting_id=board.meeting.id, person_id=board.clark.id)

    with refused("Zoe Clark is already on the attendance sheet"):
        attendance.add_in_attendance(meeting_id=board.meeting.id, person_id=board.clark.id)


def test_an_unknown_person_in_attendance_is_refused(refused, board):
    with refused("no person"):
        attendance.add_in_attendance(meeting_id=board.meeting.id, person_id="nobody")


# Arrival and departure


def test_a_late_arrival_and_an_early_departure_are_recorded(board):
    row = mark(board, board.ashdown, "present")

    attendance.set_times(attendance_id=row.id, arrived="14:25", left="15:40")

    entry = line(board, board.ashdown)
    assert (entry.arrived, entry.left) == ("14:25", "15:40")


def test_times_may_be_cleared(board):
    row = mark(board, board.ashdown, "present")
    attendance.set_times(attendance_id=row.id, arrived="14:25", left="15:40")

    attendance.set_times(attendance_id=row.id)

    assert (line(board, board.ashdown).arrived, line(board, board.ashdown).left) == ("", "")


def test_times_are_free_when_the_meeting_has_no_start_or_end(board):
    meetings.update_meeting(meeting_id=board.meeting.id, start_time="", end_time="")
    row = mark(board, board.ashdown, "present")

    attendance.set_times(attendance_id=row.id, arrived="09:00", left="21:00")

    assert line(board, board.ashdown).left == "21:00"


@pytest.mark.parametrize(
    ("arrived", "left", "words"),
    [
        ("late", "", "“late” is not a time of day for the arrival"),
        ("", "25:00", "“25:00” is not a time of day for the departure"),
        ("15:00", "14:30", "cannot leave at 14:30 having arrived at 15:00"),
        ("15:00", "15:00", "cannot leave at 15:00"),
        ("13:50", "", "cannot arrive at 13:50, before the meeting starts at 14:00"),
        ("16:10", "", "cannot arrive at 16:10, after the meeting ends at 16:05"),
        ("", "13:59", "cannot leave at 13:59, before the meeting starts"),
        ("", "16:30", "cannot leave at 16:30, after the meeting ends at 16:05"),
    ],
)
def test_impossible_times_are_refused(refused, board, arrived, left, words):
    row = mark(board, board.ashdown, "present")

    with refused(words):
        attendance.set_times(attendance_id=row.id, arrived=arrived, left=left)


def test_times_for_someone_who_sent_apologies_are_refused(refused, board):
    row = mark(board, board.ashdown, "apologies")

    with refused("Dave Ashdown is marked apologies"):
        attendance.set_times(attendance_id=row.id, arrived="14:30")


def test_the_items_during_which_someone_came_and_went_are_kept_with_the_times(board):
    first = agenda.add_item(meeting_id=board.meeting.id, title="Troubled Families")
    second = agenda.add_item(meeting_id=board.meeting.id, title="Priorities")
    row = mark(board, board.ashdown, "present")

    attendance.set_times(
        attendance_id=row.id,
        arrived="14:25",
        left="15:40",
        arrived_during=first.id,
        left_during=second.id,
    )

    entry = line(board, board.ashdown)
    assert (entry.arrived_during_id, entry.left_during_id) == (first.id, second.id)
    stored = JournalEntry.select().order_by(JournalEntry.seq.desc()).first()
    assert stored.table_name == "attendance" and "arrived_during" in stored.fields


def test_an_item_of_another_meeting_is_refused_as_the_one_they_arrived_during(refused, board):
    other = meetings.create_meeting(body_id=board.body.id, date="2013-02-04")
    elsewhere = agenda.add_item(meeting_id=other.id, title="Budget")
    row = mark(board, board.ashdown, "present")

    with refused("is not on the agenda of the meeting of 17 December 2012"):
        attendance.set_times(attendance_id=row.id, arrived="14:25", arrived_during=elsewhere.id)


def test_no_item_is_recorded_for_someone_who_sent_apologies(refused, board):
    item = agenda.add_item(meeting_id=board.meeting.id, title="Troubled Families")
    row = mark(board, board.ashdown, "apologies")

    with refused("Dave Ashdown is marked apologies"):
        attendance.set_times(attendance_id=row.id, left_during=item.id)


# The chair


def chair(board, who):
    return attendance.set_chair(meeting_id=board.meeting.id, person_id=who.id if who else None)


def test_a_vice_chair_present_may_chair_the_meeting(board):
    mark(board, board.stockell, "present")

    chair(board, board.stockell)

    assert meetings.get_meeting(board.meeting.id).chair_id == board.stockell.id


def test_a_substitute_may_be_elected_to_chair(board):
    substitute(board, board.alland, board.bumpus)

    chair(board, board.alland)

    assert meetings.get_meeting(board.meeting.id).chair_id == board.alland.id


def test_the_chair_can_be_unset(board):
    mark(board, board.garland, "present")
    chair(board, board.garland)

    chair(board, None)

    assert meetings.get_meeting(board.meeting.id).chair_id is None


def test_a_chair_who_is_not_present_is_refused(refused, board):
    mark(board, board.garland, "apologies")

    with refused("Cllr Chris Garland is not marked present", "before making them chair"):
        chair(board, board.garland)


def test_someone_in_attendance_cannot_chair(refused, board):
    attendance.add_in_attendance(meeting_id=board.meeting.id, person_id=board.clark.id)

    with refused("Zoe Clark is not marked present"):
        chair(board, board.clark)


def test_the_chair_cannot_send_apologies_until_another_chairs(refused, board):
    mark(board, board.garland, "present")
    chair(board, board.garland)

    with refused("Cllr Chris Garland chairs this meeting; choose another chair first"):
        mark(board, board.garland, "apologies")


def test_the_chairs_line_cannot_be_removed(refused, board):
    row = mark(board, board.garland, "present")
    chair(board, board.garland)

    with refused("chairs this meeting"):
        attendance.remove_attendance(attendance_id=row.id)


def test_someone_who_declared_an_interest_stays_on_the_sheet(refused, board):
    row = mark(board, board.ashdown, "present")
    with db.atomic():
        changes.create(
            Declaration, meeting=board.meeting.id, person=board.ashdown.id, kind="personal"
        )

    with refused("Dave Ashdown has declared an interest", "withdraw the declaration first"):
        attendance.remove_attendance(attendance_id=row.id)


# The public


def test_members_of_the_public_are_counted(board):
    attendance.set_public_attendees(meeting_id=board.meeting.id, count=12)

    assert meetings.get_meeting(board.meeting.id).public_attendees == 12


def test_the_public_count_can_be_unset(board):
    attendance.set_public_attendees(meeting_id=board.meeting.id, count=12)

    attendance.set_public_attendees(meeting_id=board.meeting.id, count=None)

    assert meetings.get_meeting(board.meeting.id).public_attendees is None


@pytest.mark.parametrize(
    ("count", "words"), [(-1, "cannot be negative"), (True, "whole number"), ("7", "whole number")]
)
def test_an_impossible_public_count_is_refused(refused, board, count, words):
    with refused(words):
        attendance.set_public_attendees(meeting_id=board.meeting.id, count=count)


def test_a_capacity_is_changed_after_adding(board):
    row = attendance.add_in_attendance(
        meeting_id=board.meeting.id, person_id=board.clark.id, capacity="Clerk"
    )
    attendance.set_capacity(attendance_id=row.id, capacity="  Observer ")
    assert Attendance.get_by_id(row.id).capacity == "Observer"
    attendance.set_capacity(attendance_id=row.id, capacity="")
    assert Attendance.get_by_id(row.id).capacity == ""
    with pytest.raises(ValidationError, match="capacity"):
        attendance.set_capacity(attendance_id=row.id, capacity="Clerk\nand more")
