"""Approved minutes are never changed by sync (DESIGN.md §4, §5).

Applying merges every change as usual (applying.py). Afterwards the approved minutes of each
meeting the changes reached are put back as they were approved, from the stamps the
approval keeps of every value it froze: a value merged since is kept as a conflict of kind
"frozen", and a row the approver never saw is set aside, kept whole in a conflict. Taking an
approval back lets in what was held back.

Both are worked out from the journal, which holds every change this machine received: when
the record strays from what was approved, or an approval that held something back is taken
back, the meeting's rows are merged again from their history and the approval, if there
still is one, laid over them. The outcome depends on which changes are here, never on the
order they came in, so every machine ends with the same minutes and the same conflicts.

A frozen conflict can only be dismissed: a correction is a resolution at the approving
meeting, as the window says.
"""

from __future__ import annotations

import json
from collections import defaultdict

from desktop_app.services.decisions import freeze
from desktop_app.storage import changes
from desktop_app.storage.changes import SEEN
from desktop_app.storage.listed import listed
from desktop_app.storage.models import Conflict, JournalEntry, MinutesVersion, db
from desktop_app.sync.applying import MODELS, Applied, merge_changes
from desktop_app.sync.frozen_conflicts import keep_frozen
from desktop_app.sync.journal_rows import journal_change

CREATED = "created"  # the field of a conflict holding a row the approver never saw
DISMISSED = "dismissed"  # the kind of a conflict a clerk dismissed here, kept hidden
HELD_BACK = ("frozen", DISMISSED)  # the kinds of conflict an approval leaves


def settle_approved(applied: Applied, was_frozen: set[str]) -> int:
    """After applying: approved minutes back as approved, and those no longer approved
    merged whole again; returns how many values and rows were set aside."""
    frozen_now = freeze.frozen_meetings()
    kept = 0
    if frozen_now:
        reached: set[str] = set()
        for table in freeze.FROZEN_TABLES:
            ids = sorted(applied.rows.get(table, ()))
            reached |= set(freeze.meetings_of(table, ids).values()) & frozen_now
        versions = sorted(applied.rows.get("minutes_version", ()))
        query = MinutesVersion.select(MinutesVersion.meeting).where(MinutesVersion.id.in_(versions))
        reached |= {row.meeting_id for row in query} & frozen_now
        approvals = _approvals(reached)
        touched = {row_id for ids in applied.rows.values() for row_id in ids}
        for meeting_id in sorted(_straying(approvals, touched)):
            kept += _merge_again(meeting_id, approvals[meeting_id])
    for meeting_id in sorted(was_frozen - frozen_now):  # approvals taken back
        if _held_back(_rows_of(meeting_id)):
            _merge_again(meeting_id, None)
    return kept


# Whether the meeting must be merged again


def _approvals(meetings: set[str]) -> dict[str, MinutesVersion]:
    """The approval in force of each meeting (freeze.approved_version), in one query."""
    found: dict[str, MinutesVersion] = {}
    query = (
        MinutesVersion.live()
        .where(
            MinutesVersion.meeting.in_(listed(meetings))
            & MinutesVersion.state.in_(freeze.FROZEN_STATES)
        )
        .order_by(MinutesVersion.version.desc(), MinutesVersion.id.desc())
    )
    for version in query:
        found.setdefault(version.meeting_id, version)
    return found


def _straying(approvals: dict[str, MinutesVersion], touched: set[str]) -> set[str]:
    """The meetings whose record holds a frozen value other than the one approved, or a row
    the approval did not know of (live, or set aside and `touched` since, whose conflict
    must say what it holds now). Every row of every meeting given is looked at, table by
    table in one query each: a whole council's approved minutes arrive at an empty laptop."""
    found: set[str] = set()
    # An approval made before approvals kept stamps (migration 0010) has nothing to put
    # back from; its minutes are left as they stand.
    approved = {m: json.loads(v.frozen_stamps) for m, v in approvals.items() if v.frozen_stamps}
    listed = json.dumps(sorted(approved))
    for table, sql in _ROWS_OF_MEETINGS.items():
        for row_id, meeting_id, stamps, base, deleted in db.execute_sql(sql, (listed,)):
            if meeting_id in found:
                continue
            own = json.loads(stamps or "{}")
            kept = approved[meeting_id].get(f"{table}/{row_id}")
            if kept is None:
                if deleted is None or row_id in touched:
                    found.add(meeting_id)
            elif any(own.get(name, base) != stamp for name, stamp in kept.items()):
                found.add(meeting_id)
    return found


