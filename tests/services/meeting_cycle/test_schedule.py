"""A series of meetings: the dates of a rule, and scheduling them all or none."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings, schedule
from desktop_app.storage.models import Meeting


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board", venue="Town Hall, Maidstone")


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_every_second_monday_until_april():
    dates = schedule.series_dates(
        first=d("2012-12-17"), until=d("2013-04-30"), rule="weekly", interval=2
    )

    assert dates[:3] == [d("2012-12-17"), d("2012-12-31"), d("2013-01-14")]
    assert dates[-1] == d("2013-04-22")
    assert {day.weekday() for day in dates} == {0}
    assert len(dates) == 10


def test_every_week_includes_the_last_day_when_it_falls_on_the_rule():
    dates = schedule.series_dates(first=d("2013-01-07"), until=d("2013-01-21"), rule="weekly")

    assert dates == [d("2013-01-07"), d("2013-01-14"), d("2013-01-21")]


def test_monthly_keeps_the_same_weekday_of_the_month():
    # 10 December 2012 is the second Monday of its month.
    dates = schedule.series_dates(first=d("2012-12-10"), until=d("2013-05-31"), rule="monthly")

    assert dates == [
        d(x)
        for x in (
            "2012-12-10",
            "2013-01-14",
            "2013-02-11",
            "2013-03-11",
            "2013-04-08",
            "2013-05-13",
        )
    ]


def test_every_third_month():
    dates = schedule.series_dates(
        first=d("2013-01-15"), until=d("2013-12-31"), rule="monthly", interval=3
    )

    # 15 January 2013 is the third Tuesday.
    assert dates == [d("2013-01-15"), d("2013-04-16"), d("2013-07-16"), d("2013-10-15")]


def test_a_fifth_weekday_becomes_the_last_of_a_shorter_month():
    # 31 January 2013 is the fifth Thursday; February has four.
    dates = schedule.series_dates(first=d("2013-01-31"), until=d("2013-03-31"), rule="monthly")

    assert dates == [d("2013-01-31"), d("2013-02-28"), d("2013-03-28")]


def test_dates_may_be_typed_as_text():
    assert schedule.series_dates(first="2013-01-07", until="2013-01-07", rule="weekly") == [
        d("2013-01-07")
    ]


@given(
    first=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)),
    interval=st.integers(min_value=1, max_value=4),
    months=st.integers(min_value=0, max_value=48),
)
def test_monthly_dates_share_the_weekday_and_keep_the_week_of_the_month(first, interval, months):
    until = first + dt.timedelta(days=31 * months)

    dates = schedule.series_dates(first=first, until=until, rule="monthly", interval=interval)

    assert dates[0] == first and all(day <= until for day in dates)
    assert {day.weekday() for day in dates} == {first.weekday()}
    week = (first.day - 1) // 7
    for day in dates:
        assert (day.day - 1) // 7 == week or (
            week == 4 and (day + dt.timedelta(7)).month != day.month
        )
    assert dates == sorted(set(dates))


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (
            dict(until="2012-12-01"),
            "The series ends (1 December 2012) before it starts (17 December 2012).",
        ),
        (
            dict(until="2020-01-01"),
            "That series has more than 60 meetings; schedule at most 60 at a time.",
        ),
        (dict(rule="daily"), "“daily” is not a repeat rule"),
        (dict(interval=0), "Repeat every 1 or more weeks; “0” is not such a count."),
        (dict(interval="two"), "“two” is not such a count"),
        (dict(until="2013-02-30"), "“2013-02-30” is not a real date"),
        (dict(until=""), "The last date of the series is missing."),
    ],
)
def test_a_series_that_cannot_be_made_is_refused(fields, words):
    values = dict(first="2012-12-17", until="2013-04-30", rule="weekly", interval=1) | fields

    with pytest.raises(ValidationError) as caught:
        schedule.series_dates(**values)

    assert words in str(caught.value)


def test_sixty_meetings_are_allowed():
    dates = schedule.series_dates(first=d("2013-01-07"), until=d("2014-02-24"), rule="weekly")

    assert len(dates) == 60


def test_a_series_near_the_end_of_the_calendar_stops_there():
    dates = schedule.series_dates(first=d("9999-11-01"), until=d("9999-12-31"), rule="monthly")

    assert dates == [d("9999-11-01"), d("9999-12-06")]


def test_schedule_series_makes_every_meeting_linked_in_order(board):
    made = schedule.schedule_series(
        body_id=board.id,
        first="2012-12-17",
        until="2013-02-28",
        rule="weekly",
        interval=4,
        start_time="14:30",
        end_time="16:30",
        kind="ordinary",
    )

    stored = [Meeting.get_by_id(m.id) for m in made]
    assert [m.date for m in stored] == [d("2012-12-17"), d("2013-01-14"), d("2013-02-11")]
    assert {(m.start_time, m.end_time, m.venue, m.status) for m in stored} == {
        ("14:30", "16:30", "Town Hall, Maidstone", "scheduled")
    }
    assert [m.__data__["previous"] for m in stored] == [None, made[0].id, made[1].id]


def test_a_series_clashing_with_a_meeting_is_refused_whole(refused, board):
    meetings.create_meeting(body_id=board.id, date="2013-01-14", start_time="14:30")

    with refused("Maidstone Locality Board already meets on 14 January 2013 at 14:30."):
        schedule.schedule_series(
            body_id=board.id,
            first="2012-12-17",
            until="2013-02-28",
            rule="weekly",
            interval=4,
            start_time="14:30",
        )


def test_a_series_at_another_time_of_the_same_day_is_scheduled(board):
    meetings.create_meeting(body_id=board.id, date="2013-01-14", start_time="10:00")

    made = schedule.schedule_series(
        body_id=board.id, first="2013-01-14", until="2013-01-28", rule="weekly", start_time="14:30"
    )

    assert len(made) == 3


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (
            dict(start_time="14:30", end_time="13:00"),
            "The meeting ends (13:00) before it starts (14:30).",
        ),
        (dict(kind="party"), "“party” is not a kind of meeting"),
        (dict(body_id="nowhere"), "There is no body with the key “nowhere”."),
        (dict(until="2012-01-01"), "before it starts"),
    ],
)
def test_a_bad_series_is_refused_and_nothing_is_written(refused, board, fields, words):
    values = dict(body_id=board.id, first="2012-12-17", until="2013-02-28", rule="weekly") | fields

    with refused(words):
        schedule.schedule_series(**values)
