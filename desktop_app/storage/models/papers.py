"""The papers issued for a meeting beyond those on each item: each issue of its agenda
pack, kept for the record, and officers' committee reports."""

from __future__ import annotations

from peewee import (
    BooleanField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop_app.storage.models.directory import Person
from desktop_app.storage.models.meetings import AgendaItem, Meeting
from desktop_app.storage.models.rows import Synced


class PackIssue(Synced):
    """One issue of a meeting's agenda pack, kept for the record (DESIGN.md §4)."""

    meeting = ForeignKeyField(Meeting, backref="pack_issues")
    number = IntegerField()
    public = BooleanField(default=False)
    issued_at = TextField()
    issued_by = TextField(default="")
    pdf_sha256 = TextField(default="")
    page_count = IntegerField(default=0)
    pages = TextField(default="[]")  # JSON [{"document", "title", "first", "last"}] page labels
    changes = TextField(default="")  # what changed since the previous issue, as printed


class Report(Synced):
    """An officer's committee report on an agenda item, in the numbered sections of seed 003
    (desktop_app/reports): one per item, and once approved it is the item's paper."""

    item = ForeignKeyField(AgendaItem, backref="reports")
    title = TextField()
    report_of = ForeignKeyField(Person, null=True, backref="+")  # the officer, or else
    report_of_role = TextField(default="")  # the role: "Overview & Scrutiny Officer"
    introduction = TextField(default="")  # each section: a paragraph a line, "- " bullets
    recommendations = TextField(default="")
    reasons = TextField(default="")
    alternatives = TextField(default="")
    impact = TextField(default="")
    risk = TextField(default="")
    background = TextField(default="")
    # Other implications: each marked relevant or not, and what it is when it is.
    financial = TextField(default="")
    financial_relevant = BooleanField(default=False)
    staffing = TextField(default="")
    staffing_relevant = BooleanField(default=False)
    legal = TextField(default="")
    legal_relevant = BooleanField(default=False)
    equality = TextField(default="")
    equality_relevant = BooleanField(default=False)
    environmental = TextField(default="")
    environmental_relevant = BooleanField(default=False)
    community_safety = TextField(default="")
    community_safety_relevant = BooleanField(default=False)
    human_rights = TextField(default="")
    human_rights_relevant = BooleanField(default=False)
    procurement = TextField(default="")
    procurement_relevant = BooleanField(default=False)
    asset_management = TextField(default="")
    asset_management_relevant = BooleanField(default=False)
    state = TextField(default="draft")  # draft, submitted, approved (for publication)
    submitted_at = TextField(null=True)
    approved_by = ForeignKeyField(Person, null=True, backref="+")
    approved_at = TextField(null=True)
    content_sha256 = TextField(default="")  # the report's content as approved
