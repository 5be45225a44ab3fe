"""An appointment keeps its link to the memberships it made through export and import, so
taking it back in the other data folder undoes exactly what it did (appointments.py)."""

from __future__ import annotations

import pytest

from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.decisions.appointments import appoint, co_opt, elect
from desktop_app.services.decisions.resolutions import delete_resolution, restore_resolution
from desktop_app.services.directory import bodies, people
from desktop_app.storage.models import Attendance, JournalEntry, Membership, Person, Resolution
from tests.exchange.databases import opened
from tests.services.decisions.test_voting import make_board

# The appointments below, by (kind, the appointee's name).
MADE = [
    ("election", "Gary Cooke"),
    ("election", "Chris Garland"),
    ("co-option", "Kim Newton"),
    ("appointment", "Eric Hotson"),
]


def _appoint_everyone() -> None:
    """A chair and vice-chair elected for the year, a co-option, and a sub-group's chair."""
    board = make_board()
    p = board.people
    group = bodies.create_body(name="Community Budgets Sub Group", parent_id=board.body.id)
    elect(item_id=board.item33.id, person_id=p.cooke.id, role="vice-chair", term="year")
    elect(item_id=board.item33.id, person_id=p.garland.id, role="chair", term="year")
    # Someone not at the meeting yet: a guest's line, replaced on co-option, is not kept.
    newcomer = people.create_person(name="Kim Newton")
    co_opt(item_id=board.item35.id, person_id=newcomer.id)
    appoint(item_id=board.item34_1.id, person_id=p.hotson.id, body_id=group.id, role="chair")


def _held() -> list[tuple]:
    members = sorted(
        (m.body.name, m.person.name, m.role, m.from_date, m.to_date) for m in Membership.live()
    )
    lines = sorted((a.person.name, a.status, a.arrived) for a in Attendance.live())
    return [members, lines]


def _resolution(kind: str, name: str) -> Resolution:
    return (
        Resolution.select()
        .join(Person, on=(Resolution.appointee == Person.id))
        .where((Resolution.kind == kind) & (Person.name == name))
        .get()
    )


def _taken_back(kind: str, name: str) -> list:
    """What the folder holds once the appointment is deleted (newest first, as undo would)."""
    states = []
    for made in reversed(MADE[MADE.index((kind, name)) :]):
        delete_resolution(resolution_id=_resolution(*made).id)
        states.append(_held())
    return states


@pytest.fixture
def exported(tmp_path):
    path = tmp_path / "out" / "board.json"
    path.parent.mkdir()
    with opened(tmp_path / "first"):
        _appoint_everyone()
        export_file(path)
    return path


@pytest.mark.parametrize("made", MADE)
def test_taking_back_an_imported_appointment_undoes_what_it_did(tmp_path, exported, made):
    with opened(tmp_path / "first"):
        expected = _taken_back(*made)
    with opened(tmp_path / "second"):
        import_file(exported)
        assert _taken_back(*made) == expected


def test_an_imported_appointment_is_restored_as_it_was_made(tmp_path, exported):
    with opened(tmp_path / "second"):
        import_file(exported)
        before = _held()
        row = _resolution("election", "Chris Garland")
        delete_resolution(resolution_id=row.id)
        restore_resolution(resolution_id=row.id)
        assert _held() == before


def test_the_linked_record_imports_again_without_a_change(tmp_path, exported):
    with opened(tmp_path / "second"):
        import_file(exported)
        first = export_data()
        journal = JournalEntry.select().count()
        assert not import_file(exported).changed
        assert not import_data(first, base_dir=exported.parent).changed
        assert JournalEntry.select().count() == journal
