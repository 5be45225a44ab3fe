"""Meetings: scheduling, editing, the chain of previous meetings, and municipal years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.services.directory import people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage.models import JournalEntry, Meeting


@pytest.fixture
def board(database):
    return create_body(name="Maidstone Locality Board", venue="Town Hall, Maidstone")


def previous_of(meeting_id: str) -> str | None:
    return Meeting.get_by_id(meeting_id).__data__["previous"]


def test_create_meeting_stores_every_field(board):
    meeting = meetings.create_meeting(
        body_id=board.id,
        date="2012-12-17",
        start_time="14:00",
        end_time="16:05",
        venue="Council Chamber 🏛",
        kind="extraordinary",
        is_public=False,
    )

    stored = meetings.get_meeting(meeting.id)
    assert (stored.date, stored.start_time, stored.end_time) == (
        dt.date(2012, 12, 17),
        "14:00",
        "16:05",
    )
    assert (stored.venue, stored.kind, stored.status, stored.is_public) == (
        "Council Chamber 🏛",
        "extraordinary",
        "scheduled",
        False,
    )


def test_the_venue_defaults_to_the_bodys(board):
    meeting = meetings.create_meeting(body_id=board.id, date=dt.date(2012, 12, 17))

    assert meetings.get_meeting(meeting.id).venue == "Town Hall, Maidstone"


def test_a_new_meeting_links_to_the_one_before(board):
    october = meetings.create_meeting(body_id=board.id, date="2012-10-15")
    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    assert previous_of(october.id) is None
    assert previous_of(december.id) == october.id


def test_a_meeting_added_in_between_relinks_the_one_after(board):
    october = meetings.create_meeting(body_id=board.id, date="2012-10-15")
    february = meetings.create_meeting(body_id=board.id, date="2013-02-11")

    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    assert previous_of(december.id) == october.id
    assert previous_of(february.id) == december.id


def test_a_rescheduled_meeting_moves_in_the_chain(board):
    october = meetings.create_meeting(body_id=board.id, date="2012-10-15")
    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    february = meetings.create_meeting(body_id=board.id, date="2013-02-11")

    meetings.update_meeting(meeting_id=february.id, date="2012-11-19")

    assert previous_of(february.id) == october.id
    assert previous_of(december.id) == february.id


def test_deleting_a_meeting_closes_the_gap_and_restoring_reopens_it(board):
    october = meetings.create_meeting(body_id=board.id, date="2012-10-15")
    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    february = meetings.create_meeting(body_id=board.id, date="2013-02-11")

    meetings.delete_meeting(meeting_id=december.id)
    assert previous_of(february.id) == october.id

    meetings.restore_meeting(meeting_id=december.id)
    assert previous_of(february.id) == december.id


def test_a_date_change_that_keeps_the_order_journals_only_the_date(board):
    meetings.create_meeting(body_id=board.id, date="2012-10-15")
    february = meetings.create_meeting(body_id=board.id, date="2013-02-11")
    before = JournalEntry.select().count()

    meetings.update_meeting(meeting_id=february.id, date="2013-02-12")

    assert JournalEntry.select().count() == before + 1


def test_meetings_of_another_body_are_not_linked(board):
    other = create_body(name="Health and Wellbeing Board")
    meetings.create_meeting(body_id=other.id, date="2012-10-15")

    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    assert previous_of(december.id) is None


def test_the_end_time_before_the_start_is_refused(refused, board):
    with refused("The meeting ends (13:00) before it starts (14:00)."):
        meetings.create_meeting(
            body_id=board.id, date="2012-12-17", start_time="14:00", end_time="13:00"
        )


def test_a_meeting_ending_as_it_starts_is_refused(refused, board):
    with refused("before it starts"):
        meetings.create_meeting(
            body_id=board.id, date="2012-12-17", start_time="14:00", end_time="14:00"
        )


@pytest.mark.parametrize(
    ("day", "why"),
    [
        ("2013-02-30", "February 2013 has 28 days."),
        ("31/04/2013", "April 2013 has 30 days."),
        ("2013-13-01", "there is no month 13."),
    ],
)
def test_an_impossible_date_is_refused(refused, board, day, why):
    with refused(f"“{day}” is not a real date for the meeting date: {why}"):
        meetings.create_meeting(body_id=board.id, date=day)


def test_words_that_are_not_a_date_are_refused(refused, board):
    with refused(
        "“next Tuesday” is not a date for the meeting date; write it as 25/06/2024, "
        "25 June 2024 or 2024-06-25."
    ):
        meetings.create_meeting(body_id=board.id, date="next Tuesday")


def test_a_meeting_takes_its_date_and_times_as_a_clerk_writes_them(board):
    meeting = meetings.create_meeting(
        body_id=board.id, date="17/12/2012", start_time="2.30 pm", end_time="4:30pm"
    )

    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        dt.date(2012, 12, 17),
        "14:30",
        "16:30",
    )


def test_a_missing_date_is_refused(refused, board):
    with refused("The meeting date is missing."):
        meetings.create_meeting(body_id=board.id, date="")


@pytest.mark.parametrize("time", ["25:00", "24:00", "14:60", "13pm", "half two", "9"])
def test_a_time_that_is_not_a_time_of_day_is_refused(refused, board, time):
    with refused(f"“{time}” is not a time of day for the start; write it as 19:40 or 7.40 pm."):
        meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time=time)


def test_an_unknown_body_is_refused(refused, board):
    with refused("There is no body with the key “nowhere”."):
        meetings.create_meeting(body_id="nowhere", date="2012-12-17")


def test_an_unknown_kind_is_refused(refused, board):
    with refused("“party” is not a kind of meeting"):
        meetings.create_meeting(body_id=board.id, date="2012-12-17", kind="party")


def test_an_unknown_status_is_refused(refused, board):
    with refused("“over” is not a meeting status"):
        meetings.create_meeting(body_id=board.id, date="2012-12-17", status="over")


def test_a_one_megabyte_venue_is_refused(refused, board):
    with refused("The venue is 1,048,576 characters long"):
        meetings.create_meeting(body_id=board.id, date="2012-12-17", venue="V" * 1_048_576)


def test_update_records_the_chair_and_the_public(board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    garland = people.create_person(name="Chris Garland", title="Cllr")

    meetings.update_meeting(meeting_id=meeting.id, chair_id=garland.id, public_attendees="3")

    stored = meetings.get_meeting(meeting.id)
    assert (stored.chair.id, stored.public_attendees) == (garland.id, 3)


def test_update_to_an_end_before_the_stored_start_is_refused(refused, board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:00")

    with refused("The meeting ends (10:00) before it starts (14:00)."):
        meetings.update_meeting(meeting_id=meeting.id, end_time="10:00")


@pytest.mark.parametrize(
    ("count", "words"),
    [("-1", "cannot be negative"), ("a few", "must be a number")],
)
def test_a_bad_number_of_the_public_is_refused(refused, board, count, words):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    with refused(words):
        meetings.update_meeting(meeting_id=meeting.id, public_attendees=count)


def test_an_unknown_chair_is_refused(refused, board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    with refused("There is no chair with the key “nobody”."):
        meetings.update_meeting(meeting_id=meeting.id, chair_id="nobody")


def test_update_of_an_unknown_field_is_refused(refused, board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    with refused("A meeting has no field called body_id."):
        meetings.update_meeting(meeting_id=meeting.id, body_id=board.id)


def test_list_meetings_is_newest_first(board):
    for day, start in (("2012-10-15", "14:00"), ("2012-12-17", "10:00"), ("2012-12-17", "18:30")):
        meetings.create_meeting(body_id=board.id, date=day, start_time=start)

    listed = meetings.list_meetings(body_id=board.id)

    assert [(m.date, m.start_time) for m in listed] == [
        (dt.date(2012, 12, 17), "18:30"),
        (dt.date(2012, 12, 17), "10:00"),
        (dt.date(2012, 10, 15), "14:00"),
    ]
    assert {(m.kind, m.status) for m in listed} == {("ordinary", "scheduled")}


def test_find_meeting_by_date(board):
    december = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    assert meetings.find_meeting(body_id=board.id, date="2012-12-17").id == december.id
    assert meetings.find_meeting(body_id=board.id, date=dt.date(2012, 12, 18)) is None


def test_delete_and_restore_a_scheduled_meeting(board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")

    meetings.delete_meeting(meeting_id=meeting.id)
    assert meetings.list_meetings(body_id=board.id) == []

    meetings.restore_meeting(meeting_id=meeting.id)
    assert [m.id for m in meetings.list_meetings(body_id=board.id)] == [meeting.id]


def test_a_deleted_meeting_whose_slot_was_taken_is_not_restored(refused, board):
    first = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    meetings.delete_meeting(meeting_id=first.id)
    meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")

    with refused("already meets on 17 December 2012 at 14:30."):
        meetings.restore_meeting(meeting_id=first.id)


def test_deleting_a_meeting_already_held_is_refused(refused, board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17", status="held")

    with refused("The meeting of 17 December 2012 is held;", "Cancel it instead."):
        meetings.delete_meeting(meeting_id=meeting.id)


@pytest.mark.parametrize(
    ("day", "year"),
    [
        ("2012-12-17", "2012/13"),
        ("2013-04-30", "2012/13"),
        ("2013-05-01", "2013/14"),
        ("1999-05-01", "1999/00"),
        ("2000-01-01", "1999/00"),
    ],
)
def test_municipal_year_starts_in_may(day, year):
    assert meetings.municipal_year(dt.date.fromisoformat(day)) == year


def test_municipal_year_starting_on_new_years_day_is_the_calendar_year():
    assert meetings.municipal_year(dt.date(2013, 12, 31), "01-01") == "2013"


def year_start(first: int, month_day: str) -> dt.date:
    """The first day of the municipal year `first`; 29 February falls to 1 March."""
    month, day = (int(part) for part in month_day.split("-"))
    try:
        return dt.date(first, month, day)
    except ValueError:
        return dt.date(first, 3, 1)


@given(
    day=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2998, 12, 31)),
    starts=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)).map(
        lambda d: d.strftime("%m-%d")
    ),
)
def test_every_date_falls_in_the_year_whose_range_contains_it(day, starts):
    label = meetings.municipal_year(day, starts)

    first = int(label[:4])
    assert year_start(first, starts) <= day < year_start(first + 1, starts)
    if starts == "01-01":
        assert label == str(first)
    else:
        assert label == f"{first}/{(first + 1) % 100:02d}"


# The date of the next meeting


def test_the_next_meeting_s_date_is_kept_and_that_meeting_scheduled_from_it(board):
    meeting = meetings.create_meeting(
        body_id=board.id, date="2012-12-17", start_time="14:30", end_time="16:30"
    )

    meetings.set_next_meeting(meeting_id=meeting.id, date="2013-02-04")
    following = meetings.schedule_next_meeting(meeting_id=meeting.id)

    assert Meeting.get_by_id(meeting.id).next_meeting_date == dt.date(2013, 2, 4)
    assert (following.date, following.start_time, following.end_time, following.venue) == (
        dt.date(2013, 2, 4),
        "14:30",
        "16:30",
        "Town Hall, Maidstone",
    )
    assert previous_of(following.id) == meeting.id


def _scheduled_next(meeting_id: str) -> None:
    meetings.set_next_meeting(meeting_id=meeting_id, date="2013-02-04")
    meetings.schedule_next_meeting(meeting_id=meeting_id)


@pytest.mark.parametrize(
    ("before", "step", "words"),
    [
        (
            None,
            lambda m: meetings.set_next_meeting(meeting_id=m, date="2012-12-17"),
            "The next meeting must come after this one of 17 December 2012",
        ),
        (
            None,
            lambda m: meetings.schedule_next_meeting(meeting_id=m),
            "set no date for the next meeting yet",
        ),
        (
            _scheduled_next,
            lambda m: meetings.schedule_next_meeting(meeting_id=m),
            "already meets on 4 February 2013",
        ),
    ],
    ids=["on this meeting's day", "no date set", "scheduled twice"],
)
def test_a_next_meeting_that_cannot_be_is_refused(refused, board, before, step, words):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    if before:
        before(meeting.id)

    with refused(words):
        step(meeting.id)
