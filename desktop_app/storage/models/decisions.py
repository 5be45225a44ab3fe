"""What a meeting decided and how it is kept: the minutes of each item, resolutions and
their named votes, actions and their progress notes, and the minutes versions with the
signers whose certificates sign them."""

from __future__ import annotations

from peewee import (
    BooleanField,
    DateField,
    DeferredForeignKey,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop_app.storage.models.directory import Body, Organisation, Person
from desktop_app.storage.models.meetings import AgendaItem, Meeting
from desktop_app.storage.models.rows import Synced


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
    # The strategy action this one serves (services/plans/links.py); PlanAction is in
    # plans.py, resolved when that is imported (the package imports it).
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
