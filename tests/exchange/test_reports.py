"""Committee reports in the exchange format: an approved report with its implications and
its body's template leave and come back as the same record; a file is refused, with the
place of the fault, for what the window refuses."""

from __future__ import annotations

import copy

import pytest

from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.reports import workflow, writing
from desktop_app.storage.models import Report
from tests.exchange.databases import opened, refused_import
from tests.exchange.shapes import assert_in_format_order
from tests.services.reports.seed import seed_committee


def approved_seed(folder):
    seed = seed_committee(folder)
    writing.update_report(
        report_id=seed.report_id,
        financial_relevant=True,
        financial="No direct costs.",
        staffing="None.",
        background="Minutes of 1 November 2011",
        report_of_id=seed.officer_id,
    )
    workflow.submit_report(report_id=seed.report_id)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)
    return seed


def test_an_approved_report_and_its_template_come_back_as_the_same_record(tmp_path):
    with opened(tmp_path / "first"):
        approved_seed(tmp_path)
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "committee.json")
    report = first["bodies"][0]["meetings"][0]["items"][0]["report"]
    assert report["state"] == "approved" and report["approved_by"] == "woodhouse"
    assert report["implications"] == {
        "financial": {"relevant": True, "text": "No direct costs."},
        "staffing": {"text": "None."},
    }
    assert first["bodies"][0]["report_template"] == {"heading": "Maidstone Borough Council"}
    assert_in_format_order(first)
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "committee.json")
        assert export_data() == first
        # Approval holds there too: the fingerprint names the officer by key, not row id.
        [row] = Report.select()
        assert not writing.get_report(row.id).changed_since_approval
        assert workflow.approved_reports([row.item_id])


def test_importing_the_same_report_twice_changes_nothing(tmp_path):
    with opened(tmp_path / "first"):
        approved_seed(tmp_path)
        data = export_data()
    with opened(tmp_path / "second"):
        import_data(data, base_dir=tmp_path)
        again = import_data(data, base_dir=tmp_path)
        assert not again.changed, str(again)


def test_an_approved_report_written_by_hand_without_its_fingerprint_is_approved(tmp_path):
    with opened(tmp_path / "first"):
        approved_seed(tmp_path)
        data = export_data()
    del data["bodies"][0]["meetings"][0]["items"][0]["report"]["content_sha256"]
    with opened(tmp_path / "second"):
        import_data(data, base_dir=tmp_path)
        [row] = Report.select()
        assert workflow.approved_reports([row.item_id])


@pytest.fixture
def exported(tmp_path):
    with opened(tmp_path / "first"):
        approved_seed(tmp_path)
        data = export_data()
    return data


REPORT = "bodies[0].meetings[0].items[0].report"


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        (lambda r: r.update(title=" "), "title", "cannot be empty"),
        (lambda r: r.pop("approved_by"), "approved_by", "names the officer who approved it"),
        (lambda r: r.update(state="published"), "state", "is not one of"),
        (lambda r: r.update(recommendations=""), "", "makes no recommendation"),
        (lambda r: r.update(report_of="nobody"), "report_of", "unknown person"),
        (
            lambda r: r["implications"].update(legal={"relevant": True}),
            "",
            "Legal implications are marked relevant but say nothing",
        ),
        (
            lambda r: r["implications"].update(parking={"text": "x"}),
            "implications.parking",
            "not a field of the format here",
        ),
        (lambda r: r.update(colour="red"), "colour", "not a field of the format here"),
    ],
)
def test_a_report_the_window_would_refuse_is_refused_where_it_is(
    tmp_path, exported, change, where, words
):
    data = copy.deepcopy(exported)
    change(data["bodies"][0]["meetings"][0]["items"][0]["report"])
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert message.startswith(f"{REPORT}.{where}:" if where else f"{REPORT}:"), message
    assert words in message


def test_a_template_with_an_unknown_section_is_refused(tmp_path, exported):
    data = copy.deepcopy(exported)
    data["bodies"][0]["report_template"]["sections"] = ["summary"]
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert message.startswith("bodies[0].report_template:")
    assert "“summary” is not a section of a report" in message
