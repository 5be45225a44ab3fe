"""Reading a `minute-book/1` file: JSON text to checked plain values (records.py).

Everything is checked before anything is written, and the first fault is reported with
its place in the file, e.g. `bodies[0].meetings[3].items[2].minute: expected an object`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
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
from desktop_app.exchange.imported_files import file_beside, pdf_sha256
from desktop_app.exchange.links import MinuteRef
from desktop_app.exchange.records import (
    ACTION_FIELDS,
    ATTENDANCE_FIELDS,
    BODY_FIELDS,
    DECLARATION_FIELDS,
    DOCUMENT_FIELDS,
    FORMAT,
    ITEM_FIELDS,
    LINKED_MINUTE_FIELDS,
    MEETING_FIELDS,
    MEMBER_FIELDS,
    NAMED_VOTE_FIELDS,
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    RESOLUTION_FIELDS,
    TOP_FIELDS,
    VOTES_FIELDS,
    ActionRecord,
    AttendanceRecord,
    BodyRecord,
    DeclarationRecord,
    DocumentRecord,
    ExchangeRecord,
    ItemRecord,
    MeetingRecord,
    MemberRecord,
    NamedVoteRecord,
    OrganisationRecord,
    PersonRecord,
    ResolutionRecord,
)
from desktop_app.exchange.signatures_record import read_signers
from desktop_app.exchange.values import (
    at,
    boolean,
    by_rule,
    choice,
    date,
    entries,
    fail,
    fields,
    free_text,
    join,
    meeting_ref,
    quorum,
    shown,
    single_line,
    time,
    whole_number,
)
from desktop_app.rules import schedule12a
from desktop_app.rules import votes as vote_rules
from desktop_app.rules.attending import check_comings_and_goings
from desktop_app.services.decisions.minute_links import check_one_citation
from desktop_app.services.directory.people import EMAIL
from desktop_app.services.meeting_cycle.agenda import LONGEST_ITEM_MINUTES

MAX_DEPTH = 8  # items within items; deeper than this is a generator gone wrong


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
        record.items = self.items(value, path, depth=1)
        _refuse_unexplained_part_two(record.items)
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

    # Items

    def items(self, value: dict, path: str, *, depth: int) -> list[ItemRecord]:
        found = []
        for item_path, item in entries(value, path, "items"):
            if depth > MAX_DEPTH:
                fail(item_path, f"items are nested more than {MAX_DEPTH} deep")
            found.append(self.item(item_path, item, depth))
        return found

    def item(self, path: str, value: Any, depth: int) -> ItemRecord:
        fields(value, path, ITEM_FIELDS)
        record = ItemRecord(
            path=path,
            title=single_line(value, "title", path, required=True),
            number=single_line(value, "number", path),
            kind=choice(value, "kind", path, vocabulary.ITEM_KINDS, "report"),
            presenter=self.party(value, "presenter", path),
            purpose=choice(value, "purpose", path, vocabulary.PURPOSES, ""),
            confidential=boolean(value, "confidential", path, False),
            exempt_paragraph=by_rule(
                schedule12a.exempt_paragraph,
                single_line(value, "exempt_paragraph", path),
                join(path, "exempt_paragraph"),
            ),
            started=time(value, "started", path),
            minutes_allowed=minutes_allowed(value, path),
            brief_note=free_text(value, "brief_note", path),
            linked_meeting=meeting_ref(value, "linked_meeting", path),
            linked_minute=linked_minute(value, path),
            cites=single_line(value, "cites", path),
            arrivals=self.people_listed(value, "arrivals", path),
            departures=self.people_listed(value, "departures", path),
        )
        with at(join(path, "cites")):
            check_one_citation(linked=record.linked_minute is not None, cited=record.cites)
        for declaration_path, declaration in entries(value, path, "declarations"):
            record.declarations.append(self.declaration(declaration_path, declaration))
        if value.get("minute") is not None:
            record.minute = minutes_record.minute(value["minute"], join(path, "minute"))
        for resolution_path, resolution in entries(value, path, "resolutions"):
            record.resolutions.append(self.resolution(resolution_path, resolution))
        for action_path, action in entries(value, path, "actions"):
            record.actions.append(self.action(action_path, action))
        titles = set()
        for document_path, document in entries(value, path, "documents"):
            doc = self.document(document_path, document)
            if doc.title in titles:
                fail(join(document_path, "title"), f"two documents are called “{doc.title}”")
            titles.add(doc.title)
            record.documents.append(doc)
        if value.get("report") is not None:
            record.report = report_record.read_report(
                value["report"], join(path, "report"), self.person
            )
        record.items = self.items(value, path, depth=depth + 1)
        return record

    def declaration(self, path: str, value: Any) -> DeclarationRecord:
        fields(value, path, DECLARATION_FIELDS)
        record = DeclarationRecord(
            path=path,
            person=self.person(value, "person", path, required=True),
            kind=single_line(value, "kind", path),
            description=free_text(value, "description", path),
            left_room=boolean(value, "left_room", path, False),
            left_at=time(value, "left_at", path),
            returned_at=time(value, "returned_at", path),
        )
        if record.left_at and record.returned_at and record.returned_at < record.left_at:
            fail(join(path, "returned_at"), "they returned before they left")
        return record

    def resolution(self, path: str, value: Any) -> ResolutionRecord:
        fields(value, path, RESOLUTION_FIELDS)
        record = ResolutionRecord(
            path=path,
            text=free_text(value, "text", path, required=True),
            outcome=choice(value, "outcome", path, vocabulary.OUTCOMES, "resolved"),
            proposer=self.person(value, "proposer", path),
            seconder=self.person(value, "seconder", path),
        )
        minutes_record.appointment(value, path, record, person=self.person, body=self.body)
        if value.get("votes") is not None:
            votes_path = join(path, "votes")
            votes = fields(value["votes"], votes_path, VOTES_FIELDS)
            record.votes_for = whole_number(votes, "for", votes_path)
            record.votes_against = whole_number(votes, "against", votes_path)
            record.votes_abstain = whole_number(votes, "abstain", votes_path)
        seen = set()
        for vote_path, vote in entries(value, path, "named_votes"):
            fields(vote, vote_path, NAMED_VOTE_FIELDS)
            person = self.person(vote, "person", vote_path, required=True)
            if person in seen:
                fail(join(vote_path, "person"), f"“{person}” votes twice")
            seen.add(person)
            how = choice(vote, "vote", vote_path, vocabulary.VOTES, None)
            if how is None:
                fail(join(vote_path, "vote"), "missing")
            record.named_votes.append(NamedVoteRecord(person=person, vote=how))
        minutes_record.how_carried(value, path, record)
        self.check_vote(path, record)
        return record

    def check_vote(self, path: str, record: ResolutionRecord) -> None:
        """The vote's own rules (rules/votes.py); who could vote is checked once the
        meeting's attendance is written (importer.py)."""
        with at(join(path, "seconder")):
            vote_rules.check_proposer(record.proposer, record.seconder)
        named = {vote.person: vote.vote for vote in record.named_votes}
        with at(join(path, "unopposed" if record.unopposed else "casting_vote")):
            vote_rules.check_how_carried(
                unopposed=record.unopposed,
                casting_vote=record.casting_vote,
                votes_for=record.votes_for,
                votes_against=record.votes_against,
                named=named,
            )
        counts = {
            "votes_for": record.votes_for,
            "votes_against": record.votes_against,
            "votes_abstain": record.votes_abstain,
        }
        with at(join(path, "named_votes")):
            vote_rules.check_named_fit(counts, named)

    def action(self, path: str, value: Any) -> ActionRecord:
        fields(value, path, ACTION_FIELDS)
        return ActionRecord(
            path=path,
            text=free_text(value, "text", path, required=True),
            owner=self.party(value, "owner", path),
            due=date(value, "due", path),
            status=choice(value, "status", path, vocabulary.ACTION_STATUSES, "open"),
            progress=free_text(value, "progress", path),
            notes=minutes_record.action_notes(value, path),
            plan_action=plan_record.read_link(value, path),
        )

    def document(self, path: str, value: Any) -> DocumentRecord:
        fields(value, path, DOCUMENT_FIELDS)
        file = single_line(value, "file", path, required=True)
        source = file_beside(self.base_dir, file, join(path, "file"))
        record = DocumentRecord(
            path=path,
            title=single_line(value, "title", path, required=True),
            file=file,
            source=source,
            author=single_line(value, "author", path),
            date=date(value, "date", path),
            confidential=boolean(value, "confidential", path, False),
        )
        if source not in self.papers:
            self.papers[source] = pdf_sha256(source, join(path, "file"))
        record.sha256 = self.papers[source]
        return record


