"""Who came to a meeting: members present, apologies and absences, substitutes, people in
attendance who are not members, arrival and departure times, the chair and the public.
The sheet as it is read is attendance_sheet.py.

The rules, as a clerk meets them:
- only someone who is a member of the body on the meeting's date is marked present,
  apologies or absent; anyone else who attends (an officer, a presenter) is "in attendance";
- a substitute stands in for one member, who then cannot be marked present; one substitute
  per member;
- the chair, and anyone who has declared an interest, stays on the sheet as attending;
- no change may leave a recorded vote impossible (voting.check_votes_still_fit): a member
  counted in a vote is not then marked absent; one who left after it has a departure time;
- the attendance of a meeting that was cancelled or postponed, or whose minutes are
  approved or signed, no longer changes.
"""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.rules.attending import check_comings_and_goings
from desktop_app.services import validation
from desktop_app.services.decisions import voting
from desktop_app.services.directory.people import display_name
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Membership,
    Person,
    db,
)

MARKS = ("present", "apologies", "absent")
# What to do when a vote recorded with someone present forbids marking them gone.
LEFT_AFTER = "correct the resolution first, or, if they left after the vote, record when they left"
CLOSED = {
    "cancelled": "was cancelled",
    "postponed": "was postponed",
    "minutes approved": "has approved minutes",
    "minutes signed": "has signed minutes",
}


def mark_attendance(*, meeting_id: str, person_id: str, status: str) -> Attendance:
    """Mark a member present, apologies or absent (making their line or changing it)."""
    meeting = open_meeting(meeting_id)
    person = validation.live_row(Person, person_id, "person")
    status = validation.choice(status, MARKS, "mark for a member")
    if membership_on(meeting, person.id) is None:
        raise ValidationError(
            f"{display_name(person)} is not a member of {meeting.body.name} on "
            f"{long_date(meeting.date)}; add them as in attendance instead."
        )
    substitute = substitute_for(meeting.id, person.id)
    if status == "present" and substitute is not None:
        raise ValidationError(
            f"{display_name(substitute.person)} is substituting for {display_name(person)}; "
            "remove the substitute first."
        )
    if status != "present":
        _refuse_leaving_sheet(meeting, person)
    row = row_of(meeting.id, person.id)
    with db.atomic():
        if row is None:
            return _put_line(meeting, person.id, status=status)
        changes.update(row, status=status, substitute_for=None)
        voting.check_votes_still_fit(meeting.id, instead=LEFT_AFTER)
    return row


def clear_attendance(*, meeting_id: str, person_id: str) -> None:
    """Take a person's line off the sheet (the undo of a first mark); a no-op if there is none."""
    meeting = open_meeting(meeting_id)
    person = validation.live_row(Person, person_id, "person")
    row = row_of(meeting.id, person.id)
    if row is None:
        return
    _refuse_leaving_sheet(meeting, person)
    with db.atomic():
        changes.delete(row)
        voting.check_votes_still_fit(meeting.id, instead=LEFT_AFTER)


def add_substitute(
    *, meeting_id: str, person_id: str, substitute_for_id: str, capacity: str = ""
) -> Attendance:
    """Record `person_id` standing in for the member `substitute_for_id`. A member who has
    no mark yet is marked as having sent apologies, in the same change."""
    meeting = open_meeting(meeting_id)
    person = validation.live_row(Person, person_id, "substitute")
    member = validation.live_row(Person, substitute_for_id, "member being substituted")
    body_name = meeting.body.name
    if person.id == member.id:
        raise ValidationError("A member cannot substitute for themselves.")
    if membership_on(meeting, member.id) is None:
        raise ValidationError(
            f"{display_name(member)} is not a member of {body_name} on "
            f"{long_date(meeting.date)}, so no one can substitute for them."
        )
    _refuse_on_sheet(meeting, person, instead="they cannot also be a substitute")
    other = substitute_for(meeting.id, member.id)
    if other is not None:
        raise ValidationError(
            f"{display_name(other.person)} already substitutes for {display_name(member)}."
        )
    member_row = row_of(meeting.id, member.id)
    if member_row is not None and member_row.status == "present":
        raise ValidationError(
            f"{display_name(member)} is marked present, so no one can substitute for them."
        )
    capacity = validation.optional_name(capacity, "capacity")
    with db.atomic():
        row = _put_line(
            meeting,
            person.id,
            status="substitute",
            substitute_for=member.id,
            capacity=capacity,
        )
        if member_row is None:
            _put_line(meeting, member.id, status="apologies")
    return row


