"""What two people changed at the same time, and the clerk's choice between them.

A conflict is a value that lost to a concurrent change of the same field (sync/applying):
the record shows the winner; the other is kept here. Resolving writes the chosen (or a
merged) text as an ordinary change that replaces both values, so it syncs like any other
edit and closes the conflict on every machine it reaches.

"Mine" is the value this copy's record shows, "theirs" the value kept aside. A change
that would have altered approved minutes (kind "frozen", sync/frozen.py), or any conflict
in them, can only be dismissed: the approved minutes stay as they are. A dismissed conflict
is kept, hidden, so that merging the minutes again (frozen.py) does not bring it back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import freeze
from desktop_app.services.meeting_cycle.under_items import held_under
from desktop_app.storage import changes
from desktop_app.storage.changes import stamp_of
from desktop_app.storage.models import Conflict, JournalEntry, Synced, db
from desktop_app.sync.applying import MODELS
from desktop_app.sync.frozen import CREATED, DISMISSED


@dataclass(frozen=True)
class Side:
    value: Any
    actor: str
    machine: str
    at: str


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str  # "edit" or "deleted"
    table: str
    row_id: str
    field: str
    record: str  # what the record is, for people: "Minute of 5 Budget"
    mine: Side  # what this copy's record holds
    theirs: Side  # the value kept aside


@dataclass(frozen=True)
class Settled:
    """What a resolution replaced, so the window can undo it."""

    conflict: dict
    previous: Any


def open_conflicts() -> list[ConflictView]:
    """Every open conflict whose kept value differs from the record, oldest first."""
    stored = list(Conflict.select().order_by(Conflict.found_at, Conflict.id))
    approved = _in_approved_minutes(stored)
    found = []
    for conflict in stored:
        view = _view(conflict, approved=conflict.id in approved)
        if view is not None:
            found.append(view)
    return found


def conflict(conflict_id: str) -> ConflictView:
    row = Conflict.get_or_none(Conflict.id == conflict_id)
    approved = row is not None and bool(_in_approved_minutes([row]))
    view = _view(row, approved=approved) if row is not None else None
    if view is None:
        raise ValidationError(f"There is no open conflict {conflict_id}.")
    return view


def resolve_conflict(
    conflict_id: str, *, keep: str | None = None, text: str | None = None
) -> Settled:
    """Keep "mine" or "theirs", or write `text` (a merged text) instead of both."""
    with db.atomic():
        view = conflict(conflict_id)
        stored = Conflict.get_by_id(conflict_id)
        snapshot = {name: getattr(stored, name) for name in Conflict._meta.fields}
        previous = view.mine.value
        if view.kind == "frozen":
            return _dismiss(stored, view, keep, text, snapshot)
        row = MODELS[view.table].get_by_id(view.row_id)
        if text is not None:
            value = _checked(row, view.field, text)
        elif keep in ("mine", "theirs"):
            value = view.mine.value if keep == "mine" else view.theirs.value
        else:
            raise ValidationError("Say which to keep: mine, theirs, or a merged text.")
        _settle(row, view, value, [stored.stamp])
        stored.delete_instance()
    return Settled(conflict=snapshot, previous=previous)


def _dismiss(stored: Conflict, view: ConflictView, keep, text, snapshot) -> Settled:
    if keep != "mine" or text is not None:
        meeting_id = next(iter(freeze.meetings_of(view.table, [view.row_id]).values()), None)
        if meeting_id is not None:
            freeze.ensure_editable(meeting_id)
    # On this machine only: each machine dismisses its own.
    Conflict.update(kind=DISMISSED).where(Conflict.id == stored.id).execute()
    return Settled(conflict=snapshot, previous=_DISMISSED)


def reopen_conflict(settled: Settled) -> None:
    """Undo a resolution: the record's earlier value back, and the conflict open again."""
    with db.atomic():
        kept = settled.conflict
        if settled.previous is _DISMISSED:
            Conflict.replace(**kept).execute()
            return
        row = MODELS[kept["table_name"]].get_by_id(kept["row_id"])
        view = _view(Conflict(**kept), known_open=True)
        _settle(row, view, settled.previous, [])
        Conflict.insert(**kept).on_conflict_ignore().execute()


def _settle(row: Synced, view: ConflictView, value: Any, replacing: list[str]) -> None:
    hides = None
    if view.field == "deleted_at" and value is not None and view.table == "agenda_item":
        hides = held_under([row.id]).get(row.id, {})  # as agenda.delete_item says
    changes.settle(row, view.field, value, replacing, hides=hides)


# Fields holding a JSON list of texts: a merged text gives one entry a line.
LIST_FIELDS = {("minute", "key_points"), ("minute", "recommendations")}


def _checked(row: Synced, name: str, text: str) -> str:
    field = row._meta.fields[name]
    what = name.replace("_", " ")
    if (row._meta.table_name, name) in LIST_FIELDS:
        lines = [validation.text(line, what) for line in text.splitlines()]
        return json.dumps([line for line in lines if line], ensure_ascii=False)
    if field.default is None and not field.null:  # a title or name: required, one line
        return validation.name(text, what)
    return validation.text(text, what)


