"""Agenda order kept as ranks: every change of place writes the one row it moves, undo puts
back the old rank, and many random moves give the order a plain list would."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, JournalEntry, db


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board")


@pytest.fixture
def meeting(board):
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    agenda.start_agenda(meeting_id=meeting.id)
    return meeting


def titles(meeting):
    return [entry.title for entry in agenda.list_agenda(meeting.id)]


def item(meeting, title):
    return next(e for e in agenda.list_agenda(meeting.id) if e.title == title)


class Journal:
    """The journal entries written since it was made."""

    def __init__(self):
        self.start = JournalEntry.select().count()

    def rows(self) -> list[tuple[str, str]]:
        entries = JournalEntry.select().order_by(JournalEntry._meta.primary_key).offset(self.start)
        return [(entry.table_name, entry.row_id) for entry in entries]


def test_adding_an_item_between_two_others_writes_only_the_new_row(meeting):
    journal = Journal()

    added = agenda.add_item(
        meeting_id=meeting.id, title="Welcome", after_id=item(meeting, "Apologies for Absence").id
    )

    assert journal.rows() == [("agenda_item", added.id)]
    assert titles(meeting)[:3] == ["Apologies for Absence", "Welcome", "Declarations of Interest"]


@pytest.mark.parametrize("offset", [-1, 1, -2, 2])
def test_moving_an_item_writes_only_its_own_rank(meeting, offset):
    moved = item(meeting, "Minutes of the Previous Meeting")
    journal = Journal()

    agenda.move_item(item_id=moved.id, offset=offset)

    assert journal.rows() == [("agenda_item", moved.id)]
    assert titles(meeting).index(moved.title) == 2 + offset


def test_indenting_and_outdenting_write_only_the_item(meeting):
    moved = item(meeting, "Declarations of Interest")
    journal = Journal()

    agenda.indent_item(item_id=moved.id)
    assert journal.rows() == [("agenda_item", moved.id)]
    assert item(meeting, moved.title).parent_id == item(meeting, "Apologies for Absence").id

    agenda.outdent_item(item_id=moved.id)
    assert journal.rows() == [("agenda_item", moved.id)] * 2
    assert titles(meeting)[:2] == ["Apologies for Absence", "Declarations of Interest"]


def test_deleting_and_restoring_an_item_write_only_that_item(meeting):
    gone = item(meeting, "Matters and Actions Arising")
    before = titles(meeting)
    journal = Journal()

    agenda.delete_item(item_id=gone.id)
    agenda.restore_item(item_id=gone.id)

    assert journal.rows() == [("agenda_item", gone.id)] * 2
    assert titles(meeting) == before


def test_undoing_a_move_puts_back_the_old_rank_and_parent(meeting):
    moved = item(meeting, "Declarations of Interest")
    place = agenda.place_of(moved.id)
    agenda.indent_item(item_id=moved.id)
    journal = Journal()

    agenda.place_item(item_id=moved.id, place=place)

    assert journal.rows() == [("agenda_item", moved.id)]
    assert agenda.place_of(moved.id) == place
    assert item(meeting, moved.title).parent_id is None


def test_putting_an_item_under_its_own_sub_item_is_refused(refused, meeting):
    parent = item(meeting, "Declarations of Interest")
    child = item(meeting, "Minutes of the Previous Meeting")
    agenda.indent_item(item_id=child.id)
    place = agenda.Place(parent_id=child.id, rank="V")

    with refused("cannot go under one of its own sub-items"):
        agenda.place_item(item_id=parent.id, place=place)


def test_putting_an_item_at_a_rank_that_is_not_one_is_refused(refused, meeting):
    moved = item(meeting, "Declarations of Interest")

    with refused("is not a place in the order of an agenda"):
        agenda.place_item(item_id=moved.id, place=agenda.Place(parent_id=None, rank="V0"))


def test_two_laptops_adding_between_the_same_items_keep_both_in_one_order(meeting):
    apologies = item(meeting, "Apologies for Absence")
    mine = agenda.add_item(meeting_id=meeting.id, title="Mine", after_id=apologies.id)
    with db.atomic():  # as the other laptop's item arrives: the same neighbours, the same rank
        theirs = changes.create(AgendaItem, meeting=meeting.id, rank=mine.rank, title="Theirs")

    first, second = sorted([mine, theirs], key=lambda row: row.id)
    assert titles(meeting)[1:3] == [first.title, second.title]


def test_adding_between_two_items_a_merge_left_with_one_rank_puts_it_between(meeting):
    apologies = item(meeting, "Apologies for Absence")
    mine = agenda.add_item(meeting_id=meeting.id, title="Mine", after_id=apologies.id)
    with db.atomic():
        theirs = changes.create(AgendaItem, meeting=meeting.id, rank=mine.rank, title="Theirs")
    first, second = sorted([mine, theirs], key=lambda row: row.id)

    agenda.add_item(meeting_id=meeting.id, title="Between", after_id=first.id)

    assert titles(meeting)[1:4] == [first.title, "Between", second.title]
    assert AgendaItem.get_by_id(first.id).rank < AgendaItem.get_by_id(second.id).rank


# -- random edits against a plain list ---------------------------------------------------------

EXAMPLES = itertools.count()

OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "add under", "up", "down", "jump", "indent", "outdent", "delete"]),
        st.integers(0, 1000),
        st.integers(-4, 4),
    ),
    max_size=30,
)


class Outline:
    """The agenda as nested lists: what the ranks must give."""

    def __init__(self):
        self.kids: dict[str | None, list[str]] = {None: []}
        self.parent: dict[str, str | None] = {}

    def ids(self) -> list[str]:
        return [item_id for item_id, _ in self.walk()]

    def walk(self, parent=None, depth=0):
        for item_id in self.kids[parent]:
            yield item_id, depth
            yield from self.walk(item_id, depth + 1)

    def depth(self, item_id):
        return 0 if self.parent[item_id] is None else 1 + self.depth(self.parent[item_id])

    def height(self, item_id):
        return max((1 + self.height(kid) for kid in self.kids[item_id]), default=0)

    def put(self, item_id, parent, index):
        self.kids[parent].insert(index, item_id)
        self.parent[item_id] = parent
        self.kids.setdefault(item_id, [])

    def take(self, item_id) -> int:
        siblings = self.kids[self.parent[item_id]]
        index = siblings.index(item_id)
        siblings.remove(item_id)
        return index

    def remove(self, item_id):
        for kid in list(self.kids[item_id]):
            self.remove(kid)
        self.take(item_id)
        del self.parent[item_id]


def _step(meeting, outline: Outline, op: str, pick: int, offset: int) -> set[str]:
    """Do `op` on the service and the outline; the ids of the rows it must write (none
    when the service refuses it, as the outline says it must)."""
    ids = outline.ids()
    chosen = ids[pick % len(ids)] if ids else None
    if op in ("add", "add under") or chosen is None:
        under = chosen if op == "add under" else None
        if under is not None and outline.depth(under) >= 2:
            with pytest.raises(ValidationError):
                agenda.add_item(meeting_id=meeting.id, title="Too deep", parent_id=under)
            return set()
        after = None if under is not None or chosen is None else chosen
        parent = under if chosen is not None and op == "add under" else None
        if after is not None:
            parent = outline.parent[after]
        made = agenda.add_item(
            meeting_id=meeting.id, title="Item", parent_id=parent, after_id=after
        ).id
        siblings = outline.kids[parent]
        outline.put(made, parent, siblings.index(after) + 1 if after else len(siblings))
        return {made}
    siblings = outline.kids[outline.parent[chosen]]
    index = siblings.index(chosen)
    if op in ("up", "down", "jump"):
        step = {"up": -1, "down": 1}.get(op, offset)
        if not 0 <= index + step < len(siblings):
            with pytest.raises(ValidationError):
                agenda.move_item(item_id=chosen, offset=step)
            return set()
        agenda.move_item(item_id=chosen, offset=step)
        outline.take(chosen)
        outline.put(chosen, outline.parent[chosen], index + step)
        return {chosen} if step else set()
    elif op == "indent":
        above = siblings[index - 1] if index else None
        if above is None or outline.depth(above) + 1 + outline.height(chosen) > 2:
            with pytest.raises(ValidationError):
                agenda.indent_item(item_id=chosen)
            return set()
        agenda.indent_item(item_id=chosen)
        outline.take(chosen)
        outline.put(chosen, above, len(outline.kids[above]))
    elif op == "outdent":
        parent = outline.parent[chosen]
        if parent is None:
            with pytest.raises(ValidationError):
                agenda.outdent_item(item_id=chosen)
            return set()
        agenda.outdent_item(item_id=chosen)
        outline.take(chosen)
        grand = outline.parent[parent]
        outline.put(chosen, grand, outline.kids[grand].index(parent) + 1)
    else:  # a delete tombstones the item and its sub-items
        gone = {chosen, *(kid for kid, _ in outline.walk(chosen))}
        agenda.delete_item(item_id=chosen)
        outline.remove(chosen)
        return gone
    return {chosen}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(OPS)
def test_random_adds_moves_and_indents_give_the_order_of_a_plain_outline(board, ops):
    day = dt.date(2013, 1, 1) + dt.timedelta(days=next(EXAMPLES))  # a meeting per example
    meeting = meetings.create_meeting(body_id=board.id, date=day.isoformat())
    outline = Outline()
    for op, pick, offset in ops:
        journal = Journal()
        expected = _step(meeting, outline, op, pick, offset)
        written = journal.rows()
        assert sorted(row_id for _, row_id in written) == sorted(expected)
        shown = [(e.id, e.depth) for e in agenda.list_agenda(meeting.id)]
        assert shown == list(outline.walk())
