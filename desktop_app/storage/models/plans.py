"""A body's strategy plans (seed 001): priorities, outcomes, actions with their partners
and quarterly progress, performance measures with their readings, and the quarterly
updates a delivery group makes to its board (seeds 000 and 002)."""

from __future__ import annotations

from peewee import (
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop_app.storage.models.directory import Body, Organisation, Person
from desktop_app.storage.models.meetings import AgendaItem
from desktop_app.storage.models.rows import Synced


class Plan(Synced):
    """A strategy owned by a body for a period (seed 001): priorities, outcomes, actions and
    performance measures (services/plans)."""

    body = ForeignKeyField(Body, backref="plans")
    title = TextField()
    starts = DateField()
    ends = DateField()
    introduction = TextField(default="")


class PlanPriority(Synced):
    plan = ForeignKeyField(Plan, backref="priorities")
    number = IntegerField()  # Priority 1, 2, 3
    title = TextField()
    why = TextField(default="")  # "Why is this important?": a point a line


class PlanOutcome(Synced):
    plan = ForeignKeyField(Plan, backref="+")  # its priority's, kept for search and lists
    priority = ForeignKeyField(PlanPriority, backref="outcomes")
    letter = TextField()  # "a" of 1a
    text = TextField()


class PlanAction(Synced):
    plan = ForeignKeyField(Plan, backref="+")
    outcome = ForeignKeyField(PlanOutcome, backref="actions")
    position = IntegerField(default=0)
    text = TextField()  # what we plan to do
    lead_person = ForeignKeyField(Person, null=True, backref="+")
    lead_organisation = ForeignKeyField(Organisation, null=True, backref="+")
    target = DateField(null=True)
    target_wording = TextField(default="")  # as printed, when not just the date: "By December 2015"
    status = TextField(default="not started")  # its RAG now (vocabulary.PLAN_STATUSES)


class PlanPartner(Synced):
    """A key partner of a plan action: one organisation, in the order they are listed."""

    action = ForeignKeyField(PlanAction, backref="partners")
    organisation = ForeignKeyField(Organisation, backref="+")
    position = IntegerField(default=0)


class PlanProgress(Synced):
    """Progress on a plan action in one quarter (its first day), with its RAG then."""

    action = ForeignKeyField(PlanAction, backref="progress")
    quarter = DateField()
    status = TextField(default="not started")
    text = TextField(default="")


class PlanMeasure(Synced):
    plan = ForeignKeyField(Plan, backref="+")
    priority = ForeignKeyField(PlanPriority, backref="measures")
    position = IntegerField(default=0)
    name = TextField()
    unit = TextField()  # "%", "per 100,000 population"
    baseline = FloatField(null=True)
    baseline_date = DateField(null=True)
    comparator = FloatField(null=True)  # the national or county figure
    comparator_label = TextField(default="")  # "national average", "Kent-wide comparison"
    target = FloatField(null=True)
    target_date = DateField(null=True)


class PlanReading(Synced):
    """A measure's value on a date (one a date)."""

    measure = ForeignKeyField(PlanMeasure, backref="readings")
    date = DateField()
    value = FloatField()
    note = TextField(default="")


class QuarterlyUpdate(Synced):
    """A delivery group's report to its parent board for a quarter (seeds 000 and 002,
    services/updates); once attached, the paper of an item of the board's meeting."""

    body = ForeignKeyField(Body, backref="+")  # the group that reports
    quarter = DateField()  # its first day (services/plans/quarters.py)
    title = TextField()  # "Quarter 2 update: Regeneration"
    date = DateField()
    prepared_by = ForeignKeyField(Person, null=True, backref="+")
    rag = TextField(default="")  # overall: red, amber, green; "" until set
    overview = TextField(default="")
    delivery = TextField(default="")  # the quarter's delivery group update (2.1, 2.2)
    priorities = TextField(default="")
    focus = TextField(default="")
    activity = TextField(default="")  # summary of activity: a point a line
    item = ForeignKeyField(AgendaItem, null=True, backref="+")
