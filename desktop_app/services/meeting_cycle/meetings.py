"""Meetings of a body: when and where, what kind, and where they stand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app import vocabulary
from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import freeze
from desktop_app.storage import changes
from desktop_app.storage.models import Body, Meeting, Person, db

EDITABLE = (
    "date",
    "start_time",
    "end_time",
    "venue",
    "kind",
    "status",
    "status_reason",
    "is_public",
    "chair_id",
    "public_attendees",
    "next_meeting_date",
)


@dataclass(frozen=True)
class MeetingSummary:
    """One line of a body's list of meetings; cheap to load in thousands."""

    id: str
    date: dt.date
    start_time: str
    kind: str
    status: str


def create_meeting(
    *,
    body_id: str,
    date: dt.date | str,
    start_time: str = "",
    end_time: str = "",
    venue: str | None = None,
    kind: str = "ordinary",
    status: str = "scheduled",
    is_public: bool = True,
) -> Meeting:
    """Schedule a meeting; the venue defaults to the body's, and it links to the one before."""
    body = validation.live_row(Body, body_id, "body")
    values = _clean(
        dict(
            date=date,
            start_time=start_time,
            end_time=end_time,
            venue=body.venue if venue is None else venue,
            kind=kind,
            status=status,
            status_reason="",
            is_public=is_public,
            chair_id=None,
            public_attendees=None,
            next_meeting_date=None,
        )
    )
    _refuse_clash(body, values)
    previous = _meeting_before(body.id, values["date"])
    with db.atomic():
        meeting = changes.create(
            Meeting, body=body.id, previous=previous.id if previous else None, **values
        )
        following = _meeting_after(body.id, values["date"], meeting.id)
        if following is not None:
            changes.update(following, previous=meeting.id)
    return meeting


def update_meeting(*, meeting_id: str, **fields) -> Meeting:
    """Edit any of EDITABLE; the status only through meeting_status (or the same value)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A meeting has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Meeting, meeting_id, "meeting")
    if fields.get("status", row.status) != row.status:
        raise ValidationError(
            "A meeting's status changes only along its workflow: publish the agenda, or "
            "mark the meeting held, postponed or cancelled."
        )
    values = _clean({**changes.current(row, EDITABLE), **fields})
    stored = changes.current(row, fields)
    changing = {f for f in fields if changes.plain(values[f]) != changes.plain(stored[f])}
    if set(freeze.frozen_fields("meeting", changing)):
        freeze.ensure_editable(row.id)  # the date, time, venue... are in approved minutes
    if {"date", "start_time"} & set(fields):
        _refuse_clash(Body.get_by_id(row.__data__["body"]), values, except_id=row.id)
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
        if "date" in fields:
            relink_meetings(row.__data__["body"])
        if {"date", "start_time"} & set(fields):  # who was a member, and there, at the vote
            from desktop_app.services.decisions import (
                voting,  # not for the window's start (issue 16)
            )

            voting.check_votes_still_fit(row.id)
    return row


def set_next_meeting(*, meeting_id: str, date: dt.date | str | None) -> Meeting:
    """The date the meeting set for its next one, as its minutes record it (None: not set)."""
    return update_meeting(meeting_id=meeting_id, next_meeting_date=date or None)


def schedule_next_meeting(*, meeting_id: str) -> Meeting:
    """Schedule the meeting its minutes set the date of: the same body, at the same times
    and venue as this one. Refused if no date is set or the body already meets then."""
    row = validation.live_row(Meeting, meeting_id, "meeting")
    if row.next_meeting_date is None:
        raise ValidationError(
            f"The minutes of {long_date(row.date)} set no date for the next meeting yet."
        )
    return create_meeting(
        body_id=row.__data__["body"],
        date=row.next_meeting_date,
        start_time=row.start_time,
        end_time=row.end_time,
        venue=row.venue,
    )


def delete_meeting(*, meeting_id: str) -> None:
    row = validation.live_row(Meeting, meeting_id, "meeting")
    if row.status not in ("scheduled", "cancelled", "postponed"):
        raise ValidationError(
            f"The meeting of {long_date(row.date)} is {row.status}; only a meeting not yet "
            "held can be deleted. Cancel it instead."
        )
    with db.atomic():
        changes.delete(row)
        relink_meetings(row.__data__["body"])


def restore_meeting(*, meeting_id: str) -> Meeting:
    """Bring back a deleted meeting (the undo of delete_meeting), unless another meeting of
    the body has taken its date and time since."""
    row = Meeting.get_by_id(meeting_id)
    values = dict(date=row.date, start_time=row.start_time, status=row.status)
    _refuse_clash(Body.get_by_id(row.__data__["body"]), values, except_id=row.id)
    with db.atomic():
        changes.restore(row)
        relink_meetings(row.__data__["body"])
    return row


def check_meeting(
    *,
    body_id: str,
    date: dt.date | str,
    start_time: str = "",
    end_time: str = "",
    venue: str | None = None,
    kind: str = "ordinary",
) -> None:
    """Refuse, as create_meeting would, a meeting that cannot be scheduled; writes nothing."""
    body = validation.live_row(Body, body_id, "body")
    values = _clean(
        dict(date=date, start_time=start_time, end_time=end_time, venue=venue, kind=kind)
    )
    _refuse_clash(body, values)


def get_meeting(meeting_id: str) -> Meeting:
    return validation.live_row(Meeting, meeting_id, "meeting")


def find_meeting(*, body_id: str, date: dt.date | str) -> Meeting | None:
    day = validation.date(date, "meeting date", required=True)
    return (
        Meeting.live()
        .where((Meeting.body == body_id) & (Meeting.date == day))
        .order_by(Meeting.start_time)
        .first()
    )


def list_meetings(*, body_id: str) -> list[MeetingSummary]:
    """The body's meetings, newest first, without loading their records."""
    query = (
        Meeting.live()
        .select(Meeting.id, Meeting.date, Meeting.start_time, Meeting.kind, Meeting.status)
        .where(Meeting.body == body_id)
        .order_by(Meeting.date.desc(), Meeting.start_time.desc())
        .tuples()
    )
    return [MeetingSummary(*row) for row in query]


