"""What the importer's helpers (import_rules.py, meeting_import.py, item_import.py,
reference_links.py, versions_import.py, appointment_links.py, plan_import.py) may use of
the import in progress: a Protocol that importer.py's `_Applier` meets, so the helpers
need not import the importer that imports them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from desktop_app.exchange.links import MeetingRef
from desktop_app.exchange.records import (
    ActionRecord,
    ItemRecord,
    MeetingRecord,
    ResolutionRecord,
    VersionRef,
)
from desktop_app.storage.models import Action, AgendaItem, Body, Meeting, Person, Resolution, Synced


class ImportRun(Protocol):
    people: dict[str, Person]  # by key in the file
    # The items of the body being applied, with their meetings.
    placed: list[tuple[Meeting, ItemRecord, AgendaItem]]
    # References to a meeting, resolved once all the body's meetings are written.
    meeting_refs: list[tuple[Synced, str, MeetingRef, str, str]]
    meeting_paths: dict[str, str]  # meeting id: its path in the file
    votes: list[tuple[Resolution, ResolutionRecord]]  # checked once all is written
    statuses: list[tuple[str, MeetingRecord]]  # each meeting's, checked last
    bodies: dict[str, Body]  # by case-folded name
    files: dict[Path, tuple[str, int]]  # a paper's file: its (sha256, size) in the store
    # appointment_links.AppointmentLinks, which uses this Protocol itself: named, not imported.
    appointed: Any
    # Approvals and plan links, resolved once everything they name is written.
    approvals: list[tuple[Resolution, VersionRef, str, str]]
    plan_links: list[tuple[Action, ActionRecord]]

    def save(
        self,
        model: type[Synced],
        row: Synced | None,
        _create: dict | None = None,
        _id: str | None = None,
        _under: Synced | None = None,
        **values: Any,
    ) -> Any:
        """Create the row, or update its fields that differ; count either."""

    def key_of(self, *parts: Any) -> str | None:
        """The id every install gives the row these parts name, or None for a fresh id."""

    def existing(self, parent: Synced, query) -> list:
        """The rows `query` finds under `parent` (none under a row this import made)."""

    def person_id(self, key: str | None) -> str | None: ...

    def organisation_id(self, name: str | None) -> str | None: ...

    def party(self, name: str | None) -> tuple[str | None, str | None]:
        """(person id, organisation id) of a presenter, owner or lead; a person's key wins."""
