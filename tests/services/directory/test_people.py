"""People: create with a readable key, update, archive, delete, list and find."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.services.directory import memberships, organisations, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage import changes
from desktop_app.storage.models import Attendance, Person, db

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def police():
    return organisations.create_organisation(name="Kent Police")


def test_create_person_stores_every_field(police):
    bumpus = people.create_person(
        name="Jon Bumpus",
        title="CI",
        organisation_id=police.id,
        position="Chief Inspector",
        email="jon.bumpus@kent.police.uk",
        phone="01622 690690",
    )

    stored = people.get_person(bumpus.id)
    assert (stored.title, stored.name, stored.position) == ("CI", "Jon Bumpus", "Chief Inspector")
    assert (stored.email, stored.phone) == ("jon.bumpus@kent.police.uk", "01622 690690")
    assert stored.organisation.name == "Kent Police"
    assert people.display_name(stored) == "CI Jon Bumpus"


def test_the_key_is_made_from_the_name_and_kept_unique():
    first = people.create_person(name="Mrs Paulina Stockell")
    second = people.create_person(name="Mrs Paulina Stöckell")

    assert first.key == "mrs-paulina-stockell"
    assert second.key == "mrs-paulina-stockell-2"


def test_a_given_key_is_kept():
    stockell = people.create_person(name="Paulina Stockell", key="stockell")

    assert people.person_by_key("stockell").id == stockell.id


def test_a_key_already_taken_is_refused(refused):
    people.create_person(name="Paulina Stockell", key="stockell")

    with refused("The key “stockell” already belongs to someone else."):
        people.create_person(name="Peter Stockell", key="stockell")


def test_a_key_taken_by_a_deleted_person_is_refused(refused):
    gone = people.create_person(name="Paulina Stockell", key="stockell")
    people.delete_person(person_id=gone.id)

    with refused("already belongs to someone else"):
        people.create_person(name="Peter Stockell", key="stockell")


def test_an_unknown_key_finds_nobody():
    people.create_person(name="Paulina Stockell", key="stockell")

    assert people.person_by_key("bumpus") is None


@pytest.mark.parametrize(
    "name",
    ["Δημήτρης Παπαδόπουλος", "Олександр Шевченко", "محمد الأحمد", "王小明", "Siân Ó Briain 🌈"],
)
def test_names_in_any_script_and_emoji_are_accepted(name):
    person = people.create_person(name=name)

    assert people.get_person(person.id).name == name
    assert person.key


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.text(
        alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=300,
    ).filter(str.strip)
)
def test_any_single_line_name_reads_back_as_typed(name):
    person = people.create_person(name=name)

    assert people.get_person(person.id).name == name.strip()


@pytest.mark.parametrize("name", ["", "  ", None])
def test_an_empty_name_is_refused(refused, name):
    with refused("The person's name cannot be empty."):
        people.create_person(name=name)


def test_a_one_megabyte_name_is_refused(refused):
    with refused("1,048,576 characters long"):
        people.create_person(name="M" * 1_048_576)


def test_a_bad_email_address_is_refused(refused):
    with refused("“jon.bumpus at kent” does not look like an e-mail address."):
        people.create_person(name="Jon Bumpus", email="jon.bumpus at kent")


def test_an_unknown_organisation_is_refused(refused):
    with refused("There is no organisation with the key “nowhere”."):
        people.create_person(name="Jon Bumpus", organisation_id="nowhere")


def test_update_changes_only_the_given_fields(police):
    bumpus = people.create_person(name="Jon Bumpus", title="CI", organisation_id=police.id)

    people.update_person(person_id=bumpus.id, position="Chief Inspector")

    stored = people.get_person(bumpus.id)
    assert (stored.title, stored.name, stored.position) == ("CI", "Jon Bumpus", "Chief Inspector")
    assert stored.organisation.id == police.id


def test_update_can_clear_the_organisation(police):
    bumpus = people.create_person(name="Jon Bumpus", organisation_id=police.id)

    people.update_person(person_id=bumpus.id, organisation_id=None)

    assert people.get_person(bumpus.id).organisation is None


def test_update_with_an_empty_name_is_refused(refused):
    bumpus = people.create_person(name="Jon Bumpus")

    with refused("The person's name cannot be empty."):
        people.update_person(person_id=bumpus.id, name=" ")


def test_update_of_an_unknown_field_is_refused(refused):
    bumpus = people.create_person(name="Jon Bumpus")

    with refused("A person has no field called shoe_size."):
        people.update_person(person_id=bumpus.id, shoe_size="10")


def test_update_of_an_unknown_person_is_refused(refused):
    with refused("There is no person with the key “nobody”."):
        people.update_person(person_id="nobody", name="Jon Bumpus")


def test_get_of_an_unknown_person_is_refused(refused):
    with refused("There is no person with the key “nobody”."):
        people.get_person("nobody")


def test_archived_people_are_left_out_of_the_list_unless_asked_for():
    bumpus = people.create_person(name="Jon Bumpus")
    alland = people.create_person(name="Simon Alland")

    people.set_person_archived(person_id=bumpus.id, archived=True)

    assert [p.id for p in people.list_people()] == [alland.id]
    assert [p.id for p in people.list_people(include_archived=True)] == [bumpus.id, alland.id]


def test_find_people_matches_name_key_position_and_email():
    bumpus = people.create_person(name="Jon Bumpus", position="Chief Inspector")
    ashdown = people.create_person(name="Dave Ashdown", email="dave@jobcentreplus.gov.uk")
    people.create_person(name="Simon Alland")

    assert [p.id for p in people.find_people("bump")] == [bumpus.id]
    assert [p.id for p in people.find_people("inspector")] == [bumpus.id]
    assert [p.id for p in people.find_people("jobcentre")] == [ashdown.id]
    assert [p.id for p in people.find_people("jon-bumpus")] == [bumpus.id]
    assert people.find_people("nobody at all") == []


def test_find_people_leaves_out_deleted_people_and_stops_at_the_limit():
    gone = people.create_person(name="Cllr Gone")
    people.delete_person(person_id=gone.id)
    for n in range(5):
        people.create_person(name=f"Cllr Member {n}")

    found = people.find_people("cllr", limit=3)

    assert [p.name for p in found] == ["Cllr Member 0", "Cllr Member 1", "Cllr Member 2"]


def test_delete_and_restore():
    bumpus = people.create_person(name="Jon Bumpus")

    people.delete_person(person_id=bumpus.id)
    assert people.list_people() == []

    people.restore_person(person_id=bumpus.id)
    assert [p.id for p in people.list_people()] == [bumpus.id]


def test_delete_is_refused_while_the_person_is_a_member(refused):
    board = create_body(name="Maidstone Locality Board")
    bumpus = people.create_person(name="Jon Bumpus", title="CI")
    memberships.add_member(body_id=board.id, person_id=bumpus.id)

    with refused("CI Jon Bumpus is on memberships", "(1 in all)", "archive them instead"):
        people.delete_person(person_id=bumpus.id)


def test_delete_is_refused_while_the_person_is_on_an_attendance_record(refused):
    board = create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17")
    bumpus = people.create_person(name="Jon Bumpus")
    with db.atomic():
        changes.create(Attendance, meeting=meeting.id, person=bumpus.id, status="apologies")

    with refused("Jon Bumpus is on memberships or attendance records (1 in all)"):
        people.delete_person(person_id=bumpus.id)

    assert Person.get_by_id(bumpus.id).deleted_at is None


def test_find_people_takes_percent_and_underscore_literally(database):
    people.create_person(name="Ann Smith", email="a_smith@example.org")
    people.create_person(name="Bob Jones", email="bjones@example.org")
    assert [p.name for p in people.find_people("a_s")] == ["Ann Smith"]
    assert people.find_people("%") == []


@pytest.mark.parametrize(
    ("typed", "title", "name"),
    [
        ("Cllr Mrs Paulina Stockell", "Cllr Mrs", "Paulina Stockell"),
        ("CI Jon Bumpus", "CI", "Jon Bumpus"),
        ("Dr. Ann Lee", "Dr.", "Ann Lee"),
        ("Dave Ashdown", "", "Dave Ashdown"),
        ("Mrs", "", "Mrs"),  # a name is never left empty
    ],
)
def test_titles_typed_in_front_of_a_name_are_taken_off(typed, title, name):
    assert people.split_title(typed) == (title, name)
