"""Declarations of interest: per item and person, kind, description, leaving the room."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from desktop_app.services.directory import memberships, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import attendance, meetings
from desktop_app.services.meeting_cycle.declarations import (
    KINDS,
    DeclarationEntry,
    declare_interest,
    list_declarations,
    restore_declaration,
    update_declaration,
    withdraw_declaration,
)
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Declaration, db


@pytest.fixture
def board(database):
    body = create_body(name="Maidstone Locality Board")
    garland = people.create_person(name="Chris Garland", title="Cllr")
    bumpus = people.create_person(name="Jon Bumpus", title="CI")
    hughes = people.create_person(name="Mike Hughes", title="Cllr")
    for person in (garland, bumpus, hughes):
        memberships.add_member(body_id=body.id, person_id=person.id)
    alland = people.create_person(name="Simon Alland")
    clark = people.create_person(name="Zoe Clark")
    stranger = people.create_person(name="Sam Stranger")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17")
    other = meetings.create_meeting(body_id=body.id, date="2013-02-11")
    attendance.mark_attendance(meeting_id=meeting.id, person_id=garland.id, status="present")
    attendance.mark_attendance(meeting_id=meeting.id, person_id=hughes.id, status="apologies")
    attendance.add_substitute(
        meeting_id=meeting.id, person_id=alland.id, substitute_for_id=bumpus.id
    )
    attendance.add_in_attendance(meeting_id=meeting.id, person_id=clark.id)
    with db.atomic():

        def item(rank, title, number, **values):
            return changes.create(
                AgendaItem,
                meeting=values.pop("meeting", meeting.id),
                rank=rank,
                title=title,
                number=number,
                **values,
            )

        grants = item("2", "Community grants", "34")
        families = item("1", "Troubled Families", "33")
        budget = item("1", "Budget", "33.1", parent=families.id)
        elsewhere = item("1", "Next year's plan", "", meeting=other.id)
    return SimpleNamespace(
        meeting=meeting,
        garland=garland,
        hughes=hughes,
        bumpus=bumpus,
        alland=alland,
        clark=clark,
        stranger=stranger,
        grants=grants,
        families=families,
        budget=budget,
        elsewhere=elsewhere,
    )


def declare(board, who, item, kind="personal", description="", **values):
    return declare_interest(
        meeting_id=board.meeting.id,
        item_id=item.id,
        person_id=who.id,
        kind=kind,
        description=description,
        **values,
    )


def test_a_declaration_is_recorded_and_listed(board):
    row = declare(
        board,
        board.garland,
        board.grants,
        "disclosable pecuniary",
        "Director of a grant applicant ✔",
        left_room=True,
    )

    assert list_declarations(board.meeting.id) == [
        DeclarationEntry(
            id=row.id,
            item_id=board.grants.id,
            item_number="34",
            item_title="Community grants",
            person_id=board.garland.id,
            name="Cllr Chris Garland",
            kind="disclosable pecuniary",
            description="Director of a grant applicant ✔",
            left_room=True,
        )
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_may_be_declared(board, kind):
    declare(board, board.garland, board.grants, kind, "Something to say")

    assert [e.kind for e in list_declarations(board.meeting.id)] == [kind]


def test_a_substitute_and_someone_in_attendance_may_declare(board):
    declare(board, board.alland, board.grants)
    declare(board, board.clark, board.grants)

    assert [e.name for e in list_declarations(board.meeting.id)] == ["Simon Alland", "Zoe Clark"]


def test_declarations_come_in_agenda_order_sub_items_under_their_item(board):
    declare(board, board.garland, board.grants)
    declare(board, board.garland, board.budget)
    declare(board, board.alland, board.families)

    listed = [(e.item_number, e.name) for e in list_declarations(board.meeting.id)]

    assert listed == [
        ("33", "Simon Alland"),
        ("33.1", "Cllr Chris Garland"),
        ("34", "Cllr Chris Garland"),
    ]


def test_declarations_on_a_deleted_item_are_not_listed(board):
    declare(board, board.garland, board.grants)
    with db.atomic():
        changes.delete(AgendaItem.get_by_id(board.grants.id))

    assert list_declarations(board.meeting.id) == []


def test_a_declaration_can_be_corrected(board):
    row = declare(board, board.garland, board.grants)

    update_declaration(
        declaration_id=row.id, kind="prejudicial", description="Spouse applied", left_room=True
    )

    (entry,) = list_declarations(board.meeting.id)
    assert (entry.kind, entry.description, entry.left_room) == (
        "prejudicial",
        "Spouse applied",
        True,
    )


def test_an_imported_kind_survives_an_edit_of_the_description(board):
    with db.atomic():
        row = changes.create(
            Declaration,
            meeting=board.meeting.id,
            item=board.grants.id,
            person=board.garland.id,
            kind="pecuniary",
        )

    update_declaration(declaration_id=row.id, description="Owns shares")

    assert Declaration.get_by_id(row.id).kind == "pecuniary"


def test_a_withdrawn_declaration_can_be_restored(board):
    row = declare(board, board.garland, board.grants)
    withdraw_declaration(declaration_id=row.id)
    assert list_declarations(board.meeting.id) == []

    restore_declaration(declaration_id=row.id)

    assert [e.id for e in list_declarations(board.meeting.id)] == [row.id]


# Refusals


def test_an_item_of_another_meeting_is_refused(refused, board):
    with refused("“Next year's plan” is on the agenda of another meeting"):
        declare(board, board.garland, board.elsewhere)


def test_an_unknown_item_is_refused(refused, board):
    with refused("no agenda item"):
        declare_interest(
            meeting_id=board.meeting.id, item_id="x", person_id=board.garland.id, kind="personal"
        )


def test_an_unknown_person_is_refused(refused, board):
    with refused("no person"):
        declare_interest(
            meeting_id=board.meeting.id, item_id=board.grants.id, person_id="x", kind="personal"
        )


@pytest.mark.parametrize("who", ["stranger", "hughes", "bumpus"])
def test_someone_not_attending_is_refused(refused, board, who):
    # A stranger, a member who sent apologies, a member replaced by a substitute.
    with refused("is not recorded as attending this meeting", "mark their attendance first"):
        declare(board, getattr(board, who), board.grants)


def test_an_unknown_kind_is_refused(refused, board):
    with refused("“financial” is not a kind of interest", "disclosable pecuniary"):
        declare(board, board.garland, board.grants, "financial")


def test_no_kind_is_refused(refused, board):
    with refused("Please choose the kind of interest"):
        declare(board, board.garland, board.grants, "")


@pytest.mark.parametrize("kind", ["disclosable pecuniary", "other"])
def test_an_undescribed_interest_of_a_kind_that_needs_saying_is_refused(refused, board, kind):
    with refused(f"Please describe the {kind} interest"):
        declare(board, board.garland, board.grants, kind, "   ")


def test_an_enormous_description_is_refused(refused, board):
    with refused("characters long"):
        declare(board, board.garland, board.grants, "personal", "x" * 1_000_001)


def test_the_same_kind_twice_on_one_item_is_refused(refused, board):
    declare(board, board.garland, board.grants, "other significant")

    with refused("Cllr Chris Garland has already declared an other significant interest"):
        declare(board, board.garland, board.grants, "other significant")


def test_a_correction_to_a_kind_already_declared_is_refused(refused, board):
    declare(board, board.garland, board.grants, "personal")
    row = declare(board, board.garland, board.grants, "prejudicial")

    with refused("already declared a personal interest in “Community grants”"):
        update_declaration(declaration_id=row.id, kind="personal")


def test_an_unknown_field_is_refused(refused, board):
    row = declare(board, board.garland, board.grants)

    with refused("A declaration has no field called person_id"):
        update_declaration(declaration_id=row.id, person_id=board.clark.id)


def test_restoring_a_kind_declared_again_is_refused(refused, board):
    row = declare(board, board.garland, board.grants)
    withdraw_declaration(declaration_id=row.id)
    declare(board, board.garland, board.grants)

    with refused("already declared a personal interest"):
        restore_declaration(declaration_id=row.id)


def test_declaring_at_a_meeting_with_signed_minutes_is_refused(refused, board):
    with db.atomic():
        changes.update(meetings.get_meeting(board.meeting.id), status="minutes signed")

    with refused("has signed minutes"):
        declare(board, board.garland, board.grants)
