"""A report's way to the pack: draft → submitted → approved for publication by a named
officer; only an approved report that still says what was approved is its item's paper,
and its recommendations are what the minute is offered."""

from __future__ import annotations

import pytest

from desktop_app.services.directory import people
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.reports import workflow, writing
from desktop_app.storage import changes
from desktop_app.storage.models import Report, db
from tests.services.reports.seed import seed_committee


@pytest.fixture
def seed(database, tmp_path):
    return seed_committee(tmp_path)


def submitted(seed):
    workflow.submit_report(report_id=seed.report_id)
    return seed


def test_submitting_and_approving_names_the_officer_and_when(seed):
    workflow.submit_report(report_id=seed.report_id)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    report = writing.get_report(seed.report_id)
    assert report.state == "approved"
    assert report.approved_by == "Angela Woodhouse, Head of Change and Scrutiny"
    assert report.submitted_at and report.approved_at
    assert not report.changed_since_approval


def test_approving_a_report_never_submitted_is_refused(seed, refused):
    with refused("has not been submitted", "submit it first"):
        workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)


def test_approving_by_no_one_is_refused(seed, refused):
    submitted(seed)
    with refused("Choose the officer who approves the report for publication."):
        workflow.approve_report(report_id=seed.report_id, approver_id=None)


def test_approving_twice_is_refused(seed, refused):
    submitted(seed)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    with refused("already approved for publication"):
        workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)


def test_a_report_of_no_one_is_not_submitted(seed, refused):
    writing.update_report(report_id=seed.report_id, report_of_role="")
    with refused("Say whom the report is of"):
        workflow.submit_report(report_id=seed.report_id)


def test_a_report_without_a_recommendation_is_not_submitted(seed, refused):
    writing.update_report(report_id=seed.report_id, recommendations="")
    with refused("makes no recommendation"):
        workflow.submit_report(report_id=seed.report_id)


def test_a_relevant_implication_must_say_what_it_is(seed, refused):
    writing.update_report(report_id=seed.report_id, financial_relevant=True)
    with refused("The Financial implications are marked relevant but say nothing"):
        workflow.submit_report(report_id=seed.report_id)


def test_withdrawing_approval_and_returning_to_draft(seed):
    submitted(seed)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    workflow.withdraw_approval(report_id=seed.report_id)
    report = writing.get_report(seed.report_id)
    assert (report.state, report.approved_by_id, report.approved_at) == ("submitted", None, None)
    workflow.return_to_draft(report_id=seed.report_id)
    assert writing.get_report(seed.report_id).state == "draft"
    assert writing.get_report(seed.report_id).submitted_at is None


def test_only_an_approved_report_is_its_items_paper(seed):
    assert workflow.approved_reports([seed.item_id]) == {}
    submitted(seed)
    assert workflow.approved_reports([seed.item_id]) == {}
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    paper = workflow.approved_reports([seed.item_id])[seed.item_id]
    assert paper.title == "Local Strategic Partnership - Written Update"
    assert paper.report_of == "Overview & Scrutiny Officer"


def test_an_edit_made_elsewhere_after_approval_takes_it_out_of_the_pack(seed):
    submitted(seed)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    with db.atomic():  # as sync applies another laptop's edit made while it was a draft
        changes.update(Report.get_by_id(seed.report_id), introduction="Other words")
    assert writing.get_report(seed.report_id).changed_since_approval
    assert workflow.approved_reports([seed.item_id]) == {}


def test_a_report_approved_again_after_a_change_is_a_new_paper(seed):
    submitted(seed)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    first = workflow.approved_reports([seed.item_id])[seed.item_id].paper_id
    workflow.return_to_draft(report_id=seed.report_id)
    writing.update_report(report_id=seed.report_id, risk="The Board may not meet.")
    workflow.submit_report(report_id=seed.report_id)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    assert workflow.approved_reports([seed.item_id])[seed.item_id].paper_id != first


def test_the_recommendations_offered_are_the_approved_reports_one_a_paragraph(seed):
    assert workflow.offered_recommendations(seed.item_id) == []
    submitted(seed)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    offered = workflow.offered_recommendations(seed.item_id)
    assert len(offered) == 2
    assert offered[0].startswith("The Committee is recommended to consider the information")
    assert offered[1].startswith("Areas for discussion may include: The level of input")
    assert offered[1].endswith("The impact overall on Maidstone and the Council’s priorities.")
    assert "Board; and" not in offered[1] and ";;" not in offered[1]


def test_a_report_on_a_deleted_approver_cannot_be_approved(seed, refused):
    submitted(seed)
    gone = people.create_person(name="Former Officer")
    people.delete_person(person_id=gone.id)
    with refused("There is no officer approving the report"):
        workflow.approve_report(report_id=seed.report_id, approver_id=gone.id)


def test_a_report_whose_item_is_gone_is_not_restored(seed, refused):
    writing.delete_report(report_id=seed.report_id)
    agenda.delete_item(item_id=seed.item_id)
    with refused("There is no agenda item"):
        writing.restore_report(report_id=seed.report_id)
