"""The plain values a `minute-book/1` file holds once it has been read and checked (the
fields each object may have, in the format's order, are format_fields.py).

Each record keeps `path`, where it stood in the file (`bodies[0].meetings[1]`), so a fault
found while applying it can still be named the way the clerk's file names it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.exchange.links import MeetingRef, MinuteRef
from desktop_app.services.reports.templates import STANDARD as STANDARD_REPORT_TEMPLATE
from desktop_app.services.reports.templates import ReportTemplate
from desktop_app.vocabulary import ITEM_KINDS


def template_entries(stored: str) -> list[dict[str, str]] | None:
    """A body's agenda template as stored (Body.agenda_template, a JSON list of
    {"title", "kind"}) in the shape the format writes; None for "" (the standard one).
    Entries without a title are passed over rather than failing a whole export."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    if not isinstance(value, list):
        return None
    found = []
    for entry in value:
        if isinstance(entry, dict) and isinstance(entry.get("title"), str) and entry["title"]:
            kind = entry.get("kind") if entry.get("kind") in ITEM_KINDS else "report"
            found.append({"title": entry["title"], "kind": kind})
    return found


@dataclass
class OrganisationRecord:
    path: str
    name: str


@dataclass
class PersonRecord:
    path: str
    key: str
    name: str
    title: str = ""
    organisation: str | None = None
    position: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class SignerRecord:
    """A person's certificate (public): the known signers' are trusted (verification.py)."""

    path: str
    person: str
    certificate_pem: str
    fingerprint: str


@dataclass
class NumberingRecord:
    pattern: str = "{n}"
    restart: str = "never"
    year_starts: str = "05-01"
    next: int = 1
    sub: str = "decimal"  # sub-items numbered 35.1 ("decimal") or 35(a) ("letter")


@dataclass
class TemplateItemRecord:
    """One standard item a new agenda of the body starts with."""

    title: str
    kind: str = "report"


@dataclass
class MemberRecord:
    path: str
    person: str
    role: str = "member"
    organisation: str | None = None
    voting: bool = True
    from_date: dt.date | None = None
    to_date: dt.date | None = None


@dataclass
class AttendanceRecord:
    path: str
    person: str
    status: str = "present"
    substitute_for: str | None = None
    capacity: str = ""
    arrived: str = ""
    left: str = ""


@dataclass
class DeclarationRecord:
    path: str
    person: str
    kind: str = ""
    description: str = ""
    left_room: bool = False
    left_at: str = ""  # "HH:MM" they withdrew for the item
    returned_at: str = ""


@dataclass
class MinuteRecord:
    overview: str = ""
    key_points: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    decision: str = ""
    notes: str = ""


@dataclass
class NamedVoteRecord:
    person: str
    vote: str


@dataclass(frozen=True)
class VersionRef:
    """The minutes a resolution approved: a meeting of the same body, and which of its
    minutes versions (None: its latest)."""

    meeting: MeetingRef
    version: int | None = None


@dataclass
class ResolutionRecord:
    path: str
    text: str
    outcome: str = "resolved"
    kind: str = "resolution"  # or election, co-option, appointment
    appointee: str | None = None  # a person's key
    role: str = ""  # the role the appointee is given
    appointed_body: str | None = None  # None: the body of the meeting, for an appointment
    term: str = ""  # an election's: "year" or "meeting"
    proposer: str | None = None
    seconder: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    unopposed: bool = False
    casting_vote: bool = False
    named_votes: list[NamedVoteRecord] = field(default_factory=list)
    approves: VersionRef | None = None
    approves_sha256: str = ""


@dataclass
class ActionNoteRecord:
    path: str
    date: dt.date
    text: str
    meeting: MeetingRef | None = None  # where the progress was reported


@dataclass
class ActionRecord:
    path: str
    text: str
    owner: str | None = None  # a person's key or an organisation's name
    due: dt.date | None = None
    status: str = "open"
    progress: str = ""
    notes: list[ActionNoteRecord] = field(default_factory=list)
    plan_action: Any = None  # exchange/plan_record.PlanActionLink: the plan action it serves


