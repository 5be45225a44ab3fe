"""Approved minutes are never changed by sync (DESIGN.md §4, §5).

A change from another machine to a frozen field of minutes approved here is not applied:
it is kept as a conflict of kind "frozen", the latest one per field, and reported. The
other way round, a laptop that edited minutes while another approved them learns of it when
the approval arrives: the approval names the stamp of every value it froze, so the values
approved are put back (from the journal, where every value received is) and the laptop's
own edits are kept as conflicts; rows it added that the approver never saw are set aside
the same way. Both machines end with the approved minutes and the same conflicts.

A frozen conflict can only be dismissed: a correction is a resolution at the approving
meeting, as the window says.
"""

from __future__ import annotations

import json

from desktop_app.services import freeze
from desktop_app.storage import changes
from desktop_app.storage.changes import SEEN
from desktop_app.storage.models import AgendaItem, Conflict, JournalEntry, MinutesVersion, db

CREATED = "created"  # the field of a conflict holding a row the approver never saw

# How a new row names its meeting: directly, through its item, or through its resolution.
_MEETING_FIELD = {"meeting": "id", "agenda_item": "meeting", "attendance": "meeting",
                  "declaration": "meeting", "action_note": "meeting"}  # fmt: skip
_ITEM_FIELD = {"minute", "resolution", "action"}


def meeting_of_new(table: str, row_id: str, fields: dict) -> str | None:
    """The meeting a row not yet here belongs to, from the change that makes it."""
    if table in _MEETING_FIELD:
        return row_id if table == "meeting" else fields.get("meeting")
    if table in _ITEM_FIELD:
        item = AgendaItem.get_or_none(AgendaItem.id == fields.get("item"))
        return item.meeting_id if item else None
    if table == "named_vote":
        found = freeze.meetings_of("resolution", [fields.get("resolution") or ""])
        return next(iter(found.values()), None)
    return None


def keep_refused(table: str, row_id: str, name: str, change: dict, value, found_at: str) -> None:
    """Keep a change that would alter approved minutes, the latest one per field. For a row
    the approver never saw, every change to it is gathered in one conflict, named by the
    change that made it, as the machine that made it keeps the row itself."""
    from desktop_app.sync.applying import conflict_id

    if name == CREATED:
        earlier = Conflict.get_or_none(
            (Conflict.table_name == table) & (Conflict.row_id == row_id) & (Conflict.field == name)
        )
        if earlier is not None:
            merged = {**json.loads(earlier.value), **value}
            earlier.value = json.dumps(merged, ensure_ascii=False, sort_keys=True)
            earlier.save()
            return
    earlier = list(
        Conflict.select().where(
            (Conflict.table_name == table)
            & (Conflict.row_id == row_id)
            & (Conflict.field == name)
            & (Conflict.kind == "frozen")
        )
    )
    if any(row.stamp >= change["hlc"] for row in earlier):
        return
    for row in earlier:
        row.delete_instance()
    Conflict.create(
        id=conflict_id(table, row_id, name, change["hlc"]),
        table_name=table,
        row_id=row_id,
        field=name,
        kind="frozen",
        stamp=change["hlc"],
        value=json.dumps(value, ensure_ascii=False, sort_keys=True),
        device_id=change["device"],
        actor=change["actor"],
        machine=change["machine"],
        at=change["at"],
        found_at=found_at,
    )


def put_back_approved(version_ids: set[str], found_at: str) -> int:
    """After approvals arrive: the values they froze back in place; returns how many
    values and rows were set aside as conflicts."""
    from desktop_app.sync.applying import MODELS

    kept = 0
    versions = MinutesVersion.select().where(
        MinutesVersion.id.in_(sorted(version_ids))
        & MinutesVersion.state.in_(freeze.FROZEN_STATES)
        & (MinutesVersion.frozen_stamps != "")
    )
    for version in versions:
        approved = json.loads(version.frozen_stamps)
        for key, stamps in approved.items():
            table, row_id = key.split("/", 1)
            row = MODELS[table].get_or_none(MODELS[table].id == row_id)
            if row is not None:
                kept += _put_back(row, stamps, found_at)
        kept += _set_aside_unseen(version, approved, found_at)
    return kept


def _put_back(row, approved: dict[str, str], found_at: str) -> int:
    own = json.loads(row.stamps or "{}")
    kept = 0
    for name, stamp in approved.items():
        current = own.get(name, row.base_hlc)
        if current == stamp:
            continue
        value = _value_at(row.id, name, stamp)
        if value is _UNKNOWN:
            continue
        field = row._meta.fields[name]
        mine = changes.plain(row.__data__.get(field.name))
        made = JournalEntry.get_or_none(
            (JournalEntry.row_id == row.id) & (JournalEntry.hlc == current)
        )
        keep_refused(row._meta.table_name, row.id, name, _as_change(current, made), mine, found_at)
        setattr(row, field.name, value)
        own[name] = stamp
        kept += 1
    if kept:
        row.stamps = json.dumps(own, sort_keys=True)
        row.save()
    return kept


def _set_aside_unseen(version: MinutesVersion, approved: dict, found_at: str) -> int:
    """Rows of the meeting the approval did not know of: made here meanwhile."""
    from desktop_app.sync.applying import MODELS

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
            made = _entry(row_id, row.base_hlc)
            whole = {n: changes.plain(row.__data__.get(row._meta.fields[n].name))
                     for n in [*changes.data_fields(model), "created_at"]}  # fmt: skip
            keep_refused(table, row_id, CREATED, _as_change(row.base_hlc, made), whole, found_at)
            own = json.loads(row.stamps or "{}")
            row.deleted_at = version.approved_at or found_at
            own["deleted_at"], own[SEEN] = version.hlc, version.hlc
            row.stamps = json.dumps(own, sort_keys=True)
            row.save()
            kept += 1
    return kept


_UNKNOWN = object()


def _entry(row_id: str, stamp: str) -> JournalEntry | None:
    return JournalEntry.get_or_none((JournalEntry.row_id == row_id) & (JournalEntry.hlc == stamp))


def _value_at(row_id: str, name: str, stamp: str):
    entry = _entry(row_id, stamp)
    if entry is None:
        return _UNKNOWN
    fields = json.loads(entry.fields)
    return fields[name] if name in fields else _UNKNOWN


def _as_change(stamp: str, entry: JournalEntry | None) -> dict:
    return {
        "hlc": stamp,
        "device": entry.device_id if entry else "",
        "actor": entry.actor if entry else "",
        "machine": entry.machine if entry else "",
        "at": entry.at if entry else "",
    }