def add_in_attendance(*, meeting_id: str, person_id: str, capacity: str = "") -> Attendance:
    """Someone who attends without being a member: an officer, a presenter, a guest."""
    meeting = open_meeting(meeting_id)
    person = validation.live_row(Person, person_id, "person")
    _refuse_on_sheet(meeting, person, instead="mark them present instead")
    capacity = validation.optional_name(capacity, "capacity")
    with db.atomic():
        return _put_line(
            meeting,
            person.id,
            status="in attendance",
            capacity=capacity,
        )


def set_capacity(*, attendance_id: str, capacity: str) -> Attendance:
    """The capacity someone attends in (“Clerk”, “Observer”, “Kent Police”), changed after
    they were put on the sheet; empty clears it."""
    row = validation.live_row(Attendance, attendance_id, "attendance record")
    open_meeting(row.meeting_id)
    capacity = validation.optional_name(capacity, "capacity")
    with db.atomic():
        changes.update(row, capacity=capacity)
    return row


def set_times(
    *,
    attendance_id: str,
    arrived: str = "",
    left: str = "",
    arrived_during: str | None = None,
    left_during: str | None = None,
) -> Attendance:
    """Arrival and departure (HH:MM; empty means from the start, or to the end), and the
    items during which they happened, which is where the minutes record them. All four are
    set at once: one left out is cleared."""
    row = validation.live_row(Attendance, attendance_id, "attendance record")
    meeting = open_meeting(row.meeting_id)
    name = display_name(row.person)
    arrived = validation.time(arrived, "arrival")
    left = validation.time(left, "departure")
    if arrived or left or arrived_during or left_during:
        check_comings_and_goings(name, row.status)
    if arrived and left and left <= arrived:
        raise ValidationError(f"{name} cannot leave at {left} having arrived at {arrived}.")
    start, end = meeting.start_time, meeting.end_time
    for time, verb in ((arrived, "arrive"), (left, "leave")):
        if time and start and time < start:
            raise ValidationError(
                f"{name} cannot {verb} at {time}, before the meeting starts at {start}."
            )
        if time and end and time > end:
            raise ValidationError(
                f"{name} cannot {verb} at {time}, after the meeting ends at {end}."
            )
    during = {
        "arrived_during": _item_of(meeting, arrived_during, "item during which they arrived"),
        "left_during": _item_of(meeting, left_during, "item during which they left"),
    }
    with db.atomic():
        changes.update(row, arrived=arrived, left=left, **during)
        voting.check_votes_still_fit(meeting.id)
    return row


def _item_of(meeting: Meeting, item_id: str | None, what: str) -> str | None:
    """The id of a live item of the meeting, or None; another meeting's item is refused."""
    if not item_id:
        return None
    item = validation.live_row(AgendaItem, item_id, what)
    if item.meeting_id != meeting.id:
        raise ValidationError(
            f"The {what} is not on the agenda of the meeting of {long_date(meeting.date)}."
        )
    return item.id


def remove_attendance(*, attendance_id: str) -> None:
    """Take a line off the sheet (entered by mistake); `restore_attendance` brings it back."""
    row = validation.live_row(Attendance, attendance_id, "attendance record")
    meeting = open_meeting(row.meeting_id)
    _refuse_leaving_sheet(meeting, row.person)
    with db.atomic():
        changes.delete(row)
        voting.check_votes_still_fit(meeting.id, instead=LEFT_AFTER)


def restore_attendance(*, attendance_id: str) -> Attendance:
    """Bring back a removed line, unless the person has since been put on the sheet again."""
    row = Attendance.get_or_none(Attendance.id == attendance_id)
    if row is None:
        raise ValidationError(f"There is no attendance record with the key “{attendance_id}”.")
    meeting = open_meeting(row.meeting_id)
    if row.deleted_at is None:
        return row
    name = display_name(row.person)
    if row_of(meeting.id, row.person_id) is not None:
        raise ValidationError(f"{name} is already on the attendance sheet.")
    if row.status == "substitute" and row.substitute_for_id:
        other = substitute_for(meeting.id, row.substitute_for_id)
        member_row = row_of(meeting.id, row.substitute_for_id)
        member = display_name(row.substitute_for)
        if other is not None:
            raise ValidationError(f"{display_name(other.person)} already substitutes for {member}.")
        if member_row is not None and member_row.status == "present":
            raise ValidationError(f"{member} is marked present, so {name} cannot substitute.")
    if row.status == "present" and substitute_for(meeting.id, row.person_id) is not None:
        raise ValidationError(f"Someone is substituting for {name}; remove the substitute first.")
    with db.atomic():
        changes.restore(row)
    return row


