"""Versions of a meeting's minutes (DESIGN.md §2): draft → circulated → approved → signed.

A version stands for the minutes' content as it was at that step, fingerprinted by the
SHA-256 of `minutes_content`. Circulating or approving minutes that changed since their
latest version makes a new version at that step; otherwise the latest version moves on.
Approval happens by a resolution at a later meeting of the same body, which records the
fingerprint; from then on the minutes are frozen (freeze.py).

The meeting's status follows its latest version (a draft: "minutes drafted", and so on;
version_status.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import freeze
from desktop_app.services.decisions.minutes_content import content_sha256, minutes_content
from desktop_app.services.decisions.version_status import follow_latest, latest_version
from desktop_app.storage import changes
from desktop_app.storage.database import context
from desktop_app.storage.models import (
    AgendaItem,
    Meeting,
    MinutesVersion,
    Resolution,
    db,
)

__all__ = [
    "VersionEntry",
    "approve",
    "circulate",
    "content_changed_since_approval",
    "content_sha256",
    "discard_draft",
    "draft_version",
    "list_versions",
    "minutes_content",
    "unapprove",
    "withdraw_circulation",
]

WRITING = ("held", "minutes drafted", "minutes circulated")  # minutes being written
APPROVAL = (
    "That the minutes of the meeting held on {date} be approved as a correct record and signed."
)


@dataclass(frozen=True)
class VersionEntry:
    id: str
    version: int
    state: str
    created_at: str
    created_by: str
    circulated_at: str | None
    circulated_by: str
    approved_at: str | None
    approved_at_meeting_id: str | None
    approved_minute: str
    content_sha256: str


def list_versions(meeting_id: str) -> list[VersionEntry]:
    """The meeting's minutes versions, oldest first."""
    rows = MinutesVersion.live().where(MinutesVersion.meeting == meeting_id)
    return [
        VersionEntry(
            id=v.id,
            version=v.version,
            state=v.state,
            created_at=v.created_at,
            created_by=v.created_by,
            circulated_at=v.circulated_at,
            circulated_by=v.circulated_by,
            approved_at=v.approved_at,
            approved_at_meeting_id=v.__data__.get("approved_at_meeting"),
            approved_minute=v.approved_minute,
            content_sha256=v.content_sha256,
        )
        for v in rows.order_by(MinutesVersion.version)
    ]


# -- the steps --------------------------------------------------------------------------------


def draft_version(*, meeting_id: str) -> MinutesVersion:
    """Keep the minutes as they stand as the next draft version."""
    meeting = _being_written(meeting_id, "draft")
    sha = content_sha256(meeting.id)
    latest = latest_version(meeting.id)
    if latest is not None and latest.state == "draft" and latest.content_sha256 == sha:
        raise ValidationError(
            f"Draft version {latest.version} already holds the minutes as they stand."
        )
    with db.atomic():
        version = changes.create(
            MinutesVersion,
            meeting=meeting.id,
            version=_next_number(meeting.id),
            state="draft",
            created_by=context().actor,
            content_sha256=sha,
        )
        follow_latest(meeting)
    return version


def discard_draft(*, meeting_id: str) -> None:
    """Delete the latest version if it is a draft (the undo of draft_version)."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    latest = latest_version(meeting.id)
    if latest is None or latest.state != "draft":
        raise ValidationError(
            f"The minutes of {long_date(meeting.date)} have no draft version to discard."
        )
    with db.atomic():
        changes.delete(latest)
        follow_latest(meeting, removed=latest)


def circulate(*, meeting_id: str) -> MinutesVersion:
    """Circulate the minutes as they stand: the latest draft, or a new version if they
    changed since it. The meeting becomes "minutes circulated"."""
    meeting = _being_written(meeting_id, "circulate")
    sha = content_sha256(meeting.id)
    latest = latest_version(meeting.id)
    if latest is not None and latest.state == "circulated" and latest.content_sha256 == sha:
        raise ValidationError(
            f"Version {latest.version} of these minutes was circulated on "
            f"{_day(latest.circulated_at)} and they have not changed since."
        )
    actor = context().actor
    with db.atomic():
        if latest is not None and latest.state == "draft" and latest.content_sha256 == sha:
            version = latest
            changes.update(
                version,
                state="circulated",
                circulated_at=changes.utc_now(),
                circulated_by=actor,
            )
        else:
            version = changes.create(
                MinutesVersion,
                meeting=meeting.id,
                version=_next_number(meeting.id),
                state="circulated",
                created_by=actor,
                circulated_at=changes.utc_now(),
                circulated_by=actor,
                content_sha256=sha,
            )
        follow_latest(meeting)
    return version


def withdraw_circulation(*, meeting_id: str) -> None:
    """The undo of circulate: the version goes back to draft, or away if circulating made it."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    freeze.ensure_editable(meeting.id)
    latest = latest_version(meeting.id)
    if latest is None or latest.state != "circulated":
        raise ValidationError(f"The minutes of {long_date(meeting.date)} are not circulated.")
    with db.atomic():
        if _made_by_the_step(latest, latest.circulated_at):
            changes.delete(latest)
            follow_latest(meeting, removed=latest)
        else:
            changes.update(latest, state="draft", circulated_at=None, circulated_by="")
            follow_latest(meeting)


