"""Notes typed in the meeting are kept on the item's minute."""

from __future__ import annotations

import pytest

from desktop_app.services.decisions import minutes
from desktop_app.services.directory import bodies
from desktop_app.services.meeting_cycle import meetings
from desktop_app.storage import changes, natural_ids
from desktop_app.storage.models import AgendaItem, JournalEntry, Minute, MinutesVersion, db


@pytest.fixture
def item(database):
    body = bodies.create_body(name="Board")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17")
    with db.atomic():
        return changes.create(AgendaItem, meeting=meeting.id, rank="V", title="Libraries")


def test_the_first_notes_make_the_minute_and_later_ones_update_it(item):
    assert minutes.item_notes(item.id) == ""
    minutes.set_item_notes(item_id=item.id, notes="Discussion ongoing; update to follow.")
    minutes.set_item_notes(item_id=item.id, notes="Discussion ongoing; update in March.")
    assert minutes.item_notes(item.id) == "Discussion ongoing; update in March."
    assert Minute.live().where(Minute.item == item.id).count() == 1


def test_the_minute_has_the_id_its_item_gives_it_on_every_laptop(item):
    minutes.set_item_notes(item_id=item.id, notes="Discussion ongoing.")

    assert Minute.get(Minute.item == item.id).id == natural_ids.minute_id(item.id)


def test_a_deleted_minute_is_brought_back_afresh_by_the_next_words(item):
    minutes.update_minute(item_id=item.id, overview="Libraries.", notes="Ongoing.")
    with db.atomic():  # as a delete from another laptop arrives
        changes.delete(Minute.get(Minute.item == item.id))

    minutes.update_minute(item_id=item.id, notes="Update in March.")

    assert Minute.select().count() == 1
    assert minutes.minute_of(item.id) == minutes.MinuteText(notes="Update in March.")


def test_clearing_empty_notes_writes_nothing(item):
    before = JournalEntry.select().count()
    minutes.set_item_notes(item_id=item.id, notes="   ")
    assert JournalEntry.select().count() == before


def test_a_megabyte_of_notes_is_refused(item, refused):
    with refused("characters long"):
        minutes.set_item_notes(item_id=item.id, notes="x" * 1_000_000)


# The minute as the clerk writes it


def test_an_item_without_a_minute_reads_as_empty(item):
    assert minutes.minute_of(item.id) == minutes.MinuteText()
    assert minutes.minute_of(item.id).key_points == ()


def test_the_first_text_makes_the_minute_with_its_lists(item):
    minutes.update_minute(
        item_id=item.id,
        overview="The programme is **Payment By Results**, *front loaded* in year 1.",
        key_points=["- Intensive support", "  ", "• 69 families identified", ""],
        recommendations=["Approve the governance arrangements"],
        decision="The Board approved the recommendations set out above.",
    )

    text = minutes.minute_of(item.id)
    assert text.overview == "The programme is **Payment By Results**, *front loaded* in year 1."
    assert text.key_points == ("Intensive support", "69 families identified")
    assert text.recommendations == ("Approve the governance arrangements",)
    assert text.decision == "The Board approved the recommendations set out above."
    assert text.notes == ""


def test_an_update_changes_only_the_fields_given(item):
    minutes.update_minute(item_id=item.id, overview="First.", key_points=["One", "Two"])
    minutes.update_minute(item_id=item.id, key_points=["Two"])

    text = minutes.minute_of(item.id)
    assert (text.overview, text.key_points) == ("First.", ("Two",))
    assert Minute.live().where(Minute.item == item.id).count() == 1


def test_markdown_lists_and_line_breaks_are_kept_as_typed(item):
    minutes.update_minute(item_id=item.id, overview="Steps:\r\n- first\r\n- second\r\n")

    assert minutes.minute_of(item.id).overview == "Steps:\n- first\n- second"


def test_text_in_any_script_is_kept(item):
    minutes.update_minute(item_id=item.id, key_points=["Ελληνικά", "日本語の要点", "£3,200 “each”"])

    assert minutes.minute_of(item.id).key_points == ("Ελληνικά", "日本語の要点", "£3,200 “each”")


def test_blank_fields_on_an_item_without_a_minute_write_nothing(item):
    before = JournalEntry.select().count()
    minutes.update_minute(item_id=item.id, overview="  ", key_points=["", " "])
    assert JournalEntry.select().count() == before


def test_an_unknown_field_is_refused(item, refused):
    with refused("A minute has no field called summary."):
        minutes.update_minute(item_id=item.id, summary="Text")


def test_a_megabyte_overview_is_refused(item, refused):
    with refused("The overview is 1,000,000 characters long"):
        minutes.update_minute(item_id=item.id, overview="x" * 1_000_000)


def test_a_megabyte_of_key_points_is_refused(item, refused):
    with refused("The key points are", "characters long"):
        minutes.update_minute(item_id=item.id, key_points=["x" * 60_000, "y" * 60_000])


def test_a_nul_character_is_refused(item, refused):
    with refused("The decision contains a character that cannot be stored (NUL)."):
        minutes.update_minute(item_id=item.id, decision="Agreed\x00")


def test_a_rich_text_document_is_refused(item, refused):
    with refused("The overview is a formatted (HTML) document; paste it as plain text instead."):
        minutes.update_minute(item_id=item.id, overview="<!DOCTYPE HTML><html><body>Hi</body>")


def test_key_points_that_are_not_text_are_refused(item, refused):
    with refused("The key points must be a list of text."):
        minutes.update_minute(item_id=item.id, key_points=[1, 2])


# Noted


def test_a_report_is_noted_in_one_click(item):
    resolution = minutes.mark_noted(item_id=item.id)

    assert (resolution.text, resolution.outcome) == ("That the report be noted.", "noted")


def test_an_information_item_notes_the_update(item):
    with db.atomic():
        changes.update(item, kind="information")

    assert minutes.mark_noted(item_id=item.id).text == "That the update be noted."


def test_an_item_is_noted_once(item, refused):
    minutes.mark_noted(item_id=item.id)

    with refused("“Libraries” has already been noted."):
        minutes.mark_noted(item_id=item.id)


# Approved minutes


@pytest.fixture
def approved(item):
    minutes.update_minute(item_id=item.id, overview="As approved.")
    with db.atomic():
        changes.create(MinutesVersion, meeting=item.meeting_id, version=1, state="approved")
    return item


def test_the_minute_is_frozen_once_approved(approved, refused):
    with refused("The minutes of 17 December 2012 were approved", "can no longer change"):
        minutes.update_minute(item_id=approved.id, overview="Changed afterwards.")
    assert minutes.minute_of(approved.id).overview == "As approved."


def test_notes_and_noting_are_frozen_once_approved(approved, refused):
    with refused("were approved"):
        minutes.set_item_notes(item_id=approved.id, notes="Later thoughts")
    with refused("were approved"):
        minutes.mark_noted(item_id=approved.id)
