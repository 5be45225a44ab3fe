"""Loops of parents, and nesting too deep, that a merge can make in an agenda, and their
repair.

On one laptop an item only ever goes under an item beside it, so none becomes its own
ancestor. Two laptops can each make one half of a loop (one puts X under Y while the other
puts Y under X): once both changes are applied, neither item reaches the top and the agenda
would not show them. The sync applier calls break_parent_cycles after applying. In each loop
the item with the smallest id becomes a main item, keeping its rank, so every replica makes
the same repair whatever order the changes arrived in.

Each laptop also keeps items at most three deep (35.1.1), but two can each add one level:
one indents an item while the other adds a sub-item under one of its sub-items, or a loop
broken leaves its items hanging one level deeper. outdent_too_deep takes each item past
the limit out of its parent, as the window's outdent would, first in agenda order.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.services.meeting_cycle.agenda_places import rank_at
from desktop_app.services.meeting_cycle.agenda_tree import MAX_DEPTH, AgendaTree
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


def outdent_too_deep(meeting_id: str) -> list[str]:
    """Put each live item deeper than an agenda goes right after its parent, one level up,
    inside the caller's transaction; the ids of the items moved."""
    moved = []
    while True:
        tree = AgendaTree(meeting_id)
        item = next((item for item, depth in tree.walk() if depth > MAX_DEPTH), None)
        if item is None:
            return moved
        parent = tree.items[tree.parent_id(item)]
        grandparent_id = tree.parent_id(parent)
        order = [row for row in tree.by_rank(grandparent_id) if row is not item]
        rank = rank_at(order, order.index(parent) + 1)
        changes.update(item, parent_id=grandparent_id, rank=rank)
        moved.append(item.id)


def deepest(parents: Mapping[str, str | None]) -> int:
    """How deep the deepest item of a child → parent map without loops lies (0: top)."""
    depth: dict[str, int] = {}

    def of(node: str) -> int:
        if node not in depth:
            parent = parents.get(node)
            depth[node] = 0 if parent is None else of(parent) + 1
        return depth[node]

    return max((of(node) for node in parents), default=0)


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
