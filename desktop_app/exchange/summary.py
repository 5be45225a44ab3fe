"""What an import did: how many rows of each kind it added or updated."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Document,
    Meeting,
    Membership,
    Minute,
    MinutesVersion,
    NamedVote,
    Organisation,
    Person,
    Plan,
    PlanAction,
    PlanMeasure,
    PlanOutcome,
    PlanPartner,
    PlanPriority,
    PlanProgress,
    PlanReading,
    QuarterlyUpdate,
    Report,
    Resolution,
    Signer,
)

# (singular, plural) as the summary says them, by table.
KINDS = {
    Organisation: ("organisation", "organisations"),
    Person: ("person", "people"),
    Signer: ("signer", "signers"),
    Body: ("body", "bodies"),
    Membership: ("membership", "memberships"),
    Meeting: ("meeting", "meetings"),
    MinutesVersion: ("minutes version", "minutes versions"),
    Attendance: ("attendance record", "attendance records"),
    AgendaItem: ("agenda item", "agenda items"),
    Declaration: ("declaration", "declarations"),
    Minute: ("minute", "minutes"),
    Resolution: ("resolution", "resolutions"),
    NamedVote: ("named vote", "named votes"),
    Action: ("action", "actions"),
    ActionNote: ("progress note", "progress notes"),
    Document: ("document", "documents"),
    Report: ("report", "reports"),
    Plan: ("plan", "plans"),
    PlanPriority: ("plan priority", "plan priorities"),
    PlanOutcome: ("plan outcome", "plan outcomes"),
    PlanAction: ("plan action", "plan actions"),
    PlanPartner: ("plan partner", "plan partners"),
    PlanProgress: ("plan progress note", "plan progress notes"),
    PlanMeasure: ("performance measure", "performance measures"),
    PlanReading: ("measure reading", "measure readings"),
    QuarterlyUpdate: ("quarterly update", "quarterly updates"),
}


@dataclass
class ImportSummary:
    """How many rows of each kind (plural, e.g. "people") an import created or updated."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        if not self.changed:
            return "Nothing changed: everything in the file was already here."
        parts = []
        for verb, counts in (("Added", self.created), ("updated", self.updated)):
            if counts:
                parts.append(f"{verb} {_count_list(counts)}")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def _count_list(counts: Counter[str]) -> str:
    singular = {plural: one for one, plural in KINDS.values()}
    plurals = [plural for _one, plural in KINDS.values() if counts.get(plural)]
    return ", ".join(f"{counts[p]} {p if counts[p] != 1 else singular[p]}" for p in plurals)
