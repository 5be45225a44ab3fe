"""Who and which bodies: organisations, people, bodies (a council, a board, its committees
and groups) and who is a member of which."""

from __future__ import annotations

from peewee import (
    BooleanField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop_app.storage.models.rows import Synced


class Organisation(Synced):
    name = TextField()
    archived_at = TextField(null=True)


class Person(Synced):
    # `key` is the stable handle the exchange format uses ("stockell"). people.py keeps it
    # unique; not the database, as a merge of two laptops' work may repeat one (0009).
    key = TextField(index=True)
    title = TextField(default="")
    name = TextField()
    organisation = ForeignKeyField(Organisation, null=True, backref="people")
    position = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    archived_at = TextField(null=True)


class Body(Synced):
    name = TextField()
    kind = TextField(default="committee")
    parent = ForeignKeyField("self", null=True, backref="children")
    # A whole number of members ("6") or a fraction of voting members ("1/3").
    quorum = TextField(default="")
    venue = TextField(default="")
    numbering_pattern = TextField(default="{n}")
    numbering_restart = TextField(default="never")
    numbering_year_starts = TextField(default="05-01")
    numbering_next = IntegerField(default=1)
    sub_numbering = TextField(default="decimal")  # 35.1 ("decimal") or 35(a) ("letter")
    agenda_template = TextField(default="")  # JSON [{"title", "kind"}]; "" = the standard one
    report_template = TextField(default="")  # JSON (reports/templates.py); "" = the standard one
    clerk = ForeignKeyField(Person, null=True, backref="+")  # named on the agenda's front sheet
    archived_at = TextField(null=True)


class Membership(Synced):
    body = ForeignKeyField(Body, backref="memberships")
    person = ForeignKeyField(Person, backref="memberships")
    role = TextField(default="member")
    organisation = ForeignKeyField(Organisation, null=True)
    voting = BooleanField(default=True)
    from_date = DateField(null=True)
    to_date = DateField(null=True)
