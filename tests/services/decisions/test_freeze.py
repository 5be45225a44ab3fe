"""Approved minutes cannot change; the message names the approving minute."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.decisions.freeze import ensure_editable
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage import changes
from desktop_app.storage.models import MinutesVersion, db


@pytest.fixture
def two_meetings(database):
    body = bodies.create_body(name="Board")
    first = meetings.create_meeting(body_id=body.id, date="2012-10-01")
    second = meetings.create_meeting(body_id=body.id, date="2012-12-17")
    return first, second


def test_a_draft_can_change(two_meetings):
    first, _ = two_meetings
    with db.atomic():
        changes.create(MinutesVersion, meeting=first.id, version=1, state="circulated")
    ensure_editable(first.id)


def test_approved_minutes_are_frozen_and_the_message_names_the_approving_minute(two_meetings):
    first, second = two_meetings
    with db.atomic():
        changes.create(
            MinutesVersion,
            meeting=first.id,
            version=1,
            state="approved",
            approved_at_meeting=second.id,
            approved_minute="31",
        )
    with pytest.raises(ValidationError) as refused:
        ensure_editable(first.id)
    assert str(refused.value) == (
        "The minutes of 1 October 2012 were approved at minute 31 of the meeting of "
        "17 December 2012 and can no longer change; record a correction as a resolution "
        "at the approving meeting."
    )


def test_the_date_time_and_venue_of_a_meeting_with_approved_minutes_cannot_change(
    two_meetings, refused
):
    first, second = two_meetings
    with db.atomic():
        changes.create(
            MinutesVersion, meeting=first.id, version=1, state="approved",
            approved_at_meeting=second.id, approved_minute="31",
        )  # fmt: skip
    with refused("can no longer change"):
        meetings.update_meeting(meeting_id=first.id, venue="Somewhere else")
    with refused("can no longer change"):
        meetings.update_meeting(meeting_id=first.id, start_time="19:30")
    meetings.update_meeting(meeting_id=first.id, venue=first.venue)  # unchanged: allowed
