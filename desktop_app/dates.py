"""Dates and times as UK clerks write them, both ways: printed (“17 December 2012”, on
every platform: `%-d` is not understood by Windows' strftime, so the day is formatted by
hand) and typed (“25/06/2024”, “25 June 2024”, “7.40 pm”). The window, the command line
and the importer read what was typed with `parse_date` and `parse_time`, so all three take
and refuse exactly the same things."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from desktop_app.errors import ValidationError
from desktop_app.rules.text import printable

DATE_EXAMPLES = "25/06/2024, 25 June 2024 or 2024-06-25"
TIME_EXAMPLES = "19:40 or 7.40 pm"

# English names whatever the desktop's locale (Qt sets the C library's locale at start-up,
# which would turn strftime's %B into “décembre”): the documents are English minutes.
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
DAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
MONTHS |= {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)} | {"sept": 9}
WEEKDAYS = {name.lower(): n for n, name in enumerate(DAY_NAMES)}
WEEKDAYS |= {name[:3].lower(): n for n, name in enumerate(DAY_NAMES)}

ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Day first, as in the UK: 25/06/2024, 25.6.24, 25-06-2024.
NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")
# 25 June 2024, 25th Jun 2024, June 25, 2024; an optional weekday in front (as printed).
DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
WEEKDAY = re.compile(r"([a-z]+)\.?,?\s+(.*)")

CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?)?")
NOON = {"noon": "12:00", "12 noon": "12:00", "midday": "12:00", "12 midday": "12:00"}


def long_date(day: dt.date) -> str:
    """17 December 2012"""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """17 Dec 2012"""
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


def day_and_date(day: dt.date) -> str:
    """Monday 17 December 2012"""
    return f"{DAY_NAMES[day.weekday()]} {long_date(day)}"


def parse_date(text: str, what: str = "") -> dt.date:
    """The date in `text`, written 25/06/2024, 25 June 2024, 25 Jun 2024, Tuesday 25 June
    2024 or 2024-06-25; else a ValidationError saying, in one sentence, what is wrong (for
    the `what`, when given)."""
    typed = " ".join(str(text).split())
    words = typed.lower()
    weekday = None
    named = WEEKDAY.fullmatch(words)
    if named and named[1] in WEEKDAYS:
        weekday, words = WEEKDAYS[named[1]], named[2]
    parts = _date_parts(words)
    if parts is None:
        raise _refusal(f"“{_shown(typed)}” is not a date{_for(what)}; write it as {DATE_EXAMPLES}.")
    year, month, day = parts
    if not 1 <= month <= 12:
        raise _refusal(
            f"“{_shown(typed)}” is not a real date{_for(what)}: there is no month {month}."
        )
    if not 1 <= year <= 9999:
        raise _refusal(f"“{_shown(typed)}” is not a real date{_for(what)}: the year is {year}.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise _refusal(
            f"“{_shown(typed)}” is not a real date{_for(what)}: "
            f"{MONTH_NAMES[month - 1]} {year} has {days} days."
        )
    found = dt.date(year, month, day)
    if weekday is not None and found.weekday() != weekday:
        raise _refusal(
            f"“{_shown(typed)}” is not a real date{_for(what)}: "
            f"{long_date(found)} is a {DAY_NAMES[found.weekday()]}."
        )
    return found


def parse_time(text: str, what: str = "") -> str:
    """The time of day in `text` as HH:MM (24-hour): 19:40, 19.40, 7:40pm, 7.40 pm, 7 pm
    and noon are all 12- or 24-hour clock times as clerks write them; else a
    ValidationError in one sentence."""
    typed = " ".join(str(text).split())
    words = typed.lower()
    if words in NOON:
        return NOON[words]
    found = CLOCK.fullmatch(words)
    if found:
        hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
        bare = found[2] is None and half is None  # "7" alone is a number, not a time
        if half is not None and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        elif half is not None:
            hour = 99  # 13 pm, 0 am: not on a 12-hour clock
        if not bare and hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    raise _refusal(
        f"“{_shown(typed)}” is not a time of day{_for(what)}; write it as {TIME_EXAMPLES}."
    )


def _date_parts(words: str) -> tuple[int, int, int] | None:
    """(year, month, day) as written, not yet checked against the calendar."""
    if found := ISO.fullmatch(words):
        return int(found[1]), int(found[2]), int(found[3])
    if found := NUMERIC.fullmatch(words):
        year = int(found[4])
        # A two-digit year is this century's: clerks type 25/06/24 for the coming meeting.
        return (2000 + year if len(found[4]) == 2 else year), int(found[3]), int(found[1])
    if (found := DAY_FIRST.fullmatch(words)) and found[2] in MONTHS:
        return int(found[3]), MONTHS[found[2]], int(found[1])
    if (found := MONTH_FIRST.fullmatch(words)) and found[1] in MONTHS:
        return int(found[3]), MONTHS[found[1]], int(found[2])
    return None


def _for(what: str) -> str:
    return f" for the {what}" if what else ""


def _shown(text: str, limit: int = 40) -> str:
    """A wrong value as quoted back: enough to recognise it, not a megabyte of it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _refusal(sentence: str) -> ValidationError:
    # A value quoted back may hold a lone surrogate, which no terminal or dialog can show.
    return ValidationError(printable(sentence))
