"""The whole record of one meeting as the meeting page shows it, built from its rows
(meeting_rows.py, the one read model of a meeting)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from desktop_app.dates import long_date
from desktop_app.rules.attending import ATTENDING
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.services.meeting_cycle.meeting_rows import MeetingRows, load_meeting_rows
from desktop_app.times import clock


@dataclass(frozen=True)
class AttendanceLine:
    name: str
    status: str
    description: str  # “District Manager, Jobcentre Plus” or “Substituting for CI Jon Bumpus”
    # When they came or went, if no item of the minutes says so: “arrived at 7.40 pm”.
    times: str = ""


@dataclass
class ItemRecord:
    id: str
    number: str
    title: str
    kind: str
    presenter: str
    purpose: str
    confidential: bool
    overview: str = ""
    key_points: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    decision: str = ""
    notes: str = ""
    resolutions: list[tuple[str, str]] = field(default_factory=list)  # (outcome, wording)
    actions: list[tuple[str, str, str]] = field(default_factory=list)  # (text, owner, due)
    # What happened during the item: arrivals, departures, withdrawals for an interest.
    events: list[str] = field(default_factory=list)
    sub_items: list[ItemRecord] = field(default_factory=list)


@dataclass
class MeetingRecord:
    id: str
    body_id: str
    body_name: str
    date: dt.date
    start_time: str
    end_time: str
    venue: str
    kind: str
    status: str
    status_reason: str
    chair: str
    attendance: list[AttendanceLine]
    items: list[ItemRecord]


def load_meeting_record(meeting_id: str) -> MeetingRecord:
    return meeting_record(load_meeting_rows(meeting_id))


def meeting_record(rows: MeetingRows) -> MeetingRecord:
    """The page's view of a meeting, built from its rows (meeting_rows.py)."""
    meeting, body, people = rows.meeting, rows.body, rows.people
    organisations = {o.id: o.name for o in rows.organisations.values()}
    chair_id = meeting.__data__.get("chair")
    events, unplaced = _events(rows)
    return MeetingRecord(
        id=meeting.id,
        body_id=body.id,
        body_name=body.name,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        venue=meeting.venue,
        kind=meeting.kind,
        status=meeting.status,
        status_reason=meeting.status_reason,
        chair=display_name(people[chair_id]) if chair_id in people else "",
        attendance=_attendance(rows.attendance, people, organisations, unplaced),
        items=_items(rows, organisations, events),
    )


def _attendance(lines, people, organisations, unplaced) -> list[AttendanceLine]:
    found = []
    for row in lines:
        person = people[row.__data__["person"]]
        if row.status == "substitute":
            replaced = people.get(row.__data__.get("substitute_for"))
            text = f"Substituting for {display_name(replaced)}" if replaced else "Substitute"
            if row.capacity:
                text += f", {row.capacity}"
        else:
            # The capacity typed for this meeting ("Clerk", "Observer") says more than the
            # position they hold.
            org = organisations.get(person.__data__.get("organisation"), "")
            text = ", ".join(part for part in (row.capacity or person.position, org) if part)
        times = "; ".join(unplaced.get(row.id, []))
        found.append(AttendanceLine(display_name(person), row.status, text, times))
    order = {"present": 0, "substitute": 0, "in attendance": 1, "apologies": 2, "absent": 3}
    return sorted(found, key=lambda line: (order.get(line.status, 4), *surname_first(line.name)))


def _items(meeting: MeetingRows, organisations, events) -> list[ItemRecord]:
    people = meeting.people

    def action(a) -> tuple[str, str, str]:
        owner = people.get(a.__data__.get("owner_person"))
        owner_name = (
            display_name(owner)
            if owner
            else organisations.get(a.__data__.get("owner_organisation"), "")
        )
        return (a.text, owner_name, long_date(a.due) if a.due else "")

    rows = meeting.items
    records: dict[str, ItemRecord] = {}
    for row in rows:
        presenter = people.get(row.__data__.get("presenter_person"))
        # Were there two (made on two laptops), the last made is the one shown.
        minute = meeting.minutes[row.id][-1] if meeting.minutes[row.id] else None
        record = ItemRecord(
            id=row.id,
            number=row.number,
            title=row.title,
            kind=row.kind,
            presenter=display_name(presenter)
            if presenter
            else organisations.get(row.__data__.get("presenter_organisation"), ""),
            purpose=row.purpose,
            confidential=row.confidential,
            overview=minute.overview if minute else "",
            key_points=json.loads(minute.key_points) if minute else [],
            recommendations=json.loads(minute.recommendations) if minute else [],
            decision=minute.decision if minute else "",
            notes=minute.notes if minute else "",
            resolutions=[(r.outcome, r.text) for r in meeting.resolutions[row.id]],
            actions=[action(a) for a in meeting.actions[row.id]],
            events=events.get(row.id, []),
        )
        records[row.id] = record
    top: list[ItemRecord] = []
    # Attach after all are made: a sub-item may sort before its parent.
    for row in rows:
        parent = records.get(row.__data__.get("parent"))
        (parent.sub_items if parent else top).append(records[row.id])
    return top


def _events(meeting: MeetingRows) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What happened during each item: arrivals and departures at the item the clerk named,
    else at the item taken when they happened (items are stamped with the time they were
    taken), and declarations that took someone out of the room. Times that no item takes
    are given back by attendance line, for the attendance list to say."""
    rows, lines, people = meeting.items, meeting.attendance, meeting.people
    taken = sorted((row.started_at, row.id) for row in rows if row.started_at)
    live = {row.id for row in rows}
    timed: dict[str, list[tuple[str, str]]] = {}
    unplaced: dict[str, list[str]] = {}

    def at(time: str) -> str | None:
        during = [item_id for started, item_id in taken if started <= time]
        return during[-1] if during else None

    for row in lines:
        if row.status not in ATTENDING:
            continue  # times kept from before they were marked otherwise say nothing
        name = display_name(people[row.__data__["person"]])
        for time, during, verb in (
            (row.arrived, row.__data__.get("arrived_during"), "arrived"),
            (row.left, row.__data__.get("left_during"), "left the meeting"),
        ):
            item_id = during if during in live else (at(time) if time else None)
            when = f" at {clock(time)}" if time else ""
            if item_id:
                timed.setdefault(item_id, []).append((time, f"{name} {verb}{when}."))
            elif time:
                unplaced.setdefault(row.id, []).append(f"{verb}{when}")
    events = {item_id: [line for _, line in sorted(found)] for item_id, found in timed.items()}
    for row in meeting.declarations:
        item_id = row.__data__.get("item")
        if item_id and row.left_room:
            name = display_name(people[row.__data__["person"]])
            when = f" at {clock(row.left_at)}" if row.left_at else ""
            back = f" and returned at {clock(row.returned_at)}" if row.returned_at else ""
            events.setdefault(item_id, []).append(
                f"{name}, having declared an interest, left the room{when}{back}."
            )
    return events, unplaced
