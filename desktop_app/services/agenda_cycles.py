"""Loops of parents that a merge can make in an agenda, and their repair.

On one laptop an item only ever goes under an item beside it, so none becomes its own
ancestor. Two laptops can each make one half of a loop (one puts X under Y while the other
puts Y under X): once both changes are applied, neither item reaches the top and the agenda
would not show them. The sync applier calls break_parent_cycles after applying. In each loop
the item with the smallest id becomes a main item, keeping its rank, so every replica makes
the same repair whatever order the changes arrived in.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem


def break_parent_cycles(meeting_id: str) -> list[str]:
    """Make one item of each loop of parents among the meeting's live items a main item,
    inside the caller's transaction; the ids of the items moved."""
    rows = {row.id: row for row in AgendaItem.live().where(AgendaItem.meeting == meeting_id)}
    parents = {
        item_id: parent if (parent := row.__data__.get("parent")) in rows else None
        for item_id, row in rows.items()
    }
    moved = []
    for loop in parent_cycles(parents):
        changes.update(rows[loop[0]], parent_id=None)
        moved.append(loop[0])
    return moved


def parent_cycles(parents: Mapping[str, str | None]) -> list[list[str]]:
    """Each loop in a child → parent map, as its ids in sorted order."""
    done: set[str] = set()
    loops = []
    for start in sorted(parents):
        path: dict[str, int] = {}  # the ids on this walk up, with their place on it
        node = start
        while node is not None and node not in done and node not in path:
            path[node] = len(path)
            node = parents.get(node)
        if node in path:
            loops.append(sorted(list(path)[path[node] :]))
        done.update(path)
    return loops
