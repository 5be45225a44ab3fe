"""Ranks: a key can always be made between two others, and lists ordered by them behave
like lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.rules import ranks

KEYS = st.text(alphabet=ranks.DIGITS, min_size=1, max_size=8).filter(ranks.is_rank)
BOUND = st.none() | KEYS


@given(BOUND, BOUND)
def test_between_is_strictly_between_its_bounds(low, high):
    if low is not None and high is not None and low >= high:
        low, high = high, low
        if low == high:
            return
    key = ranks.between(low, high)

    assert ranks.is_rank(key)
    assert low is None or low < key
    assert high is None or key < high


@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), max_size=60))
def test_inserting_anywhere_keeps_the_order_of_a_list(places):
    """Each step puts a new element at some index of a list; sorting by rank agrees."""
    model: list[int] = []
    keys: list[str] = []
    for element, (where, _) in enumerate(places):
        index = where % (len(model) + 1)
        low = keys[index - 1] if index > 0 else None
        high = keys[index] if index < len(keys) else None
        key = ranks.between(low, high)
        model.insert(index, element)
        keys.insert(index, key)

    assert sorted(zip(keys, model, strict=True)) == list(zip(keys, model, strict=True))
    assert len(set(keys)) == len(keys)


def test_two_inserts_between_the_same_neighbours_make_the_same_key():
    # Two laptops: the key is the same, and rows order by (rank, id) so both are kept.
    assert ranks.between("V", "k") == ranks.between("V", "k")


@given(st.integers(0, 300), BOUND, BOUND)
def test_spread_gives_rising_keys_between_its_bounds(count, low, high):
    if low is not None and high is not None and low >= high:
        low, high = high, low
        if low == high:
            return
    keys = ranks.spread(count, low, high)

    assert len(keys) == count
    assert keys == sorted(set(keys))
    assert all(ranks.is_rank(k) for k in keys)
    assert all((low is None or low < k) and (high is None or k < high) for k in keys)


def test_spread_gives_up_to_sixty_one_items_one_digit_each():
    assert {len(k) for k in ranks.spread(61)} == {1}
    assert max(len(k) for k in ranks.spread(1000)) == 2


def test_appending_a_hundred_times_keeps_keys_short():
    key = None
    for _ in range(100):
        key = ranks.between(key, None)
    assert len(key) <= 4


@pytest.mark.parametrize(
    ("low", "high"), [("V", "V"), ("k", "V"), ("V0", None), ("", None), (None, "a b")]
)
def test_between_refuses_what_is_not_an_ordered_pair_of_ranks(low, high):
    with pytest.raises(ValueError):
        ranks.between(low, high)
