"""What an appointment or election made by resolution changes, and taking it back
(appointments.py makes the resolutions; resolutions.py deletes and restores them).

- An election of a chair or vice-chair for the year: from the meeting's date the member
  holds the role (their membership is ended the day before and continued in the new role),
  and whoever held that role before continues as a member.
- An election or appointment for this meeting only (term "meeting"): to chair it makes
  them the meeting's chair; any other office (a vice-chair for the day) changes no
  membership, and the minutes name them in it beside their attendance.
- A co-option: a membership as co-opted member from the meeting's date, and the person then
  joins the meeting, present from the time the item was taken.
- An appointment (a sub-group's chair): the role in that body from the meeting's date.

Deleting the resolution undoes exactly that, and restoring it does it again. Nothing extra
is stored: every row an appointment writes has a key made from the resolution's key and
the row it continues (`_slot`), so undo finds what it wrote and the row it split, and redo
brings back the same rows.
"""

from __future__ import annotations

import datetime as dt
import uuid

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.rules.attending import ATTENDING
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle import attendance
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import (
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Meeting,
    Membership,
    Person,
    Resolution,
)

ELECTED_ROLES = ("chair", "vice-chair")
SLOTS = uuid.uuid5(uuid.NAMESPACE_URL, "minute-book:appointments")
ROLE_WORDS = {
    "chair": "Chair",
    "vice-chair": "Vice-Chair",
    "member": "a member",
    "co-opted": "a co-opted member",
    "substitute": "a substitute member",
    "officer": "an officer",
    "adviser": "an adviser",
    "observer": "an observer",
}


def check_apply(row: Resolution) -> None:
    """Raise ValidationError if the appointment cannot take effect as things now stand."""
    meeting, person, body = _parts(row)
    name, day = display_name(person), meeting.date
    current = _membership(body.id, person.id, day)
    if row.kind == "election" and current is None:
        raise ValidationError(
            f"{name} is not a member of {body.name} on {long_date(day)}, so cannot be elected."
        )
    if row.term == "meeting":
        _check_office_for_the_meeting(row, meeting, person, body)
        return
    if row.kind in ("co-option", "appointment") and current is None:
        later = (
            Membership.live()
            .where(
                (Membership.body == body.id)
                & (Membership.person == person.id)
                & (Membership.from_date > day)
            )
            .first()
        )
        if later is not None:
            raise ValidationError(
                f"{name} is already a member of {body.name} from {long_date(later.from_date)}."
            )
    if row.kind == "co-option":
        if current is not None:
            raise ValidationError(
                f"{name} is already a member of {body.name}, so cannot be co-opted."
            )
        attendance.open_meeting(meeting.id)
        line = attendance.row_of(meeting.id, person.id)
        if line is not None and line.status != "in attendance":
            raise ValidationError(
                f"{name} is recorded as {line.status} at this meeting, so cannot join it as a "
                "co-opted member."
            )


def _check_office_for_the_meeting(
    row: Resolution, meeting: Meeting, person: Person, body: Body
) -> None:
    """Someone there holds an office of this meeting's body for the meeting, one at a time."""
    name = display_name(person)
    if body.id != meeting.body_id:
        raise ValidationError(
            f"An office for this meeting only is one of {meeting.body.name}, not of {body.name}."
        )
    attendance.open_meeting(meeting.id)
    line = attendance.row_of(meeting.id, person.id)
    if row.appointed_role == "chair":
        if line is None or line.status not in ("present", "substitute"):
            raise ValidationError(
                f"{name} is not marked present at this meeting, so cannot chair it."
            )
        if meeting.chair_id == person.id:
            raise ValidationError(f"{name} already chairs this meeting.")
        if meeting.chair_id:
            chair = display_name(Person.get_by_id(meeting.chair_id))
            raise ValidationError(
                f"{chair} is recorded as chairing this meeting; clear the chair on the "
                "attendance sheet before electing someone to chair it."
            )
        return
    office = ROLE_WORDS[row.appointed_role]
    if line is None or line.status not in ATTENDING:
        raise ValidationError(
            f"{name} is not on this meeting's attendance as attending, so cannot be "
            f"{office} for it."
        )
    holder = meeting_office_holder(meeting.id, row.appointed_role, except_id=row.id)
    if holder is not None:
        raise ValidationError(
            f"{display_name(holder)} is already {office} for this meeting; delete that "
            "resolution first."
        )


def meeting_office_holder(meeting_id: str, role: str, *, except_id: str = "") -> Person | None:
    """Whoever a live resolution of the meeting made `role` for this meeting only."""
    found = (
        Resolution.live()
        .join(AgendaItem, on=(Resolution.item == AgendaItem.id))
        .where(
            (AgendaItem.meeting == meeting_id)
            & AgendaItem.deleted_at.is_null()
            & (Resolution.term == "meeting")
            & (Resolution.appointed_role == role)
            & (Resolution.id != except_id)
        )
        .first()
    )
    return Person.get_by_id(found.appointee_id) if found else None


