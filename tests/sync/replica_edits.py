"""The edits the three laptops of test_replicas_converge.py make, each through the service
the window calls: bodies and members; meetings and their agendas (adding, editing, moving,
indenting, deleting and restoring items, publishing); attendance and arrival times;
resolutions and named votes; papers; minutes; approving minutes and taking an approval back.

Each rule picks its rows from what the laptop holds, in a fixed order, and records the texts
it stored (`typed`, which must never be lost) and those it overwrote or deleted while seeing
them (`replaced`, which may go). A rule the services refuse writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule

from desktop_app.errors import ValidationError
from desktop_app.services import (
    agenda,
    attendance,
    bodies,
    documents,
    freeze,
    meeting_status,
    meetings,
    memberships,
    minutes,
    minutes_versions,
    people,
    resolutions,
    voting,
)
from desktop_app.services.agenda_tree import AgendaTree
from desktop_app.storage.database import close_database
from desktop_app.storage.models import (
    AgendaItem,
    Attendance,
    Body,
    Document,
    JournalEntry,
    Meeting,
    Minute,
    Person,
    Resolution,
)
from tests.exchange.papers import paper_pdf

LAPTOP = st.integers(0, 2)
PICK = st.integers(0, 50)
# Arrival and departure: from the start, or a time; to the end, or a later time.
TIMES = st.sampled_from([("", ""), ("14:05", ""), ("14:30", "16:45"), ("", "15:10")])


def shared_start() -> None:
    """What every laptop holds before the history starts: a board of three voting members
    with two meetings, the first held and the second scheduled, each with a few items."""
    board = bodies.create_body(name="Board", venue="Town Hall")
    members = []
    for name in ("Ann Able", "Ben Baker", "Cat Cole"):
        person = people.create_person(name=name)
        memberships.add_member(body_id=board.id, person_id=person.id)
        members.append(person)
    held = []
    for day in (dt.date(2027, 1, 1), dt.date(2027, 2, 1)):
        meeting = meetings.create_meeting(
            body_id=board.id, date=day, start_time="14:00", end_time="17:00"
        )
        agenda.add_item(meeting_id=meeting.id, title="Minutes", kind="previous minutes")
        for title in ("Budget", "Libraries", "Parks"):
            item = agenda.add_item(meeting_id=meeting.id, title=title)
        agenda.add_item(meeting_id=meeting.id, title="Play areas", parent_id=item.id)
        for person in members:
            attendance.mark_attendance(meeting_id=meeting.id, person_id=person.id, status="present")
        held.append(meeting)
    agenda.publish_agenda(meeting_id=held[0].id)
    meeting_status.change_status(meeting_id=held[0].id, status="held")


# Rows are picked in an order of what they hold, not of their ids, so that a history
# leaving out a step picks the same rows in the others (shrinking needs it).
MEETINGS = (Meeting.date, Meeting.start_time, Meeting.id)
ITEMS = (AgendaItem.title, AgendaItem.rank, AgendaItem.id)


def _pick(rows, pick: int):
    rows = list(rows)
    return rows[pick % len(rows)] if rows else None


class Edits(RuleBasedStateMachine):
    """The rules; the subclass gives `laptops` (each with `open()`) and `root`."""

    def __init__(self) -> None:
        super().__init__()
        self.typed: set[str] = set()
        self.replaced: set[str] = set()  # texts someone overwrote while seeing them
        self.counter = 0

    def _text(self, what: str) -> str:
        self.counter += 1
        return f"{what} {self.counter}"

    def _typed(self, *texts: str) -> None:
        """Texts a service has just stored: from now on they must never be lost."""
        self.typed.update(texts)

    def _replacing(self, *texts) -> None:
        self.replaced.update(text for text in texts if isinstance(text, str))

    def _on(self, laptop: int, work):
        """Run `work` on the laptop; what it did shows in --hypothesis-show-statistics."""
        self.laptops[laptop].open()
        rule_name = work.__qualname__.split(".<locals>")[0].split(".")[-1]
        try:
            before = JournalEntry.select().count()
            done = work()
            wrote = JournalEntry.select().count() > before
            event(f"{rule_name}: {'wrote' if wrote else 'nothing to do'}")
            return done
        except ValidationError:
            event(f"{rule_name}: refused")
            return None  # the rules refused it on this laptop: nothing was written
        finally:
            close_database()

    # Bodies and members

    @rule(laptop=LAPTOP)
    def create_body(self, laptop):
        name, venue = self._text("Board"), self._text("Hall")
        members = [self._text("Member"), self._text("Member")]

        def work():
            body = bodies.create_body(name=name, venue=venue)
            self._typed(name, venue)
            for member in members:
                person = people.create_person(name=member)
                memberships.add_member(body_id=body.id, person_id=person.id)
                self._typed(member)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def add_member(self, laptop, pick):
        name = self._text("Member")

        def work():
            body = _pick(Body.live().order_by(Body.name), pick)
            if body is not None:
                person = people.create_person(name=name)
                self._typed(name)
                memberships.add_member(body_id=body.id, person_id=person.id)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def edit_venue(self, laptop, pick):
        venue = self._text("Venue")

        def work():
            body = _pick(Body.live().order_by(Body.name), pick)
            if body is not None:
                self._replacing(body.venue)
                bodies.update_body(body_id=body.id, venue=venue)
                self._typed(venue)

        self._on(laptop, work)

    # Meetings and agendas

    @rule(laptop=LAPTOP, pick=PICK)
    def add_meeting_and_item(self, laptop, pick):
        self.counter += 1
        day = dt.date(2027, 1, 1) + dt.timedelta(days=self.counter)
        title = self._text("Item")

        def work():
            body = _pick(Body.live().order_by(Body.name), pick)
            if body is not None:
                meeting = meetings.create_meeting(
                    body_id=body.id, date=day, start_time="14:00", end_time="17:00"
                )
                agenda.add_item(meeting_id=meeting.id, title=title)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, under=st.booleans())
    def add_item(self, laptop, pick, under):
        title = self._text("Item")

        def work():
            item = _items(pick)
            if item is not None:
                parent = item.id if under else None
                agenda.add_item(meeting_id=item.meeting_id, title=title, parent_id=parent)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def edit_item(self, laptop, pick):
        title, purpose = self._text("Title"), "for decision"

        def work():
            item = _items(pick)
            if item is not None:
                self._replacing(item.title)
                agenda.update_item(item_id=item.id, title=title, purpose=purpose)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, offset=st.sampled_from([-1, 1]))
    def move_item(self, laptop, pick, offset):
        self._on(laptop, lambda: _on_item(pick, agenda.move_item, offset=offset))

    @rule(laptop=LAPTOP, pick=PICK, indent=st.booleans())
    def indent_or_outdent(self, laptop, pick, indent):
        step = agenda.indent_item if indent else agenda.outdent_item
        self._on(laptop, lambda: _on_item(pick, step))

    @rule(laptop=LAPTOP, pick=PICK, restore=st.booleans())
    def delete_or_restore_item(self, laptop, pick, restore):
        def work():
            query = AgendaItem.select().order_by(*ITEMS)
            item = _pick((row for row in query if (row.deleted_at is None) != restore), pick)
            if item is None:
                return
            if restore:
                agenda.restore_item(item_id=item.id)
            else:
                # Deleted knowingly, with everything shown under it.
                tree = AgendaTree(item.meeting_id)
                for row in tree.subtree(tree.items[item.id]):
                    self._replacing(*texts_under(row))
                agenda.delete_item(item_id=item.id)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def publish_and_hold(self, laptop, pick):
        def work():
            meeting = _pick(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is None:
                return
            if meeting.status == "scheduled":
                agenda.publish_agenda(meeting_id=meeting.id)
            meeting_status.change_status(meeting_id=meeting.id, status="held")

        self._on(laptop, work)

    # Attendance, resolutions and votes

    @rule(laptop=LAPTOP, pick=PICK, who=PICK, mark=st.sampled_from(attendance.MARKS))
    def mark_attendance(self, laptop, pick, who, mark):
        def work():
            meeting = _pick(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is None:
                return
            member = _pick(memberships.list_members(body_id=meeting.body_id), who)
            if member is not None:
                attendance.mark_attendance(
                    meeting_id=meeting.id, person_id=member.person_id, status=mark
                )

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, times=TIMES)
    def set_times(self, laptop, pick, times):
        arrived, left = times

        def work():
            line = _pick(_lines(), pick)
            if line is not None:
                attendance.set_times(attendance_id=line.id, arrived=arrived, left=left)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, votes_for=st.integers(0, 3), against=st.integers(0, 2))
    def add_resolution(self, laptop, pick, votes_for, against):
        text = f"That motion {self._text('number')} be agreed"

        def work():
            item = _items(pick)
            if item is not None:
                resolutions.add_resolution(
                    item_id=item.id, text=text, votes_for=votes_for, votes_against=against
                )
                self._typed(text)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def edit_resolution(self, laptop, pick):
        text = f"That amendment {self._text('number')} be agreed"

        def work():
            row = _pick(Resolution.live().order_by(Resolution.text), pick)
            if row is not None:
                self._replacing(row.text)
                resolutions.update_resolution(resolution_id=row.id, text=text)
                self._typed(text)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, choices=st.lists(st.sampled_from(["for", "against", ""])))
    def name_votes(self, laptop, pick, choices):
        def work():
            row = _pick(Resolution.live().order_by(Resolution.text), pick)
            if row is None:
                return
            voters = voting.eligible_voters(row.item_id)
            votes = {
                voter.person_id: vote for voter, vote in zip(voters, choices, strict=False) if vote
            }
            resolutions.set_named_votes(resolution_id=row.id, votes=votes)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, restore=st.booleans())
    def delete_or_restore_resolution(self, laptop, pick, restore):
        def work():
            query = Resolution.select().order_by(Resolution.text)
            row = _pick((r for r in query if (r.deleted_at is None) != restore), pick)
            if row is None:
                return
            if restore:
                resolutions.restore_resolution(resolution_id=row.id)
            else:
                self._replacing(row.text)
                resolutions.delete_resolution(resolution_id=row.id)

        self._on(laptop, work)

    # Papers and minutes

    @rule(laptop=LAPTOP, pick=PICK)
    def attach_paper(self, laptop, pick):
        title = self._text("Paper")
        path = Path(self.root) / "papers" / f"{title}.pdf"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(paper_pdf(title))

        def work():
            item = _items(pick)
            if item is not None:
                documents.attach_document(item_id=item.id, path=path, title=title)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def retitle_paper(self, laptop, pick):
        title = self._text("Paper")

        def work():
            paper = _pick(Document.live().order_by(Document.title), pick)
            if paper is not None:
                self._replacing(paper.title)
                documents.update_document(document_id=paper.id, title=title)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def write_minute(self, laptop, pick):
        notes = self._text("Notes")

        def work():
            item = _items(pick)
            if item is not None:
                self._replacing(minutes.item_notes(item.id))
                minutes.set_item_notes(item_id=item.id, notes=notes)
                self._typed(notes)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK, at=PICK)
    def approve_minutes(self, laptop, pick, at):
        def work():
            meeting = _pick(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is None:
                return
            later = (
                AgendaItem.live()
                .join(Meeting, on=(AgendaItem.meeting == Meeting.id))
                .where((Meeting.body == meeting.body_id) & (Meeting.date > meeting.date))
                .order_by(*ITEMS)
            )
            item = _pick(later, at)
            if item is not None:
                minutes_versions.approve(meeting_id=meeting.id, at_item_id=item.id)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def take_back_approval(self, laptop, pick):
        def work():
            meeting = _pick(
                Meeting.live().where(Meeting.status == "minutes approved").order_by(*MEETINGS),
                pick,
            )
            if meeting is None:
                return
            version = freeze.approved_version(meeting.id)
            if version is not None:  # its approving resolution goes, knowingly
                approving = Resolution.live().where(Resolution.approves_version == version.id)
                self._replacing(*(row.text for row in approving))
            minutes_versions.unapprove(meeting_id=meeting.id)

        self._on(laptop, work)


def _items(pick: int) -> AgendaItem | None:
    return _pick(AgendaItem.live().order_by(*ITEMS), pick)


def _lines():
    return (
        Attendance.live()
        .join(Meeting, on=(Attendance.meeting == Meeting.id))
        .join(Person, on=(Attendance.person == Person.id))
        .order_by(*MEETINGS, Person.name)
    )


def _on_item(pick: int, step, **values) -> None:
    item = _items(pick)
    if item is not None:
        step(item_id=item.id, **values)


def texts_under(item: AgendaItem) -> list[str]:
    """The texts shown with an item: its title, minute, resolutions and papers."""
    texts = [item.title]
    for minute in Minute.live().where(Minute.item == item.id):
        texts += [minute.notes, minute.overview, minute.decision]
        texts += json.loads(minute.key_points) + json.loads(minute.recommendations)
    texts += [row.text for row in Resolution.live().where(Resolution.item == item.id)]
    texts += [row.title for row in Document.live().where(Document.item == item.id)]
    return texts
