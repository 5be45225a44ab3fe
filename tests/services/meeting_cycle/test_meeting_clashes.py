"""One body never meets twice at the same date and start time."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meeting_status, meetings


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board")


def test_a_second_meeting_at_the_same_date_and_time_is_refused(refused, board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    with refused("Maidstone Locality Board already meets on 17 December 2012 at 14:30."):
        meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")


def test_a_second_meeting_on_the_same_day_without_times_is_refused(refused, board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17")

    with refused("Maidstone Locality Board already meets on 17 December 2012."):
        meetings.create_meeting(body_id=board.id, date="2012-12-17")


def test_two_meetings_of_one_day_at_different_times_are_fine(board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="10:00")
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    assert len(meetings.list_meetings(body_id=board.id)) == 2


def test_another_body_may_meet_at_the_same_time(board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    other = bodies.create_body(name="Health and Wellbeing Board")

    meetings.create_meeting(body_id=other.id, date="2012-12-17", start_time="14:30")

    assert len(meetings.list_meetings(body_id=other.id)) == 1


def test_a_cancelled_meeting_leaves_its_time_free(board):
    first = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    meeting_status.change_status(meeting_id=first.id, status="cancelled", reason="Flooded")

    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    assert len(meetings.list_meetings(body_id=board.id)) == 2


def test_a_deleted_meeting_leaves_its_time_free(board):
    first = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    meetings.delete_meeting(meeting_id=first.id)

    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    assert len(meetings.list_meetings(body_id=board.id)) == 1


def test_moving_a_meeting_onto_another_is_refused(refused, board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    other = meetings.create_meeting(body_id=board.id, date="2013-02-11", start_time="14:30")

    with refused("already meets on 17 December 2012 at 14:30."):
        meetings.update_meeting(meeting_id=other.id, date="2012-12-17")


def test_changing_the_start_onto_another_meeting_is_refused(refused, board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    other = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="10:00")

    with refused("already meets on 17 December 2012 at 14:30."):
        meetings.update_meeting(meeting_id=other.id, start_time="14:30")


def test_saving_a_meeting_unchanged_is_no_clash_with_itself(board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    meetings.update_meeting(
        meeting_id=meeting.id, date="2012-12-17", start_time="14:30", status="scheduled"
    )

    assert meetings.get_meeting(meeting.id).start_time == "14:30"


def test_check_meeting_refuses_as_create_would_and_writes_nothing(refused, board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    with refused("already meets on 17 December 2012 at 14:30."):
        meetings.check_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    meetings.check_meeting(body_id=board.id, date="2012-12-18", start_time="14:30")
