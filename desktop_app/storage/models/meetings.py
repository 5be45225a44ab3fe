"""A body's meetings and what each holds before anything is decided: its agenda items,
their papers, who attended and the interests declared."""

from __future__ import annotations

from peewee import (
    BooleanField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop_app.storage.models.directory import Body, Organisation, Person
from desktop_app.storage.models.rows import Synced


class Meeting(Synced):
    body = ForeignKeyField(Body, backref="meetings")
    date = DateField()
    start_time = TextField(default="")  # "HH:MM" as the clerk typed it
    end_time = TextField(default="")
    venue = TextField(default="")
    kind = TextField(default="ordinary")
    status = TextField(default="scheduled")
    status_reason = TextField(default="")
    is_public = BooleanField(default=True)
    previous = ForeignKeyField("self", null=True)
    chair = ForeignKeyField(Person, null=True)
    public_attendees = IntegerField(null=True)
    # The date the meeting set for its next one, as minuted; scheduling it is a separate step.
    next_meeting_date = DateField(null=True)


class AgendaItem(Synced):
    meeting = ForeignKeyField(Meeting, backref="items")
    parent = ForeignKeyField("self", null=True, backref="sub_items")
    # Order among siblings, by (rank, id): a fraction key (rules/ranks.py), so a move
    # writes this one row and two laptops' moves merge.
    rank = TextField()
    number = TextField(default="")  # assigned when the agenda is published, never changed
    title = TextField()
    kind = TextField(default="report")
    presenter_person = ForeignKeyField(Person, null=True)
    presenter_organisation = ForeignKeyField(Organisation, null=True)
    purpose = TextField(default="")
    confidential = BooleanField(default=False)
    # Schedule 12A to the Local Government Act 1972, e.g. "3" (financial or business affairs).
    exempt_paragraph = TextField(default="")
    linked_meeting = ForeignKeyField(Meeting, null=True, backref="+")  # e.g. minutes approved
    linked_item = ForeignKeyField("self", null=True, backref="+")  # an earlier minute followed up
    # An earlier minute cited as the clerk typed it ("Cou/250/07-08"), when the meeting that
    # made it is not in the data folder to link to.
    cited_minute = TextField(default="")
    started_at = TextField(default="")  # "HH:MM" when taken; quorum per item is counted then
    brief_note = TextField(default="")  # the clerk's note for the chair's brief only
    minutes_allowed = IntegerField(null=True)  # time allowed, for the chair's brief


class Document(Synced):
    item = ForeignKeyField(AgendaItem, backref="documents")
    title = TextField()
    author = TextField(default="")
    date = DateField(null=True)
    confidential = BooleanField(default=False)
    filename = TextField(default="")
    sha256 = TextField(default="")  # the file itself lives in the content-addressed store
    size = IntegerField(default=0)


class Attendance(Synced):
    meeting = ForeignKeyField(Meeting, backref="attendance")
    person = ForeignKeyField(Person)
    status = TextField(default="present")
    substitute_for = ForeignKeyField(Person, null=True)
    capacity = TextField(default="")
    arrived = TextField(default="")  # "HH:MM"
    left = TextField(default="")
    # The items during which they came in and went out, where the minutes say so.
    arrived_during = ForeignKeyField(AgendaItem, null=True, backref="+")
    left_during = ForeignKeyField(AgendaItem, null=True, backref="+")


class Declaration(Synced):
    meeting = ForeignKeyField(Meeting, backref="declarations")
    item = ForeignKeyField(AgendaItem, null=True, backref="declarations")
    person = ForeignKeyField(Person)
    kind = TextField(default="")
    description = TextField(default="")
    left_room = BooleanField(default=False)
    left_at = TextField(default="")  # "HH:MM" the person withdrew for the item
    returned_at = TextField(default="")
