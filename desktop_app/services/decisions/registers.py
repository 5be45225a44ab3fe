"""The registers a clerk is asked for (DESIGN.md §4): every decision of a body, and each
member's attendance over a period."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peewee import fn

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.storage.models import (
    AgendaItem,
    Attendance,
    Body,
    Meeting,
    Membership,
    Person,
    Resolution,
)

# A meeting that took place: its members were expected, so it counts for attendance.
HELD = ("held", "minutes drafted", "minutes circulated", "minutes approved", "minutes signed")


@dataclass(frozen=True)
class DecisionEntry:
    resolution_id: str
    meeting_id: str
    meeting_date: dt.date
    body_name: str
    minute_number: str
    item_title: str
    outcome: str
    text: str
    summary: str  # how it was carried: “6 for, 2 against, 1 abstention”, “unopposed”
    item_id: str = ""
    confidential: bool = False  # taken in Part II


@dataclass(frozen=True)
class AttendanceRecord:
    person_id: str
    name: str
    meetings: int  # held while a member: those the member was expected at
    present: int
    apologies: int
    absent: int  # marked absent, or not marked at all
    substituted: int  # times someone stood in for them
    percentage: int  # present / meetings × 100, rounded half up


def decisions_register(
    *,
    body_id: str,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    text: str = "",
    outcome: str | None = None,
) -> list[DecisionEntry]:
    """Every resolution of the body, in meeting and minute order, optionally within dates
    (inclusive), containing words, or with one outcome."""
    body = validation.live_row(Body, body_id, "body")
    start, end = _period(since, until, required=False)
    query = (
        Resolution.select(
            Resolution,
            AgendaItem.number.alias("minute_number"),
            AgendaItem.title.alias("item_title"),
            AgendaItem.rank.alias("item_rank"),
            AgendaItem.confidential.alias("item_confidential"),
            Meeting.id.alias("meeting_id"),
            Meeting.date.alias("meeting_date"),
            Meeting.start_time.alias("meeting_start"),
        )
        .join(AgendaItem, on=(Resolution.item == AgendaItem.id))
        .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
        .where(
            (Meeting.body == body.id)
            & Resolution.deleted_at.is_null()
            & AgendaItem.deleted_at.is_null()
            & Meeting.deleted_at.is_null()
        )
    )
    if start:
        query = query.where(Meeting.date >= start)
    if end:
        query = query.where(Meeting.date <= end)
    if outcome:
        query = query.where(
            Resolution.outcome
            == validation.choice(outcome, vocabulary.OUTCOMES, "resolution outcome")
        )
    needle = text.strip()
    if needle:
        # SQLite's lower() folds only ASCII, so the words as typed are tried as well.
        query = query.where(
            (fn.instr(fn.lower(Resolution.text), needle.lower()) > 0)
            | (fn.instr(Resolution.text, needle) > 0)
        )
    rows = sorted(
        query.objects(),
        key=lambda r: (
            r.meeting_date,
            r.meeting_start,
            _number_key(r.minute_number),
            r.item_rank,
            r.__data__["item"],
            r.position,
            r.created_at,
        ),
    )
    return [
        DecisionEntry(
            resolution_id=r.id,
            meeting_id=r.meeting_id,
            meeting_date=_as_date(r.meeting_date),
            body_name=body.name,
            minute_number=r.minute_number,
            item_title=r.item_title,
            outcome=r.outcome,
            text=r.text,
            summary=vote_summary(r),
            item_id=r.__data__["item"],
            confidential=bool(r.item_confidential),
        )
        for r in rows
    ]


def attendance_record(
    *, body_id: str, since: dt.date | str, until: dt.date | str
) -> list[AttendanceRecord]:
    """Each member's attendance at the body's meetings held in the period (inclusive); a
    meeting counts for a member only if they were a member on its date. Named substitutes
    are not expected at meetings and are left out; so is anyone expected at none."""
    body = validation.live_row(Body, body_id, "body")
    start, end = _period(since, until, required=True)
    held = list(
        Meeting.live()
        .select(Meeting.id, Meeting.date)
        .where(
            (Meeting.body == body.id)
            & (Meeting.date >= start)
            & (Meeting.date <= end)
            & Meeting.status.in_(HELD)
        )
        .tuples()
    )
    terms = list(
        Membership.live()
        .select(Membership.person, Membership.from_date, Membership.to_date)
        .where(
            (Membership.body == body.id)
            & (Membership.role != "substitute")
            & (Membership.from_date.is_null() | (Membership.from_date <= end))
            & (Membership.to_date.is_null() | (Membership.to_date >= start))
        )
        .tuples()
    )
    expected: dict[str, set[str]] = {}
    for person_id, joined, left in terms:
        for meeting_id, day in held:
            if (joined is None or joined <= day) and (left is None or left >= day):
                expected.setdefault(person_id, set()).add(meeting_id)
    marks: dict[tuple[str, str], str] = {}
    stood_in: dict[str, int] = {}
    meeting_ids = [meeting_id for meeting_id, _ in held]
    for meeting_id, person_id, status, replaced in (
        Attendance.live()
        .select(Attendance.meeting, Attendance.person, Attendance.status, Attendance.substitute_for)
        .where(Attendance.meeting.in_(meeting_ids))
        .tuples()
    ):
        if status == "substitute" and meeting_id in expected.get(replaced, ()):
            stood_in[replaced] = stood_in.get(replaced, 0) + 1
        elif meeting_id in expected.get(person_id, ()):
            marks[(person_id, meeting_id)] = status
    people = Person.select().where(Person.id.in_(list(expected)))
    records = []
    for person in sorted(people, key=lambda p: surname_first(p.name)):
        due = expected[person.id]
        counted = [marks.get((person.id, meeting_id), "") for meeting_id in due]
        present = counted.count("present")
        apologies = counted.count("apologies")
        records.append(
            AttendanceRecord(
                person_id=person.id,
                name=display_name(person),
                meetings=len(due),
                present=present,
                apologies=apologies,
                absent=len(due) - present - apologies,
                substituted=stood_in.get(person.id, 0),
                percentage=(present * 200 + len(due)) // (2 * len(due)),
            )
        )
    return records


def vote_summary(resolution: Resolution) -> str:
    """How a resolution was carried, in the words of the minutes."""
    counts = [
        (resolution.votes_for, "for", "for"),
        (resolution.votes_against, "against", "against"),
        (resolution.votes_abstain, "abstention", "abstentions"),
    ]
    parts = [
        f"{count} {one if count == 1 else many}" for count, one, many in counts if count is not None
    ]
    if resolution.unopposed:
        parts.insert(0, "unopposed")
    if resolution.casting_vote:
        parts.append("carried by the chair's casting vote")
    return ", ".join(parts)


def _period(since, until, *, required: bool) -> tuple[dt.date | None, dt.date | None]:
    start = validation.date(since, "start of the period", required=required)
    end = validation.date(until, "end of the period", required=required)
    if start and end and end < start:
        raise ValidationError("The period ends before it starts.")
    return start, end


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _number_key(number: str) -> tuple:
    """Minute numbers in their natural order: 9 before 10, 35.1 before 35.2 and 35(b)."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.findall(r"\d+|\D+", number or "")
    ) or ((2, 0, ""),)
