"""A committee report shared between two laptops: written and approved on one, it is on
the other as approved, in its pack; two officers' edits of one section keep both texts;
an edit made while the other laptop approved takes the report out of the pack there too."""

from __future__ import annotations

from desktop_app.documents.pack_pdf import render_pack
from desktop_app.services.reports import workflow, writing
from desktop_app.storage.models import Report
from desktop_app.sync.conflicts import open_conflicts, resolve_conflict
from tests.documents.test_report_pdf import flat
from tests.services.reports.seed import seed_committee
from tests.sync.replicas import laptops


def test_a_report_approved_on_one_laptop_is_in_the_pack_on_the_other(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_committee(tmp_path)
        workflow.submit_report(report_id=seed.report_id)
        workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    first.sync()
    second.sync()
    assert first.export() == second.export()
    with second.opened():
        report = writing.get_report(seed.report_id)
        assert report.state == "approved" and not report.changed_since_approval
        assert "3. Reasons for Recommendation" in flat(render_pack(seed.meeting_id))


def test_two_edits_of_one_section_keep_both_and_the_officer_chooses(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_committee(tmp_path)
    first.sync()
    second.sync()
    with first.opened():
        writing.update_report(report_id=seed.report_id, risk="The Board may not meet.")
    with second.opened():
        writing.update_report(report_id=seed.report_id, risk="Funding may end.")
    first.sync()
    second.sync()
    first.sync()
    assert first.export() == second.export()
    with first.opened():
        [conflict] = open_conflicts()
        assert (conflict.table, conflict.field) == ("report", "risk")
        assert conflict.record == "Report “Local Strategic Partnership - Written Update”"
        texts = {conflict.mine.value, conflict.theirs.value}
        assert texts == {"The Board may not meet.", "Funding may end."}
        resolve_conflict(conflict.id, keep="theirs")
        kept = Report.get_by_id(seed.report_id).risk
    first.sync()
    second.sync()
    with second.opened():
        assert open_conflicts() == []
        assert Report.get_by_id(seed.report_id).risk == kept


def test_an_edit_made_while_the_other_laptop_approved_takes_it_out_of_both_packs(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_committee(tmp_path)
        workflow.submit_report(report_id=seed.report_id)
    first.sync()
    second.sync()
    with first.opened():
        workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    with second.opened():
        workflow.return_to_draft(report_id=seed.report_id)
        writing.update_report(report_id=seed.report_id, introduction="Rewritten.")
    first.sync()
    second.sync()
    first.sync()
    assert first.export() == second.export()
    for laptop in (first, second):
        with laptop.opened():
            assert workflow.approved_reports([seed.item_id]) == {}
            assert "Rewritten." not in flat(render_pack(seed.meeting_id))
