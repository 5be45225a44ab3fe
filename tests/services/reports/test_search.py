"""A report's words are found by search (the triggers of the reports' migration), marked
confidential on a Part II item, and gone once the report is deleted."""

from __future__ import annotations

import pytest

from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.reports import writing
from desktop_app.services.search import search
from tests.services.reports.seed import seed_committee


@pytest.fixture
def seed(database, tmp_path):
    return seed_committee(tmp_path)


def test_a_reports_words_are_found_at_its_item(seed):
    [hit] = search("Sustainable Community Strategy")
    assert (hit.kind, hit.item_id, hit.meeting_id) == ("report", seed.item_id, seed.meeting_id)
    assert "«Sustainable» «Community» «Strategy»" in hit.snippet
    assert not hit.confidential


def test_an_edit_is_found_and_the_old_words_are_not(seed):
    writing.update_report(report_id=seed.report_id, risk="Quarrington funding may end.")
    assert [h.kind for h in search("Quarrington")] == ["report"]
    writing.update_report(report_id=seed.report_id, risk="")
    assert search("Quarrington") == []


def test_a_deleted_report_is_not_found_and_a_restored_one_is(seed):
    writing.delete_report(report_id=seed.report_id)
    assert search("Sustainable Community Strategy") == []
    writing.restore_report(report_id=seed.report_id)
    assert len(search("Sustainable Community Strategy")) == 1


def test_a_report_on_a_part_two_item_is_marked_confidential(seed):
    secret = agenda.add_item(
        meeting_id=seed.meeting_id, title="Depot", confidential=True, exempt_paragraph="3"
    )
    report = writing.create_report(item_id=secret.id)
    writing.update_report(report_id=report.id, introduction="The Zanzibarite valuation.")
    [hit] = search("Zanzibarite")
    assert hit.confidential
