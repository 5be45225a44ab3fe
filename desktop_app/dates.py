"""Dates as clerks write them (“17 December 2012”), on every platform: `%-d` is not
understood by Windows' strftime, so the day is formatted by hand."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """17 December 2012"""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """17 Dec 2012"""
    return f"{day.day} {day:%b %Y}"


def day_and_date(day: dt.date) -> str:
    """Monday 17 December 2012"""
    return f"{day:%A} {long_date(day)}"
