"""A run of meetings scheduled at once: "every second Monday at 14:30 until April"."""

from __future__ import annotations

import calendar
import datetime as dt

from desktop_app.dates import long_date
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage.models import Body, Meeting, db

RULES = ("weekly", "monthly")
SERIES_LIMIT = 60


def series_dates(
    *, first: dt.date | str, until: dt.date | str, rule: str, interval: int = 1
) -> list[dt.date]:
    """The dates from `first` to `until` (inclusive): every `interval` weeks ("weekly"), or
    the same weekday of every `interval` months ("monthly": the second Monday stays the
    second Monday; a fifth one becomes the last of its month)."""
    start = validation.date(first, "first meeting", required=True)
    end = validation.date(until, "last date of the series", required=True)
    if end < start:
        raise ValidationError(
            f"The series ends ({long_date(end)}) before it starts ({long_date(start)})."
        )
    rule = validation.choice(rule, RULES, "repeat rule")
    interval = _count(interval, "weeks" if rule == "weekly" else "months")
    dates: list[dt.date] = []
    step = 0
    while True:
        try:
            day = (_weekly if rule == "weekly" else _monthly)(start, step * interval)
        except (OverflowError, ValueError):  # past the year 9999
            return dates
        if day > end:
            return dates
        dates.append(day)
        if len(dates) > SERIES_LIMIT:
            raise ValidationError(
                f"That series has more than {SERIES_LIMIT} meetings; schedule at most "
                f"{SERIES_LIMIT} at a time."
            )
        step += 1


def schedule_series(
    *,
    body_id: str,
    first: dt.date | str,
    until: dt.date | str,
    rule: str,
    interval: int = 1,
    start_time: str = "",
    end_time: str = "",
    venue: str | None = None,
    kind: str = "ordinary",
) -> list[Meeting]:
    """Schedule every meeting of the series, or none: a date on which the body already meets
    at that time refuses the lot."""
    body = validation.live_row(Body, body_id, "body")
    dates = series_dates(first=first, until=until, rule=rule, interval=interval)
    for day in dates:
        meetings.check_meeting(
            body_id=body.id,
            date=day,
            start_time=start_time,
            end_time=end_time,
            venue=venue,
            kind=kind,
        )
    with db.atomic():
        return [
            meetings.create_meeting(
                body_id=body.id,
                date=day,
                start_time=start_time,
                end_time=end_time,
                venue=venue,
                kind=kind,
            )
            for day in dates
        ]


def _count(interval: int | str, unit: str) -> int:
    try:
        count = int(interval)
    except (TypeError, ValueError):
        count = 0
    if isinstance(interval, bool) or count < 1 or str(count) != str(interval).strip():
        raise ValidationError(f"Repeat every 1 or more {unit}; “{interval}” is not such a count.")
    return count


def _weekly(first: dt.date, weeks: int) -> dt.date:
    return first + dt.timedelta(weeks=weeks)


def _monthly(first: dt.date, months: int) -> dt.date:
    """The same weekday, in the same week of the month, `months` after `first`."""
    year, month = divmod(first.month - 1 + months, 12)
    year, month = first.year + year, month + 1
    nth = (first.day - 1) // 7  # 0 for the first Monday, 4 for a fifth one
    days = calendar.monthrange(year, month)[1]
    first_same_weekday = 1 + (first.weekday() - dt.date(year, month, 1).weekday()) % 7
    day = first_same_weekday + 7 * nth
    while day > days:  # no fifth Monday this month: take the last
        day -= 7
    return dt.date(year, month, day)