def open_count() -> int:
    """How many conflicts `open_conflicts` lists, without making their views (the status
    bar asks after every sync)."""
    return sum(_is_open(conflict, _row(conflict)) for conflict in Conflict.select())


def _row(conflict: Conflict) -> Synced | None:
    model = MODELS.get(conflict.table_name)
    return model.get_or_none(model.id == conflict.row_id) if model else None


def _is_open(conflict: Conflict, row: Synced | None) -> bool:
    """A conflict is open while its row is here and the value kept aside differs from the
    record's; a change refused by approved minutes stays open until dismissed, unless the
    approved minutes hold that very value."""
    if conflict.kind == DISMISSED or conflict.table_name not in MODELS:
        return False
    if conflict.kind == "frozen" and (row is None or conflict.field == CREATED):
        return True
    if row is None:
        return False
    return conflict.kind == "deleted" or _record_value(row, conflict.field) != json.loads(
        conflict.value
    )


def _record_value(row: Synced, name: str):
    return changes.plain(row.__data__.get(row._meta.fields[name].name))


def _in_approved_minutes(stored: list[Conflict]) -> set[str]:
    """The ids of the conflicts on rows of approved minutes."""
    frozen = freeze.frozen_meetings()
    if not frozen:
        return set()
    by_table: dict[str, list[str]] = {}
    for conflict in stored:
        by_table.setdefault(conflict.table_name, []).append(conflict.row_id)
    rows = {
        (table, row_id)
        for table, ids in by_table.items()
        for row_id, meeting_id in freeze.meetings_of(table, ids).items()
        if meeting_id in frozen
    }
    return {c.id for c in stored if (c.table_name, c.row_id) in rows}


def _view(
    conflict: Conflict, known_open: bool = False, approved: bool = False
) -> ConflictView | None:
    """The conflict as the clerk sees it; one on approved minutes (`approved`) can only be
    dismissed, as a refused change can."""
    row = _row(conflict)
    if row is None and conflict.kind != "frozen" or conflict.table_name not in MODELS:
        return None
    if not known_open and not _is_open(conflict, row):
        return None
    theirs_value = json.loads(conflict.value)
    if conflict.kind == "frozen" or (approved and conflict.kind == "edit"):
        return _frozen_view(conflict, row, theirs_value)
    if conflict.kind == "deleted":
        mine_value = row.deleted_at
        theirs_value = None if row.deleted_at is not None else _deleted_at(conflict)
        name = "deleted_at"
    else:
        name = conflict.field
        mine_value = _record_value(row, name)
    mine = _side(row, name)
    theirs = Side(theirs_value, conflict.actor, conflict.machine, conflict.at)
    return ConflictView(
        id=conflict.id,
        kind=conflict.kind,
        table=conflict.table_name,
        row_id=conflict.row_id,
        field=name,
        record=_label(row),
        mine=Side(mine_value, mine.actor, mine.machine, mine.at),
        theirs=theirs,
    )


_DISMISSED = "(dismissed)"


def _frozen_view(conflict: Conflict, row: Synced | None, theirs_value) -> ConflictView:
    """A change refused because the minutes were approved: the approved value stays."""
    if conflict.field == CREATED or row is None:
        mine_value = "(not in the approved minutes)"
    else:
        mine_value = _record_value(row, conflict.field)
    record = _label(row) if row is not None else conflict.table_name.replace("_", " ").title()
    return ConflictView(
        id=conflict.id,
        kind="frozen",
        table=conflict.table_name,
        row_id=conflict.row_id,
        field=conflict.field,
        record=f"{record} (approved minutes)",
        mine=Side(mine_value, "", "", ""),
        theirs=Side(theirs_value, conflict.actor, conflict.machine, conflict.at),
    )


def _deleted_at(conflict: Conflict) -> str:
    entry = JournalEntry.get_or_none(
        (JournalEntry.row_id == conflict.row_id) & (JournalEntry.hlc == conflict.stamp)
    )
    return json.loads(entry.fields).get("deleted_at") if entry else conflict.at


def _side(row: Synced, name: str) -> Side:
    stamp = stamp_of(row, name)
    entry = JournalEntry.get_or_none((JournalEntry.row_id == row.id) & (JournalEntry.hlc == stamp))
    if entry is None:
        return Side(None, "", "", "")
    return Side(None, entry.actor, entry.machine, entry.at)


def _label(row: Synced) -> str:
    """The record for people: "Agenda item “Budget”", "Minute of “Budget”"."""
    kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", type(row).__name__).capitalize()
    for name in ("title", "name", "text"):
        value = getattr(row, name, None)
        if value:
            return f"{kind} “{value[:60]}”"
    item = getattr(row, "item", None)
    if item is not None:
        return f"{kind} of “{item.title[:60]}”"
    return kind
