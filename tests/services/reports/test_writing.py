"""Writing an item's report: from its body's template, one per item, edited only as a draft,
and refused in one sentence (writing nothing) when what is asked is wrong."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.reports import templates, workflow, writing
from desktop_app.storage import natural_ids
from desktop_app.storage.models import JournalEntry, Report


@pytest.fixture
def item(database):
    body = bodies.create_body(name="Planning Committee")
    meeting = meetings.create_meeting(body_id=body.id, date="2013-03-04")
    return agenda.add_item(meeting_id=meeting.id, title="Parking review")


def test_a_new_report_takes_the_items_title_and_its_bodys_template_wording(item):
    body_id = meetings.get_meeting(item.meeting_id).body_id
    templates.set_body_report_template(
        body_id=body_id,
        heading="Maidstone Borough Council",
        wording={"risk": "No risks arise.", "equality": "No assessment is needed."},
    )
    report = writing.report_of_item(writing.create_report(item_id=item.id).item_id)
    assert report.values["title"] == "Parking review"
    assert report.values["risk"] == "No risks arise."
    assert report.values["equality"] == "No assessment is needed."
    assert report.values["introduction"] == ""
    assert report.state == "draft"


def test_a_report_has_the_id_every_laptop_gives_the_items_report(item):
    report = writing.create_report(item_id=item.id)
    assert report.id == natural_ids.report_id(item.id)


def test_every_change_is_journalled_with_only_the_fields_that_changed(item):
    report = writing.create_report(item_id=item.id)
    before = JournalEntry.select().count()
    writing.update_report(report_id=report.id, introduction="At its meeting …")
    entry = JournalEntry.select().order_by(JournalEntry.seq.desc()).first()
    assert JournalEntry.select().count() == before + 1
    assert entry.table_name == "report" and "introduction" in entry.fields
    assert "title" not in entry.fields


def test_an_item_has_one_report(item, refused):
    writing.create_report(item_id=item.id)
    with refused("already has a report"):
        writing.create_report(item_id=item.id)


def test_an_empty_title_is_refused(item, refused):
    report = writing.create_report(item_id=item.id)
    with refused("The report's title cannot be empty."):
        writing.update_report(report_id=report.id, title="   ")


def test_an_unknown_field_is_refused(item, refused):
    report = writing.create_report(item_id=item.id)
    with refused("no field called colour"):
        writing.update_report(report_id=report.id, colour="red")


def test_an_officer_who_is_not_there_is_refused(item, refused):
    report = writing.create_report(item_id=item.id)
    with refused("There is no officer the report is of"):
        writing.update_report(report_id=report.id, report_of_id="nobody")


def test_a_submitted_report_cannot_be_changed_until_it_is_a_draft_again(item, refused):
    report = writing.create_report(item_id=item.id)
    writing.update_report(
        report_id=report.id, report_of_role="Head of Planning", recommendations="Agree it."
    )
    workflow.submit_report(report_id=report.id)
    with refused("has been submitted", "return it to draft"):
        writing.update_report(report_id=report.id, introduction="Later words")
    workflow.return_to_draft(report_id=report.id)
    writing.update_report(report_id=report.id, introduction="Later words")
    assert Report.get_by_id(report.id).introduction == "Later words"


def test_deleting_and_restoring_a_draft(item):
    report = writing.create_report(item_id=item.id)
    writing.delete_report(report_id=report.id)
    assert writing.report_of_item(item.id) is None
    writing.restore_report(report_id=report.id)
    assert writing.report_of_item(item.id).id == report.id


def test_a_report_started_again_after_an_undone_start_is_fresh(item):
    first = writing.create_report(item_id=item.id)
    writing.update_report(report_id=first.id, introduction="Old words")
    writing.delete_report(report_id=first.id)
    again = writing.create_report(item_id=item.id)
    assert again.id == first.id and again.introduction == ""


def test_whom_a_report_is_of_reads_as_printed(item):
    officer = people.create_person(name="Jane Smith", position="Head of Planning")
    report = writing.create_report(item_id=item.id)
    writing.update_report(report_id=report.id, report_of_id=officer.id)
    assert writing.get_report(report.id).report_of == "Jane Smith, Head of Planning"
    writing.update_report(report_id=report.id, report_of_role="Planning Officer")
    assert writing.get_report(report.id).report_of == "Jane Smith, Planning Officer"
    writing.update_report(report_id=report.id, report_of_id=None)
    assert writing.get_report(report.id).report_of == "Planning Officer"


def test_a_template_naming_an_unknown_section_is_refused(item, refused):
    body_id = meetings.get_meeting(item.meeting_id).body_id
    with refused("“summary” is not a section of a report"):
        templates.set_body_report_template(body_id=body_id, sections=["summary"])


def test_the_standard_template_is_stored_as_nothing(item):
    body_id = meetings.get_meeting(item.meeting_id).body_id
    templates.set_body_report_template(body_id=body_id, heading="Kent County Council")
    templates.set_body_report_template(body_id=body_id)
    assert bodies.get_body(body_id).report_template == ""


def test_a_template_keeps_its_sections_in_the_reports_order(item):
    body_id = meetings.get_meeting(item.meeting_id).body_id
    templates.set_body_report_template(body_id=body_id, sections=["risk", "introduction"])
    assert templates.body_report_template(body_id).sections == ("introduction", "risk")


def test_a_damaged_template_is_the_standard_one():
    assert templates.stored_template("{not json") == templates.STANDARD
    with pytest.raises(ValidationError):
        templates.clean_template({"sections": "introduction"})
