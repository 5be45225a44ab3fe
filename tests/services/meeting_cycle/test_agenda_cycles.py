"""Loops of parents, and nesting too deep, that two laptops' indents can make, and the
repair every replica makes alike."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.meeting_cycle.agenda_cycles import (
    break_parent_cycles,
    deepest,
    outdent_too_deep,
    parent_cycles,
)
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, JournalEntry, db


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board")


def meeting_with(board, date: str, *ids: str):
    """A meeting whose top-level items have the given ids, in that order."""
    meeting = meetings.create_meeting(body_id=board.id, date=date)
    with db.atomic():
        for rank, item_id in zip("abcdefg", ids, strict=False):
            changes.create(AgendaItem, id=item_id, meeting=meeting.id, rank=rank, title=item_id)
    return meeting


def apply(*moves: tuple[str, str | None]) -> None:
    """Parents as they arrive from other laptops: written as they are, no checks made."""
    with db.atomic():
        for item_id, parent_id in moves:
            changes.update(AgendaItem.get_by_id(item_id), parent_id=parent_id)


def shown(meeting):
    return [(entry.title, entry.depth) for entry in agenda.list_agenda(meeting.id)]


def test_two_concurrent_indents_that_make_a_loop_are_broken_at_the_smallest_id(board):
    meeting = meeting_with(board, "2012-12-17", "m-x", "m-y", "m-z")
    apply(("m-x", "m-y"), ("m-y", "m-x"))  # A put X under Y; B put Y under X
    assert shown(meeting) == [("m-z", 0)]  # neither reaches the top

    with db.atomic():
        moved = break_parent_cycles(meeting.id)

    assert moved == ["m-x"]
    assert shown(meeting) == [("m-x", 0), ("m-y", 1), ("m-z", 0)]


def test_the_same_item_is_moved_whatever_order_the_changes_came_in(board):
    first = meeting_with(board, "2012-12-17", "a-x", "a-y")
    second = meeting_with(board, "2013-01-14", "b-x", "b-y")
    apply(("a-x", "a-y"), ("a-y", "a-x"))
    apply(("b-y", "b-x"), ("b-x", "b-y"))

    with db.atomic():
        moved = break_parent_cycles(first.id) + break_parent_cycles(second.id)

    assert moved == ["a-x", "b-x"]
    assert [t for t, _ in shown(first)] == ["a-x", "a-y"]
    assert [t for t, _ in shown(second)] == ["b-x", "b-y"]


def test_a_loop_of_three_with_an_item_hanging_from_it_is_broken_once(board):
    meeting = meeting_with(board, "2012-12-17", "c-1", "c-2", "c-3", "c-4")
    apply(("c-2", "c-1"), ("c-3", "c-2"), ("c-1", "c-3"), ("c-4", "c-3"))

    with db.atomic():
        moved = break_parent_cycles(meeting.id)

    assert moved == ["c-1"]
    assert shown(meeting) == [("c-1", 0), ("c-2", 1), ("c-3", 2), ("c-4", 3)]


def test_an_agenda_without_a_loop_is_left_as_it_is(board):
    meeting = meeting_with(board, "2012-12-17", "d-1", "d-2")
    apply(("d-2", "d-1"))
    journal = JournalEntry.select().count()

    with db.atomic():
        assert break_parent_cycles(meeting.id) == []

    assert JournalEntry.select().count() == journal


def test_the_repair_is_written_only_inside_the_callers_transaction(board):
    meeting = meeting_with(board, "2012-12-17", "e-1", "e-2")
    apply(("e-1", "e-2"), ("e-2", "e-1"))

    with pytest.raises(RuntimeError):
        break_parent_cycles(meeting.id)


def test_restoring_an_item_that_closes_a_loop_breaks_it(board):
    meeting = meeting_with(board, "2012-12-17", "f-1", "f-2")
    agenda.delete_item(item_id="f-2")
    # Meanwhile another laptop had put f-1 under f-2 and f-2 under f-1.
    apply(("f-1", "f-2"), ("f-2", "f-1"))

    agenda.restore_item(item_id="f-2")

    assert shown(meeting) == [("f-1", 0), ("f-2", 1)]


def test_an_item_nested_too_deep_goes_right_after_its_parent_one_level_up(board):
    meeting = meeting_with(board, "2012-12-17", "g-1", "g-2", "g-3", "g-4", "g-5")
    # One laptop put g-2 under g-1; another had nested g-3 and g-4 under g-2, g-5 under g-3.
    apply(("g-2", "g-1"), ("g-3", "g-2"), ("g-4", "g-2"), ("g-5", "g-3"))
    assert ("g-5", 3) in shown(meeting)

    with db.atomic():
        moved = outdent_too_deep(meeting.id)

    assert moved == ["g-5"]
    assert shown(meeting) == [("g-1", 0), ("g-2", 1), ("g-3", 2), ("g-5", 2), ("g-4", 2)]


def test_an_agenda_three_deep_is_left_as_it_is(board):
    meeting = meeting_with(board, "2012-12-17", "h-1", "h-2", "h-3")
    apply(("h-2", "h-1"), ("h-3", "h-2"))

    with db.atomic():
        assert outdent_too_deep(meeting.id) == []


@pytest.mark.parametrize(
    ("parents", "depth"),
    [
        ({}, 0),
        ({"a": None}, 0),
        ({"a": None, "b": "a", "c": "b"}, 2),
        ({"d": "c", "c": "b", "b": "a", "a": None}, 3),
    ],
)
def test_deepest_counts_the_levels_below_the_top(parents, depth):
    assert deepest(parents) == depth


@pytest.mark.parametrize(
    ("parents", "loops"),
    [
        ({"a": None, "b": "a"}, []),
        ({"a": "b", "b": "a"}, [["a", "b"]]),
        ({"a": "a"}, [["a"]]),
        ({"x": "c", "c": "b", "b": "c", "a": "b"}, [["b", "c"]]),
        ({"a": "b", "b": "a", "c": "d", "d": "c"}, [["a", "b"], ["c", "d"]]),
        ({"a": "gone"}, []),
    ],
)
def test_parent_cycles_finds_each_loop_once(parents, loops):
    assert parent_cycles(parents) == loops
