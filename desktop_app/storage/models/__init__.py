"""The peewee models: one class per entity of DESIGN.md §2.

Every synced row has a UUID text key, created/updated times (UTC, ISO 8601), the hybrid
logical clock stamp of its last change, the stamp of each field (for merging, DESIGN.md §5)
and, once deleted, a tombstone time. Rows are never
removed from a synced table: a delete must travel to the other machines like any edit.

The models live in a module each by what they hold: rows.py (what every row has),
directory.py (people and bodies), meetings.py (a meeting and its agenda), decisions.py
(minutes, resolutions, actions, minutes versions), papers.py (pack issues, reports),
plans.py (strategy plans, quarterly updates) and local.py (what never syncs). Every name is
imported from here, `from desktop_app.storage.models import Meeting`. Importing the package
imports every module, and so resolves the keys that name a model of a later module
(Resolution.approves_version, Action.plan_action): peewee resolves such a key when the model
it names is defined, so that model's module is imported after the one that refers to it
(decisions.py before plans.py).
"""

from __future__ import annotations

from desktop_app.storage.models.decisions import (
    Action,
    ActionNote,
    Minute,
    MinutesVersion,
    NamedVote,
    Resolution,
    Signer,
)
from desktop_app.storage.models.directory import (
    Body,
    Membership,
    Organisation,
    Person,
)
from desktop_app.storage.models.local import (
    AppliedFile,
    AuditEntry,
    Conflict,
    JournalEntry,
    LocalSetting,
)
from desktop_app.storage.models.meetings import (
    AgendaItem,
    Attendance,
    Declaration,
    Document,
    Meeting,
)
from desktop_app.storage.models.papers import (
    PackIssue,
    Report,
)
from desktop_app.storage.models.plans import (
    Plan,
    PlanAction,
    PlanMeasure,
    PlanOutcome,
    PlanPartner,
    PlanPriority,
    PlanProgress,
    PlanReading,
    QuarterlyUpdate,
)
from desktop_app.storage.models.rows import (
    BaseModel,
    Synced,
    db,
    new_id,
)

__all__ = [
    "db",
    "new_id",
    "BaseModel",
    "Synced",
    "Organisation",
    "Person",
    "Body",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Document",
    "Attendance",
    "Declaration",
    "Minute",
    "Resolution",
    "NamedVote",
    "Action",
    "Signer",
    "MinutesVersion",
    "ActionNote",
    "PackIssue",
    "Report",
    "Plan",
    "PlanPriority",
    "PlanOutcome",
    "PlanAction",
    "PlanPartner",
    "PlanProgress",
    "PlanMeasure",
    "PlanReading",
    "QuarterlyUpdate",
    "AuditEntry",
    "JournalEntry",
    "AppliedFile",
    "Conflict",
    "LocalSetting",
    "SYNCED_MODELS",
    "ALL_MODELS",
]

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
