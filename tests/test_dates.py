import datetime as dt

import pytest

from desktop_app.dates import day_and_date, long_date, parse_date, parse_time, short_date
from desktop_app.errors import ValidationError


def test_dates_read_as_a_clerk_writes_them():
    day = dt.date(2012, 12, 7)
    assert long_date(day) == "7 December 2012"
    assert short_date(day) == "7 Dec 2012"
    assert day_and_date(day) == "Friday 7 December 2012"


@pytest.mark.parametrize(
    "typed",
    [
        "25/06/2024",
        "25/6/2024",
        "25.06.2024",
        "25-06-2024",
        "25/06/24",
        "25 June 2024",
        "25 june 2024",
        "25 Jun 2024",
        "25th June 2024",
        "June 25, 2024",
        "Tuesday 25 June 2024",
        "Tue, 25 Jun 2024",
        "  25   June 2024 ",
        "2024-06-25",
    ],
)
def test_a_date_is_read_as_uk_clerks_write_it(typed):
    assert parse_date(typed) == dt.date(2024, 6, 25)


def test_sept_is_september():
    assert parse_date("3 Sept 2024") == dt.date(2024, 9, 3)


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        (
            "31/02/2024",
            "“31/02/2024” is not a real date for the meeting date: February 2024 has 29 days.",
        ),
        (
            "29 February 2023",
            "“29 February 2023” is not a real date for the meeting date: February 2023 has 28 "
            "days.",
        ),
        (
            "25/13/2024",
            "“25/13/2024” is not a real date for the meeting date: there is no month 13.",
        ),
        (
            "Monday 25 June 2024",
            "“Monday 25 June 2024” is not a real date for the meeting date: 25 June 2024 is a "
            "Tuesday.",
        ),
        (
            "next Tuesday",
            "“next Tuesday” is not a date for the meeting date; write it as 25/06/2024, "
            "25 June 2024 or 2024-06-25.",
        ),
        (
            "06/25/2024",
            "“06/25/2024” is not a real date for the meeting date: there is no month 25.",
        ),
    ],
)
def test_a_date_that_cannot_be_is_refused_in_one_sentence(typed, sentence):
    with pytest.raises(ValidationError) as refused:
        parse_date(typed, "meeting date")
    assert str(refused.value) == sentence


def test_a_pasted_page_is_quoted_back_short():
    with pytest.raises(ValidationError) as refused:
        parse_date("x" * 1_000_000)
    assert len(str(refused.value)) < 200


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("19:40", "19:40"),
        ("19.40", "19:40"),
        ("7:40pm", "19:40"),
        ("7.40 pm", "19:40"),
        ("7.40 p.m.", "19:40"),
        ("7.40PM", "19:40"),
        ("7 pm", "19:00"),
        ("7:40", "07:40"),
        ("12.15 pm", "12:15"),
        ("12.15 am", "00:15"),
        ("noon", "12:00"),
        ("00:00", "00:00"),
    ],
)
def test_a_time_is_read_as_clerks_write_it(typed, time):
    assert parse_time(typed) == time


@pytest.mark.parametrize("typed", ["25:00", "14:60", "13 pm", "0 am", "7", "late", "7:40 m"])
def test_a_time_that_is_not_a_time_of_day_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        parse_time(typed, "arrival")
    assert str(refused.value) == (
        f"“{typed}” is not a time of day for the arrival; write it as 19:40 or 7.40 pm."
    )