@dataclass
class MinutesVersionRecord:
    path: str
    version: int
    state: str = "draft"
    created_by: str = ""
    circulated_at: str | None = None  # UTC instants, as stored
    circulated_by: str = ""
    approved_at: str | None = None
    approved_at_meeting: MeetingRef | None = None
    approved_minute: str = ""
    content_sha256: str = ""
    pdf_sha256: str = ""
    created_at: str | None = None  # None: not given (versions_import.py)
    signed_by: str | None = None  # a person's key
    signed_with: str = ""  # the fingerprint of the signer's certificate
    signed_at: str | None = None
    signed_pdf: Path | None = None  # the signed file on this machine, checked against pdf_sha256


@dataclass
class DocumentRecord:
    path: str
    title: str
    file: str  # as written in the JSON, relative to it
    source: Path  # where that file is on this machine, beside the JSON or under its folder
    author: str = ""
    date: dt.date | None = None
    confidential: bool = False
    sha256: str = ""  # of the PDF as it was checked


@dataclass
class ReportRecord:
    """An item's committee report (services/reports): its fields as the service names them
    (report_of as a person's key), and where it stands."""

    path: str
    values: dict[str, Any]  # sections.EDITABLE but report_of_id
    report_of: str | None = None  # a person's key
    state: str = "draft"
    submitted_at: str | None = None
    approved_by: str | None = None  # a person's key
    approved_at: str | None = None
    content_sha256: str = ""


@dataclass
class ItemRecord:
    path: str
    title: str
    number: str = ""
    kind: str = "report"
    presenter: str | None = None  # a person's key or an organisation's name
    purpose: str = ""
    confidential: bool = False
    exempt_paragraph: str = ""
    started: str = ""  # "HH:MM" when the item was taken
    minutes_allowed: int | None = None  # the item's time on the chair's brief
    brief_note: str = ""  # the clerk's note for the chair's brief
    linked_meeting: MeetingRef | None = None
    linked_minute: MinuteRef | None = None
    cites: str = ""  # an earlier minute not in the data folder, as the clerk wrote it
    arrivals: list[str] = field(default_factory=list)  # keys of people who came in during it
    departures: list[str] = field(default_factory=list)  # and of those who left
    declarations: list[DeclarationRecord] = field(default_factory=list)
    minute: MinuteRecord | None = None
    resolutions: list[ResolutionRecord] = field(default_factory=list)
    actions: list[ActionRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    report: ReportRecord | None = None
    items: list[ItemRecord] = field(default_factory=list)


@dataclass
class MeetingRecord:
    path: str
    date: dt.date
    start: str = ""
    end: str = ""
    venue: str = ""
    kind: str = "ordinary"
    status: str = "scheduled"
    reason: str = ""  # why it was cancelled or postponed
    public: bool = True
    chair: str | None = None
    public_attendees: int | None = None
    next_meeting: dt.date | None = None  # the date the meeting set for its next one
    minutes_versions: list[MinutesVersionRecord] = field(default_factory=list)
    attendance: list[AttendanceRecord] = field(default_factory=list)
    items: list[ItemRecord] = field(default_factory=list)


@dataclass
class BodyRecord:
    path: str
    name: str
    kind: str = "committee"
    parent: str | None = None
    quorum: str = ""
    venue: str = ""
    clerk: str | None = None  # a person's key; their contact goes on the agenda
    numbering: NumberingRecord = field(default_factory=NumberingRecord)
    template: list[TemplateItemRecord] | None = None  # None: the standard template
    report_template: ReportTemplate = STANDARD_REPORT_TEMPLATE
    plans: list = field(default_factory=list)  # exchange/plan_record.PlanRecord
    updates: list = field(default_factory=list)  # exchange/update_record.UpdateRecord
    members: list[MemberRecord] = field(default_factory=list)
    meetings: list[MeetingRecord] = field(default_factory=list)


@dataclass
class ExchangeRecord:
    organisations: list[OrganisationRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    signers: list[SignerRecord] = field(default_factory=list)
    bodies: list[BodyRecord] = field(default_factory=list)

    def documents(self) -> list[DocumentRecord]:
        """Every document of every item, at any depth."""
        found: list[DocumentRecord] = []

        def walk(items: list[ItemRecord]) -> None:
            for item in items:
                found.extend(item.documents)
                walk(item.items)

        for body in self.bodies:
            for meeting in body.meetings:
                walk(meeting.items)
        return found
