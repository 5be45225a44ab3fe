"""A meeting's status as its minutes versions say (a draft: "minutes drafted", and so on):
which version it follows, setting it after a step (minutes_versions.py), after a merge of
two laptops' work (sync/derived.py), and, when no version is left, the status the meeting
had before the last one was made, read from the change journal."""

from __future__ import annotations

import json

from desktop_app.services.decisions import freeze
from desktop_app.services.meeting_cycle import meeting_status
from desktop_app.storage import changes
from desktop_app.storage.models import JournalEntry, Meeting, MinutesVersion

STATUS_OF_STATE = {
    "draft": "minutes drafted",
    "circulated": "minutes circulated",
    "approved": "minutes approved",
    "signed": "minutes signed",
}


def latest_version(meeting_id: str) -> MinutesVersion | None:
    """The version the meeting's status follows: the approval in force, which a version
    circulated meanwhile on another laptop cannot undo, else the highest numbered. Two
    laptops can each make a version of one number: every laptop picks the same."""
    return freeze.approved_version(meeting_id) or (
        MinutesVersion.live()
        .where(MinutesVersion.meeting == meeting_id)
        .order_by(MinutesVersion.version.desc(), MinutesVersion.id.desc())
        .first()
    )


def follow_latest(meeting: Meeting, removed: MinutesVersion | None = None) -> None:
    """Set the meeting's status from its latest version; with none left after `removed`
    went, back to the status it had when that version was made."""
    latest = latest_version(meeting.id)
    if latest is not None:
        target = STATUS_OF_STATE[latest.state]
    elif removed is not None:
        target = _status_when_made(meeting, removed) or "held"
    else:
        return
    current = meeting.status
    if target == current:
        return
    if target in meeting_status.ALLOWED.get(current, ()):
        meeting_status.change_status(meeting_id=meeting.id, status=target)
    else:
        meeting_status.revert_status(meeting_id=meeting.id, status=target, reason="")
    meeting.status = target


def follow_versions(meeting_id: str) -> None:
    """Put the meeting's status in line with its minutes versions, after a merge of two
    laptops' work (sync/derived.py): the status is worked out from the versions, never
    taken from whichever laptop wrote it last. With no version left, the status the
    meeting had when the last one to go was made."""
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None or meeting.deleted_at is not None:
        return
    latest = latest_version(meeting.id)
    if latest is not None:
        target = STATUS_OF_STATE[latest.state]
    else:
        gone = MinutesVersion.select().where(
            (MinutesVersion.meeting == meeting.id) & MinutesVersion.deleted_at.is_null(False)
        )
        last = max(gone, key=lambda version: changes.stamp_of(version, "deleted_at"), default=None)
        if last is None:
            return
        target = _status_when_made(meeting, last) or "held"
    changes.update(meeting, status=target)


def _status_when_made(meeting: Meeting, version: MinutesVersion) -> str | None:
    """The meeting's status just before `version` was made. No row keeps it, but the change
    journal does: the last status written for the meeting before the version's creation.
    The journal holds the changes made here and those applied from other machines, ordered
    by their stamps, so every machine finds the same status."""
    entries = (
        JournalEntry.select(JournalEntry.fields)
        .where(
            (JournalEntry.row_id == meeting.id)
            & (JournalEntry.table_name == "meeting")
            & (JournalEntry.hlc < version.base_hlc)
            & JournalEntry.fields.contains('"status"')
        )
        .order_by(JournalEntry.hlc.desc())
    )
    for entry in entries:
        status = json.loads(entry.fields).get("status")
        if status:
            return status
    return None
