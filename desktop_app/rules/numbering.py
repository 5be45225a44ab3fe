"""Minute numbers (DESIGN.md §2): which run of numbers a meeting's minutes belong to, and
that no number is given twice in one run.

A body numbering continuously has one run for all its meetings; one restarting every
municipal year has a run per year; one restarting every meeting, a run per meeting. Two
items in one run with the same number would make a reference to “minute 31” ambiguous.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from typing import TypeVar

WhereT = TypeVar("WhereT")


def first_year(day: dt.date, year_starts: str = "05-01") -> int:
    """The calendar year in which the municipal year holding `day` began (May 2024 → 2024)."""
    month, mday = (int(part) for part in year_starts.split("-"))
    return day.year if (day.month, day.day) >= (month, mday) else day.year - 1


def run_of(restart: str, day: dt.date, year_starts: str, meeting: Hashable) -> Hashable:
    """The run of numbers the minutes of `meeting` (held on `day`) belong to."""
    if restart == "per-meeting":
        return ("meeting", meeting)
    if restart == "yearly":
        return ("year", first_year(day, year_starts))
    return ("body",)


def repeated_number(
    numbered: Iterable[tuple[Hashable, str, WhereT]],
) -> tuple[str, WhereT, WhereT] | None:
    """The first number given twice in one run, with where it was given first and again;
    `numbered` is (run, number, where) for each numbered item, in order. None if no repeat."""
    repeats = repeated_numbers(numbered)
    if not repeats:
        return None
    number, places = repeats[0]
    return number, places[0], places[1]


def repeated_numbers(
    numbered: Iterable[tuple[Hashable, str, WhereT]],
) -> list[tuple[str, list[WhereT]]]:
    """Every number given more than once in one run, with each place it was given (in
    order), the repeats in the order they were made; `numbered` as for repeated_number."""
    places: dict[tuple[Hashable, str], list[WhereT]] = {}
    repeats: list[tuple[Hashable, str]] = []
    for run, number, where in numbered:
        if not number:
            continue
        given = places.setdefault((run, number), [])
        given.append(where)
        if len(given) == 2:
            repeats.append((run, number))
    return [(number, places[(run, number)]) for run, number in repeats]
