"""The agenda builder: adding, editing, reordering, indenting and deleting items. The
template a new agenda starts from (agenda_template.py), the agenda as shown
(agenda_entries.py) and publishing, which gives the items their numbers
(agenda_publishing.py), are part of the same service and imported here.

Siblings are ordered by rank (rules/ranks.py): adding, moving, indenting or outdenting an
item writes that item's rank (and parent) alone, so two laptops' moves merge. A deleted item
keeps its rank, so undoing the delete puts it back between the same neighbours. At the top
level confidential items are shown as Part II after every Part I item (agenda_tree.py).
Once the meeting's minutes are approved, only the chair's brief of an item still changes
(freeze.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.rules import ranks
from desktop_app.services import validation
from desktop_app.services.decisions import freeze, voting
from desktop_app.services.meeting_cycle.agenda_cycles import break_parent_cycles
from desktop_app.services.meeting_cycle.agenda_entries import AgendaEntry, list_agenda
from desktop_app.services.meeting_cycle.agenda_places import rank_at
from desktop_app.services.meeting_cycle.agenda_publishing import (
    can_give_back,
    give_back,
    number_new_items,
    publish_agenda,
    unpublish_agenda,
)
from desktop_app.services.meeting_cycle.agenda_template import (
    STANDARD_TEMPLATE,
    body_template,
    set_body_template,
    start_agenda,
)
from desktop_app.services.meeting_cycle.agenda_tree import MAX_DEPTH, AgendaTree
from desktop_app.services.meeting_cycle.item_values import (
    BRIEF_ONLY,
    EDITABLE,
    clean_item,
    is_published,
)
from desktop_app.services.meeting_cycle.under_items import held_under
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Meeting, db

__all__ = [
    "STANDARD_TEMPLATE",
    "AgendaEntry",
    "Place",
    "add_item",
    "body_template",
    "break_parent_cycles",
    "delete_item",
    "indent_item",
    "list_agenda",
    "move_item",
    "outdent_item",
    "place_item",
    "place_of",
    "publish_agenda",
    "restore_item",
    "set_body_template",
    "start_agenda",
    "unpublish_agenda",
    "update_item",
]

# The items that close Part I; a new item goes in before them.
CLOSING_KINDS = ("any other business", "date of next meeting", "duration")


@dataclass(frozen=True)
class Place:
    """Where an item is kept: its parent as stored (None: the top level) and its rank."""

    parent_id: str | None
    rank: str


def add_item(
    *,
    meeting_id: str,
    title: str,
    kind: str = "report",
    parent_id: str | None = None,
    after_id: str | None = None,
    presenter_person_id: str | None = None,
    presenter_organisation_id: str | None = None,
    purpose: str = "",
    confidential: bool = False,
    exempt_paragraph: str = "",
    linked_item_id: str | None = None,
) -> AgendaItem:
    """Add an item after `after_id`, or at the end of its list: at the top level before the
    closing items (any other business, date of next meeting, duration), and confidential
    items in Part II. On a published agenda the item takes its number at once."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    freeze.ensure_editable(meeting.id)
    tree = AgendaTree(meeting.id)
    values = clean_item(
        dict(
            title=title,
            kind=kind,
            presenter_person_id=presenter_person_id,
            presenter_organisation_id=presenter_organisation_id,
            purpose=purpose,
            confidential=confidential,
            exempt_paragraph=exempt_paragraph,
            linked_item_id=linked_item_id,
            linked_meeting_id=None,
            cited_minute="",
            started_at="",
            brief_note="",
            minutes_allowed=None,
        ),
        meeting,
        tree,
    )
    if parent_id:
        parent = _item_in(tree, parent_id, "item to go under")
        if tree.depth(parent) + 1 > MAX_DEPTH:
            raise ValidationError(_too_deep(values["title"]))
    siblings = tree.by_rank(parent_id or None)
    if after_id:
        after = _item_in(tree, after_id, "item to add after")
        if tree.parent_id(after) != (parent_id or None):
            raise ValidationError("The item to add after is not in the same list.")
        index = siblings.index(after) + 1
    elif not parent_id and not values["confidential"]:
        closing = _closing_items(tree)
        index = siblings.index(closing[0]) if closing else len(siblings)
    else:
        index = len(siblings)
    with db.atomic():
        rank = rank_at(siblings, index)
        item = changes.create(
            AgendaItem, meeting=meeting.id, parent=parent_id or None, rank=rank, **values
        )
        if is_published(tree):
            number_new_items(meeting, AgendaTree(meeting.id))
    return item


