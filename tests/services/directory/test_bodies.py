"""Bodies: boards, committees and the groups that report to them."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage.models import Body

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def board():
    return bodies.create_body(name="Maidstone Locality Board", kind="board", quorum="1/3")


def test_create_body_takes_sensible_defaults():
    committee = bodies.create_body(name="Planning Committee")

    stored = bodies.get_body(committee.id)
    assert (stored.kind, stored.parent, stored.quorum) == ("committee", None, "")
    assert (stored.numbering_pattern, stored.numbering_restart) == ("{n}", "never")
    assert (stored.numbering_year_starts, stored.numbering_next) == ("05-01", 1)


def test_create_body_stores_every_field(board):
    group = bodies.create_body(
        name="Troubled Families Delivery Group",
        kind="delivery group",
        parent_id=board.id,
        quorum="4",
        venue="Maidstone House",
        numbering_pattern="{yy}/{n}",
        numbering_restart="yearly",
        numbering_year_starts="04-01",
        numbering_next="21",
    )

    stored = Body.get_by_id(group.id)
    assert stored.parent.id == board.id
    assert (stored.kind, stored.quorum, stored.venue) == ("delivery group", "4", "Maidstone House")
    assert (stored.numbering_pattern, stored.numbering_restart) == ("{yy}/{n}", "yearly")
    assert (stored.numbering_year_starts, stored.numbering_next) == ("04-01", 21)


@pytest.mark.parametrize("name", ["Συμβούλιο Υγείας", "Совет по здравоохранению", "健康委员会 🏥"])
def test_names_in_any_script_and_emoji_are_accepted(name):
    body = bodies.create_body(name=name)

    assert bodies.find_body(name=name).id == body.id


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_empty_name_is_refused(refused, name):
    with refused("The body's name cannot be empty."):
        bodies.create_body(name=name)


def test_a_one_megabyte_name_is_refused(refused):
    with refused("1,048,576 characters long"):
        bodies.create_body(name="M" * 1_048_576)


def test_a_duplicate_name_is_refused_whatever_its_case(refused, board):
    with refused("There is already a body called Maidstone Locality Board."):
        bodies.create_body(name="maidstone locality BOARD")


def test_renaming_to_another_bodys_name_is_refused(refused, board):
    other = bodies.create_body(name="Planning Committee")

    with refused("There is already a body called Maidstone Locality Board."):
        bodies.update_body(body_id=other.id, name="Maidstone Locality Board")


def test_a_body_may_keep_its_own_name_when_updated(board):
    bodies.update_body(body_id=board.id, name="Maidstone Locality Board", venue="Town Hall")

    assert bodies.get_body(board.id).venue == "Town Hall"


@pytest.mark.parametrize("quorum", ["6", "1/3", "1/2", "1/1", ""])
def test_good_quorums_are_accepted(quorum):
    body = bodies.create_body(name="Committee", quorum=quorum)

    assert bodies.get_body(body.id).quorum == quorum


@pytest.mark.parametrize("quorum", ["six", "1/3 of members", "-2", "1.5", "1/"])
def test_a_quorum_that_is_neither_number_nor_fraction_is_refused(refused, quorum):
    with refused("is not a quorum; give a number of members (6) or a fraction (1/3)."):
        bodies.create_body(name="Committee", quorum=quorum)


@pytest.mark.parametrize("quorum", ["1/0", "4/3"])
def test_a_quorum_fraction_outside_zero_to_one_is_refused(refused, quorum):
    with refused(f"The quorum {quorum} is not a fraction between 0 and 1."):
        bodies.create_body(name="Committee", quorum=quorum)


def test_a_numbering_pattern_without_the_running_number_is_refused(refused):
    with refused("The minute-number pattern must contain {n}, the running number."):
        bodies.create_body(name="Committee", numbering_pattern="{yy}/")


def test_a_numbering_pattern_with_an_unknown_placeholder_is_refused(refused):
    with refused("uses {month}", "only {n}, {yy}, {yy1}, {yyyy} and {yyyy1}"):
        bodies.create_body(name="Committee", numbering_pattern="{month}/{n}")


@pytest.mark.parametrize("start", ["05-01", "04-01", "01-01", "02-29", "12-31"])
def test_a_year_start_on_any_real_day_is_accepted(start):
    body = bodies.create_body(name="Committee", numbering_year_starts=start)

    assert bodies.get_body(body.id).numbering_year_starts == start


@pytest.mark.parametrize("start", ["13-01", "5-1", "May", "02-30", "04-31"])
def test_a_year_start_that_is_not_a_real_day_is_refused(refused, start):
    with refused("is not a month and day (MM-DD) for the year start."):
        bodies.create_body(name="Committee", numbering_year_starts=start)


@pytest.mark.parametrize(
    ("number", "words"),
    [("0", "must be 1 or more"), ("-4", "must be 1 or more"), ("x", "must be a whole number")],
)
def test_a_bad_next_minute_number_is_refused(refused, number, words):
    with refused(words):
        bodies.create_body(name="Committee", numbering_next=number)


def test_an_unknown_kind_is_refused(refused):
    with refused("“club” is not a kind of body"):
        bodies.create_body(name="Committee", kind="club")


def test_an_unknown_field_is_refused(refused):
    with refused("A body has no field called colour."):
        bodies.create_body(name="Committee", colour="blue")


def test_an_unknown_parent_is_refused(refused):
    with refused("There is no parent body with the key “missing”."):
        bodies.create_body(name="Committee", parent_id="missing")


def test_a_body_cannot_be_its_own_parent(refused, board):
    with refused("A body cannot report to itself or to one of its own groups."):
        bodies.update_body(body_id=board.id, parent_id=board.id)


def test_a_body_cannot_report_to_its_own_grandchild(refused, board):
    group = bodies.create_body(name="Delivery Group", parent_id=board.id)
    task = bodies.create_body(name="Task Group", parent_id=group.id)

    with refused("A body cannot report to itself or to one of its own groups."):
        bodies.update_body(body_id=board.id, parent_id=task.id)


def test_a_group_may_move_to_another_board(board):
    other = bodies.create_body(name="Health and Wellbeing Board")
    group = bodies.create_body(name="Delivery Group", parent_id=board.id)

    bodies.update_body(body_id=group.id, parent_id=other.id)

    assert bodies.get_body(group.id).parent.id == other.id


def test_update_of_an_unknown_body_is_refused(refused):
    with refused("There is no body with the key “missing”."):
        bodies.update_body(body_id="missing", venue="Town Hall")


def test_list_is_in_name_order_and_leaves_out_archived_bodies(board):
    planning = bodies.create_body(name="Planning Committee")
    audit = bodies.create_body(name="Audit Committee")

    bodies.set_body_archived(body_id=planning.id, archived=True)

    assert [b.id for b in bodies.list_bodies()] == [audit.id, board.id]
    assert [b.id for b in bodies.list_bodies(include_archived=True)] == [
        audit.id,
        board.id,
        planning.id,
    ]


def test_the_trees_entries_are_the_listed_bodies_with_what_the_tree_shows(board):
    group = bodies.create_body(
        name="Delivery Group", parent_id=board.id, numbering_year_starts="04-01"
    )
    archived = bodies.create_body(name="Audit Committee")
    bodies.set_body_archived(body_id=archived.id, archived=True)
    deleted = bodies.create_body(name="Cabinet")
    bodies.delete_body(body_id=deleted.id)

    assert bodies.list_body_entries() == [
        (group.id, "Delivery Group", board.id, "04-01"),
        (board.id, "Maidstone Locality Board", None, "05-01"),
    ]
    listed = bodies.list_bodies()
    assert [entry.id for entry in bodies.list_body_entries()] == [b.id for b in listed]


def test_find_body_ignores_case_and_misses_deleted_bodies(board):
    assert bodies.find_body(name="MAIDSTONE locality board").id == board.id

    bodies.delete_body(body_id=board.id)

    assert bodies.find_body(name="Maidstone Locality Board") is None


def test_delete_and_restore(board):
    bodies.delete_body(body_id=board.id)
    assert bodies.list_bodies() == []

    bodies.restore_body(body_id=board.id)
    assert [b.id for b in bodies.list_bodies()] == [board.id]


def test_delete_is_refused_while_the_body_has_meetings(refused, board):
    meetings.create_meeting(body_id=board.id, date="2012-12-17")

    with refused("Maidstone Locality Board has 1 meetings on record; archive the body instead."):
        bodies.delete_body(body_id=board.id)


def test_delete_is_refused_while_other_bodies_report_to_it(refused, board):
    bodies.create_body(name="Delivery Group", parent_id=board.id)

    with refused("Other bodies report to Maidstone Locality Board; move or delete them first."):
        bodies.delete_body(body_id=board.id)
