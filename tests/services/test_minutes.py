"""Notes typed in the meeting are kept on the item's minute."""

from __future__ import annotations

import pytest

from desktop_app.services import bodies, meetings, minutes
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, JournalEntry, Minute, db


@pytest.fixture
def item(database):
    body = bodies.create_body(name="Board")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17")
    with db.atomic():
        return changes.create(AgendaItem, meeting=meeting.id, position=0, title="Libraries")


def test_the_first_notes_make_the_minute_and_later_ones_update_it(item):
    assert minutes.item_notes(item.id) == ""
    minutes.set_item_notes(item_id=item.id, notes="Discussion ongoing; update to follow.")
    minutes.set_item_notes(item_id=item.id, notes="Discussion ongoing; update in March.")
    assert minutes.item_notes(item.id) == "Discussion ongoing; update in March."
    assert Minute.live().where(Minute.item == item.id).count() == 1


def test_clearing_empty_notes_writes_nothing(item):
    before = JournalEntry.select().count()
    minutes.set_item_notes(item_id=item.id, notes="   ")
    assert JournalEntry.select().count() == before


def test_a_megabyte_of_notes_is_refused(item, refused):
    with refused("characters long"):
        minutes.set_item_notes(item_id=item.id, notes="x" * 1_000_000)