def update_item(*, item_id: str, **fields) -> AgendaItem:
    """Change any of EDITABLE; the minute number is given by publishing, never typed."""
    if "number" in fields:
        raise ValidationError(
            "A minute number cannot be edited; it is given when the agenda is published."
        )
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"An agenda item has no field called {', '.join(sorted(unknown))}.")
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    meeting = Meeting.get_by_id(item.__data__["meeting"])
    if set(fields) - set(BRIEF_ONLY):
        freeze.ensure_editable(meeting.id)
    values = clean_item(
        {**changes.current(item, EDITABLE), **fields}, meeting, AgendaTree(meeting.id)
    )
    if values["linked_item_id"] == item.id:
        raise ValidationError("An item cannot follow up itself.")
    with db.atomic():
        changes.update(item, **{name: values[name] for name in fields})
        if "started_at" in fields:  # who was there when the item's vote was taken
            voting.check_votes_still_fit(meeting.id)
    return item


def move_item(*, item_id: str, offset: int) -> None:
    """Move an item up (−1) or down (+1) among its siblings; Part I and Part II stay apart.
    Numbers already given never change."""
    item, tree = _load(item_id)
    peers = tree.same_part(item)
    index = peers.index(item)
    target = index + offset
    if target < 0 or target >= len(peers):
        raise ValidationError(_at_end(tree, item, first=target < 0))
    if offset == 0:
        return
    # Ranked among its own part alone: the other part's ranks do not order what is shown.
    others = [peer for peer in peers if peer is not item]
    with db.atomic():
        changes.update(item, rank=rank_at(others, target))
        _votes_still_fit(item)


def indent_item(*, item_id: str) -> None:
    """Make the item the last sub-item of the one above it."""
    item, tree = _load(item_id)
    peers = tree.same_part(item)
    index = peers.index(item)
    if index == 0:
        where = " of Part II" if tree.parent_id(item) is None and item.confidential else ""
        raise ValidationError(
            f"{_name(item)} is the first item{where}; there is no item above it to go under."
        )
    parent = peers[index - 1]
    if tree.depth(parent) + 1 + tree.height(item) > MAX_DEPTH:
        raise ValidationError(_too_deep(item.title))
    kids = tree.by_rank(parent.id)
    with db.atomic():
        changes.update(item, parent_id=parent.id, rank=rank_at(kids, len(kids)))
        _votes_still_fit(item)


def outdent_item(*, item_id: str) -> None:
    """Take a sub-item out of its parent: it becomes the item right after the parent."""
    item, tree = _load(item_id)
    parent_id = tree.parent_id(item)
    if parent_id is None:
        raise ValidationError(f"{_name(item)} is already a main item, not a sub-item.")
    parent = tree.items[parent_id]
    grandparent_id = tree.parent_id(parent)
    order = tree.by_rank(grandparent_id)
    index = order.index(parent) + 1
    with db.atomic():
        changes.update(item, parent_id=grandparent_id, rank=rank_at(order, index))
        _votes_still_fit(item)


def delete_item(*, item_id: str) -> None:
    """Delete an item and its sub-items (restore_item undoes it). A numbered item stays,
    unless it was added after publishing and still holds the latest number."""
    item, tree = _load(item_id)
    numbered = next((row for row in tree.subtree(item) if row.number), None)
    meeting = Meeting.get_by_id(item.__data__["meeting"])
    if numbered is not None and not can_give_back(meeting, tree, item):
        raise ValidationError(
            f"Item {numbered.number} has its minute number, so it cannot be deleted; put "
            "“Withdrawn” in its title instead, as withdrawn items keep their number."
        )
    with db.atomic():
        if numbered is not None:
            give_back(meeting, tree, item)
        # The item keeps its rank: undone, it goes back between the same neighbours,
        # whatever the order in which several deletes are undone.
        subtree = tree.subtree(item)
        held = held_under([row.id for row in subtree])
        for row in subtree:
            changes.delete(row, hides=held.get(row.id, {}))


