"""A body whose meetings approve each other's minutes, for the signing tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.decisions import minutes, minutes_versions
from desktop_app.services.directory import memberships, organisations, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, attendance, meetings
from desktop_app.services.signatures import signing
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Body, Meeting, Person, db

DATES = ("2012-10-01", "2012-12-17", "2013-03-18", "2013-06-17", "2013-09-16")


@dataclass
class Board:
    body_id: str
    chair: Person
    clerk: Person
    meetings: list[Meeting] = field(default_factory=list)
    # meetings[i]'s "previous minutes" item, at which meetings[i - 1]'s minutes are approved
    approving_items: list[str] = field(default_factory=list)


def make_board(count: int = 2, *, items: int = 3, name: str = "Maidstone Locality Board") -> Board:
    """`count` held meetings of one body, each with `items` minuted items, chaired by
    Cllr Garland; none approved yet."""
    council = organisations.create_organisation(name="Maidstone Borough Council")
    body = create_body(name=name)
    chair = people.create_person(
        name="Chris Garland",
        title="Cllr",
        organisation_id=council.id,
        position="Leader of the Council",
        key="garland",
    )
    clerk = people.create_person(name="Sam Clerk", key="clerk")
    memberships.add_member(body_id=body.id, person_id=chair.id)
    board = Board(body_id=body.id, chair=chair, clerk=clerk)
    for index, date in enumerate(DATES[:count]):
        meeting = meetings.create_meeting(body_id=body.id, date=date, start_time="14:00")
        with db.atomic():
            changes.update(Meeting.get_by_id(meeting.id), status="held")
        attendance.mark_attendance(meeting_id=meeting.id, person_id=chair.id, status="present")
        attendance.set_chair(meeting_id=meeting.id, person_id=chair.id)
        previous = agenda.add_item(
            meeting_id=meeting.id, title="Minutes of the last meeting", kind="previous minutes"
        )
        _number(previous.id, f"{index * 10 + 1}")
        board.approving_items.append(previous.id)
        for n in range(items):
            item = agenda.add_item(meeting_id=meeting.id, title=f"Report {n + 1}", kind="report")
            _number(item.id, f"{index * 10 + n + 2}")
            minutes.set_item_notes(item_id=item.id, notes=f"Report {n + 1} was discussed. £ “ok”")
        board.meetings.append(Meeting.get_by_id(meeting.id))
    return board


def approve(board: Board, index: int) -> None:
    """Approve meetings[index]'s minutes at meetings[index + 1]."""
    minutes_versions.approve(
        meeting_id=board.meetings[index].id, at_item_id=board.approving_items[index + 1]
    )


def sign_example(passphrase: str, *, at: dt.datetime | None = None) -> str:
    """The example body imported, and its 17 December 2012 minutes (seed 004) approved at a
    meeting in March 2013 and signed by Cllr Garland, who chaired it, at `at` (default now)
    with a key made then. The key goes to the keys folder ($MINUTE_BOOK_KEYS_DIR); returns
    the December meeting's id."""
    import_file(EXAMPLE_FILE)
    body = Body.get(Body.name == "Maidstone Locality Board")
    december = Meeting.get((Meeting.body == body.id) & (Meeting.date == "2012-12-17"))
    garland = Person.get(Person.key == "garland")
    march = meetings.create_meeting(body_id=body.id, date="2013-03-18", start_time="14:30")
    with db.atomic():
        changes.update(Meeting.get_by_id(march.id), status="held")
    attendance.mark_attendance(meeting_id=march.id, person_id=garland.id, status="present")
    attendance.set_chair(meeting_id=march.id, person_id=garland.id)
    item = agenda.add_item(meeting_id=march.id, title="Minutes", kind="previous minutes")
    _number(item.id, "45")
    minutes_versions.approve(meeting_id=december.id, at_item_id=item.id)
    _, key = signing.create_signer(person_id=garland.id, passphrase=passphrase, now=at)
    signing.sign_minutes(
        meeting_id=december.id,
        key_path=key,
        passphrase=passphrase,
        render=render_minutes,
        now=(lambda: at) if at else None,
    )
    return december.id


def _number(item_id: str, number: str) -> None:
    """Give the item its number, and the body's counter the next, as publishing would: an
    item added to a numbered agenda then takes a number the body has not given yet."""
    item = AgendaItem.get_by_id(item_id)
    body = Body.get_by_id(Meeting.get_by_id(item.__data__["meeting"]).__data__["body"])
    with db.atomic():
        changes.update(item, number=number)
        changes.update(body, numbering_next=int(number) + 1)
