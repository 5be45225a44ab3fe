"""What a meeting's minutes say, as one canonical text: the content that approval freezes
and whose SHA-256 the approving resolution records (DESIGN.md §4, chained record)."""

from __future__ import annotations

import hashlib
import json

from desktop_app.services import validation
from desktop_app.services.agenda_tree import AgendaTree
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


def content_sha256(meeting_id: str) -> str:
    return hashlib.sha256(minutes_content(meeting_id).encode("utf-8")).hexdigest()


def minutes_content(meeting_id: str) -> str:
    """The meeting's record as canonical JSON (sorted keys, fixed orders): what approval
    freezes. Actions' status is left out (tracking goes on after approval); progress
    reported at this meeting is in."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    items = [item for item, _ in AgendaTree(meeting.id).walk()]
    ids = [item.id for item in items]
    minutes = _grouped(Minute, Minute.item.in_(ids), "item", Minute.created_at, Minute.id)
    resolutions = _grouped(
        Resolution, Resolution.item.in_(ids), "item", Resolution.position, Resolution.created_at
    )
    resolution_ids = [r.id for rows in resolutions.values() for r in rows]
    votes = _grouped(
        NamedVote, NamedVote.resolution.in_(resolution_ids), "resolution", NamedVote.person
    )
    actions = _grouped(Action, Action.item.in_(ids), "item", Action.position, Action.created_at)
    progress = (
        ActionNote.live()
        .join(Action, on=(ActionNote.action == Action.id))
        .where((ActionNote.meeting == meeting.id) & Action.deleted_at.is_null())
        .order_by(ActionNote.action, ActionNote.date, ActionNote.created_at)
    )
    record = {
        "meeting": _fields(
            meeting,
            "id body date start_time end_time venue kind is_public chair public_attendees",
        ),
        "items": [
            {
                **_fields(
                    item,
                    "id parent number title kind purpose presenter_person presenter_organisation "
                    "confidential exempt_paragraph linked_meeting linked_item started_at",
                ),
                "minutes": [
                    _fields(m, "overview key_points recommendations decision notes")
                    for m in minutes.get(item.id, [])
                ],
                "resolutions": [
                    {
                        **_fields(r, RESOLUTION_FIELDS),
                        "named_votes": [_fields(v, "person vote") for v in votes.get(r.id, [])],
                    }
                    for r in resolutions.get(item.id, [])
                ],
                "actions": [
                    _fields(a, "id text owner_person owner_organisation due")
                    for a in actions.get(item.id, [])
                ],
            }
            for item in items
        ],
        "attendance": [
            _fields(a, "person status substitute_for capacity arrived left")
            for a in Attendance.live()
            .where(Attendance.meeting == meeting.id)
            .order_by(Attendance.person, Attendance.created_at)
        ],
        "declarations": [
            _fields(d, "item person kind description left_room left_at returned_at")
            for d in Declaration.live()
            .where(Declaration.meeting == meeting.id)
            .order_by(Declaration.item, Declaration.person, Declaration.created_at)
        ],
        "progress": [_fields(n, "action date text") for n in progress],
    }
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


RESOLUTION_FIELDS = (
    "text outcome proposer seconder votes_for votes_against votes_abstain unopposed "
    "casting_vote kind appointee appointed_role appointed_body term approves_version "
    "approves_sha256"
)


def _fields(row, names: str) -> dict:
    return {name: changes.plain(row.__data__.get(name)) for name in names.split()}


def _grouped(model, condition, key: str, *order) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for row in model.live().where(condition).order_by(*order, model.id):
        grouped.setdefault(row.__data__[key], []).append(row)
    return grouped