def set_chair(*, meeting_id: str, person_id: str | None) -> Meeting:
    """Who chairs this meeting: anyone present or substituting (a vice-chair, or a member
    elected to chair this meeting only); None when no one is chosen yet."""
    meeting = open_meeting(meeting_id)
    if person_id:
        person = validation.live_row(Person, person_id, "chair")
        row = row_of(meeting.id, person.id)
        if row is None or row.status not in ("present", "substitute"):
            raise ValidationError(
                f"{display_name(person)} is not marked present at this meeting; "
                "mark them present before making them chair."
            )
    with db.atomic():
        changes.update(meeting, chair=person_id or None)
    return meeting


def set_public_attendees(*, meeting_id: str, count: int | None) -> Meeting:
    """How many members of the public attended; None when not counted."""
    meeting = open_meeting(meeting_id)
    if count is not None:
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValidationError("The number of members of the public must be a whole number.")
        if count < 0:
            raise ValidationError("The number of members of the public cannot be negative.")
    with db.atomic():
        changes.update(meeting, public_attendees=count)
    return meeting


def open_meeting(meeting_id: str) -> Meeting:
    """The meeting, if its attendance and declarations may still change."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    reason = CLOSED.get(meeting.status)
    if reason:
        raise ValidationError(
            f"The meeting of {long_date(meeting.date)} {reason}; its attendance and "
            "declarations can no longer change."
        )
    return meeting


def membership_on(meeting: Meeting, person_id: str) -> Membership | None:
    """The person's membership of the meeting's body on the meeting's date, if any."""
    return (
        Membership.live()
        .where(
            (Membership.body == meeting.body_id)
            & (Membership.person == person_id)
            & (Membership.from_date.is_null() | (Membership.from_date <= meeting.date))
            & (Membership.to_date.is_null() | (Membership.to_date >= meeting.date))
        )
        .first()
    )


def row_of(meeting_id: str, person_id: str) -> Attendance | None:
    """The person's live line on the meeting's sheet, if any."""
    return (
        Attendance.live()
        .where((Attendance.meeting == meeting_id) & (Attendance.person == person_id))
        .order_by(Attendance.created_at.desc())
        .first()
    )


def substitute_for(meeting_id: str, member_id: str) -> Attendance | None:
    """The line of whoever substitutes for `member_id` at the meeting, if anyone does."""
    return (
        Attendance.live()
        .where(
            (Attendance.meeting == meeting_id)
            & (Attendance.status == "substitute")
            & (Attendance.substitute_for == member_id)
        )
        .first()
    )


def _put_line(meeting: Meeting, person_id: str, **values) -> Attendance:
    """The person's line on the sheet, made (or brought back) under the one id a meeting
    and person have on every laptop."""
    return natural_ids.put(
        Attendance,
        natural_ids.attendance_id(meeting.id, person_id),
        meeting=meeting.id,
        person=person_id,
        **values,
    )


def _refuse_on_sheet(meeting: Meeting, person: Person, *, instead: str) -> None:
    name = display_name(person)
    if row_of(meeting.id, person.id) is not None:
        raise ValidationError(f"{name} is already on the attendance sheet.")
    membership = membership_on(meeting, person.id)
    # A named substitute (role "substitute") is on the membership to stand in for others.
    if membership is not None and membership.role != "substitute":
        raise ValidationError(f"{name} is a member of {meeting.body.name}; {instead}.")


def _refuse_leaving_sheet(meeting: Meeting, person: Person) -> None:
    """The chair, and anyone who declared an interest, must stay recorded as attending."""
    name = display_name(person)
    if meeting.chair_id == person.id:
        raise ValidationError(f"{name} chairs this meeting; choose another chair first.")
    declared = (
        Declaration.live()
        .where((Declaration.meeting == meeting.id) & (Declaration.person == person.id))
        .exists()
    )
    if declared:
        raise ValidationError(
            f"{name} has declared an interest at this meeting; withdraw the declaration first."
        )
