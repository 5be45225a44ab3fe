"""A body's clerk: the person whose contact goes on the front of its agendas."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import bodies, people
from desktop_app.storage.models import Body


@pytest.fixture
def board(database):
    return bodies.create_body(name="Maidstone Locality Board")


def test_a_body_starts_without_a_clerk(board):
    assert Body.get_by_id(board.id).clerk_id is None


def test_the_clerk_is_set_and_cleared(board):
    clerk = people.create_person(name="Ruth Clerk", email="ruth@example.gov.uk")
    bodies.update_body(body_id=board.id, clerk_id=clerk.id)
    assert Body.get_by_id(board.id).clerk_id == clerk.id
    bodies.update_body(body_id=board.id, clerk_id=None)
    assert Body.get_by_id(board.id).clerk_id is None


def test_a_body_can_be_created_with_its_clerk(database):
    clerk = people.create_person(name="Ruth Clerk")
    body = bodies.create_body(name="Planning Committee", clerk_id=clerk.id)
    assert Body.get_by_id(body.id).clerk_id == clerk.id


def test_an_unknown_clerk_is_refused(board, refused):
    with refused("There is no clerk with the key"):
        bodies.update_body(body_id=board.id, clerk_id="no-such-person")


def test_a_deleted_person_cannot_become_clerk(board, refused):
    clerk = people.create_person(name="Ruth Clerk")
    people.delete_person(person_id=clerk.id)
    with refused("There is no clerk"):
        bodies.update_body(body_id=board.id, clerk_id=clerk.id)