def municipal_year(day: dt.date, year_starts: str = "05-01") -> str:
    """The municipal year a date falls in, as clerks write it: “2012/13”."""
    month, mday = (int(p) for p in year_starts.split("-"))
    first = day.year if (day.month, day.day) >= (month, mday) else day.year - 1
    if (month, mday) == (1, 1):
        return str(first)
    return f"{first}/{(first + 1) % 100:02d}"


def _refuse_clash(body: Body, values: dict, except_id: str | None = None) -> None:
    """One body does not meet twice at the same date and start time (a cancelled meeting
    leaves its slot free)."""
    if values.get("status") == "cancelled":
        return
    clash = Meeting.live().where(
        (Meeting.body == body.id)
        & (Meeting.date == values["date"])
        & (Meeting.start_time == values["start_time"])
        & (Meeting.status != "cancelled")
    )
    if except_id is not None:
        clash = clash.where(Meeting.id != except_id)
    if clash.exists():
        at = f" at {values['start_time']}" if values["start_time"] else ""
        raise ValidationError(f"{body.name} already meets on {long_date(values['date'])}{at}.")


def _meeting_before(body_id: str, day: dt.date) -> Meeting | None:
    return (
        Meeting.live()
        .where((Meeting.body == body_id) & (Meeting.date < day))
        .order_by(Meeting.date.desc())
        .first()
    )


def _meeting_after(body_id: str, day: dt.date, except_id: str) -> Meeting | None:
    return (
        Meeting.live()
        .where((Meeting.body == body_id) & (Meeting.date > day) & (Meeting.id != except_id))
        .order_by(Meeting.date)
        .first()
    )


def relink_meetings(body_id: str) -> None:
    """Point each live meeting at the body's meeting before it by date, after one moved or went."""
    earlier = latest = day = None
    # Plain tuples, and a row fetched only to change it: a sync runs this for every body it
    # brings meetings of, ten years of them each (bench/).
    rows = (
        Meeting.live()
        .select(Meeting.id, Meeting.date, Meeting.previous)
        .where(Meeting.body == body_id)
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
        .tuples()
    )
    for meeting_id, date, previous in list(rows):
        if date != day:
            earlier, day = latest, date
        if previous != earlier:
            changes.update(Meeting.get_by_id(meeting_id), previous=earlier)
        latest = meeting_id


def _clean(values: dict) -> dict:
    day = validation.date(values["date"], "meeting date", required=True)
    start = validation.time(values.get("start_time"), "start")
    end = validation.time(values.get("end_time"), "end")
    if start and end and end <= start:
        raise ValidationError(f"The meeting ends ({end}) before it starts ({start}).")
    attendees = values.get("public_attendees")
    if attendees not in (None, ""):
        try:
            attendees = int(attendees)
        except (TypeError, ValueError):
            raise ValidationError("The number of members of the public must be a number.") from None
        if attendees < 0:
            raise ValidationError("The number of members of the public cannot be negative.")
    else:
        attendees = None
    chair_id = values.get("chair_id") or None
    validation.optional_row(Person, chair_id, "chair")
    following = validation.date(values.get("next_meeting_date"), "next meeting")
    if following is not None and following <= day:
        raise ValidationError(
            f"The next meeting must come after this one of {long_date(day)}, not on "
            f"{long_date(following)}."
        )
    return dict(
        date=day,
        start_time=start,
        end_time=end,
        venue=validation.optional_name(values.get("venue"), "venue"),
        kind=validation.choice(
            values.get("kind") or "ordinary",
            vocabulary.MEETING_KINDS,
            "kind of meeting",
        ),
        status=validation.choice(
            values.get("status") or "scheduled",
            vocabulary.MEETING_STATUSES,
            "meeting status",
        ),
        status_reason=validation.optional_name(values.get("status_reason"), "reason"),
        is_public=bool(values.get("is_public", True)),
        chair_id=chair_id,
        public_attendees=attendees,
        next_meeting_date=following,
    )
