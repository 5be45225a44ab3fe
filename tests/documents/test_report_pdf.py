"""The report of seed 003 printed as the seed lays it out, read back with pypdf: its heading,
every section and paragraph number, every sentence and figure; the other implications and
appendices; DRAFT until approved; Part II kept out of every public document."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop_app.documents.archive_pdf import render_archive
from desktop_app.documents.pack_pdf import render_pack
from desktop_app.documents.report_pdf import render_report
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import documents
from desktop_app.services.reports import workflow, writing
from desktop_app.services.reports.sections import IMPLICATIONS, appendix_letter
from tests.documents.conftest import SECRET_PAPER, make_report
from tests.documents.test_registers_pdf import embedded_only
from tests.services.reports.seed import (
    APPENDIX,
    COMMITTEE,
    HEADING,
    WRITTEN,
    seed_committee,
    seed_report,
)

SECRET_WORDS = "Quarrington depot valuation"


def flat(data: bytes) -> str:
    """The PDF's text with every run of spaces and line breaks as one space."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


def words_of(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def seed(database, tmp_path):
    return seed_committee(tmp_path)


def approve(seed) -> None:
    workflow.submit_report(report_id=seed.report_id)
    workflow.approve_report(report_id=seed.report_id, approver_id=seed.officer_id)


def test_the_heading_is_the_seeds(seed):
    approve(seed)
    text = flat(render_report(seed.report_id))
    heading = (
        f"{HEADING} {COMMITTEE} Tuesday 10 January 2012 "
        "Local Strategic Partnership - Written Update Report of: Overview & Scrutiny Officer "
        "Approved for publication by Angela Woodhouse"
    )
    assert text.startswith(heading)


def test_every_section_of_the_seed_is_numbered_in_its_order(seed):
    text = flat(render_report(seed.report_id))
    headings = [
        "1. Introduction",
        "2. Recommendations",
        "3. Reasons for Recommendation",
        "4. Impact on Corporate Objectives",
        "5. Appendices",
    ]
    places = [text.index(heading) for heading in headings]
    assert places == sorted(places)


def test_every_paragraph_is_numbered_within_its_section(seed):
    text = flat(render_report(seed.report_id))
    # The seed numbers two paragraphs 3.2 (a slip of its author's); printed, they are 3.2, 3.3.
    numbers = ["1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "5.1"]
    found = re.findall(r"(?<![\d.])(\d\.\d)(?= )", text)
    assert found == numbers


def test_every_sentence_and_figure_of_the_seed_prints(seed):
    text = flat(render_report(seed.report_id))
    words = seed_report()
    for name in WRITTEN:
        for line in words[name].splitlines():
            line = line.removeprefix("- ")
            assert words_of(line) in text, line
    for figure in ("1 November 2011", "six key areas", "5 delivery groups", "September 2011"):
        assert figure in text
    assert f"Appendix A: {APPENDIX}" in text


def test_each_bullet_is_under_its_paragraph(seed):
    text = flat(render_report(seed.report_id))
    first, second = text.index("3.3 The Partnership"), text.index("3.4 The Local Strategic")
    areas = text[first:second]
    assert areas.count("• ") == 6
    assert "• Climate Change (carbon reduction, flood and fuel poverty);" in areas


def test_a_draft_is_marked_and_an_approved_report_names_its_approver(seed):
    draft = flat(render_report(seed.report_id))
    assert "DRAFT" in draft and "Draft — not approved for publication" in draft
    approve(seed)
    approved = flat(render_report(seed.report_id))
    assert "DRAFT" not in approved and "not approved" not in approved
    assert "Approved for publication by Angela Woodhouse, Head of Change and Scrutiny" in approved


def test_other_implications_list_all_nine_and_say_what_the_relevant_ones_are(seed):
    writing.update_report(
        report_id=seed.report_id,
        financial_relevant=True,
        financial="The update costs nothing.\nThe LSP's grant of £25,000 ends in March 2012.",
        legal_relevant=True,
        legal="The Council keeps its duty to promote well-being.",
        staffing="Not shown: staffing is not marked relevant.",
    )
    text = flat(render_report(seed.report_id))
    section = text[text.index("5. Other Implications") :]
    for label in (label for _, label in IMPLICATIONS):
        assert label in section
    assert "1. Financial X 2. Staffing 3. Legal X" in section
    assert "5.1 Financial: The update costs nothing. 5.2 The LSP's grant of £25,000" in section
    assert "5.3 Legal: The Council keeps its duty" in section
    assert "Not shown" not in text
    assert "6. Appendices" in text


def test_sections_left_empty_are_left_out(seed):
    writing.update_report(report_id=seed.report_id, reasons="", impact="")
    text = flat(render_report(seed.report_id))
    assert "Reasons for Recommendation" not in text and "Impact on" not in text
    assert "3. Appendices" in text


def test_every_font_is_embedded(seed):
    approve(seed)
    embedded_only(render_report(seed.report_id))


def test_only_an_approved_report_goes_into_the_pack_first_on_its_item(seed):
    before = flat(render_pack(seed.meeting_id))
    assert "Reasons for Recommendation" not in before
    approve(seed)
    pack = render_pack(seed.meeting_id)
    text = flat(pack)
    report_at = text.index("3. Reasons for Recommendation")
    assert report_at < text.index("Written update page 1")  # Appendix A comes after it
    marks = [
        mark.title for mark in PdfReader(io.BytesIO(pack)).outline if not isinstance(mark, list)
    ]
    assert any("Local Strategic Partnership" in title for title in marks)


def test_a_part_two_report_is_marked_and_kept_out_of_the_public_pack(seed, tmp_path):
    secret = agenda.add_item(
        meeting_id=seed.meeting_id, title="Depot", confidential=True, exempt_paragraph="3"
    )
    report = writing.create_report(item_id=secret.id, title="Sale of the depot")
    writing.update_report(
        report_id=report.id,
        report_of_role="Head of Finance",
        introduction=f"The {SECRET_WORDS}.",
        recommendations="That the depot be sold.",
    )
    workflow.submit_report(report_id=report.id)
    workflow.approve_report(report_id=report.id, approver_id=seed.officer_id)
    alone = flat(render_report(report.id))
    assert alone.startswith(
        "CONFIDENTIAL — NOT FOR PUBLICATION Exempt information under paragraph 3"
    )
    full = flat(render_pack(seed.meeting_id))
    assert SECRET_WORDS in full and "Not for publication" in full
    public = flat(render_pack(seed.meeting_id, public=True))
    assert SECRET_WORDS not in public and "Sale of the depot" not in public


def test_a_confidential_appendix_is_not_named_in_the_public_edition(seed, tmp_path):
    paper = make_report(tmp_path / "valuation.pdf", "Valuation", 1, marker=SECRET_PAPER)
    documents.attach_document(
        item_id=seed.item_id, path=paper, title=f"{SECRET_PAPER} valuation", confidential=True
    )
    approve(seed)
    assert f"Appendix B: {SECRET_PAPER} valuation" in flat(render_report(seed.report_id))
    public = flat(render_pack(seed.meeting_id, public=True))
    assert "Appendix B: exempt information, not for publication" in public
    assert SECRET_PAPER not in public


def test_appendices_are_lettered_past_z():
    assert [appendix_letter(n) for n in (0, 25, 26, 27, 51, 52)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
    ]


def test_the_meeting_archive_holds_the_approved_report(seed):
    approve(seed)
    text = flat(render_archive(seed.meeting_id))
    assert "3.5 The Local Strategic Partnership was dissolved in September 2011" in text
