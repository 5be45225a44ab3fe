"""The whole record of one meeting, read in a handful of queries for the meeting page."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from desktop_app.dates import long_date
from desktop_app.rules.attending import ATTENDING
from desktop_app.services import validation
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.storage.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Meeting,
    Membership,
    Minute,
    NamedVote,
    Organisation,
    Person,
    Resolution,
)
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
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    body = Body.get_by_id(meeting.__data__["body"])
    people = people_named_by(meeting)
    organisations = {o.id: o.name for o in Organisation.select(Organisation.id, Organisation.name)}
    chair_id = meeting.__data__.get("chair")
    rows = list(AgendaItem.live().where(AgendaItem.meeting == meeting.id).order_by(*STORED_ORDER))
    lines = list(Attendance.live().where(Attendance.meeting == meeting.id))
    events, unplaced = _events(meeting, rows, lines, people)
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
        attendance=_attendance(lines, people, organisations, unplaced),
        items=_items(rows, people, organisations, events),
    )


def people_named_by(meeting: Meeting, *, body: Body | None = None) -> dict[str, Person]:
    """Everyone the meeting's rows may name (its chair, attendance, presenters, declarations,
    action owners, proposers, seconders and named votes) and, given its `body`, the body's
    clerk and members; deleted and archived people too, as the record still names them.
    Found through the meeting's own rows in one query, so the cost follows the meeting,
    not the council (issue 16)."""
    items = AgendaItem.select(AgendaItem.id).where(AgendaItem.meeting == meeting.id)
    resolutions = Resolution.select(Resolution.id).where(Resolution.item.in_(items))
    named = [
        Attendance.select(Attendance.person).where(Attendance.meeting == meeting.id),
        Attendance.select(Attendance.substitute_for).where(Attendance.meeting == meeting.id),
        AgendaItem.select(AgendaItem.presenter_person).where(AgendaItem.meeting == meeting.id),
        Declaration.select(Declaration.person).where(Declaration.meeting == meeting.id),
        Action.select(Action.owner_person).where(Action.item.in_(items)),
        Resolution.select(Resolution.proposer).where(Resolution.item.in_(items)),
        Resolution.select(Resolution.seconder).where(Resolution.item.in_(items)),
        NamedVote.select(NamedVote.person).where(NamedVote.resolution.in_(resolutions)),
    ]
    one_by_one = {meeting.__data__.get("chair")}
    if body is not None:
        named.append(Membership.select(Membership.person).where(Membership.body == body.id))
        one_by_one.add(body.__data__.get("clerk"))
    union = named[0]
    for query in named[1:]:
        union = union | query
    ids = [person_id for person_id in one_by_one if person_id]
    found = Person.select().where(Person.id.in_(union) | Person.id.in_(ids))
    return {person.id: person for person in found}


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


def _items(rows, people, organisations, events) -> list[ItemRecord]:
    ids = [row.id for row in rows]
    minutes = {m.__data__["item"]: m for m in Minute.live().where(Minute.item.in_(ids))}
    resolutions: dict[str, list] = {}
    for r in Resolution.live().where(Resolution.item.in_(ids)).order_by(Resolution.position):
        resolutions.setdefault(r.__data__["item"], []).append((r.outcome, r.text))
    actions: dict[str, list] = {}
    for a in Action.live().where(Action.item.in_(ids)).order_by(Action.position):
        owner = people.get(a.__data__.get("owner_person"))
        owner_name = (
            display_name(owner)
            if owner
            else organisations.get(a.__data__.get("owner_organisation"), "")
        )
        due = long_date(a.due) if a.due else ""
        actions.setdefault(a.__data__["item"], []).append((a.text, owner_name, due))

    records: dict[str, ItemRecord] = {}
    for row in rows:
        presenter = people.get(row.__data__.get("presenter_person"))
        minute = minutes.get(row.id)
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
            resolutions=resolutions.get(row.id, []),
            actions=actions.get(row.id, []),
            events=events.get(row.id, []),
        )
        records[row.id] = record
    top: list[ItemRecord] = []
    # Attach after all are made: a sub-item may sort before its parent.
    for row in rows:
        parent = records.get(row.__data__.get("parent"))
        (parent.sub_items if parent else top).append(records[row.id])
    return top


def _events(meeting, rows, lines, people) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What happened during each item: arrivals and departures at the item the clerk named,
    else at the item taken when they happened (items are stamped with the time they were
    taken), and declarations that took someone out of the room. Times that no item takes
    are given back by attendance line, for the attendance list to say."""
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
    for row in Declaration.live().where(Declaration.meeting == meeting.id):
        item_id = row.__data__.get("item")
        if item_id and row.left_room:
            name = display_name(people[row.__data__["person"]])
            when = f" at {clock(row.left_at)}" if row.left_at else ""
            back = f" and returned at {clock(row.returned_at)}" if row.returned_at else ""
            events.setdefault(item_id, []).append(
                f"{name}, having declared an interest, left the room{when}{back}."
            )
    return events, unplaced
