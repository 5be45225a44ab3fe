"""Approved minutes are the record: once a meeting's minutes are approved (or signed),
nothing in them may change. A correction is a new resolution at the approving meeting."""

from __future__ import annotations

import json

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.storage.models import Meeting, MinutesVersion, db

FROZEN_STATES = ("approved", "signed")


def approved_version(meeting_id: str) -> MinutesVersion | None:
    """The meeting's approved or signed minutes version, if there is one (of two approved
    on two laptops at once, the one every laptop picks)."""
    return (
        MinutesVersion.live()
        .where((MinutesVersion.meeting == meeting_id) & MinutesVersion.state.in_(FROZEN_STATES))
        .order_by(MinutesVersion.version.desc(), MinutesVersion.id.desc())
        .first()
    )


def ensure_editable(meeting_id: str) -> None:
    """Raise ValidationError, naming the approving minute, if the minutes are approved."""
    version = approved_version(meeting_id)
    if version is None:
        return
    meeting = Meeting.get_by_id(meeting_id)
    where = ""
    if version.approved_at_meeting_id:
        approving = Meeting.get_by_id(version.approved_at_meeting_id)
        minute = f" at minute {version.approved_minute}" if version.approved_minute else ""
        where = f"{minute} of the meeting of {long_date(approving.date)}"
    raise ValidationError(
        f"The minutes of {long_date(meeting.date)} were approved{where} and can no longer "
        "change; record a correction as a resolution at the approving meeting."
    )


# What approval freezes, table by table: every field but those that go on changing after
# approval (an action's tracking, the chair's brief, the meeting's status and links).
NOT_FROZEN = {
    "meeting": {"status", "status_reason", "previous"},
    "agenda_item": {"brief_note", "minutes_allowed"},
    "action": {"status", "progress", "plan_action"},
}
FROZEN_TABLES = (
    "meeting",
    "agenda_item",
    "minute",
    "resolution",
    "named_vote",
    "action",
    "attendance",
    "declaration",
    "action_note",
)


def frozen_meetings() -> set[str]:
    """The meetings whose minutes are approved or signed."""
    query = MinutesVersion.live().where(MinutesVersion.state.in_(FROZEN_STATES))
    return {row.meeting_id for row in query.select(MinutesVersion.meeting)}


def meetings_of(table: str, row_ids: list[str]) -> dict[str, str]:
    """The meeting each row's minutes belong to, for the rows of `table` given (those of
    tables approval does not freeze have none)."""
    if table not in FROZEN_TABLES or not row_ids:
        return {}
    # The ids as one JSON parameter: a fresh laptop's first file names tens of thousands.
    sql = _MEETING_OF[table].format("SELECT value FROM json_each(?)")
    return dict(db.execute_sql(sql, (json.dumps(sorted(row_ids)),)))


def frozen_fields(table: str, names) -> list[str]:
    skip = NOT_FROZEN.get(table, set())
    return [name for name in names if name not in skip]


def content_stamps(meeting_id: str) -> str:
    """JSON {"table/row": {field: stamp}} of every frozen field of the meeting's minutes:
    kept with an approval, so another machine that had edited them meanwhile knows which
    values were approved (sync/frozen.py)."""
    from desktop_app.storage.changes import data_fields
    from desktop_app.storage.models import SYNCED_MODELS

    models = {model._meta.table_name: model for model in SYNCED_MODELS}
    stamps: dict[str, dict[str, str]] = {}
    for table in FROZEN_TABLES:
        model = models[table]
        names = [*frozen_fields(table, data_fields(model)), "deleted_at"]
        query = db.execute_sql(ROWS_OF[table], (meeting_id,))
        ids = [row_id for (row_id,) in query]
        for start in range(0, len(ids), 500):
            for row in model.select().where(model.id.in_(ids[start : start + 500])):
                own = json.loads(row.stamps or "{}")
                stamps[f"{table}/{row.id}"] = {n: own.get(n, row.base_hlc) for n in names}
    return json.dumps(stamps, sort_keys=True)


_ITEM_MEETING = "SELECT r.id, i.meeting_id FROM {table} r JOIN agenda_item i ON i.id = r.item_id"
_MEETING_OF = {
    "meeting": "SELECT id, id FROM meeting WHERE id IN ({})",
    "agenda_item": "SELECT id, meeting_id FROM agenda_item WHERE id IN ({})",
    "minute": _ITEM_MEETING.format(table="minute") + " WHERE r.id IN ({})",
    "resolution": _ITEM_MEETING.format(table="resolution") + " WHERE r.id IN ({})",
    "action": _ITEM_MEETING.format(table="action") + " WHERE r.id IN ({})",
    "named_vote": "SELECT v.id, i.meeting_id FROM named_vote v JOIN resolution r ON "
    "r.id = v.resolution_id JOIN agenda_item i ON i.id = r.item_id WHERE v.id IN ({})",
    "attendance": "SELECT id, meeting_id FROM attendance WHERE id IN ({})",
    "declaration": "SELECT id, meeting_id FROM declaration WHERE id IN ({})",
    "action_note": "SELECT id, meeting_id FROM action_note WHERE id IN ({}) "
    "AND meeting_id IS NOT NULL",
}
_IN_ITEMS = " WHERE item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)"
ROWS_OF = {
    "meeting": "SELECT id FROM meeting WHERE id = ?",
    "agenda_item": "SELECT id FROM agenda_item WHERE meeting_id = ?",
    "minute": "SELECT id FROM minute" + _IN_ITEMS,
    "resolution": "SELECT id FROM resolution" + _IN_ITEMS,
    "action": "SELECT id FROM action" + _IN_ITEMS,
    "named_vote": "SELECT id FROM named_vote WHERE resolution_id IN (SELECT id FROM resolution"
    + _IN_ITEMS
    + ")",
    "attendance": "SELECT id FROM attendance WHERE meeting_id = ?",
    "declaration": "SELECT id FROM declaration WHERE meeting_id = ?",
    "action_note": "SELECT id FROM action_note WHERE meeting_id = ?",
}
