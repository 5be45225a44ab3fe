"""Approved minutes are the record: once a meeting's minutes are approved (or signed),
nothing in them may change. A correction is a new resolution at the approving meeting."""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.storage.models import Meeting, MinutesVersion

FROZEN_STATES = ("approved", "signed")


def approved_version(meeting_id: str) -> MinutesVersion | None:
    """The meeting's approved or signed minutes version, if there is one."""
    return (
        MinutesVersion.live()
        .where((MinutesVersion.meeting == meeting_id) & MinutesVersion.state.in_(FROZEN_STATES))
        .order_by(MinutesVersion.version.desc())
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
