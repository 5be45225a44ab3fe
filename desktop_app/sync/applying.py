"""Applying changes made on another machine, field by field (DESIGN.md §5).

For each field the change with the highest clock stamp wins (stamps sort by time, then
counter, then device, so every machine picks the same winner). A change names the stamps
of the values it replaced: an edit made after seeing another replaces it, while two edits
of the same text from the same earlier value are concurrent. For text a person typed, each
value no later change replaced is kept (the heads of the field): the winner is in the
record, the others are conflicts until a clerk settles them. Which heads a field has does
not depend on the order changes arrive in, so every machine ends with the same record and
the same conflicts.

A delete loses to an edit made after it that did not see it (the row comes back), and an
edit that a winning delete did not see is kept as a conflict, so no edit is lost to a
delete made elsewhere.

Every change applied is also written to the local journal (so the whole history can be
replayed) and the audit log (with who made it and on which machine), in the caller's
transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from peewee import SQL

from desktop_app.clock import Stamp
from desktop_app.storage import changes, search_index
from desktop_app.storage.changes import SEEN, SEEN_FIELDS
from desktop_app.storage.models import (
    Conflict,
    JournalEntry,
    Synced,
    db,
)
from desktop_app.sync.fields import keeps_conflicts
from desktop_app.sync.frozen_conflicts import conflict_id, keep_refused
from desktop_app.sync.journal_rows import MODELS, insert_rows, record_applied

# New rows of a table from one file, from which their search entries are written together
# rather than by a trigger a row (storage/search_index.py).
MANY = 200


class ChangeRefused(Exception):
    """A change that cannot be applied here (an unknown table, a row never made); the
    whole file waits, so nothing of it is applied half."""


@dataclass
class Applied:
    changes: int = 0
    skipped: int = 0  # already here
    conflicts: int = 0  # new conflicts found
    tables: set[str] = field(default_factory=set)
    rows: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    parented: set[str] = field(default_factory=set)  # items given a parent, or restored


def apply_changes(changes_: list[dict], *, origin: str) -> Applied:
    """Apply `changes_` (journal entries as they travel) in the caller's transaction."""
    if not db.in_transaction():
        raise RuntimeError("changes must be applied inside `with db.atomic():`")
    fresh = _not_yet_applied(changes_)
    result = merge_changes(fresh)
    result.skipped = len(changes_) - len(fresh)
    record_applied(fresh, origin)
    if fresh:
        changes.observe_stamp(Stamp.parse(max(change["hlc"] for change in fresh)))
    return result


def merge_changes(changes_: list[dict]) -> Applied:
    """Merge changes not yet merged here into the rows and conflicts, writing no journal:
    what apply_changes does with new changes, and frozen.py with a meeting's history when
    it merges its rows again. Approved minutes are put back afterwards (frozen.py)."""
    result = Applied()
    by_table: dict[str, list[dict]] = defaultdict(list)
    for change in changes_:
        if change["table"] not in MODELS:
            raise ChangeRefused(f"a change to {change['table']!r}, which this version lacks")
        by_table[change["table"]].append(change)
    found_at = changes.utc_now()
    for table, table_changes in by_table.items():
        merge = _TableMerge(MODELS[table], table_changes, found_at)
        merge.run()
        result.conflicts += merge.conflicts
        result.rows[table].update(change["row"] for change in table_changes)
        if table == "agenda_item":  # given a parent, or back with one (a restore)
            result.parented |= {
                change["row"]
                for change in table_changes
                if change["fields"].get("parent")
                or ("deleted_at" in change["fields"] and change["fields"]["deleted_at"] is None)
            }
    result.changes = len(changes_)
    result.tables = set(by_table)
    return result