_ROW = "r.id, {meeting}, r.stamps, r.base_hlc, r.deleted_at"
_LISTED = "(SELECT value FROM json_each(?))"
_BY_ITEM = (
    "SELECT " + _ROW.format(meeting="i.meeting_id") + " FROM {table} r "
    "JOIN agenda_item i ON i.id = r.item_id WHERE i.meeting_id IN " + _LISTED
)
_BY_MEETING = (
    "SELECT "
    + _ROW.format(meeting="r.meeting_id")
    + " FROM {table} r WHERE r.meeting_id IN "
    + _LISTED
)
# The rows of the meetings listed in the one parameter, with their stamps, table by table.
_ROWS_OF_MEETINGS = {
    "meeting": "SELECT " + _ROW.format(meeting="r.id") + " FROM meeting r WHERE r.id IN " + _LISTED,
    "agenda_item": _BY_MEETING.format(table="agenda_item"),
    "minute": _BY_ITEM.format(table="minute"),
    "resolution": _BY_ITEM.format(table="resolution"),
    "action": _BY_ITEM.format(table="action"),
    "named_vote": "SELECT " + _ROW.format(meeting="i.meeting_id") + " FROM named_vote r "
    "JOIN resolution s ON s.id = r.resolution_id JOIN agenda_item i ON i.id = s.item_id "
    "WHERE i.meeting_id IN " + _LISTED,
    "attendance": _BY_MEETING.format(table="attendance"),
    "declaration": _BY_MEETING.format(table="declaration"),
    "action_note": _BY_MEETING.format(table="action_note"),
}


def _rows_of(meeting_id: str) -> dict[str, list[str]]:
    """The ids of the meeting's rows, deleted ones too, table by table."""
    return {
        table: [row_id for (row_id,) in db.execute_sql(freeze.ROWS_OF[table], (meeting_id,))]
        for table in freeze.FROZEN_TABLES
    }


def _held_back(rows: dict[str, list[str]]) -> bool:
    return any(
        Conflict.select()
        .where(
            (Conflict.table_name == table) & Conflict.row_id.in_(ids) & Conflict.kind.in_(HELD_BACK)
        )
        .exists()
        for table, ids in rows.items()
        if ids
    )


# Merging a meeting again


def _merge_again(meeting_id: str, version: MinutesVersion | None) -> int:
    """The meeting's rows and their conflicts worked out afresh from the journal, and the
    approval laid over them; returns how many values and rows were set aside."""
    history = _history(_rows_of(meeting_id))
    made = {(entry.table_name, entry.row_id) for entry in history if '"created_at"' in entry.fields}
    # A row older than the journal (made by a version before sharing) is left as it is.
    history = [entry for entry in history if (entry.table_name, entry.row_id) in made]
    again = defaultdict(list)
    for table, row_id in made:
        again[table].append(row_id)
    before = _forget(again)
    # The rows go and come back within this transaction: references to them wait for it.
    db.execute_sql("PRAGMA defer_foreign_keys = ON")
    for table, ids in again.items():
        model = MODELS[table]
        for start in range(0, len(ids), 500):
            model.delete().where(model.id.in_(ids[start : start + 500])).execute()
    merge_changes([journal_change(entry) for entry in history])
    kept = 0
    if version is not None and version.frozen_stamps:
        kept = _lay_over(version, json.loads(version.frozen_stamps), changes.utc_now())
    _remember(before)
    return kept


def _history(rows: dict[str, list[str]]) -> list[JournalEntry]:
    found = []
    for table, ids in rows.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found.extend(
                JournalEntry.select().where(
                    (JournalEntry.table_name == table) & JournalEntry.row_id.in_(chunk)
                )
            )
    return sorted(found, key=lambda entry: (entry.hlc, entry.change_id))


