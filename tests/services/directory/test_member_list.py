"""A body's members added from a list as the clerk has it: one a line, a role after a comma."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.directory import member_list, memberships, people
from desktop_app.services.directory.bodies import create_body

pytestmark = pytest.mark.usefixtures("database")

LIST = """Cllr Asha Patel, chair
  Cllr Tom Okafor
Cllr Mrs Paulina Stockell, Vice Chair

Ruth Ellis, co-opted
"""


@pytest.fixture
def council():
    return create_body(name="Headcorn Parish Council", kind="council")


@pytest.fixture
def stockell():
    return people.create_person(name="Paulina Stockell", title="Cllr Mrs")


def members(body) -> list[tuple[str, str]]:
    return sorted(
        (people.display_name(m.person), m.role) for m in memberships.list_members(body_id=body.id)
    )


def test_each_line_is_a_member_and_a_name_no_one_has_is_a_new_person(council, stockell):
    added = member_list.add_member_list(body_id=council.id, text=LIST)

    assert members(council) == [
        ("Cllr Asha Patel", "chair"),
        ("Cllr Mrs Paulina Stockell", "vice-chair"),
        ("Cllr Tom Okafor", "member"),
        ("Ruth Ellis", "co-opted"),
    ]
    assert len(added.membership_ids) == 4
    assert len(added.new_person_ids) == 3  # Cllr Stockell was on file already
    patel = people.get_person(added.new_person_ids[0])
    assert (patel.title, patel.name) == ("Cllr", "Asha Patel")


def test_a_name_on_file_is_found_with_or_without_its_titles_in_any_case(council, stockell):
    added = member_list.add_member_list(body_id=council.id, text="paulina STOCKELL")

    assert added.new_person_ids == []
    assert members(council) == [("Cllr Mrs Paulina Stockell", "member")]


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("", "Type the members' names, one a line."),
        ("Cllr Asha Patel\nCllr Tom Okafor, treasurer", "Line 2 (“Cllr Tom Okafor, treasurer”)"),
        ("Cllr Asha Patel\n, chair", "Line 2 (“, chair”) has no name before its comma."),
        ("Cllr Asha Patel\ncllr asha  patel", "names someone already on the list"),
    ],
)
def test_a_wrong_line_is_named_and_nothing_is_added(council, text, refusal):
    with pytest.raises(ValidationError) as refused:
        member_list.add_member_list(body_id=council.id, text=text)

    assert refusal in str(refused.value)
    assert members(council) == [] and people.list_people() == []


def test_a_name_two_people_answer_to_is_refused_rather_than_guessed(council):
    people.create_person(name="John Smith", title="Cllr")
    people.create_person(name="John Smith", title="Mr")

    with pytest.raises(ValidationError, match="more than one person is called that"):
        member_list.add_member_list(body_id=council.id, text="John Smith")


def test_a_member_already_on_the_body_refuses_the_whole_list(council, stockell):
    memberships.add_member(body_id=council.id, person_id=stockell.id)

    with pytest.raises(ValidationError):
        member_list.add_member_list(body_id=council.id, text="Cllr Asha Patel\nPaulina Stockell")

    assert members(council) == [("Cllr Mrs Paulina Stockell", "member")]
    assert [p.name for p in people.list_people()] == ["Paulina Stockell"]