def linked_minute(value: dict, path: str) -> MinuteRef | None:
    """An earlier minute: its number ("31"), or its meeting and number (links.py)."""
    raw = value.get("linked_minute")
    if raw is None:
        return None
    minute_path = join(path, "linked_minute")
    if isinstance(raw, dict):
        fields(raw, minute_path, LINKED_MINUTE_FIELDS)
        return MinuteRef(
            number=single_line(raw, "number", minute_path, required=True),
            meeting=meeting_ref(raw, "meeting", minute_path, required=True),
        )
    if not isinstance(raw, str):
        fail(minute_path, 'expected a minute number ("31") or {"meeting", "number"}')
    number = single_line(value, "linked_minute", path)
    return MinuteRef(number) if number else None


def minutes_allowed(value: dict, path: str) -> int | None:
    """An item's time on the chair's brief: whole minutes, at most the agenda service's limit."""
    minutes = whole_number(value, "minutes_allowed", path, minimum=1)
    if minutes is not None and minutes > LONGEST_ITEM_MINUTES:
        fail(
            join(path, "minutes_allowed"),
            f"{minutes:,} minutes; an item is given at most {LONGEST_ITEM_MINUTES} (8 hours)",
        )
    return minutes


def _refuse_unexplained_part_two(items: list[ItemRecord]) -> None:
    """A meeting's agenda is published once its items have numbers (as the window says):
    then each confidential item cites its paragraph, by the window's rule."""
    walked = list(_walk(items))
    published = any(item.number for item in walked)
    for item in walked:
        with at(join(item.path, "exempt_paragraph")):
            schedule12a.check_part_two(
                item=f"“{item.title}”",
                confidential=item.confidential,
                paragraph=item.exempt_paragraph,
                published=published,
            )


def _refuse_unplaced_comings_and_goings(meeting: MeetingRecord) -> None:
    """Whoever arrived or left during an item attends the meeting (the sheet's rule), and
    arrived, or left, during one item only."""
    status = {line.person: line.status for line in meeting.attendance}
    for key, verb in (("arrivals", "arrived"), ("departures", "left")):
        seen: dict[str, str] = {}
        for item in _walk(meeting.items):
            for index, person in enumerate(getattr(item, key)):
                place = join(join(item.path, key), index)
                if person in seen:
                    fail(place, f"“{person}” {verb} during {seen[person]} already")
                with at(place):
                    check_comings_and_goings(f"“{person}”", status.get(person, ""))
                seen[person] = item.path


def _walk(items: list[ItemRecord]) -> Iterator[ItemRecord]:
    """The items in agenda order, each followed by those under it."""
    for item in items:
        yield item
        yield from _walk(item.items)
