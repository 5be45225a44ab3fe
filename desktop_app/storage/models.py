"""The peewee models: one class per entity of DESIGN.md §2.

Every synced row has a UUID text key, created/updated times (UTC, ISO 8601), the hybrid
logical clock stamp of its last change, the stamp of each field (for merging, DESIGN.md §5)
and, once deleted, a tombstone time. Rows are never
removed from a synced table: a delete must travel to the other machines like any edit.
"""

from __future__ import annotations

import uuid

from peewee import (
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DeferredForeignKey,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

db = DatabaseProxy()


def new_id() -> str:
    return str(uuid.uuid4())


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Synced(BaseModel):
    id = TextField(primary_key=True, default=new_id)
    created_at = TextField()
    updated_at = TextField()
    hlc = TextField()
    deleted_at = TextField(null=True)
    # JSON {field: stamp} of the fields changed since the row was made; every other field
    # carries `base_hlc`, the stamp the row was made with (see `storage.changes.stamp_of`).
    stamps = TextField(default="{}")
    base_hlc = TextField(default="")

    @classmethod
    def live(cls):
        """Rows that have not been deleted."""
        return cls.select().where(cls.deleted_at.is_null())


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


class Minute(Synced):
    item = ForeignKeyField(AgendaItem, backref="minutes")
    overview = TextField(default="")
    key_points = TextField(default="[]")  # JSON list of strings
    recommendations = TextField(default="[]")  # JSON list of strings
    decision = TextField(default="")
    notes = TextField(default="")


class Resolution(Synced):
    item = ForeignKeyField(AgendaItem, backref="resolutions")
    position = IntegerField(default=0)
    text = TextField()
    outcome = TextField(default="resolved")
    proposer = ForeignKeyField(Person, null=True)
    seconder = ForeignKeyField(Person, null=True)
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(null=True)
    votes_abstain = IntegerField(null=True)
    # The SHA-256 of the exact minutes version this resolution approved (DESIGN.md §4).
    approves_sha256 = TextField(default="")
    unopposed = BooleanField(default=False)
    casting_vote = BooleanField(default=False)  # carried by the chair's casting vote
    kind = TextField(default="resolution")  # resolution, election, co-option, appointment
    appointee = ForeignKeyField(Person, null=True, backref="+")
    appointed_role = TextField(default="")
    appointed_body = ForeignKeyField(Body, null=True, backref="+")
    term = TextField(default="")  # "year" or "meeting" (to chair this meeting only)
    # MinutesVersion is defined below (it refers to meetings and signers); resolved then.
    approves_version = DeferredForeignKey("MinutesVersion", null=True, backref="approvals")


class NamedVote(Synced):
    resolution = ForeignKeyField(Resolution, backref="named_votes")
    person = ForeignKeyField(Person)
    vote = TextField()  # for, against, abstain


class Action(Synced):
    item = ForeignKeyField(AgendaItem, backref="actions")
    position = IntegerField(default=0)
    text = TextField()
    owner_person = ForeignKeyField(Person, null=True)
    owner_organisation = ForeignKeyField(Organisation, null=True)
    due = DateField(null=True)
    status = TextField(default="open")
    progress = TextField(default="")
    # The strategy action this one serves (services/plans/links.py); PlanAction is below.
    plan_action = DeferredForeignKey("PlanAction", null=True, backref="meeting_actions")


class Signer(Synced):
    person = ForeignKeyField(Person)
    # Only the public certificate is shared; the private key stays in the chair's PKCS#12 file.
    certificate_pem = TextField()
    fingerprint = TextField()
    key_hint = TextField(default="")


class MinutesVersion(Synced):
    meeting = ForeignKeyField(Meeting, backref="minutes_versions")
    version = IntegerField()
    state = TextField(default="draft")
    pdf_sha256 = TextField(default="")
    approved_at_meeting = ForeignKeyField(Meeting, null=True)
    approved_minute = TextField(default="")
    signed_by = ForeignKeyField(Signer, null=True)
    signed_at = TextField(null=True)
    created_by = TextField(default="")
    circulated_at = TextField(null=True)
    circulated_by = TextField(default="")
    approved_at = TextField(null=True)
    content_sha256 = TextField(default="")  # the minutes' content as approved
    # JSON {"table/row": {field: stamp}}: which values approval froze
    # (services/decisions/freeze.py).
    frozen_stamps = TextField(default="")


class ActionNote(Synced):
    """A dated progress note on an action, minuted where it was reported."""

    action = ForeignKeyField(Action, backref="notes")
    date = DateField()
    text = TextField()
    meeting = ForeignKeyField(Meeting, null=True, backref="+")


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


class AuditEntry(BaseModel):
    """Who changed what, when, from which machine. Local history; not edited after writing."""

    id = TextField(primary_key=True, default=new_id)
    at = TextField()
    actor = TextField()
    machine = TextField()
    action = TextField()  # create, update, delete
    table_name = TextField()
    row_id = TextField()
    summary = TextField(default="")


class JournalEntry(BaseModel):
    """One change, made here or applied from the shared folder (DESIGN.md §5); `seq`
    orders the local journal."""

    seq = IntegerField(primary_key=True)
    change_id = TextField(unique=True)
    device_id = TextField()
    hlc = TextField()
    table_name = TextField()
    row_id = TextField()
    op = TextField()  # upsert or delete
    fields = TextField()  # JSON object of the changed fields and their new values
    # JSON {field: [stamps]}: the values this change replaced, as its maker saw them; an
    # edit that replaced the current value is not a conflict, one that did not may be.
    prior = TextField(default="{}")
    actor = TextField(default="")
    machine = TextField(default="")
    at = TextField(default="")  # UTC wall time on the maker's machine, for people to read
    tx_id = TextField(default="")
    schema_version = IntegerField(default=0)
    origin = TextField(default="")  # "" made here, else "<device>/<seq>" of the shared file


class AppliedFile(BaseModel):
    """A shared file applied here, recorded in the transaction that applied it."""

    device_id = TextField()
    seq = IntegerField()
    sha256 = TextField()
    changes = IntegerField()
    applied_at = TextField()

    class Meta:
        primary_key = CompositeKey("device_id", "seq")


class Conflict(BaseModel):
    """A value that lost to a concurrent change of the same field, kept for the clerk.

    The record shows the winner meanwhile; resolving is an ordinary change that replaces
    both stamps, so it closes the conflict on every machine it reaches."""

    id = TextField(primary_key=True)
    table_name = TextField()
    row_id = TextField()
    field = TextField()
    kind = TextField()  # "edit" (two edits), "deleted" (edited while deleted elsewhere)
    stamp = TextField()  # the losing change's stamp
    value = TextField()  # JSON of the losing value
    device_id = TextField()
    actor = TextField()
    machine = TextField()
    at = TextField()
    found_at = TextField()


class LocalSetting(BaseModel):
    """Per-machine values that never sync: this device's id, the last clock stamp."""

    key = TextField(primary_key=True)
    value = TextField()


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Organisation,
    Person,
    Body,
    Membership,
    Meeting,
    AgendaItem,
    Document,
    Attendance,
    Declaration,
    Minute,
    Resolution,
    NamedVote,
    Action,
    Signer,
    MinutesVersion,
    ActionNote,
    PackIssue,
    Report,
    Plan,
    PlanPriority,
    PlanOutcome,
    PlanAction,
    PlanPartner,
    PlanProgress,
    PlanMeasure,
    PlanReading,
    QuarterlyUpdate,
)

ALL_MODELS: tuple[type[BaseModel], ...] = (
    *SYNCED_MODELS,
    AuditEntry,
    JournalEntry,
    AppliedFile,
    Conflict,
    LocalSetting,
)
