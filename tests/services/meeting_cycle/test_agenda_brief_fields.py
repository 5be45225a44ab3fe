"""The chair's brief fields of an agenda item: the clerk's note and the time allowed."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage.models import AgendaItem


@pytest.fixture
def item(database):
    board = bodies.create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=board.id, date="2012-12-17", start_time="14:30")
    return agenda.add_item(meeting_id=meeting.id, title="Budget monitoring")


def test_a_new_item_has_no_note_and_no_time(item):
    stored = AgendaItem.get_by_id(item.id)
    assert stored.brief_note == "" and stored.minutes_allowed is None


def test_the_note_and_time_are_stored_and_listed(item):
    agenda.update_item(item_id=item.id, brief_note="Keep it short.", minutes_allowed=15)
    stored = AgendaItem.get_by_id(item.id)
    assert (stored.brief_note, stored.minutes_allowed) == ("Keep it short.", 15)
    [entry] = agenda.list_agenda(stored.meeting_id)
    assert (entry.brief_note, entry.minutes_allowed) == ("Keep it short.", 15)


@pytest.mark.parametrize("empty", [0, "", None, "0"])
def test_no_time_is_stored_as_none(item, empty):
    agenda.update_item(item_id=item.id, minutes_allowed=20)
    agenda.update_item(item_id=item.id, minutes_allowed=empty)
    assert AgendaItem.get_by_id(item.id).minutes_allowed is None


def test_a_time_typed_as_text_is_taken(item):
    agenda.update_item(item_id=item.id, minutes_allowed=" 25 ")
    assert AgendaItem.get_by_id(item.id).minutes_allowed == 25


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (-5, "cannot be negative"),
        (481, "the most is 480 minutes"),
        (100_000, "cannot be given 100,000 minutes"),
        ("ten", "whole number of minutes"),
        ("2.5", "whole number of minutes"),
    ],
)
def test_an_impossible_time_is_refused(item, refused, value, words):
    with refused(words):
        agenda.update_item(item_id=item.id, minutes_allowed=value)


def test_a_one_megabyte_note_is_refused(item, refused):
    with refused("the most one field holds"):
        agenda.update_item(item_id=item.id, brief_note="x" * 1_000_000)


def test_a_note_in_any_script_is_kept(item):
    note = "Δήμαρχος — “Городской совет” 市议会 🏛️\nsecond line"
    agenda.update_item(item_id=item.id, brief_note=note)
    assert AgendaItem.get_by_id(item.id).brief_note == note
