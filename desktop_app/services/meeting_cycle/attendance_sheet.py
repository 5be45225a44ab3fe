"""The attendance sheet of a meeting as the window, the minutes and the chair's brief read
it: every member on the meeting's date with their mark, then substitutes, then everyone
else in attendance. Reading only; attendance.py makes and changes the lines by its rules."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.rules.votes import holds_vote
from desktop_app.services import validation
from desktop_app.services.directory import memberships
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.storage.models import Attendance, Meeting, Organisation, Person


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of the attendance sheet; `attendance_id` is None for a member not yet marked."""

    attendance_id: str | None
    person_id: str
    name: str
    role: str  # the membership role, "" for someone who is not a member
    organisation: str
    voting: bool
    is_member: bool
    status: str  # one of vocabulary.ATTENDANCE_STATUSES, "" when not yet marked
    substitute_for_id: str | None
    substitute_for_name: str
    capacity: str
    arrived: str
    left: str
    arrived_during_id: str | None = None  # the item during which they came in
    left_during_id: str | None = None


def attendance_sheet(meeting_id: str) -> list[AttendanceEntry]:
    """Every member on the meeting's date (chair first, then by surname) with their mark,
    then substitutes, then everyone else in attendance, each by surname."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    members = memberships.list_members(body_id=meeting.body_id, on=meeting.date)
    member_of = {m.person_id: m for m in members}
    rows = list(
        Attendance.live()
        .join(Person, on=(Attendance.person == Person.id))
        .where(Attendance.meeting == meeting.id)
        .select(Attendance, Person)
        .order_by(Attendance.created_at)
    )
    row_of = {row.person_id: row for row in rows}
    people = {m.person_id: m.person for m in members} | {r.person_id: r.person for r in rows}
    missing = {r.substitute_for_id for r in rows if r.substitute_for_id} - people.keys()
    if missing:
        people |= {p.id: p for p in Person.select().where(Person.id.in_(missing))}
    organisation_ids = {m.organisation_id for m in members} | {
        p.organisation_id for p in people.values()
    }
    organisations = dict(
        Organisation.select(Organisation.id, Organisation.name)
        .where(Organisation.id.in_([i for i in organisation_ids if i]))
        .tuples()
    )

    def entry(person: Person, row: Attendance | None) -> AttendanceEntry:
        membership = member_of.get(person.id)
        replaced = row.substitute_for_id if row else None
        if row is not None and row.status == "substitute":
            counted = member_of.get(replaced)  # a substitute votes as the member replaced
        else:
            counted = membership
        organisation_id = (membership and membership.organisation_id) or person.organisation_id
        return AttendanceEntry(
            attendance_id=row.id if row else None,
            person_id=person.id,
            name=display_name(person),
            role=membership.role if membership else "",
            organisation=organisations.get(organisation_id, ""),
            voting=holds_vote(counted),
            is_member=membership is not None,
            status=row.status if row else "",
            substitute_for_id=replaced,
            substitute_for_name=display_name(people[replaced]) if replaced in people else "",
            capacity=row.capacity if row else "",
            arrived=row.arrived if row else "",
            left=row.left if row else "",
            arrived_during_id=row.arrived_during_id if row else None,
            left_during_id=row.left_during_id if row else None,
        )

    sheet = [entry(m.person, row_of.get(m.person_id)) for m in members]
    others = sorted(
        (row for row in row_of.values() if row.person_id not in member_of),
        key=lambda r: (r.status != "substitute", *surname_first(r.person.name)),
    )
    return sheet + [entry(row.person, row) for row in others]
