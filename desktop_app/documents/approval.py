"""The sentence of the chained record (DESIGN.md §4) that the approving meeting's minutes
print under the resolution approving earlier minutes."""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.storage.models import Meeting, MinutesVersion, Resolution


def approval_wording(resolution: Resolution) -> str:
    """For a resolution that approved minutes, the sentence of the chained record: "The
    minutes of the meeting held on 1 October 2012, version 2, SHA-256 3f9a…, were approved
    as a correct record." ("" for any other resolution.)"""
    version = MinutesVersion.get_or_none(
        MinutesVersion.id == resolution.__data__.get("approves_version")
    )
    if version is None or not resolution.approves_sha256:
        return ""
    meeting = Meeting.get_by_id(version.__data__["meeting"])
    return (
        f"The minutes of the meeting held on {long_date(meeting.date)}, version "
        f"{version.version}, SHA-256 {resolution.approves_sha256}, were approved as a "
        "correct record."
    )
