"""The hybrid logical clock: stamps only move forward and sort as text in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.clock import Stamp, observe, tick

# 13 digits of milliseconds reach the year 2286; stay a little short so +1 still fits.
PHYSICAL = st.integers(min_value=0, max_value=10**13 - 10**6)
COUNTER = st.integers(min_value=0, max_value=99_999)
DEVICE = st.text(alphabet="0123456789abcdef", min_size=12, max_size=12)
STAMPS = st.builds(Stamp, PHYSICAL, COUNTER, DEVICE)


def fixed(ms: int):
    return lambda: ms


@given(last=st.none() | STAMPS, readings=st.lists(PHYSICAL, min_size=1, max_size=50))
def test_tick_strictly_increases_whatever_the_wall_clock_does(last, readings):
    for now in readings:
        stamp = tick(last, "a1b2c3d4e5f6", fixed(now))
        if last is not None:
            assert stamp > last
            assert str(stamp) > str(last)
        last = stamp


@given(last=st.none() | STAMPS, now=PHYSICAL)
def test_tick_is_never_behind_the_wall_clock(last, now):
    assert tick(last, "a1b2c3d4e5f6", fixed(now)).physical >= now


@given(last=st.none() | STAMPS, remote=STAMPS, now=PHYSICAL)
def test_observe_dominates_the_remote_and_the_last_stamp(last, remote, now):
    stamp = observe(last, remote, "a1b2c3d4e5f6", fixed(now))

    assert stamp > remote and str(stamp) > str(remote)
    if last is not None:
        assert stamp > last and str(stamp) > str(last)
    assert stamp.physical >= now


@given(last=st.none() | STAMPS, remote=STAMPS, now=PHYSICAL, later=PHYSICAL)
def test_a_tick_after_observing_sorts_after_the_remote_change(last, remote, now, later):
    seen = observe(last, remote, "a1b2c3d4e5f6", fixed(now))
    assert str(tick(seen, "a1b2c3d4e5f6", fixed(later))) > str(remote)


@given(a=STAMPS, b=STAMPS)
def test_text_order_is_stamp_order(a, b):
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)


@given(stamp=STAMPS)
def test_a_stamp_survives_its_text_form(stamp):
    assert Stamp.parse(str(stamp)) == stamp


def test_a_stuck_clock_past_the_counters_last_value_still_sorts_forward():
    last = Stamp(1_355_702_400_000, 99_999, "a1b2c3d4e5f6")

    stamp = tick(last, "a1b2c3d4e5f6", fixed(last.physical))

    assert stamp > last
    assert str(stamp) > str(last)
