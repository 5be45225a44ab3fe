"""Where a meeting stands, and the only ways it may move on (DESIGN.md §2).

Publishing the agenda is its own step (agenda.publish_agenda), because it numbers the items.
"""

from __future__ import annotations

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.rules.minutes_status import check_signed_status
from desktop_app.services import validation
from desktop_app.storage import changes
from desktop_app.storage.models import Meeting, MinutesVersion, db

ALLOWED: dict[str, tuple[str, ...]] = {
    "scheduled": ("agenda published", "cancelled", "postponed"),
    "agenda published": ("held", "cancelled", "postponed"),
    "held": ("minutes drafted",),
    "minutes drafted": ("minutes circulated",),
    # Back to drafted when the meeting asks for a correction before approving them.
    "minutes circulated": ("minutes approved", "minutes drafted"),
    "minutes approved": ("minutes signed",),
    "minutes signed": (),
    "postponed": ("scheduled",),  # re-arranged
    "cancelled": (),
}
NEEDS_REASON = ("cancelled", "postponed")
# The main line of the workflow, to tell "go back" from "skip ahead" in a refusal.
SEQUENCE = vocabulary.MEETING_STATUSES[:7]


def change_status(*, meeting_id: str, status: str, reason: str = "") -> Meeting:
    """Move the meeting on along the workflow; cancelling or postponing needs a reason."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    status = validation.choice(status, vocabulary.MEETING_STATUSES, "meeting status")
    reason = validation.optional_name(reason, "reason")
    current = meeting.status
    if status == current:
        raise ValidationError(f"The meeting is already {status}.")
    if status == "agenda published" and current == "scheduled":
        raise ValidationError(
            "Publish the agenda to mark it published; publishing also gives the items "
            "their minute numbers."
        )
    if status not in ALLOWED.get(current, ()):
        raise ValidationError(_refusal(current, status))
    if status in NEEDS_REASON and not reason:
        raise ValidationError(f"Please give the reason the meeting is {status}.")
    check_signed_status(status, has_signed_version=has_signed_version(meeting.id))
    with db.atomic():
        changes.update(meeting, status=status, status_reason=reason)
    return meeting


def has_signed_version(meeting_id: str) -> bool:
    """Whether a version of the meeting's minutes is signed."""
    return (
        MinutesVersion.live()
        .where((MinutesVersion.meeting == meeting_id) & (MinutesVersion.state == "signed"))
        .exists()
    )


def revert_status(*, meeting_id: str, status: str, reason: str) -> Meeting:
    """Put back the status and reason a meeting had (the undo of change_status), without
    the workflow's checks."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    status = validation.choice(status, vocabulary.MEETING_STATUSES, "meeting status")
    reason = validation.optional_name(reason, "reason")
    with db.atomic():
        changes.update(meeting, status=status, status_reason=reason)
    return meeting


def _refusal(current: str, status: str) -> str:
    if current == "cancelled":
        return "A cancelled meeting stays cancelled; schedule a new meeting instead."
    if (current, status) == ("agenda published", "scheduled"):
        return "Unpublish the agenda to take it back; that also withdraws its minute numbers."
    if current in SEQUENCE and status in SEQUENCE:
        if SEQUENCE.index(status) < SEQUENCE.index(current):
            return f"A meeting that is {current} cannot go back to {status}."
        step = ALLOWED[current][0]
        first = (
            "its agenda must be published" if step == "agenda published" else f"it must be {step}"
        )
        return f"A meeting that is {current} cannot be {status} yet; {first} first."
    if status in NEEDS_REASON and current in SEQUENCE:
        return f"A meeting that is {current} can no longer be {status}."
    moves = " or ".join(ALLOWED.get(current, ()))
    return f"A meeting that is {current} cannot be {status}; it can be {moves}."