def apply(row: Resolution) -> None:
    """Make the appointment's change (inside the caller's transaction; checked first)."""
    meeting, person, body = _parts(row)
    if row.term == "meeting":
        if row.appointed_role == "chair":
            attendance.set_chair(meeting_id=meeting.id, person_id=person.id)
        return
    day = meeting.date
    current = _membership(body.id, person.id, day)
    if current is None:
        natural_ids.put(
            Membership,
            _slot(row, "new"),
            body=body.id,
            person=person.id,
            role=row.appointed_role,
            organisation=None,
            voting=True,
            from_date=day,
            to_date=None,
        )
    elif current.role != row.appointed_role:
        _continue_as(row, current, row.appointed_role, day)
    if row.appointed_role in ELECTED_ROLES:
        for holder in _holders(body.id, row.appointed_role, day, except_id=person.id):
            _continue_as(row, holder, "member", day)
    if row.kind == "co-option":
        _join_meeting(row, meeting, person)


def check_take_back(row: Resolution) -> None:
    """Raise ValidationError if taking the appointment back would break the record."""
    meeting, person, _ = _parts(row)
    if row.term == "meeting" or row.kind == "co-option":
        attendance.open_meeting(meeting.id)
    if row.kind == "co-option" and _live(Attendance, _slot(row, "attendance")):
        name = display_name(person)
        if meeting.chair_id == person.id:
            raise ValidationError(f"{name} chairs this meeting; choose another chair first.")
        declared = Declaration.live().where(
            (Declaration.meeting == meeting.id) & (Declaration.person == person.id)
        )
        if declared.exists():
            raise ValidationError(
                f"{name} has declared an interest at this meeting; withdraw the declaration first."
            )


def take_back(row: Resolution) -> None:
    """Take back what `apply` did (inside the caller's transaction; checked first)."""
    meeting, person, body = _parts(row)
    if row.term == "meeting":
        if row.appointed_role == "chair" and meeting.chair_id == person.id:
            attendance.set_chair(meeting_id=meeting.id, person_id=None)
        return
    for split in Membership.select().where(Membership.body == body.id):
        _take_back(row, split)
    _drop(Membership, _slot(row, "new"))
    if row.kind == "co-option":
        for line in Attendance.select().where(
            (Attendance.meeting == meeting.id) & (Attendance.person == person.id)
        ):
            _take_back(row, line)
        _drop(Attendance, _slot(row, "attendance"))


def _parts(row: Resolution) -> tuple[Meeting, Person, Body]:
    item = AgendaItem.get_by_id(row.item_id)
    return (
        Meeting.get_by_id(item.meeting_id),
        Person.get_by_id(row.appointee_id),
        Body.get_by_id(row.appointed_body_id),
    )


def _covering(body_id: str, day: dt.date):
    """The body's live memberships that include `day`."""
    return Membership.live().where(
        (Membership.body == body_id)
        & (Membership.from_date.is_null() | (Membership.from_date <= day))
        & (Membership.to_date.is_null() | (Membership.to_date >= day))
    )


def _membership(body_id: str, person_id: str, day: dt.date) -> Membership | None:
    return _covering(body_id, day).where(Membership.person == person_id).first()


def _holders(body_id: str, role: str, day: dt.date, *, except_id: str) -> list[Membership]:
    return list(
        _covering(body_id, day).where((Membership.role == role) & (Membership.person != except_id))
    )


def _continue_as(row: Resolution, membership: Membership, role: str, day: dt.date) -> None:
    """End the membership the day before `day` and continue it from `day` in `role`; one
    that starts on `day` is replaced whole."""
    natural_ids.put(
        Membership,
        _slot(row, membership.id),
        body=membership.body_id,
        person=membership.person_id,
        role=role,
        organisation=membership.organisation_id,
        voting=membership.voting,
        from_date=day,
        to_date=membership.to_date,
    )
    if membership.from_date is not None and membership.from_date >= day:
        changes.delete(membership)
    else:
        changes.update(membership, to_date=day - dt.timedelta(days=1))


def _join_meeting(row: Resolution, meeting: Meeting, person: Person) -> None:
    """Present from the time the item was taken; a guest's line becomes a member's."""
    item = AgendaItem.get_by_id(row.item_id)
    line = attendance.row_of(meeting.id, person.id)
    left, slot = "", _slot(row, "attendance")
    if line is not None:
        left, slot = line.left, _slot(row, line.id)
        changes.delete(line)
    natural_ids.put(
        Attendance,
        slot,
        meeting=meeting.id,
        person=person.id,
        status="present",
        substitute_for=None,
        capacity="",
        arrived=item.started_at,
        left=left if left > item.started_at else "",
    )


def _take_back(row: Resolution, original: Membership | Attendance) -> None:
    """If this appointment continued or replaced `original`, put `original` back as it was."""
    model = type(original)
    written = _live(model, _slot(row, original.id))
    if written is None:
        return
    if original.deleted_at is not None:
        changes.restore(original)
    elif model is Membership:
        changes.update(original, to_date=written.to_date)
    changes.delete(written)


def _drop(model, row_id: str) -> None:
    row = _live(model, row_id)
    if row is not None:
        changes.delete(row)


def _live(model, row_id: str):
    return model.live().where(model.id == row_id).first()


def _slot(row: Resolution, what: str) -> str:
    """The key of the row this appointment writes for `what` (a row it continues, "new",
    "attendance"): the same every time it is applied."""
    return str(uuid.uuid5(SLOTS, f"{row.id}/{what}"))
