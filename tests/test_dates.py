import datetime as dt

from desktop_app.dates import day_and_date, long_date, short_date


def test_dates_read_as_a_clerk_writes_them():
    day = dt.date(2012, 12, 7)
    assert long_date(day) == "7 December 2012"
    assert short_date(day) == "7 Dec 2012"
    assert day_and_date(day) == "Friday 7 December 2012"
