"""Memberships: who sits on which body, in what role, for whom, and when."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.directory import memberships, organisations, people
from desktop_app.services.directory.bodies import create_body

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def board():
    return create_body(name="Maidstone Locality Board", kind="board")


@pytest.fixture
def stockell():
    return people.create_person(name="Paulina Stockell", title="Cllr Mrs")


def test_add_member_stores_every_field(board, stockell):
    kcc = organisations.create_organisation(name="Kent County Council")

    added = memberships.add_member(
        body_id=board.id,
        person_id=stockell.id,
        role="vice-chair",
        organisation_id=kcc.id,
        voting=False,
        from_date="2012-05-01",
        to_date=dt.date(2013, 4, 30),
    )

    stored = memberships.get_membership(added.id)
    assert (stored.body.id, stored.person.id, stored.organisation.id) == (
        board.id,
        stockell.id,
        kcc.id,
    )
    assert (stored.role, stored.voting) == ("vice-chair", False)
    assert (stored.from_date, stored.to_date) == (dt.date(2012, 5, 1), dt.date(2013, 4, 30))


def test_list_members_puts_the_chair_first_then_orders_by_name(board, stockell):
    ashdown = people.create_person(name="Dave Ashdown")
    bumpus = people.create_person(name="Jon Bumpus", title="CI")
    garland = people.create_person(name="Chris Garland", title="Cllr")
    memberships.add_member(body_id=board.id, person_id=bumpus.id, role="member")
    memberships.add_member(body_id=board.id, person_id=stockell.id, role="vice-chair")
    memberships.add_member(body_id=board.id, person_id=ashdown.id, role="member")
    memberships.add_member(body_id=board.id, person_id=garland.id, role="chair")

    listed = memberships.list_members(body_id=board.id)

    assert [m.person.name for m in listed] == [
        "Chris Garland",
        "Paulina Stockell",
        "Dave Ashdown",
        "Jon Bumpus",
    ]


def test_list_members_on_a_date_gives_who_sat_then(board, stockell):
    bumpus = people.create_person(name="Jon Bumpus")
    memberships.add_member(
        body_id=board.id, person_id=stockell.id, from_date="2012-05-01", to_date="2013-04-30"
    )
    memberships.add_member(body_id=board.id, person_id=bumpus.id, from_date="2013-05-01")

    def names(on):
        return [m.person.name for m in memberships.list_members(body_id=board.id, on=on)]

    assert names(dt.date(2012, 12, 17)) == ["Paulina Stockell"]
    assert names(dt.date(2013, 4, 30)) == ["Paulina Stockell"]
    assert names(dt.date(2013, 5, 1)) == ["Jon Bumpus"]
    assert names(dt.date(2011, 1, 1)) == []


def test_names_in_any_script_and_emoji_are_listed(board):
    person = people.create_person(name="Αθηνά Παπαδοπούλου 🌿")

    memberships.add_member(body_id=board.id, person_id=person.id)

    assert [m.person.name for m in memberships.list_members(body_id=board.id)] == [
        "Αθηνά Παπαδοπούλου 🌿"
    ]


def test_an_unknown_person_is_refused(refused, board):
    with refused("There is no person with the key “nobody”."):
        memberships.add_member(body_id=board.id, person_id="nobody")


def test_an_unknown_body_is_refused(refused, stockell):
    with refused("There is no body with the key “nowhere”."):
        memberships.add_member(body_id="nowhere", person_id=stockell.id)


def test_a_deleted_person_cannot_be_added(refused, board, stockell):
    people.delete_person(person_id=stockell.id)

    with refused("There is no person with the key"):
        memberships.add_member(body_id=board.id, person_id=stockell.id)


def test_an_unknown_role_is_refused(refused, board, stockell):
    with refused("“boss” is not a role; use one of: chair, vice-chair"):
        memberships.add_member(body_id=board.id, person_id=stockell.id, role="boss")


def test_an_unknown_organisation_is_refused(refused, board, stockell):
    with refused("There is no organisation with the key “nowhere”."):
        memberships.add_member(body_id=board.id, person_id=stockell.id, organisation_id="nowhere")


def test_a_membership_ending_before_it_starts_is_refused(refused, board, stockell):
    with refused("The membership ends before it starts."):
        memberships.add_member(
            body_id=board.id, person_id=stockell.id, from_date="2013-05-01", to_date="2013-04-30"
        )


def test_an_impossible_date_is_refused(refused, board, stockell):
    with refused("“2013-02-30” is not a real date for the membership's start date"):
        memberships.add_member(body_id=board.id, person_id=stockell.id, from_date="2013-02-30")


def test_someone_already_a_member_is_refused(refused, board, stockell):
    memberships.add_member(body_id=board.id, person_id=stockell.id)

    with refused("Cllr Mrs Paulina Stockell is already a member of Maidstone Locality Board."):
        memberships.add_member(body_id=board.id, person_id=stockell.id, role="substitute")


def test_an_overlapping_membership_is_refused(refused, board, stockell):
    memberships.add_member(
        body_id=board.id, person_id=stockell.id, from_date="2012-05-01", to_date="2013-04-30"
    )

    with refused("is already a member of Maidstone Locality Board."):
        memberships.add_member(
            body_id=board.id, person_id=stockell.id, from_date="2013-04-30", to_date="2014-04-30"
        )


def test_a_later_membership_after_an_earlier_one_ended_is_allowed(board, stockell):
    memberships.add_member(
        body_id=board.id, person_id=stockell.id, from_date="2011-05-01", to_date="2012-04-30"
    )

    memberships.add_member(
        body_id=board.id, person_id=stockell.id, role="chair", from_date="2012-05-01"
    )

    roles = [m.role for m in memberships.list_members(body_id=board.id)]
    assert sorted(roles) == ["chair", "member"]


def test_the_same_person_may_sit_on_two_bodies(board, stockell):
    other = create_body(name="Health and Wellbeing Board")

    memberships.add_member(body_id=board.id, person_id=stockell.id)
    memberships.add_member(body_id=other.id, person_id=stockell.id)

    assert len(memberships.list_members(body_id=other.id)) == 1


def test_update_membership_changes_only_the_given_fields(board, stockell):
    added = memberships.add_member(body_id=board.id, person_id=stockell.id, voting=False)

    memberships.update_membership(membership_id=added.id, role="chair", to_date="2013-04-30")

    stored = memberships.get_membership(added.id)
    assert (stored.role, stored.voting, stored.to_date) == ("chair", False, dt.date(2013, 4, 30))


def test_update_into_an_overlap_is_refused(refused, board, stockell):
    memberships.add_member(
        body_id=board.id, person_id=stockell.id, from_date="2013-05-01", to_date="2014-04-30"
    )
    earlier = memberships.add_member(
        body_id=board.id, person_id=stockell.id, from_date="2012-05-01", to_date="2013-04-30"
    )

    with refused("is already a member of Maidstone Locality Board."):
        memberships.update_membership(membership_id=earlier.id, to_date="2013-06-30")


def test_update_ending_before_the_start_is_refused(refused, board, stockell):
    added = memberships.add_member(body_id=board.id, person_id=stockell.id, from_date="2012-05-01")

    with refused("The membership ends before it starts."):
        memberships.update_membership(membership_id=added.id, to_date="2012-04-30")


def test_update_of_an_unknown_field_is_refused(refused, board, stockell):
    added = memberships.add_member(body_id=board.id, person_id=stockell.id)

    with refused("A membership has no field called person_id."):
        memberships.update_membership(membership_id=added.id, person_id="someone-else")


def test_removing_a_member_lets_them_be_added_again(board, stockell):
    mistake = memberships.add_member(body_id=board.id, person_id=stockell.id, role="observer")

    memberships.remove_member(membership_id=mistake.id)
    assert memberships.list_members(body_id=board.id) == []

    memberships.add_member(body_id=board.id, person_id=stockell.id, role="member")
    assert [m.role for m in memberships.list_members(body_id=board.id)] == ["member"]


def test_restore_brings_a_removed_membership_back(board, stockell):
    added = memberships.add_member(body_id=board.id, person_id=stockell.id)
    memberships.remove_member(membership_id=added.id)

    memberships.restore_membership(membership_id=added.id)

    assert [m.id for m in memberships.list_members(body_id=board.id)] == [added.id]


def test_removing_an_unknown_membership_is_refused(refused):
    with refused("There is no membership with the key “missing”."):
        memberships.remove_member(membership_id="missing")


def test_restoring_a_removed_membership_is_refused_once_they_are_added_again(
    board, stockell, refused
):
    first = memberships.add_member(body_id=board.id, person_id=stockell.id)
    memberships.remove_member(membership_id=first.id)
    memberships.add_member(body_id=board.id, person_id=stockell.id, role="vice-chair")

    with refused("is already a member of"):
        memberships.restore_membership(membership_id=first.id)


def test_members_are_listed_by_surname_after_the_officers(board):
    for name in ("Chris Garland", "Bird", "D Mortimer"):
        person = people.create_person(name=name, title="Cllr")
        memberships.add_member(body_id=board.id, person_id=person.id)
    names = [m.person.name for m in memberships.list_members(body_id=board.id)]
    assert names == ["Bird", "Chris Garland", "D Mortimer"]