def _forget(rows: dict[str, list[str]]) -> dict[str, tuple[str, str]]:
    """Delete the rows' conflicts; returns the kind and finding time of each, so that one
    found again keeps its time and a dismissed one stays dismissed."""
    before = {}
    for table, ids in rows.items():
        for start in range(0, len(ids), 500):
            query = Conflict.select().where(
                (Conflict.table_name == table) & Conflict.row_id.in_(ids[start : start + 500])
            )
            for conflict in query:
                before[conflict.id] = (conflict.kind, conflict.found_at)
                conflict.delete_instance()
    return before


def _remember(before: dict[str, tuple[str, str]]) -> None:
    ids = sorted(before)
    for start in range(0, len(ids), 500):
        for conflict in Conflict.select().where(Conflict.id.in_(ids[start : start + 500])):
            kind, found_at = before[conflict.id]
            conflict.found_at = found_at
            if kind == "dismissed":
                conflict.kind = kind
            conflict.save()


# The approval laid over the merged rows


def _lay_over(version: MinutesVersion, approved: dict, found_at: str) -> int:
    """Each frozen value back as approved, the merged one kept; rows the approval did not
    know of set aside."""
    kept = 0
    for key, stamps in sorted(approved.items()):
        table, row_id = key.split("/", 1)
        row = MODELS[table].get_or_none(MODELS[table].id == row_id)
        if row is not None:
            kept += _put_back(row, stamps, found_at)
    return kept + _set_aside_unseen(version, approved, found_at)


def _put_back(row, approved: dict[str, str], found_at: str) -> int:
    own = json.loads(row.stamps or "{}")
    kept = 0
    for name, stamp in sorted(approved.items()):
        current = own.get(name, row.base_hlc)
        if current == stamp:
            continue
        value = _value_at(row, name, stamp)
        if value is _UNKNOWN:
            continue
        field = row._meta.fields[name]
        mine = changes.plain(row.__data__.get(field.name))
        keep_frozen(row._meta.table_name, row.id, name, _as_change(row.id, current), mine, found_at)
        setattr(row, field.name, value)
        own[name] = stamp
        kept += 1
    if kept:
        row.stamps = json.dumps(own, sort_keys=True)
        row.save()
    return kept


def _set_aside_unseen(version: MinutesVersion, approved: dict, found_at: str) -> int:
    """Rows of the meeting the approval did not know of: made meanwhile, here or elsewhere."""
    kept = 0
    for table in freeze.FROZEN_TABLES:
        model = MODELS[table]
        ids = [row_id for (row_id,) in db.execute_sql(freeze.ROWS_OF[table], (version.meeting_id,))]
        for row_id in ids:
            if f"{table}/{row_id}" in approved:
                continue
            row = model.get_by_id(row_id)
            if row.deleted_at is not None:
                continue
            whole = {n: changes.plain(row.__data__.get(row._meta.fields[n].name))
                     for n in [*changes.data_fields(model), "created_at"]}  # fmt: skip
            change = _as_change(row_id, row.base_hlc)
            keep_frozen(table, row_id, CREATED, change, whole, found_at)
            own = json.loads(row.stamps or "{}")
            row.deleted_at = version.approved_at
            own["deleted_at"], own[SEEN] = version.hlc, version.hlc
            row.stamps = json.dumps(own, sort_keys=True)
            row.save()
            kept += 1
    return kept


_UNKNOWN = object()


def _value_at(row, name: str, stamp: str):
    if name == "deleted_at" and stamp == row.base_hlc:
        return None  # never deleted when approved: a row is made live
    entry = _entry(row.id, stamp)
    if entry is None:
        return _UNKNOWN
    fields = json.loads(entry.fields)
    return fields[name] if name in fields else _UNKNOWN


def _entry(row_id: str, stamp: str) -> JournalEntry | None:
    return JournalEntry.get_or_none((JournalEntry.row_id == row_id) & (JournalEntry.hlc == stamp))


def _as_change(row_id: str, stamp: str) -> dict:
    entry = _entry(row_id, stamp)
    return {
        "hlc": stamp,
        "device": entry.device_id if entry else "",
        "actor": entry.actor if entry else "",
        "machine": entry.machine if entry else "",
        "at": entry.at if entry else "",
    }
