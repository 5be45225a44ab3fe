"""The edits the three laptops of test_replicas_converge.py make to bodies and agendas,
each through the service the window calls: bodies and members; meetings and their agendas
(adding, editing, moving, indenting, deleting and restoring items, publishing). The edits
of what happens at a meeting are in replica_meetings.py.

Each rule picks its rows from what the laptop holds, in a fixed order, and records the texts
it stored (`typed`, which must never be lost) and those it overwrote or deleted while seeing
them (`replaced`, which may go). A rule the services refuse writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies, memberships, people
from desktop_app.services.meeting_cycle import agenda, attendance, meeting_status, meetings
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage.database import close_database
from desktop_app.storage.models import (
    AgendaItem,
    Body,
    Document,
    JournalEntry,
    Meeting,
    Minute,
    Resolution,
)

LAPTOP = st.integers(0, 2)
PICK = st.integers(0, 50)


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


def pick_of(rows, pick: int):
    rows = list(rows)
    return rows[pick % len(rows)] if rows else None


class Edits(RuleBasedStateMachine):
    """The rules; a subclass gives `laptops` (each with `open()`) and `root`."""

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
            body = pick_of(Body.live().order_by(Body.name), pick)
            if body is not None:
                person = people.create_person(name=name)
                self._typed(name)
                memberships.add_member(body_id=body.id, person_id=person.id)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def edit_venue(self, laptop, pick):
        venue = self._text("Venue")

        def work():
            body = pick_of(Body.live().order_by(Body.name), pick)
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
            body = pick_of(Body.live().order_by(Body.name), pick)
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
            item = items(pick)
            if item is not None:
                parent = item.id if under else None
                agenda.add_item(meeting_id=item.meeting_id, title=title, parent_id=parent)
                self._typed(title)

        self._on(laptop, work)

    @rule(laptop=LAPTOP, pick=PICK)
    def edit_item(self, laptop, pick):
        title, purpose = self._text("Title"), "for decision"

        def work():
            item = items(pick)
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
            item = pick_of((row for row in query if (row.deleted_at is None) != restore), pick)
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
            meeting = pick_of(Meeting.live().order_by(*MEETINGS), pick)
            if meeting is None:
                return
            if meeting.status == "scheduled":
                agenda.publish_agenda(meeting_id=meeting.id)
            meeting_status.change_status(meeting_id=meeting.id, status="held")

        self._on(laptop, work)


def items(pick: int) -> AgendaItem | None:
    return pick_of(AgendaItem.live().order_by(*ITEMS), pick)


def _on_item(pick: int, step, **values) -> None:
    item = items(pick)
    if item is not None:
        step(item_id=item.id, **values)


def texts_under(item: AgendaItem) -> list[str]:
    """The texts shown with an item: its title and the chair's brief note on it, its minute,
    resolutions and papers, and those of its live sub-items (a restore of the item shows
    them again)."""
    texts = [item.title, item.brief_note]
    # In an order of their own ids: each laptop inserted the rows in the order they came.
    for sub_item in AgendaItem.live().where(AgendaItem.parent == item.id).order_by(AgendaItem.id):
        texts += texts_under(sub_item)
    for minute in Minute.live().where(Minute.item == item.id).order_by(Minute.id):
        texts += [minute.notes, minute.overview, minute.decision]
        texts += json.loads(minute.key_points) + json.loads(minute.recommendations)
    resolutions = Resolution.live().where(Resolution.item == item.id).order_by(Resolution.id)
    texts += [row.text for row in resolutions]
    papers = Document.live().where(Document.item == item.id).order_by(Document.id)
    texts += [row.title for row in papers]
    return texts
