"""Minute numbers: patterns, sub-items, and publishing that continues each body's sequence."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings, numbering
from desktop_app.services.meeting_cycle.numbering import (
    format_minute_number,
    parse_minute_number,
    sub_number,
)

YEAR_STARTS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)).map(
    lambda d: d.strftime("%m-%d")
)
DAYS = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2998, 12, 31))
NUMBERS = st.integers(min_value=1, max_value=10**6)
LITERALS = st.text(
    alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)), max_size=5
)
YEAR_PLACEHOLDERS = st.sampled_from(["{yy}", "{yy1}", "{yyyy}", "{yyyy1}"])


# -- format_minute_number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "n", "day", "number"),
    [
        ("{n}", 30, dt.date(2012, 12, 17), "30"),
        ("Cou/{n}/{yy}-{yy1}", 285, dt.date(2007, 12, 12), "Cou/285/07-08"),
        ("{yy}/{n}", 104, dt.date(2024, 10, 3), "24/104"),
        ("{yy}/{n}", 57, dt.date(2024, 4, 20), "23/57"),
        ("{yy}/{n}", 1, dt.date(2024, 5, 1), "24/1"),
        ("{yyyy}-{yyyy1} {n}", 3, dt.date(2000, 2, 1), "1999-2000 3"),
        ("{yy}-{yy1}/{n}", 9, dt.date(2099, 6, 1), "99-00/9"),
    ],
)
def test_patterns_are_filled_for_the_municipal_year(pattern, n, day, number):
    assert format_minute_number(pattern, n, day) == number


def test_a_year_starting_in_april_moves_the_boundary():
    assert format_minute_number("{yy}/{n}", 5, dt.date(2024, 4, 20), "04-01") == "24/5"


def test_a_year_starting_on_new_years_day_is_the_calendar_year():
    assert format_minute_number("{yy}/{n}", 5, dt.date(2024, 1, 1), "01-01") == "24/5"


@pytest.mark.parametrize(
    ("pattern", "words"),
    [("{n}/{x}", "only {n}, {yy}, {yy1}, {yyyy} and {yyyy1}"), ("{yy}/", "must contain {n}")],
)
def test_a_pattern_that_cannot_be_filled_is_refused(pattern, words):
    with pytest.raises(ValidationError, match=re.escape(words)):
        format_minute_number(pattern, 1, dt.date(2012, 12, 17))


@pytest.mark.parametrize("n", [0, -3])
def test_a_running_number_below_one_is_refused(n):
    with pytest.raises(ValidationError, match="whole number from 1"):
        format_minute_number("{n}", n, dt.date(2012, 12, 17))


@given(n=NUMBERS, day=DAYS)
def test_a_plain_pattern_is_the_number_itself(n, day):
    assert format_minute_number("{n}", n, day) == str(n)


@given(n=NUMBERS, day=DAYS, starts=YEAR_STARTS)
def test_the_year_prefix_is_the_first_year_of_the_municipal_year(n, day, starts):
    label = meetings.municipal_year(day, starts)  # “2012/13”, or “2013” from 1 January

    prefix, number = format_minute_number("{yy}/{n}", n, day, starts).split("/")

    assert prefix == label[2:4] and number == str(n)


@given(day=DAYS, starts=YEAR_STARTS)
def test_the_second_year_follows_the_first(day, starts):
    first, second = format_minute_number("{yyyy} {yyyy1} {n}", 1, day, starts).split()[:2]
    short, next_short = format_minute_number("{yy} {yy1} {n}", 1, day, starts).split()[:2]

    assert int(second) == int(first) + 1
    assert (short, next_short) == (first[-2:], second[-2:])


@given(
    parts=st.lists(st.tuples(LITERALS, YEAR_PLACEHOLDERS), max_size=3),
    tail=LITERALS,
    n=NUMBERS,
    day=DAYS,
    starts=YEAR_STARTS,
)
def test_the_running_number_reads_back_from_any_pattern(parts, tail, n, day, starts):
    pattern = "".join(text + placeholder for text, placeholder in parts) + "{n}" + tail

    number = format_minute_number(pattern, n, day, starts)

    assert parse_minute_number(pattern, number, day, starts) == n


def test_a_number_of_another_year_does_not_read_back():
    assert parse_minute_number("{yy}/{n}", "23/57", dt.date(2024, 5, 20)) is None


# -- sub_number --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parent", "index", "style", "number"),
    [
        ("35", 1, "decimal", "35.1"),
        ("35", 12, "decimal", "35.12"),
        ("35.1", 2, "decimal", "35.1.2"),
        ("35", 1, "letter", "35(a)"),
        ("35", 26, "letter", "35(z)"),
        ("35", 27, "letter", "35(aa)"),
        ("35", 28, "letter", "35(ab)"),
        ("35(a)", 2, "letter", "35(a)(ii)"),
        ("35(a)", 4, "letter", "35(a)(iv)"),
        ("24/104", 3, "letter", "24/104(c)"),
    ],
)
def test_sub_numbers(parent, index, style, number):
    assert sub_number(parent, index, style) == number


@given(st.integers(min_value=1, max_value=2000))
def test_lettered_sub_numbers_never_repeat(index):
    assert sub_number("35", index, "letter") != sub_number("35", index + 1, "letter")


# -- publishing in each scheme ----------------------------------------------------------------


def meeting_with_items(body, day, count, *, start="14:30"):
    meeting = meetings.create_meeting(body_id=body.id, date=day, start_time=start)
    for index in range(count):
        agenda.add_item(meeting_id=meeting.id, title=f"Item {index + 1}")
    return meeting


def published_numbers(meeting):
    agenda.publish_agenda(meeting_id=meeting.id)
    return [entry.number for entry in agenda.list_agenda(meeting.id)]


def test_continuous_numbers_follow_on_from_the_bodys_next_number(database):
    board = bodies.create_body(name="Maidstone Locality Board", numbering_next=30)
    december = meeting_with_items(board, "2012-12-17", 3)
    february = meeting_with_items(board, "2013-02-11", 2)

    assert published_numbers(december) == ["30", "31", "32"]
    assert published_numbers(february) == ["33", "34"]
    assert bodies.get_body(board.id).numbering_next == 35


def test_a_year_prefixed_sequence_restarts_on_the_first_of_may(database):
    board = bodies.create_body(
        name="Planning Committee",
        numbering_pattern="{yy}/{n}",
        numbering_restart="yearly",
        numbering_next=57,
    )
    april = meeting_with_items(board, "2024-04-20", 2)
    may = meeting_with_items(board, "2024-05-20", 2)
    june = meeting_with_items(board, "2024-06-17", 1)

    assert published_numbers(april) == ["23/57", "23/58"]
    assert published_numbers(may) == ["24/1", "24/2"]
    assert published_numbers(june) == ["24/3"]
    assert bodies.get_body(board.id).numbering_next == 4


def test_a_yearly_sequence_continues_within_the_year(database):
    board = bodies.create_body(
        name="Planning Committee", numbering_pattern="{yy}/{n}", numbering_restart="yearly"
    )
    october = meeting_with_items(board, "2024-10-01", 2)
    march = meeting_with_items(board, "2025-03-04", 1)

    assert published_numbers(october) == ["24/1", "24/2"]
    assert published_numbers(march) == ["24/3"]


def test_a_municipal_year_prefix_that_never_restarts(database):
    council = bodies.create_body(
        name="Council", kind="council", numbering_pattern="Cou/{n}/{yy}-{yy1}", numbering_next=285
    )
    december = meeting_with_items(council, "2007-12-12", 1)
    july = meeting_with_items(council, "2008-07-09", 2)

    assert published_numbers(december) == ["Cou/285/07-08"]
    assert published_numbers(july) == ["Cou/286/08-09", "Cou/287/08-09"]


def test_per_meeting_numbers_start_at_one_every_meeting(database):
    group = bodies.create_body(
        name="Troubled Families Delivery Group", numbering_restart="per-meeting"
    )
    first = meeting_with_items(group, "2012-11-05", 3)
    second = meeting_with_items(group, "2012-12-03", 2)

    assert published_numbers(first) == ["1", "2", "3"]
    assert published_numbers(second) == ["1", "2"]
    assert bodies.get_body(group.id).numbering_next == 1


@pytest.mark.parametrize(
    ("style", "subs"), [("decimal", ["35.1", "35.2"]), ("letter", ["35(a)", "35(b)"])]
)
def test_sub_items_are_numbered_under_their_item(database, style, subs):
    board = bodies.create_body(name="Board", numbering_next=35, sub_numbering=style)
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    aob = agenda.add_item(meeting_id=meeting.id, title="Any Other Business")
    for title in ("Libraries", "Youth Services"):
        agenda.add_item(meeting_id=meeting.id, title=title, parent_id=aob.id)
    agenda.add_item(meeting_id=meeting.id, title="Duration", kind="duration")

    assert published_numbers(meeting) == ["35", *subs, "36"]


def test_part_two_is_numbered_after_part_one(database):
    board = bodies.create_body(name="Board", numbering_next=30)
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    agenda.add_item(
        meeting_id=meeting.id, title="Staffing", confidential=True, exempt_paragraph="1"
    )
    agenda.add_item(meeting_id=meeting.id, title="Priorities")

    agenda.publish_agenda(meeting_id=meeting.id)

    assert [(e.title, e.part, e.number) for e in agenda.list_agenda(meeting.id)] == [
        ("Priorities", "I", "30"),
        ("Staffing", "II", "31"),
    ]


def test_preview_shows_the_numbers_publishing_would_give(database):
    board = bodies.create_body(name="Board", numbering_next=30)
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    first = agenda.add_item(meeting_id=meeting.id, title="Apologies", kind="apologies")
    sub = agenda.add_item(meeting_id=meeting.id, title="From the police", parent_id=first.id)
    journal = database.execute_sql("SELECT COUNT(*) FROM journal_entry").fetchone()

    assert numbering.preview_numbers(meeting_id=meeting.id) == {first.id: "30", sub.id: "30.1"}
    assert [e.preview_number for e in agenda.list_agenda(meeting.id)] == ["30", "30.1"]
    assert database.execute_sql("SELECT COUNT(*) FROM journal_entry").fetchone() == journal


def test_preview_of_a_published_agenda_is_its_numbers(database):
    board = bodies.create_body(name="Board", numbering_next=30)
    meeting = meeting_with_items(board, "2012-12-17", 2)
    given = agenda.publish_agenda(meeting_id=meeting.id)

    assert numbering.preview_numbers(meeting_id=meeting.id) == given
    assert {e.preview_number for e in agenda.list_agenda(meeting.id)} == {""}


def test_publishing_refuses_a_number_the_body_gave_already(refused):
    # The clerk set the counter back: February would be numbered 30 and 31 again.
    board = bodies.create_body(name="Maidstone Locality Board", numbering_next=30)
    december = meeting_with_items(board, "2012-12-17", 3)
    published_numbers(december)
    bodies.update_body(body_id=board.id, numbering_next=30)
    february = meeting_with_items(board, "2013-02-11", 2)

    with refused(
        "Minute 30 was given already, to “Item 1” at the meeting of 17 December 2012; set "
        "the body's next minute number past it first."
    ):
        agenda.publish_agenda(meeting_id=february.id)


def test_a_body_numbering_each_meeting_afresh_gives_the_same_numbers_again(database):
    board = bodies.create_body(name="Maidstone Locality Board", numbering_restart="per-meeting")
    december = meeting_with_items(board, "2012-12-17", 2)
    february = meeting_with_items(board, "2013-02-11", 2)

    assert published_numbers(december) == published_numbers(february) == ["1", "2"]
