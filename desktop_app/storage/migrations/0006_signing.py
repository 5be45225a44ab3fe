"""Signed minutes (issue 7): fingerprints of minutes by natural keys.

Until now `minutes_content` named rows by their ids, so a record exported and imported into
another data folder no longer matched the fingerprint taken when it was approved. It now
names them by natural keys. This step re-takes each stored fingerprint (a version's
`content_sha256` and the `approves_sha256` of the resolutions that approved it), but only
where the stored value still matches the minutes as they stand by the old rule: a
fingerprint of minutes changed since approval stays as it was, so the change still shows.

No schema change is needed: MinutesVersion already has `signed_by`, `signed_at` and
`pdf_sha256`, and Signer holds the certificate. Fingerprints arrived unreleased in 0003, so
only development data folders have any; fresh and imported folders skip the step.

Both rules read the minutes through today's models and services, which know columns the
later steps add, so the work waits until the schema is current: `migrate` lists the stored
fingerprints in PENDING, and `complete` (database.migrate calls it once every step has run)
judges and re-takes them, then drops the list. The later steps only add columns and turn
positions into ranks in the same order, so neither rule's reading changes meanwhile.

The rows are rewritten in place, without a journal entry: every machine runs this same
step on the same content and reaches the same values.
"""

from __future__ import annotations

import hashlib
import json

PENDING = "step_0006_pending"


def migrate(db) -> None:
    db.execute_sql(f'CREATE TABLE "{PENDING}" ("version_id" TEXT NOT NULL PRIMARY KEY)')
    db.execute_sql(
        f'INSERT INTO "{PENDING}" SELECT v.id FROM minutes_version v '
        "JOIN meeting m ON m.id = v.meeting_id "
        "WHERE v.content_sha256 != '' AND v.deleted_at IS NULL AND m.deleted_at IS NULL"
    )


def complete(db) -> None:
    """The re-take, once the schema is current (see the module's docstring)."""
    stored = db.execute_sql(
        "SELECT v.id, v.meeting_id, v.content_sha256 FROM minutes_version v "
        f'JOIN "{PENDING}" p ON p.version_id = v.id JOIN meeting m ON m.id = v.meeting_id '
        "ORDER BY m.date, m.start_time, v.version"
    ).fetchall()
    db.execute_sql(f'DROP TABLE "{PENDING}"')
    if not stored:
        return
    from desktop_app.services.decisions.minutes_content import content_sha256
    from desktop_app.storage.models import db as proxy

    proxy.initialize(db)
    # Judge every fingerprint by the old rule before rewriting any: a rewritten approval
    # changes the content of the approving meeting.
    unchanged = [
        (version_id, meeting_id, old)
        for version_id, meeting_id, old in stored
        if old == _legacy_sha256(meeting_id)
    ]
    for version_id, meeting_id, old in unchanged:  # oldest meeting first
        new = content_sha256(meeting_id)
        db.execute_sql(
            "UPDATE minutes_version SET content_sha256 = ? WHERE id = ?", (new, version_id)
        )
        db.execute_sql(
            "UPDATE resolution SET approves_sha256 = ? "
            "WHERE approves_version_id = ? AND approves_sha256 = ?",
            (new, version_id, old),
        )


def _legacy_sha256(meeting_id: str) -> str:
    """The fingerprint by the rule of 0003 to 0005 (row ids), frozen here."""
    from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
    from desktop_app.storage import changes
    from desktop_app.storage.models import (
        Action,
        ActionNote,
        Attendance,
        Declaration,
        Meeting,
        Minute,
        NamedVote,
        Resolution,
    )

    def fields(row, names: str) -> dict:
        return {name: changes.plain(row.__data__.get(name)) for name in names.split()}

    def grouped(model, condition, key: str, *order) -> dict[str, list]:
        found: dict[str, list] = {}
        for row in model.live().where(condition).order_by(*order, model.id):
            found.setdefault(row.__data__[key], []).append(row)
        return found

    meeting = Meeting.get_by_id(meeting_id)
    items = [item for item, _ in AgendaTree(meeting.id).walk()]
    ids = [item.id for item in items]
    minutes = grouped(Minute, Minute.item.in_(ids), "item", Minute.created_at, Minute.id)
    resolutions = grouped(
        Resolution, Resolution.item.in_(ids), "item", Resolution.position, Resolution.created_at
    )
    resolution_ids = [r.id for rows in resolutions.values() for r in rows]
    votes = grouped(
        NamedVote, NamedVote.resolution.in_(resolution_ids), "resolution", NamedVote.person
    )
    actions = grouped(Action, Action.item.in_(ids), "item", Action.position, Action.created_at)
    progress = (
        ActionNote.live()
        .join(Action, on=(ActionNote.action == Action.id))
        .where((ActionNote.meeting == meeting.id) & Action.deleted_at.is_null())
        .order_by(ActionNote.action, ActionNote.date, ActionNote.created_at)
    )
    resolution_fields = (
        "text outcome proposer seconder votes_for votes_against votes_abstain unopposed "
        "casting_vote kind appointee appointed_role appointed_body term approves_version "
        "approves_sha256"
    )
    record = {
        "meeting": fields(
            meeting, "id body date start_time end_time venue kind is_public chair public_attendees"
        ),
        "items": [
            {
                **fields(
                    item,
                    "id parent number title kind purpose presenter_person presenter_organisation "
                    "confidential exempt_paragraph linked_meeting linked_item started_at",
                ),
                "minutes": [
                    fields(m, "overview key_points recommendations decision notes")
                    for m in minutes.get(item.id, [])
                ],
                "resolutions": [
                    {
                        **fields(r, resolution_fields),
                        "named_votes": [fields(v, "person vote") for v in votes.get(r.id, [])],
                    }
                    for r in resolutions.get(item.id, [])
                ],
                "actions": [
                    fields(a, "id text owner_person owner_organisation due")
                    for a in actions.get(item.id, [])
                ],
            }
            for item in items
        ],
        "attendance": [
            fields(a, "person status substitute_for capacity arrived left")
            for a in Attendance.live()
            .where(Attendance.meeting == meeting.id)
            .order_by(Attendance.person, Attendance.created_at)
        ],
        "declarations": [
            fields(d, "item person kind description left_room left_at returned_at")
            for d in Declaration.live()
            .where(Declaration.meeting == meeting.id)
            .order_by(Declaration.item, Declaration.person, Declaration.created_at)
        ],
        "progress": [fields(n, "action date text") for n in progress],
    }
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
