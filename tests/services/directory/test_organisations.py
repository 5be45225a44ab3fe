"""Organisations: create, rename, archive, delete, list and find."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import memberships, organisations, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.storage.models import JournalEntry, Organisation

pytestmark = pytest.mark.usefixtures("database")


def test_create_organisation_stores_the_trimmed_name():
    police = organisations.create_organisation(name="  Kent Police  ")

    assert Organisation.get_by_id(police.id).name == "Kent Police"
    assert JournalEntry.select().where(JournalEntry.row_id == police.id).count() == 1


@pytest.mark.parametrize(
    "name",
    [
        "Ελληνική Αστυνομία",
        "Полиция Кента",
        "شرطة كِنت",
        "ケント警察",
        "Kent Police 🚓👮",
        "Łódź Rada",
    ],
)
def test_names_in_any_script_and_emoji_are_accepted(name):
    row = organisations.create_organisation(name=name)

    assert organisations.find_organisation(name=name).id == row.id


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_empty_name_is_refused(refused, name):
    with refused("cannot be empty"):
        organisations.create_organisation(name=name)


def test_a_one_megabyte_name_is_refused(refused):
    with refused("1,048,576 characters"):
        organisations.create_organisation(name="M" * 1_048_576)


def test_a_name_on_two_lines_is_refused(refused):
    with refused("single line"):
        organisations.create_organisation(name="Kent\nPolice")


def test_a_duplicate_name_is_refused_whatever_its_case(refused):
    organisations.create_organisation(name="Kent Police")

    with refused("already an organisation called Kent Police"):
        organisations.create_organisation(name="KENT police ")


def test_a_deleted_organisations_name_may_be_used_again():
    old = organisations.create_organisation(name="Kent Police")
    organisations.delete_organisation(organisation_id=old.id)

    again = organisations.create_organisation(name="Kent Police")

    assert organisations.find_organisation(name="Kent Police").id == again.id


def test_rename_changes_the_name():
    police = organisations.create_organisation(name="Kent Police")

    organisations.rename_organisation(organisation_id=police.id, name="Kent Police (Maidstone)")

    assert Organisation.get_by_id(police.id).name == "Kent Police (Maidstone)"


def test_rename_may_change_only_the_case_of_the_name():
    police = organisations.create_organisation(name="Kent police")

    organisations.rename_organisation(organisation_id=police.id, name="Kent Police")

    assert Organisation.get_by_id(police.id).name == "Kent Police"


def test_rename_to_another_organisations_name_is_refused(refused):
    organisations.create_organisation(name="Kent Police")
    nhs = organisations.create_organisation(name="NHS West Kent")

    with refused("already an organisation called Kent Police"):
        organisations.rename_organisation(organisation_id=nhs.id, name="Kent Police")


def test_rename_of_an_unknown_organisation_is_refused(refused):
    with refused("There is no organisation with the key “missing”."):
        organisations.rename_organisation(organisation_id="missing", name="Kent Police")


def test_archived_organisations_are_left_out_of_the_list_unless_asked_for():
    police = organisations.create_organisation(name="Kent Police")
    nhs = organisations.create_organisation(name="NHS West Kent")

    organisations.set_organisation_archived(organisation_id=police.id, archived=True)

    assert [o.id for o in organisations.list_organisations()] == [nhs.id]
    assert [o.id for o in organisations.list_organisations(include_archived=True)] == [
        police.id,
        nhs.id,
    ]


def test_unarchiving_brings_an_organisation_back_to_the_list():
    police = organisations.create_organisation(name="Kent Police")
    organisations.set_organisation_archived(organisation_id=police.id, archived=True)

    organisations.set_organisation_archived(organisation_id=police.id, archived=False)

    assert [o.name for o in organisations.list_organisations()] == ["Kent Police"]


def test_list_is_in_name_order():
    for name in ("NHS West Kent", "Jobcentre Plus", "Kent Police"):
        organisations.create_organisation(name=name)

    assert [o.name for o in organisations.list_organisations()] == [
        "Jobcentre Plus",
        "Kent Police",
        "NHS West Kent",
    ]


def test_find_ignores_case_and_surrounding_spaces():
    police = organisations.create_organisation(name="Kent Police")

    assert organisations.find_organisation(name=" kent POLICE ").id == police.id
    assert organisations.find_organisation(name="Kent") is None


def test_delete_and_restore():
    police = organisations.create_organisation(name="Kent Police")

    organisations.delete_organisation(organisation_id=police.id)
    assert organisations.list_organisations() == []

    organisations.restore_organisation(organisation_id=police.id)
    assert [o.id for o in organisations.list_organisations()] == [police.id]


def test_delete_is_refused_while_a_person_belongs_to_it(refused):
    police = organisations.create_organisation(name="Kent Police")
    people.create_person(name="Jon Bumpus", organisation_id=police.id)

    with refused(
        "Kent Police is still named on people or memberships (1 in all)", "archive it instead"
    ):
        organisations.delete_organisation(organisation_id=police.id)


def test_delete_is_refused_while_a_membership_represents_it(refused):
    police = organisations.create_organisation(name="Kent Police")
    board = create_body(name="Maidstone Locality Board")
    bumpus = people.create_person(name="Jon Bumpus")
    memberships.add_member(body_id=board.id, person_id=bumpus.id, organisation_id=police.id)

    with refused("Kent Police is still named on people or memberships (1 in all)"):
        organisations.delete_organisation(organisation_id=police.id)
