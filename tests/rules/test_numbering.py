"""Minute numbers given twice in one run: the first repeat, and every one."""

from __future__ import annotations

from desktop_app.rules.numbering import repeated_number, repeated_numbers

GIVEN = [
    (("body",), "30", "a"),
    (("body",), "31", "b"),
    (("body",), "31", "c"),
    (("body",), "30", "d"),
    (("body",), "", "e"),
    (("body",), "", "f"),
    (("body",), "31", "g"),
    (("year", 2013), "30", "h"),
]


def test_the_first_repeat_is_the_one_repeated_soonest():
    assert repeated_number(GIVEN) == ("31", "b", "c")


def test_every_repeat_lists_each_place_its_number_was_given():
    assert repeated_numbers(GIVEN) == [("31", ["b", "c", "g"]), ("30", ["a", "d"])]


def test_no_number_repeated_in_its_run_is_no_repeat():
    assert repeated_number(GIVEN[:2] + GIVEN[-1:]) is None
    assert repeated_numbers([]) == []
