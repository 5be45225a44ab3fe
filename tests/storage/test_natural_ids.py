"""Rows with a natural identity: the same id on every laptop, and written again under it."""

from __future__ import annotations

import json

from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import (
    Attendance,
    Body,
    JournalEntry,
    Meeting,
    Person,
    db,
)


def make_meeting_and_person() -> tuple[Meeting, Person]:
    with db.atomic():
        body = changes.create(Body, name="Board")
        meeting = changes.create(Meeting, body=body.id, date="2012-12-17")
        person = changes.create(Person, key="ashdown", name="Dave Ashdown")
    return meeting, person


def test_an_id_depends_only_on_what_the_row_is_for():
    assert natural_ids.minute_id("item-1") == natural_ids.minute_id("item-1")
    assert natural_ids.minute_id("item-1") != natural_ids.minute_id("item-2")
    assert natural_ids.attendance_id("m", "p") != natural_ids.named_vote_id("m", "p")


def test_put_creates_the_row_under_its_id(database):
    meeting, person = make_meeting_and_person()
    row_id = natural_ids.attendance_id(meeting.id, person.id)

    with db.atomic():
        natural_ids.put(Attendance, row_id, meeting=meeting.id, person=person.id)

    assert Attendance.get_by_id(row_id).status == "present"


def test_put_brings_a_deleted_row_back_with_only_the_values_given(database):
    meeting, person = make_meeting_and_person()
    row_id = natural_ids.attendance_id(meeting.id, person.id)
    with db.atomic():
        row = natural_ids.put(
            Attendance, row_id, meeting=meeting.id, person=person.id, capacity="Chair"
        )
        changes.update(row, arrived="14:20")
        changes.delete(row)

    with db.atomic():
        natural_ids.put(Attendance, row_id, meeting=meeting.id, person=person.id, status="absent")

    again = Attendance.get_by_id(row_id)
    assert (again.deleted_at, again.status, again.capacity, again.arrived) == (
        None,
        "absent",
        "",
        "",
    )
    assert Attendance.select().count() == 1
    last = JournalEntry.select().where(JournalEntry.row_id == row_id).order_by(JournalEntry.seq)
    assert [json.loads(e.fields) for e in last][-2:] == [
        {"deleted_at": None},
        {"arrived": "", "capacity": "", "status": "absent"},
    ]