def approve(*, meeting_id: str, at_item_id: str) -> Resolution:
    """Approve the minutes at an item of a later meeting of the same body: a resolution
    there records the approved version and its fingerprint, and the minutes freeze."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    item = validation.live_row(AgendaItem, at_item_id, "agenda item")
    at = Meeting.get_by_id(item.__data__["meeting"])
    when = long_date(meeting.date)
    if freeze.approved_version(meeting.id) is not None or meeting.status in (
        "minutes approved",
        "minutes signed",
    ):
        raise ValidationError(f"The minutes of {when} are already approved.")
    if at.__data__["body"] != meeting.__data__["body"]:
        raise ValidationError(
            f"The minutes of {when} can only be approved at a meeting of {meeting.body.name}."
        )
    if at.date <= meeting.date:
        raise ValidationError(
            f"The minutes of {when} can only be approved at a later meeting, not at the "
            f"meeting of {long_date(at.date)}."
        )
    if at.status in ("cancelled", "postponed"):
        raise ValidationError(
            f"The meeting of {long_date(at.date)} is {at.status}; minutes cannot be approved at it."
        )
    _refuse_status(meeting, "approve")
    freeze.ensure_editable(at.id)
    sha = content_sha256(meeting.id)
    latest = latest_version(meeting.id)
    approval = dict(approved_at_meeting=at.id, approved_minute=item.number)
    with db.atomic():
        approval["frozen_stamps"] = freeze.content_stamps(meeting.id)
        if latest is not None and latest.content_sha256 == sha:
            version = latest
            changes.update(version, state="approved", approved_at=changes.utc_now(), **approval)
        else:
            version = changes.create(
                MinutesVersion,
                meeting=meeting.id,
                version=_next_number(meeting.id),
                state="approved",
                created_by=context().actor,
                approved_at=changes.utc_now(),
                content_sha256=sha,
                **approval,
            )
        last = Resolution.select(fn.MAX(Resolution.position)).where(Resolution.item == item.id)
        position = last.scalar()
        resolution = changes.create(
            Resolution,
            item=item.id,
            position=0 if position is None else position + 1,
            text=APPROVAL.format(date=when),
            outcome="approved",
            kind="resolution",
            approves_version=version.id,
            approves_sha256=sha,
        )
        follow_latest(meeting)
    return resolution


def unapprove(*, meeting_id: str) -> None:
    """The undo of approve: its resolution is deleted, the version goes back to the state
    it had (or away, if approving made it) and the meeting's status follows."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    version = freeze.approved_version(meeting.id)
    when = long_date(meeting.date)
    if version is None:
        raise ValidationError(f"The minutes of {when} have not been approved.")
    if version.state == "signed":
        raise ValidationError(f"The minutes of {when} are signed and can no longer change.")
    approvals = list(Resolution.live().where(Resolution.approves_version == version.id))
    for resolution in approvals:
        freeze.ensure_editable(AgendaItem.get_by_id(resolution.__data__["item"]).meeting_id)
    with db.atomic():
        for resolution in approvals:
            changes.delete(resolution)
        if _made_by_the_step(version, version.approved_at):
            changes.delete(version)
            follow_latest(meeting, removed=version)
        else:
            changes.update(
                version,
                state="circulated" if version.circulated_at else "draft",
                approved_at=None,
                approved_at_meeting=None,
                approved_minute="",
                frozen_stamps="",
            )
            follow_latest(meeting)


def content_changed_since_approval(meeting_id: str) -> bool:
    """Whether the record differs from the fingerprint taken when it was approved."""
    version = freeze.approved_version(meeting_id)
    if version is None or not version.content_sha256:
        return False
    return version.content_sha256 != content_sha256(meeting_id)


# -- helpers ----------------------------------------------------------------------------------


def _next_number(meeting_id: str) -> int:
    last = (
        MinutesVersion.live()
        .select(fn.MAX(MinutesVersion.version))
        .where(MinutesVersion.meeting == meeting_id)
        .scalar()
    )
    return (last or 0) + 1


def _being_written(meeting_id: str, verb: str) -> Meeting:
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    freeze.ensure_editable(meeting.id)
    _refuse_status(meeting, verb)
    return meeting


def _refuse_status(meeting: Meeting, verb: str) -> None:
    when = long_date(meeting.date)
    if meeting.status in ("minutes approved", "minutes signed"):
        raise ValidationError(f"The minutes of {when} are already approved.")
    if meeting.status in ("cancelled", "postponed"):
        raise ValidationError(f"The meeting of {when} was {meeting.status}; it has no minutes.")
    if meeting.status not in WRITING:
        raise ValidationError(
            f"The meeting of {when} has not been held yet; mark it held before you {verb} "
            "its minutes."
        )


def _made_by_the_step(version: MinutesVersion, moment: str | None) -> bool:
    """Whether the version was made by the step now undone (circulating or approving
    changed minutes) rather than moved on to it. A version moved on has a state stamped
    after it was made: stamps travel with the record, so this holds whatever the clocks of
    the machines that made it and took the step. A version made in its state (here, or by
    an import, which brings its history as times) was made by the step unless its time
    says the step came later."""
    if changes.stamp_of(version, "state") != version.base_hlc:
        return False
    return moment is None or moment <= version.created_at


def _day(moment: str | None) -> str:
    return long_date(dt.datetime.fromisoformat(moment).date()) if moment else "an earlier date"
