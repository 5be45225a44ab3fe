"""A meeting's record written by the import (importer.py): the meeting row, its attendance
lines with the items during which people arrived and left, and its agenda items in the
file's order, each item's own record written by item_import.py. Rows are found again by
their natural keys or their place, so importing the same file twice changes nothing."""

from __future__ import annotations

from desktop_app.exchange.import_run import ImportRun
from desktop_app.exchange.item_import import apply_item_record
from desktop_app.exchange.records import BodyRecord, ItemRecord, MeetingRecord
from desktop_app.exchange.versions_import import apply_versions, status_before_versions
from desktop_app.rules import ranks
from desktop_app.services.meeting_cycle.agenda_tree import STORED_ORDER
from desktop_app.storage import natural_ids
from desktop_app.storage.models import AgendaItem, Attendance, Meeting


def apply_meeting(run: ImportRun, body: BodyRecord, meeting: MeetingRecord) -> None:
    body_row = run.bodies[body.name.casefold()]
    matches = run.existing(
        body_row,
        Meeting.live()
        .where(
            (Meeting.body == body_row.id)
            & (Meeting.date == meeting.date)
            & (Meeting.start_time == meeting.start)
        )
        .order_by(Meeting.created_at)
        .limit(1),
    )
    found = matches[0] if matches else None
    row = run.save(
        Meeting,
        found,
        _create=dict(body_id=body_row.id, date=meeting.date, start_time=meeting.start),
        _id=run.key_of("meeting", body_row.id, meeting.date, meeting.start),
        _under=body_row,
        end_time=meeting.end,
        venue=meeting.venue,
        kind=meeting.kind,
        status=status_before_versions(meeting, found),
        status_reason=meeting.reason,
        is_public=meeting.public,
        chair_id=run.person_id(meeting.chair),
        public_attendees=meeting.public_attendees,
        next_meeting_date=meeting.next_meeting,
    )
    run.meeting_paths[row.id] = meeting.path
    apply_versions(run, row, meeting)
    run.statuses.append((row.id, meeting))
    existing = {
        a.__data__["person"]: a
        for a in run.existing(
            row,
            Attendance.live()
            .where(Attendance.meeting == row.id)
            .order_by(Attendance.created_at.desc()),
        )
    }
    lines: dict[str, tuple[Attendance | None, dict]] = {}
    for line in meeting.attendance:
        person_id = run.person_id(line.person)
        found = existing.get(person_id)
        create = dict(meeting_id=row.id, person_id=person_id)
        values = dict(
            status=line.status,
            substitute_for_id=run.person_id(line.substitute_for),
            capacity=line.capacity,
            arrived=line.arrived,
            left=line.left,
        )
        lines[line.person] = (None, values)
        if found is None and run.appointed.defer(Attendance, line.path, create, values):
            continue
        saved = run.save(
            Attendance,
            found,
            _create=create,
            _id=natural_ids.attendance_id(row.id, person_id),
            _under=row,
            **values,
        )
        lines[line.person] = (saved, values)
    placed = len(run.placed)
    apply_items(run, row, None, meeting.items)
    apply_comings_and_goings(run, run.placed[placed:], lines)


def apply_comings_and_goings(run: ImportRun, placed: list, lines: dict) -> None:
    """The items during which people arrived and left, now that the items are written:
    on each attendance line, or on one an appointment is still to write."""
    during: dict[str, dict[str, str]] = {"arrived_during_id": {}, "left_during_id": {}}
    for _meeting, item, item_row in placed:
        for person in item.arrivals:
            during["arrived_during_id"][person] = item_row.id
        for person in item.departures:
            during["left_during_id"][person] = item_row.id
    for person, (saved, values) in lines.items():
        found = {field: by_person.get(person) for field, by_person in during.items()}
        values.update(found)  # a line kept for an appointment is written with them
        if saved is not None:
            run.save(Attendance, saved, **found)


def apply_items(
    run: ImportRun, meeting: Meeting, parent: AgendaItem | None, items: list[ItemRecord]
) -> None:
    under = AgendaItem.parent.is_null() if parent is None else AgendaItem.parent == parent.id
    siblings = run.existing(
        parent or meeting,
        AgendaItem.live().where((AgendaItem.meeting == meeting.id) & under).order_by(*STORED_ORDER),
    )
    # The file keeps no ranks, only its order: items it adds go after those already
    # here, in the file's order, spread so that their ranks stay short.
    last = siblings[-1].rank if siblings else None
    places = [row.rank for row in siblings] + ranks.spread(len(items) - len(siblings), last)
    for index, item in enumerate(items):
        presenter_person, presenter_organisation = run.party(item.presenter)
        row = run.save(
            AgendaItem,
            siblings[index] if index < len(siblings) else None,
            _create=dict(
                meeting_id=meeting.id,
                parent_id=parent.id if parent else None,
                rank=places[index],
            ),
            _id=run.key_of("item", meeting.id, parent.id if parent else "", index),
            _under=parent or meeting,
            number=item.number,
            title=item.title,
            kind=item.kind,
            presenter_person_id=presenter_person,
            presenter_organisation_id=presenter_organisation,
            purpose=item.purpose,
            confidential=item.confidential,
            exempt_paragraph=item.exempt_paragraph,
            started_at=item.started,
            minutes_allowed=item.minutes_allowed,
            brief_note=item.brief_note,
            cited_minute=item.cites,
        )
        if index >= len(siblings):
            siblings.append(row)
        run.placed.append((meeting, item, row))
        apply_item_record(run, meeting, row, item)
        apply_items(run, meeting, row, item.items)
