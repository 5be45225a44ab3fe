"""One meeting's live agenda items read as a tree, in agenda order: Part I, then Part II.

Shared by the agenda builder and minute numbering. Siblings are stored in order of their
rank (rules/ranks.py), ties (two laptops that put an item in the same place) by id; the top
level is shown by part first (confidential items form Part II), then by rank, so making an
item confidential and back again returns it to the same place.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.storage.models import AgendaItem

MAX_DEPTH = 2  # 35, 35.1 and 35.1.1: an item, its sub-items and theirs


# Sibling order for a query; every reader of agenda order sorts by it.
STORED_ORDER = (AgendaItem.rank, AgendaItem.id)


def stored_key(item: AgendaItem) -> tuple:
    return (item.rank, item.id)


def shown_key(item: AgendaItem) -> tuple:
    """Top-level order: Part I before Part II, then by rank."""
    return (bool(item.confidential), *stored_key(item))


class AgendaTree:
    """The live items of one meeting; an item whose parent is gone counts as top-level."""

    def __init__(self, meeting_id: str, *, items: list[AgendaItem] | None = None):
        """The tree of the meeting's live items, read now; or of `items`, the live items of
        it already read (meeting_rows.py)."""
        rows = (
            list(AgendaItem.live().where(AgendaItem.meeting == meeting_id))
            if items is None
            else list(items)
        )
        self.items: dict[str, AgendaItem] = {row.id: row for row in rows}
        self._children: dict[str | None, list[AgendaItem]] = {}
        for row in rows:
            self._children.setdefault(self.parent_id(row), []).append(row)
        for parent_id, kids in self._children.items():
            kids.sort(key=shown_key if parent_id is None else stored_key)

    def parent_id(self, item: AgendaItem) -> str | None:
        parent = item.__data__.get("parent")
        return parent if parent in self.items else None

    def children(self, parent_id: str | None) -> list[AgendaItem]:
        """Sub-items of `parent_id` (None: the top level) in agenda order."""
        return list(self._children.get(parent_id, []))

    def siblings(self, item: AgendaItem) -> list[AgendaItem]:
        return self.children(self.parent_id(item))

    def by_rank(self, parent_id: str | None) -> list[AgendaItem]:
        """One sibling list in stored order, parts mixed, as ranks are kept."""
        return sorted(self._children.get(parent_id, []), key=stored_key)

    def top(self, item: AgendaItem) -> AgendaItem:
        while (parent_id := self.parent_id(item)) is not None:
            item = self.items[parent_id]
        return item

    def part(self, item: AgendaItem) -> str:
        return "II" if self.top(item).confidential else "I"

    def depth(self, item: AgendaItem) -> int:
        depth = 0
        while (parent_id := self.parent_id(item)) is not None:
            item, depth = self.items[parent_id], depth + 1
        return depth

    def height(self, item: AgendaItem) -> int:
        """How many levels of sub-items hang below `item` (0 for none)."""
        kids = self._children.get(item.id, [])
        return 1 + max(self.height(kid) for kid in kids) if kids else 0

    def walk(self, parent_id: str | None = None, depth: int = 0) -> Iterator[tuple]:
        """(item, depth) for every item below `parent_id`, in agenda order."""
        for item in self._children.get(parent_id, []):
            yield item, depth
            yield from self.walk(item.id, depth + 1)

    def places(self) -> dict[str, int]:
        """Each item's place in the whole agenda (0 for the first), sub-items after theirs."""
        return {item.id: n for n, (item, _) in enumerate(self.walk())}

    def subtree(self, item: AgendaItem) -> list[AgendaItem]:
        return [item, *(row for row, _ in self.walk(item.id))]

    def same_part(self, item: AgendaItem) -> list[AgendaItem]:
        """The siblings `item` moves among: at the top level, only those of its own part."""
        siblings = self.siblings(item)
        if self.parent_id(item) is None:
            return [row for row in siblings if bool(row.confidential) == bool(item.confidential)]
        return siblings
