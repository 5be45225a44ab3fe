"""Reading a `minute-book/1` file: JSON text to checked plain values (records.py).

Everything is checked before anything is written, and the first fault is reported with
its place in the file, e.g. `bodies[0].meetings[3].items[2].minute: expected an object`.
This module reads the people, organisations, bodies and meetings; a meeting's items are
read by item_reading.py, and a body's plans, updates and report template by their own
modules (plan_record.py, update_record.py, report_record.py).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.exchange import (
    body_record,
    minutes_record,
    plan_record,
    report_record,
    update_record,
)
from desktop_app.exchange.format_fields import (
    ATTENDANCE_FIELDS,
    BODY_FIELDS,
    FORMAT,
    MEETING_FIELDS,
    MEMBER_FIELDS,
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    TOP_FIELDS,
)
from desktop_app.exchange.item_reading import read_items, refuse_unexplained_part_two, walk_items
from desktop_app.exchange.records import (
    AttendanceRecord,
    BodyRecord,
    ExchangeRecord,
    MeetingRecord,
    MemberRecord,
    OrganisationRecord,
    PersonRecord,
)
from desktop_app.exchange.signatures_record import read_signers
from desktop_app.exchange.values import (
    at,
    boolean,
    choice,
    date,
    entries,
    fail,
    fields,
    join,
    quorum,
    shown,
    single_line,
    time,
    whole_number,
)
from desktop_app.rules.attending import check_comings_and_goings
from desktop_app.services.directory.people import EMAIL


def read_exchange(
    data: Any,
    *,
    base_dir: Path,
    known_people: Collection[str] = (),
    known_organisations: Collection[str] = (),
    known_bodies: Collection[str] = (),
) -> ExchangeRecord:
    """Check the whole of `data`; `known_*` are what the database already holds
    (person keys, organisation and body names) and may be referred to as well."""
    return _Reader(base_dir, known_people, known_organisations, known_bodies).read(data)


class _Reader:
    def __init__(self, base_dir, known_people, known_organisations, known_bodies) -> None:
        self.base_dir = base_dir
        self.people: set[str] = set(known_people)
        self.organisations: set[str] = {n.casefold() for n in known_organisations}
        self.bodies: set[str] = {n.casefold() for n in known_bodies}
        self.papers: dict[Path, str] = {}  # each paper's SHA-256, once found to be a PDF

    def read(self, data: Any) -> ExchangeRecord:
        if not isinstance(data, dict):
            raise ValidationError(
                "The file does not hold a JSON object, so it is not a minute book."
            )
        if "format" not in data:
            fail("format", f'missing; a minute-book file starts with "format": "{FORMAT}"')
        if data["format"] != FORMAT:
            fail(
                "format",
                f"“{shown(str(data['format']))}” is not a format this version reads ({FORMAT})",
            )
        fields(data, "", TOP_FIELDS)
        record = ExchangeRecord()
        record.organisations = self.organisations_of(data)
        record.people = self.people_of(data)
        record.signers = read_signers(data, self.person)
        record.bodies = self.bodies_of(data)
        return record

    # People and organisations

    def organisations_of(self, data: dict) -> list[OrganisationRecord]:
        found, seen = [], set()
        for path, value in entries(data, "", "organisations"):
            fields(value, path, ORGANISATION_FIELDS)
            name = single_line(value, "name", path, required=True)
            if name.casefold() in seen:
                fail(join(path, "name"), f"“{name}” is listed twice")
            seen.add(name.casefold())
            found.append(OrganisationRecord(path=path, name=name))
        self.organisations |= seen
        return found

    def people_of(self, data: dict) -> list[PersonRecord]:
        found, seen = [], set()
        for path, value in entries(data, "", "people"):
            fields(value, path, PERSON_FIELDS)
            key = single_line(value, "key", path, required=True)
            if key in seen:
                fail(join(path, "key"), f"the key “{key}” is used twice")
            seen.add(key)
            email = single_line(value, "email", path)
            if email and not EMAIL.match(email):
                fail(join(path, "email"), f"“{email}” does not look like an e-mail address")
            found.append(
                PersonRecord(
                    path=path,
                    key=key,
                    name=single_line(value, "name", path, required=True),
                    title=single_line(value, "title", path),
                    organisation=self.organisation(value, "organisation", path),
                    position=single_line(value, "position", path),
                    email=email,
                    phone=single_line(value, "phone", path),
                )
            )
        self.people |= seen
        return found

    def person(self, value: dict, key: str, path: str, *, required: bool = False) -> str | None:
        person_key = single_line(value, key, path, required=required)
        if not person_key:
            return None
        if person_key not in self.people:
            fail(join(path, key), f"unknown person “{person_key}”; add them to people first")
        return person_key

    def people_listed(self, value: dict, key: str, path: str) -> list[str]:
        """A list of people's keys, each once."""
        found: list[str] = []
        for entry_path, entry in entries(value, path, key):
            person_key = entry.strip() if isinstance(entry, str) else ""
            if not person_key:
                fail(entry_path, "expected a person's key")
            if person_key not in self.people:
                fail(entry_path, f"unknown person “{person_key}”; add them to people first")
            if person_key in found:
                fail(entry_path, f"“{person_key}” is listed twice")
            found.append(person_key)
        return found

    def organisation(self, value: dict, key: str, path: str) -> str | None:
        name = single_line(value, key, path)
        if not name:
            return None
        if name.casefold() not in self.organisations:
            fail(join(path, key), f"unknown organisation “{name}”; add it to organisations first")
        return name

    def body(self, value: dict, key: str, path: str) -> str | None:
        """A body named by a resolution: one in the file or already in the data folder."""
        name = single_line(value, key, path)
        if not name:
            return None
        if name.casefold() not in self.bodies:
            fail(join(path, key), f"unknown body “{name}”")
        return name

    def party(self, value: dict, key: str, path: str) -> str | None:
        """A presenter or owner: a person's key, else an organisation's name."""
        name = single_line(value, key, path)
        if not name:
            return None
        if name not in self.people and name.casefold() not in self.organisations:
            fail(join(path, key), f"“{name}” is neither a person's key nor an organisation")
        return name

    # Bodies

    def bodies_of(self, data: dict) -> list[BodyRecord]:
        raw = list(entries(data, "", "bodies"))
        names = {}
        for path, value in raw:
            fields(value, path, BODY_FIELDS)
            name = single_line(value, "name", path, required=True)
            if name.casefold() in names:
                fail(join(path, "name"), f"there are two bodies called “{name}”")
            names[name.casefold()] = path
        self.bodies |= set(names)
        found = [self.body_of(path, value) for path, value in raw]
        body_record.refuse_cycles(found)
        return found

    def body_of(self, path: str, value: dict) -> BodyRecord:
        name = single_line(value, "name", path, required=True)
        parent = single_line(value, "parent", path)
        if parent and parent.casefold() not in self.bodies:
            fail(join(path, "parent"), f"unknown body “{parent}”")
        if parent and parent.casefold() == name.casefold():
            fail(join(path, "parent"), "a body cannot report to itself")
        body = BodyRecord(
            path=path,
            name=name,
            kind=choice(value, "kind", path, vocabulary.BODY_KINDS, "committee"),
            parent=parent or None,
            quorum=quorum(value, path),
            venue=single_line(value, "venue", path),
            clerk=self.person(value, "clerk", path),
        )
        if value.get("numbering") is not None:
            body.numbering = body_record.numbering(value["numbering"], join(path, "numbering"))
        body.template = body_record.template(value, path)
        body.report_template = report_record.read_template(value, path)
        body.plans = plan_record.read_plans(self, value, path)
        body.updates = update_record.read_updates(self, value, path, name=name, parent=parent)
        seen: set[tuple] = set()
        for member_path, member in entries(value, path, "members"):
            record = self.member(member_path, member)
            if (record.person, record.from_date) in seen:
                fail(join(member_path, "person"), f"“{record.person}” is listed twice")
            seen.add((record.person, record.from_date))
            body.members.append(record)
        meetings: set[tuple] = set()
        for meeting_path, meeting in entries(value, path, "meetings"):
            record = self.meeting(meeting_path, meeting)
            if (record.date, record.start) in meetings:
                fail(meeting_path, f"there are two meetings on {record.date} at “{record.start}”")
            meetings.add((record.date, record.start))
            body.meetings.append(record)
        return body

    def member(self, path: str, value: Any) -> MemberRecord:
        fields(value, path, MEMBER_FIELDS)
        record = MemberRecord(
            path=path,
            person=self.person(value, "person", path, required=True),
            role=choice(value, "role", path, vocabulary.ROLES, "member"),
            organisation=self.organisation(value, "organisation", path),
            voting=boolean(value, "voting", path, True),
            from_date=date(value, "from", path),
            to_date=date(value, "to", path),
        )
        if record.from_date and record.to_date and record.to_date < record.from_date:
            fail(join(path, "to"), "the membership ends before it starts")
        return record

    # Meetings

    def meeting(self, path: str, value: Any) -> MeetingRecord:
        fields(value, path, MEETING_FIELDS)
        record = MeetingRecord(
            path=path,
            date=date(value, "date", path, required=True),
            start=time(value, "start", path),
            end=time(value, "end", path),
            venue=single_line(value, "venue", path),
            kind=choice(value, "kind", path, vocabulary.MEETING_KINDS, "ordinary"),
            status=choice(value, "status", path, vocabulary.MEETING_STATUSES, "scheduled"),
            reason=single_line(value, "reason", path),
            public=boolean(value, "public", path, True),
            chair=self.person(value, "chair", path),
            public_attendees=whole_number(value, "public_attendees", path),
            next_meeting=date(value, "next_meeting", path),
        )
        if record.start and record.end and record.end <= record.start:
            fail(join(path, "end"), f"the meeting ends ({record.end}) before it starts")
        record.minutes_versions = minutes_record.minutes_versions(
            value, path, person=self.person, base_dir=self.base_dir
        )
        seen = set()
        for attendance_path, attendance in entries(value, path, "attendance"):
            line = self.attendance(attendance_path, attendance)
            if line.person in seen:
                fail(join(attendance_path, "person"), f"“{line.person}” is listed twice")
            seen.add(line.person)
            record.attendance.append(line)
        record.items = read_items(self, value, path, depth=1)
        refuse_unexplained_part_two(record.items)
        _refuse_unplaced_comings_and_goings(record)
        return record

    def attendance(self, path: str, value: Any) -> AttendanceRecord:
        fields(value, path, ATTENDANCE_FIELDS)
        record = AttendanceRecord(
            path=path,
            person=self.person(value, "person", path, required=True),
            status=choice(value, "status", path, vocabulary.ATTENDANCE_STATUSES, "present"),
            substitute_for=self.person(value, "substitute_for", path),
            capacity=single_line(value, "capacity", path),
            arrived=time(value, "arrived", path),
            left=time(value, "left", path),
        )
        if record.substitute_for == record.person:
            fail(join(path, "substitute_for"), "a person cannot substitute for themselves")
        if record.arrived and record.left and record.left < record.arrived:
            fail(join(path, "left"), "they left before they arrived")
        return record


def _refuse_unplaced_comings_and_goings(meeting: MeetingRecord) -> None:
    """Whoever arrived or left during an item attends the meeting (the sheet's rule), and
    arrived, or left, during one item only."""
    status = {line.person: line.status for line in meeting.attendance}
    for key, verb in (("arrivals", "arrived"), ("departures", "left")):
        seen: dict[str, str] = {}
        for item in walk_items(meeting.items):
            for index, person in enumerate(getattr(item, key)):
                place = join(join(item.path, key), index)
                if person in seen:
                    fail(place, f"“{person}” {verb} during {seen[person]} already")
                with at(place):
                    check_comings_and_goings(f"“{person}”", status.get(person, ""))
                seen[person] = item.path
