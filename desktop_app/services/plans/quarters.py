"""The quarters progress on a plan is reported in: UK public bodies' financial quarters,
Quarter 1 being April to June of the financial year 2012/13 (seeds 000 and 002: the
"Quarter 3 update 2011" of January 2012 covers October to December 2011).

A quarter is held as its first day (1 April, 1 July, 1 October, 1 January)."""

from __future__ import annotations

import datetime as dt

from desktop_app.dates import MONTH_NAMES

FIRST_MONTHS = (4, 7, 10, 1)


def quarter_of(day: dt.date) -> dt.date:
    """The first day of the quarter `day` falls in."""
    return dt.date(day.year, day.month - (day.month - 1) % 3, 1)


def quarter_end(quarter: dt.date) -> dt.date:
    """The last day of the quarter starting on `quarter`."""
    month = quarter.month + 3
    year = quarter.year + (month > 12)
    return dt.date(year, (month - 1) % 12 + 1, 1) - dt.timedelta(days=1)


def next_quarter(quarter: dt.date) -> dt.date:
    return quarter_end(quarter) + dt.timedelta(days=1)


def quarter_number(quarter: dt.date) -> int:
    """1 for April–June, 4 for January–March."""
    return FIRST_MONTHS.index(quarter_of(quarter).month) + 1


def financial_year(quarter: dt.date) -> str:
    """2012/13 for any quarter from April 2012 to March 2013."""
    start = quarter.year if quarter.month >= 4 else quarter.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def quarter_label(quarter: dt.date) -> str:
    """Quarter 3 2011/12"""
    return f"Quarter {quarter_number(quarter)} {financial_year(quarter)}"


def quarter_months(quarter: dt.date) -> str:
    """October–December 2011"""
    first, last = quarter_of(quarter), quarter_end(quarter_of(quarter))
    return f"{MONTH_NAMES[first.month - 1]}–{MONTH_NAMES[last.month - 1]} {last.year}"


def quarters_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every quarter from the one holding `first` to the one holding `last`."""
    found, quarter = [], quarter_of(first)
    while quarter <= last:
        found.append(quarter)
        quarter = next_quarter(quarter)
    return found
