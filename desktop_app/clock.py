"""The hybrid logical clock that stamps every change (DESIGN.md §5).

A stamp is `<physical ms, 13 digits>-<counter, 5 digits>-<device id>`: it sorts as text in
the order of happened-before, and ties between devices are broken by the device id so
every replica picks the same winner.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True)
class Stamp:
    physical: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.physical:013d}-{self.counter:05d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        physical, counter, device = text.split("-", 2)
        return cls(int(physical), int(counter), device)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def tick(last: Stamp | None, device: str, now_ms: Callable[[], int] = wall_ms) -> Stamp:
    """The next local stamp: never behind the wall clock, always after `last`."""
    physical = now_ms()
    if last is None or physical > last.physical:
        return Stamp(physical, 0, device)
    return _next(last.physical, last.counter + 1, device)


def observe(last: Stamp | None, remote: Stamp, device: str, now_ms=wall_ms) -> Stamp:
    """The local stamp after receiving `remote`, so later local changes sort after it."""
    physical = max(now_ms(), remote.physical, last.physical if last else 0)
    counters = [s.counter for s in (last, remote) if s is not None and s.physical == physical]
    counter = max(counters) + 1 if counters else 0
    return _next(physical, counter, device)


def _next(physical: int, counter: int, device: str) -> Stamp:
    # The text form has room for 5 counter digits; a sixth would sort before "99999", so a
    # full counter moves the stamp on by a millisecond instead.
    if counter > MAX_COUNTER:
        return Stamp(physical + 1, 0, device)
    return Stamp(physical, counter, device)
