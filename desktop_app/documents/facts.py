"""Everything the printed documents say about one meeting, as plain values read once from
the services' tables (meeting_facts.py), so each document module only lays out what it is
given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop_app.dates import long_date
from desktop_app.services.meeting_cycle.meeting_record import AttendanceLine


@dataclass(frozen=True)
class MemberLine:
    name: str
    role: str
    organisation: str
    voting: bool


@dataclass(frozen=True)
class Contact:
    name: str
    position: str
    email: str
    phone: str


@dataclass(frozen=True)
class PaperFacts:
    id: str
    title: str
    author: str
    date: dt.date | None
    confidential: bool
    sha256: str
    filename: str
    report_id: str = ""  # set when the paper is a report written in the app (report_pdf.py)
    update_id: str = ""  # set when it is a group's quarterly update (update_pdf.py)


@dataclass(frozen=True)
class ResolutionFacts:
    text: str
    outcome: str
    kind: str
    proposer: str
    seconder: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    unopposed: bool
    casting_vote: bool
    named_votes: list[tuple[str, str]]  # (name, "for" | "against" | "abstain")
    approves_version: int | None  # the minutes version this resolution approved
    approves_sha256: str
    # The chained record's sentence (approval.py), or "".
    approval: str = ""
    appointee: str = ""  # an election's or appointment's, by name
    appointed_role: str = ""
    term: str = ""  # "meeting" for an office held for this meeting only


@dataclass(frozen=True)
class ActionFacts:
    text: str
    owner: str
    due: dt.date | None
    status: str


@dataclass(frozen=True)
class DeclarationFacts:
    name: str
    item_number: str
    item_title: str
    kind: str
    description: str
    left_room: bool


@dataclass
class ItemFacts:
    id: str
    number: str  # as published, or as publishing would assign it (numbered=False)
    numbered: bool
    title: str
    kind: str
    presenter: str
    purpose: str
    confidential: bool  # on itself or because its parent item is
    exempt_paragraph: str
    brief_note: str
    minutes_allowed: int | None
    started_at: str
    follows_up: str  # "minute 24, 1 October 2012"
    papers: list[PaperFacts] = field(default_factory=list)
    overview: str = ""
    key_points: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    decision: str = ""
    notes: str = ""
    resolutions: list[ResolutionFacts] = field(default_factory=list)
    actions: list[ActionFacts] = field(default_factory=list)
    declarations: list[DeclarationFacts] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # arrivals, departures, withdrawals
    # Sentences the record gives the item, before the clerk's own words (minutes_pdf.py).
    recorded: list[str] = field(default_factory=list)
    sub_items: list[ItemFacts] = field(default_factory=list)


@dataclass
class MeetingFacts:
    id: str
    body_name: str
    body_kind: str
    clerk: Contact | None
    date: dt.date
    start_time: str
    end_time: str
    venue: str
    kind: str
    status: str
    status_reason: str
    is_public: bool
    chair: str
    public_attendees: int | None
    members: list[MemberLine]
    attendance: list[AttendanceLine]
    declarations: list[DeclarationFacts]
    items: list[ItemFacts]
    minutes_state: str  # of the latest minutes version: "", draft, circulated, approved, signed
    minutes_version: int | None
    next_meeting_date: dt.date | None = None  # as the meeting set it

    @property
    def offices(self) -> dict[str, str]:
        """Offices other than the chair held for this meeting only, by holder's name:
        {"Cllr Cooke": "vice-chair"} (the chair is `chair`)."""
        return {
            res.appointee: res.appointed_role
            for item in self.all_items()
            for res in item.resolutions
            if res.term == "meeting" and res.appointed_role != "chair" and res.appointee
        }

    @property
    def when(self) -> str:
        """“17 December 2012, 2.30 – 4.30 pm” as the seed minutes write it."""
        return long_date(self.date)

    @property
    def has_minutes(self) -> bool:
        """Whether minutes have been written: a version saved, or the status says so (an
        imported record may carry the status without a version)."""
        return bool(self.minutes_state) or self.status.startswith("minutes ")

    def all_items(self) -> Iterator[ItemFacts]:
        """Every item in agenda order, each sub-item straight after its parent."""
        return walk_items(self.items)

    def public_items(self) -> list[ItemFacts]:
        return [item for item in self.items if not item.confidential]

    def confidential_items(self) -> list[ItemFacts]:
        return [item for item in self.items if item.confidential]


def numbers_by_depth(items: list[ItemFacts], depth: int = 0) -> Iterator[tuple[str, int]]:
    """(number, depth) of every item, for sizing the column numbers print in."""
    for item in items:
        yield item.number, depth
        yield from numbers_by_depth(item.sub_items, depth + 1)


def walk_items(items: list) -> Iterator:
    """Items and their sub-items depth first (of ItemFacts or the meeting page's ItemRecord)."""
    for item in items:
        yield item
        yield from walk_items(item.sub_items)
