"""Text that breaks the encoder (issue 12), as the window enters it: validation.name and
validation.text refuse a lone surrogate, NUL and other control characters in one sentence
naming the field (rules/text.py); free text keeps line breaks and tabs."""

from __future__ import annotations

import pytest

from desktop_app.services import validation
from desktop_app.services.decisions import minutes
from desktop_app.services.directory import bodies, people


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("x\ud800y", "The title contains half of a character (U+D800, a lone surrogate)"),
        ("x\x00y", "The title contains a character that cannot be stored (NUL)."),
        ("x\x1by", "The title contains an invisible control character (U+001B); remove it."),
        ("x\x7fy", "The title contains an invisible control character (U+007F); remove it."),
        ("x\ty", "The title must be a single line of text, without tabs."),
        ("x\ny", "The title must be a single line of text."),
    ],
)
def test_a_name_with_a_character_that_cannot_be_stored_is_refused(value, expected):
    with pytest.raises(validation.ValidationError) as caught:
        validation.name(value, "title")
    assert str(caught.value).startswith(expected)


def test_free_text_keeps_line_breaks_and_tabs():
    assert validation.text(" a\n\tb\r\nc ", "overview") == "a\n\tb\r\nc"


@pytest.mark.parametrize("value", ["a\udc80b", "a\x00b", "a\x0bb"])
def test_free_text_with_a_character_that_cannot_be_stored_is_refused(value):
    with pytest.raises(validation.ValidationError, match="^The overview contains "):
        validation.text(value, "overview")


def test_a_person_named_with_a_lone_surrogate_is_refused_and_nothing_written(refused):
    with refused("The person's name contains half of a character"):
        people.create_person(name="Chris \ud800 Garland")


def test_notes_with_a_lone_surrogate_are_refused_and_nothing_written(refused, database):
    from desktop_app.services.meeting_cycle import agenda, meetings

    body = bodies.create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17", start_time="14:30")
    item = agenda.add_item(meeting_id=meeting.id, title="Minutes")
    with refused("contains half of a character"):
        minutes.set_item_notes(item_id=item.id, notes="Noted \udfff.")
