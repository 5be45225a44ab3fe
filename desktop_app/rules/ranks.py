"""Order keys that merge: a rank is a string of base-62 digits read as a fraction (0.d1d2…),
so a key can always be made between two others and moving a row writes that row alone.

Two laptops that put an item between the same two neighbours make the same key; lists are
ordered by (rank, row id), so both items stay and every replica shows them in one order.
A rank never ends in "0", so there is always room below it.

Written here rather than taken from PyPI: the `fractional-indexing` package has had no
release since 2023, and this is the forty lines of it that we use.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # ASCII order
BASE = len(DIGITS)
_VALUE = {digit: value for value, digit in enumerate(DIGITS)}


def is_rank(key: object) -> bool:
    """A non-empty string of the digits that does not end in "0"."""
    return (
        isinstance(key, str)
        and key != ""
        and all(c in _VALUE for c in key)
        and not key.endswith(DIGITS[0])
    )


def between(low: str | None, high: str | None) -> str:
    """A rank strictly between `low` and `high` (None: no bound on that side)."""
    for key in (low, high):
        if key is not None and not is_rank(key):
            raise ValueError(f"{key!r} is not a rank")
    if low is not None and high is not None and low >= high:
        raise ValueError(f"{low!r} is not below {high!r}")
    if high is None and low is not None:
        return _after(low)
    return _midpoint(low or "", high)


def spread(count: int, low: str | None = None, high: str | None = None) -> list[str]:
    """`count` ranks in rising order between `low` and `high`, kept short by bisecting."""
    if count <= 0:
        return []
    between(low, high)  # checks the bounds
    return _spread(count, low or "", high)


def _spread(count: int, low: str, high: str | None) -> list[str]:
    # Halfway each time, even towards an open end, so that the keys share the room evenly.
    if count <= 0:
        return []
    middle = _midpoint(low, high)
    below = (count - 1) // 2
    return [*_spread(below, low, middle), middle, *_spread(count - 1 - below, middle, high)]


def _midpoint(low: str, high: str | None) -> str:
    # `low` may be "" (zero); `high` None means one. Digits both share are kept as they are.
    if high is not None:
        shared = 0
        while shared < len(high) and _digit(low, shared) == high[shared]:
            shared += 1
        if shared:
            return high[:shared] + _midpoint(low[shared:], high[shared:])
    first_low = _VALUE[low[0]] if low else 0
    first_high = _VALUE[high[0]] if high is not None else BASE
    if first_high - first_low > 1:
        return DIGITS[(first_low + first_high) // 2]
    # Adjacent first digits: `high`'s first digit alone is below `high` when more follow it;
    # otherwise keep `low`'s first digit and find room after it.
    if high is not None and len(high) > 1:
        return high[0]
    return DIGITS[first_low] + _midpoint(low[1:], None)


def _after(low: str) -> str:
    # Appending is the common move: one digit up, not halfway, so keys grow slowly.
    if low[0] != DIGITS[-1]:
        return DIGITS[_VALUE[low[0]] + 1]
    return low[0] + (_after(low[1:]) if len(low) > 1 else _midpoint("", None))


def _digit(key: str, index: int) -> str:
    return key[index] if index < len(key) else DIGITS[0]
