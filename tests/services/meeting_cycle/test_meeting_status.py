"""The status workflow of DESIGN.md §2: only the allowed moves, reasons where needed, undo."""

from __future__ import annotations

import pytest

from desktop_app import vocabulary
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meeting_status, meetings

WORKFLOW = {
    "scheduled": {"agenda published", "cancelled", "postponed"},
    "agenda published": {"held", "cancelled", "postponed"},
    "held": {"minutes drafted"},
    "minutes drafted": {"minutes circulated"},
    "minutes circulated": {"minutes approved", "minutes drafted"},
    "minutes approved": {"minutes signed"},
    "minutes signed": set(),
    "postponed": {"scheduled"},
    "cancelled": set(),
}
PAIRS = [(a, b) for a in vocabulary.MEETING_STATUSES for b in vocabulary.MEETING_STATUSES]
# Publishing and signing are their own steps: "minutes signed" follows a signed version.
ALLOWED = [
    (a, b) for a, b in PAIRS if b in WORKFLOW[a] and b not in ("agenda published", "minutes signed")
]
REFUSED = [(a, b) for a, b in PAIRS if b not in WORKFLOW[a] and a != b]


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board")


def meeting_in(board, status):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    meeting_status.revert_status(meeting_id=meeting.id, status=status, reason="")
    return meeting


def reason_for(status):
    return "The venue is flooded" if status in ("cancelled", "postponed") else ""


def test_the_table_is_the_workflow_of_the_design():
    assert {k: set(v) for k, v in meeting_status.ALLOWED.items()} == WORKFLOW


@pytest.mark.parametrize(("before", "after"), ALLOWED)
def test_an_allowed_move(board, before, after):
    meeting = meeting_in(board, before)

    changed = meeting_status.change_status(
        meeting_id=meeting.id, status=after, reason=reason_for(after)
    )

    stored = meetings.get_meeting(meeting.id)
    assert changed.status == stored.status == after
    assert stored.status_reason == reason_for(after)


@pytest.mark.parametrize(("before", "after"), REFUSED)
def test_a_move_the_workflow_does_not_allow_is_refused(refused, board, before, after):
    meeting = meeting_in(board, before)

    with refused():
        meeting_status.change_status(meeting_id=meeting.id, status=after, reason="Because")


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("held", "scheduled", "A meeting that is held cannot go back to scheduled."),
        (
            "scheduled",
            "held",
            "A meeting that is scheduled cannot be held yet; its agenda must be published first.",
        ),
        (
            "held",
            "minutes approved",
            "A meeting that is held cannot be minutes approved yet; it must be minutes drafted "
            "first.",
        ),
        (
            "minutes signed",
            "cancelled",
            "A meeting that is minutes signed can no longer be cancelled.",
        ),
        (
            "cancelled",
            "scheduled",
            "A cancelled meeting stays cancelled; schedule a new meeting instead.",
        ),
        (
            "agenda published",
            "scheduled",
            "Unpublish the agenda to take it back; that also withdraws its minute numbers.",
        ),
        ("postponed", "held", "A meeting that is postponed cannot be held; it can be scheduled."),
    ],
)
def test_a_refusal_says_what_is_wrong(refused, board, before, after, message):
    meeting = meeting_in(board, before)

    with refused(message):
        meeting_status.change_status(meeting_id=meeting.id, status=after, reason="Because")


@pytest.mark.parametrize("status", ["cancelled", "postponed"])
def test_cancelling_or_postponing_needs_a_reason(refused, board, status):
    meeting = meeting_in(board, "scheduled")

    with refused(f"Please give the reason the meeting is {status}."):
        meeting_status.change_status(meeting_id=meeting.id, status=status, reason="  ")


def test_publishing_is_not_a_status_change(refused, board):
    meeting = meeting_in(board, "scheduled")

    with refused("Publish the agenda to mark it published"):
        meeting_status.change_status(meeting_id=meeting.id, status="agenda published")


def test_minutes_are_not_marked_signed_without_a_signed_version(refused, board):
    meeting = meeting_in(board, "minutes approved")

    with refused("The minutes are marked signed, but no version of them is signed"):
        meeting_status.change_status(meeting_id=meeting.id, status="minutes signed")


def test_the_same_status_again_is_refused(refused, board):
    meeting = meeting_in(board, "held")

    with refused("The meeting is already held."):
        meeting_status.change_status(meeting_id=meeting.id, status="held")


def test_an_unknown_status_is_refused(refused, board):
    meeting = meeting_in(board, "held")

    with refused("“over” is not a meeting status"):
        meeting_status.change_status(meeting_id=meeting.id, status="over")


def test_a_one_megabyte_reason_is_refused(refused, board):
    meeting = meeting_in(board, "scheduled")

    with refused("The reason is 1,048,576 characters long"):
        meeting_status.change_status(meeting_id=meeting.id, status="cancelled", reason="R" * 2**20)


def test_revert_status_undoes_a_change_whatever_the_workflow(board):
    meeting = meeting_in(board, "scheduled")
    meeting_status.change_status(meeting_id=meeting.id, status="postponed", reason="No quorum")

    meeting_status.revert_status(meeting_id=meeting.id, status="scheduled", reason="")

    stored = meetings.get_meeting(meeting.id)
    assert (stored.status, stored.status_reason) == ("scheduled", "")


def test_a_published_agenda_leads_to_a_held_meeting(board):
    meeting = meeting_in(board, "scheduled")
    agenda.start_agenda(meeting_id=meeting.id)
    agenda.publish_agenda(meeting_id=meeting.id)

    meeting_status.change_status(meeting_id=meeting.id, status="held")

    assert meetings.get_meeting(meeting.id).status == "held"


def test_editing_a_meeting_cannot_change_its_status(refused, board):
    meeting = meeting_in(board, "scheduled")

    with refused("A meeting's status changes only along its workflow"):
        meetings.update_meeting(meeting_id=meeting.id, status="held")


def test_editing_a_meeting_may_repeat_its_status(board):
    meeting = meeting_in(board, "postponed")

    meetings.update_meeting(meeting_id=meeting.id, status="postponed", venue="Town Hall")

    assert meetings.get_meeting(meeting.id).venue == "Town Hall"
