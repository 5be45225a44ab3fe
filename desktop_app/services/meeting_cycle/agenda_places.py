"""Where an item goes among its siblings: a rank between its two new neighbours
(rules/ranks.py), so that placing an item writes that item's row alone."""

from __future__ import annotations

from itertools import takewhile

from desktop_app.rules import ranks
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem


def rank_at(order: list[AgendaItem], index: int) -> str:
    """A rank that puts an item at `index` of `order` (siblings in stored order, without
    the item). Written inside the caller's transaction: only when a merge has left the two
    neighbours with one rank are the tied items after the gap spread out first, the one
    case in which placing an item writes more than its own row."""
    low = order[index - 1].rank if index > 0 else None
    after = order[index:]
    if low is not None and after and after[0].rank == low:
        tied = list(takewhile(lambda row: row.rank == low, after))
        above = after[len(tied)].rank if len(tied) < len(after) else None
        for row, rank in zip(tied, ranks.spread(len(tied), low, above), strict=True):
            changes.update(row, rank=rank)
    return ranks.between(low, after[0].rank if after else None)