class _TableMerge:
    """The changes to one table: rows read once, merged in memory, written once."""

    def __init__(self, model: type[Synced], table_changes: list[dict], found_at: str) -> None:
        self.model = model
        self.table = model._meta.table_name
        self.changes = sorted(table_changes, key=lambda change: change["hlc"])
        self.found_at = found_at
        self.conflicts = 0
        ids = sorted({change["row"] for change in self.changes})
        self.rows = {row.id: row for row in _in_batches(model, model.id, ids)}
        self.heads: dict[tuple[str, str], dict[str, Conflict]] = defaultdict(dict)
        for conflict in _in_batches(Conflict, Conflict.row_id, ids):
            if conflict.table_name == self.table and conflict.kind == "edit":
                self.heads[conflict.row_id, conflict.field][conflict.stamp] = conflict
        self.dirty: dict[str, set[str]] = defaultdict(set)
        self.made: set[str] = set()
        self.kept: list[Conflict] = []  # texts kept aside by this merge
        # The defaults of new rows, worked out once; `id`, the one worked out a row, is given.
        self.defaults = {
            field_.name: default
            for field_, default in model._meta.defaults.items()
            if not callable(default)
        }

    def run(self) -> None:
        self._merge_all()
        # A text kept aside that the record holds too (two laptops importing the same
        # file) stays a head of its field but is no conflict to show or count.
        self.conflicts += sum(
            self.heads[c.row_id, c.field].get(c.stamp) is c
            and json.loads(c.value) != changes.plain(self.rows[c.row_id].__data__.get(c.field))
            for c in self.kept
        )

    def _merge_all(self) -> None:
        for change in self.changes:
            row = self.rows.get(change["row"])
            if row is None:
                self._make(change)
            else:
                self._merge(row, change)
        made = sorted(self.made)
        if len(made) < MANY:
            insert_rows(self.model, [self.rows[row_id] for row_id in made])
        else:
            with search_index.inserting_unindexed(db, self.table):
                insert_rows(self.model, [self.rows[row_id] for row_id in made])
            search_index.index_new_rows(db, self.table, made)
        for row_id, names in self.dirty.items():
            if row_id in self.made:
                continue
            row = self.rows[row_id]
            fields = self.model._meta.fields
            only = [fields[name] for name in names | {"updated_at", "hlc", "stamps"}]
            row.save(only=only)

    # Rows

    def _make(self, change: dict) -> None:
        values = change["fields"]
        if "created_at" not in values:
            raise ChangeRefused(f"a change to a {self.table} row never made here")
        # The row's data is written straight: peewee's setting each field (and making an id
        # to throw away) cost more than inserting the row (bench/). A field an older version
        # had (an agenda item's `position`) is passed over.
        known = self.model._meta.fields
        row = self.model(__no_default__=True)
        row.__data__ = {
            **self.defaults,
            **{name: value for name, value in values.items() if name in known},
            "id": change["row"],
            "updated_at": change["at"] or values["created_at"],
            "hlc": change["hlc"],
            "base_hlc": change["hlc"],
            "stamps": "{}",
        }
        self.rows[row.id] = row
        self.made.add(row.id)

    def _merge(self, row: Synced, change: dict) -> None:
        stamps = json.loads(row.stamps or "{}")
        fields = dict(change["fields"])
        if self.table == "pack_issue":
            # An issued pack is kept as issued: only its issuing may be undone (a delete).
            for name in [name for name in fields if name != "deleted_at"]:
                value = fields.pop(name)
                # Nothing is refused where the change holds what the record does (two
                # laptops importing the same approved minutes), nor when it was made.
                if name == "created_at" or value == changes.plain(row.__data__.get(name)):
                    continue
                keep_refused(self.table, row.id, name, change, value, self.found_at)
                self.conflicts += 1
        touched = False
        deleted = fields.pop("deleted_at", _ABSENT)
        for name, value in fields.items():
            if name not in self.model._meta.fields:
                continue  # a field of a newer version; its own change will bring it later
            # (`created_at` too is settled by the later change: an import may set it.)
            if keeps_conflicts(self.model, name):
                touched |= self._merge_text(row, stamps, change, name, value)
            elif change["hlc"] > stamps.get(name, row.base_hlc):
                self._set(row, name, value)
                stamps[name] = change["hlc"]
                touched = True
        if deleted is not _ABSENT:
            touched |= self._merge_delete(row, stamps, change, deleted)
        elif touched and row.deleted_at is not None:
            self._edit_of_deleted(row, stamps, change)
        if touched:
            row.stamps = json.dumps(stamps, sort_keys=True)
            row.hlc = max(row.hlc, change["hlc"])
            row.updated_at = max(row.updated_at, change["at"] or row.updated_at)
            self.dirty[row.id].update(name for name in fields if name in self.model._meta.fields)
            self.dirty[row.id].add("deleted_at")

    def _merge_text(self, row: Synced, stamps: dict, change: dict, name: str, value) -> bool:
        """The field's heads after `change`; the latest is the record, the rest conflicts."""
        stamp, current = change["hlc"], stamps.get(name, row.base_hlc)
        heads = self.heads[row.id, name]
        if stamp == current or stamp in heads:
            return False
        replaced = set(change.get("prior", {}).get(name, []))
        for gone in replaced & set(heads):
            heads.pop(gone).delete_instance()
        record_stays = current not in replaced
        candidates = [*heads, stamp, *([current] if record_stays else [])]
        winner = max(candidates)
        if winner == stamp:
            if record_stays:
                self._keep(row, name, current, row.__data__.get(name))
            self._set(row, name, value)
            stamps[name] = stamp
            return True
        self._keep_change(row, name, change, value)
        if winner == current:
            return False
        # The record was replaced by this change, yet an earlier conflicting value is later
        # than it: that one becomes the record.
        later = heads.pop(winner)
        later.delete_instance()
        self._set(row, name, json.loads(later.value))
        stamps[name] = later.stamp
        return True

    def _merge_delete(self, row: Synced, stamps: dict, change: dict, deleted) -> bool:
        stamp = change["hlc"]
        for gone in change.get("prior", {}).get("deleted_at", []):  # a settled conflict
            Conflict.delete().where(
                Conflict.id == conflict_id(self.table, row.id, "deleted_at", gone)
            ).execute()
        if stamp <= stamps.get("deleted_at", row.base_hlc):
            return False
        if deleted is None:  # a restore
            row.deleted_at = None
            stamps["deleted_at"] = stamp
            return True
        data = {key: value for key, value in stamps.items() if key not in ("deleted_at", SEEN)}
        if max([row.base_hlc, *data.values()]) > stamp:
            return False  # edited after the delete, by someone who had not seen it: kept
        prior = change.get("prior", {})
        seen = max(prior.get(SEEN, [""]))
        row.deleted_at = deleted
        stamps["deleted_at"], stamps[SEEN] = stamp, seen
        unseen = [value for key, value in data.items() if _unseen(prior, key, value, row)]
        if unseen:
            self._keep_deleted(row, stamp, max(unseen))
        return True

    def _edit_of_deleted(self, row: Synced, stamps: dict, change: dict) -> None:
        stamp, deleted_stamp = change["hlc"], stamps.get("deleted_at", row.base_hlc)
        if stamp > deleted_stamp:
            row.deleted_at = None  # the edit came after the delete, not knowing of it
            stamps["deleted_at"] = stamp
            # As when the edit arrives first: nothing is lost, so no conflict stays.
            gone = conflict_id(self.table, row.id, "deleted_at", deleted_stamp)
            Conflict.delete().where(Conflict.id == gone).execute()
        else:
            delete = JournalEntry.get_or_none(
                (JournalEntry.row_id == row.id) & (JournalEntry.hlc == deleted_stamp)
            )
            prior = json.loads(delete.prior) if delete else {SEEN: [stamps.get(SEEN, "")]}
            if any(_unseen(prior, name, stamp, row) for name in change["fields"]):
                self._keep_deleted(row, deleted_stamp, stamp)

    # Conflicts

    def _keep(self, row: Synced, name: str, stamp: str, value) -> None:
        """Keep the record's value, displaced by a later concurrent change."""
        made = _made_by(row.id, stamp)
        self._add(row, name, "edit", stamp, value, made)

    def _keep_change(self, row: Synced, name: str, change: dict, value) -> None:
        made = (change["device"], change["actor"], change["machine"], change["at"])
        self._add(row, name, "edit", change["hlc"], value, made)

    def _keep_deleted(self, row: Synced, delete_stamp: str, edit_stamp: str) -> None:
        found = conflict_id(self.table, row.id, "deleted_at", delete_stamp)
        if Conflict.get_or_none(Conflict.id == found) is None:
            made = _made_by(row.id, edit_stamp)
            self._add(row, "deleted_at", "deleted", delete_stamp, edit_stamp, made)

    def _add(self, row: Synced, name: str, kind: str, stamp: str, value, made) -> None:
        device, actor, machine, at = made
        conflict = Conflict.create(
            id=conflict_id(self.table, row.id, name, stamp),
            table_name=self.table,
            row_id=row.id,
            field=name,
            kind=kind,
            stamp=stamp,
            value=json.dumps(value, ensure_ascii=False),
            device_id=device,
            actor=actor,
            machine=machine,
            at=at,
            found_at=self.found_at,
        )
        if kind == "edit":
            self.heads[row.id, name][stamp] = conflict
            self.kept.append(conflict)  # counted at the end, if it differs from the record
        else:
            self.conflicts += 1

    def _set(self, row: Synced, name: str, value) -> None:
        field_ = self.model._meta.fields[name]
        setattr(row, field_.name, value)