def restore_item(*, item_id: str) -> AgendaItem:
    """Bring back a deleted item with the sub-items deleted with it, where it was."""
    item = AgendaItem.get_or_none(AgendaItem.id == item_id)
    if item is None:
        raise ValidationError(f"There is no agenda item with the key “{item_id}”.")
    if item.deleted_at is None:
        return item
    meeting = validation.live_row(Meeting, item.__data__["meeting"], "meeting")
    freeze.ensure_editable(meeting.id)
    tree = AgendaTree(meeting.id)
    parent_id = item.__data__.get("parent")
    if parent_id and parent_id not in tree.items:
        raise ValidationError(
            "This item sat under one that has since been deleted; restore that item first."
        )
    group = _deleted_with(item)
    siblings = tree.by_rank(parent_id)
    with db.atomic():
        for row in group:
            changes.restore(row)
        if any(row.rank == item.rank for row in siblings):
            # An item has moved into its place since (the same neighbours give the same
            # rank): it goes back just before that item, as the one who undid expects.
            index = next(i for i, row in enumerate(siblings) if row.rank >= item.rank)
            changes.update(item, rank=rank_at(siblings, index))
        # Restoring after a merge could close a loop of parents; it is broken at once.
        break_parent_cycles(meeting.id)
        if is_published(tree):
            number_new_items(meeting, AgendaTree(meeting.id))
    return item


def place_of(item_id: str) -> Place:
    """Where the item is kept now; place_item puts it back there (undo keeps this)."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    return Place(parent_id=item.__data__.get("parent"), rank=item.rank)


def place_item(*, item_id: str, place: Place) -> None:
    """Put an item back where place_of found it: the undo of a move, indent or outdent,
    which writes the old rank (and parent) rather than a new one."""
    item, tree = _load(item_id)
    if not ranks.is_rank(place.rank):
        raise ValidationError(f"“{place.rank}” is not a place in the order of an agenda.")
    if place.parent_id != item.__data__.get("parent") and place.parent_id is not None:
        parent = _item_in(tree, place.parent_id, "item to go under")
        if parent in tree.subtree(item):
            raise ValidationError(f"{_name(item)} cannot go under one of its own sub-items.")
        if tree.depth(parent) + 1 + tree.height(item) > MAX_DEPTH:
            raise ValidationError(_too_deep(item.title))
    with db.atomic():
        changes.update(item, parent_id=place.parent_id, rank=place.rank)
        _votes_still_fit(item)


def _votes_still_fit(item: AgendaItem) -> None:
    """After a move: someone recorded as arriving or leaving during an item may now come
    in after, or go before, an item whose vote counted them; that is refused."""
    voting.check_votes_still_fit(
        item.__data__["meeting"], instead="correct the resolution or the attendance first"
    )


def _load(item_id: str) -> tuple[AgendaItem, AgendaTree]:
    """The item as a member of its meeting's tree (the same object, so writes show), if
    the meeting's minutes, which record the items' order, may still change."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    freeze.ensure_editable(item.__data__["meeting"])
    tree = AgendaTree(item.__data__["meeting"])
    return tree.items[item.id], tree


def _item_in(tree: AgendaTree, item_id: str, what: str) -> AgendaItem:
    if item_id not in tree.items:
        raise ValidationError(f"The {what} is not on this meeting's agenda.")
    return tree.items[item_id]


def _closing_items(tree: AgendaTree) -> list[AgendaItem]:
    """The run of closing items that ends Part I."""
    part_one = [item for item in tree.children(None) if not item.confidential]
    run: list[AgendaItem] = []
    for item in reversed(part_one):
        if item.kind not in CLOSING_KINDS:
            break
        run.insert(0, item)
    return run


def _deleted_with(item: AgendaItem) -> list[AgendaItem]:
    """The item and the sub-items tombstoned with it (not those deleted before it)."""
    rows = list(
        AgendaItem.select().where(
            (AgendaItem.meeting == item.__data__["meeting"]) & AgendaItem.deleted_at.is_null(False)
        )
    )
    kids: dict[str, list[AgendaItem]] = {}
    for row in rows:
        kids.setdefault(row.__data__.get("parent"), []).append(row)
    group, queue = [], [item]
    while queue:
        row = queue.pop(0)
        group.append(row)
        queue.extend(k for k in kids.get(row.id, []) if k.deleted_at >= item.deleted_at)
    return group


def _name(item: AgendaItem) -> str:
    return f"“{item.title}”" if item.title else "This item"


def _too_deep(title: str) -> str:
    who = f"“{title}”" if title else "This item"
    return (
        f"{who} cannot go deeper: an agenda has items, their sub-items and theirs "
        "(35.1.1), but no further."
    )


def _at_end(tree: AgendaTree, item: AgendaItem, *, first: bool) -> str:
    edge = "first" if first else "last"
    if tree.parent_id(item) is not None:
        return f"{_name(item)} is already the {edge} sub-item."
    both_parts = len({bool(row.confidential) for row in tree.children(None)}) == 2
    if both_parts and first == bool(item.confidential):
        return f"{_name(item)} is already the {edge} item of Part {'II' if first else 'I'}."
    return f"{_name(item)} is already the {edge} item."
