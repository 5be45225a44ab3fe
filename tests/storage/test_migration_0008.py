"""Migration 0008 turns stored positions into ranks, keeping every agenda's order."""

from __future__ import annotations

import pytest

from desktop_app.rules import ranks
from desktop_app.services.meeting_cycle import agenda
from desktop_app.storage import database as storage
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import AgendaItem, JournalEntry
from tests.services.test_search import insert_raw
from tests.storage.old_folders import insert_old_body

DELETED = "2012-12-01T10:00:00.000+00:00"


@pytest.fixture
def migrated(data_dir, monkeypatch):
    """A data folder made before 0008, holding positions as the old agenda builder left
    them, then opened with every migration."""
    every = storage.migration_modules()
    monkeypatch.setattr(storage, "migration_modules", lambda: [m for m in every if m[0] < 8])
    old = open_database(data_dir)
    insert_old_body(old)
    for meeting_id, date in (("m", "2012-12-17"), ("n", "2013-01-14")):
        insert_raw(old, "meeting", id=meeting_id, body_id="b", date=date)

    def item(item_id, position, created="2011-03-01", **values):
        values.setdefault("meeting_id", "m")
        insert_raw(
            old,
            "agenda_item",
            id=item_id,
            position=position,
            title=item_id,
            number="",
            created_at=created,
            **values,
        )

    # Written out of order; a deleted item keeps its slot, which a later one has taken.
    item("third", 2)
    item("first", 0)
    item("second", 1)
    item("withdrawn", 3, deleted_at=DELETED)
    item("fourth", 3)
    item("sub 2", 1, parent_id="second")
    item("sub 1", 0, parent_id="second")
    item("late twin", 4, created="2011-03-02")
    item("early twin", 4, created="2011-03-01")
    item("elsewhere", 0, meeting_id="n")
    close_database()
    monkeypatch.setattr(storage, "migration_modules", lambda: every)
    yield open_database(data_dir)
    close_database()


def shown(meeting_id):
    return [(entry.title, entry.depth) for entry in agenda.list_agenda(meeting_id)]


def test_the_agenda_keeps_its_order(migrated):
    assert shown("m") == [
        ("first", 0),
        ("second", 0),
        ("sub 1", 1),
        ("sub 2", 1),
        ("third", 0),
        ("fourth", 0),
        ("early twin", 0),
        ("late twin", 0),
    ]
    assert shown("n") == [("elsewhere", 0)]


def test_every_item_has_a_rank_and_the_position_column_is_gone(migrated):
    columns = {row[1] for row in migrated.execute_sql('PRAGMA table_info("agenda_item")')}

    assert "rank" in columns and "position" not in columns
    assert all(ranks.is_rank(item.rank) for item in AgendaItem.select())


def test_a_deleted_item_restored_goes_back_before_the_one_that_took_its_place(migrated):
    agenda.restore_item(item_id="withdrawn")

    assert [title for title, depth in shown("m") if depth == 0][2:5] == [
        "third",
        "withdrawn",
        "fourth",
    ]


def test_moving_an_item_of_a_migrated_agenda_writes_one_row(migrated):
    before = JournalEntry.select().count()

    agenda.move_item(item_id="fourth", offset=-3)

    journal = JournalEntry.select().order_by(JournalEntry._meta.primary_key)
    assert [entry.row_id for entry in journal][before:] == ["fourth"]
    assert [title for title, depth in shown("m") if depth == 0][:2] == ["fourth", "first"]