_ABSENT = object()


def _unseen(delete_prior: dict, name: str, stamp: str, row: Synced) -> bool:
    """Whether the delete whose `prior` is given had not seen field `name` at `stamp`: by
    the stamp it saw of each field, or, from a delete that names none, by the newest."""
    fields = delete_prior.get(SEEN_FIELDS)
    if fields is None:
        return stamp > max(delete_prior.get(SEEN, [""]))
    return stamp > fields.get(name, row.base_hlc)


def _made_by(row_id: str, stamp: str) -> tuple[str, str, str, str]:
    entry = JournalEntry.get_or_none((JournalEntry.row_id == row_id) & (JournalEntry.hlc == stamp))
    if entry is None:
        return Stamp.parse(stamp).device if stamp else "", "", "", ""
    return entry.device_id, entry.actor, entry.machine, entry.at


def _not_yet_applied(changes_: list[dict]) -> list[dict]:
    ids = [change["id"] for change in changes_]
    known = {entry.change_id for entry in _in_batches(JournalEntry, JournalEntry.change_id, ids)}
    fresh, seen = [], set()
    for change in changes_:
        if change["id"] not in known and change["id"] not in seen:
            seen.add(change["id"])
            fresh.append(change)
    return fresh


def _in_batches(model, column, values: list[Any]):
    # One parameter for all the values: peewee building `IN (?, ?, ...)` a value at a time
    # cost more than the query (bench/). SQLite reads the list with json_each.
    if values:
        listed = SQL("(SELECT value FROM json_each(?))", [json.dumps(values)])
        yield from model.select().where(column.in_(listed))
