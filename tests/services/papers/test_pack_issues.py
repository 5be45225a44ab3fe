"""Issues of the agenda pack: each kept with its pages; a reissue keeps every published page
number, gives an added paper pages 23a–23d, leaves a withdrawn paper's numbers unused and
says what changed; the latest issue can be withdrawn."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from desktop_app.errors import Cancelled, ValidationError
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import documents
from desktop_app.services.papers.pack_issues import (
    StaleIssue,
    find_pack_issue,
    issue_pack,
    issue_packs,
    list_pack_issues,
    pack_issue_entries,
    pack_issue_pdf,
    restore_pack_issue,
    withdraw_pack_issue,
)
from desktop_app.storage.database import context
from desktop_app.storage.models import AgendaItem, PackIssue
from tests.documents.conftest import (  # noqa: F401 (fixtures)
    SECRET_ITEM,
    SECRET_PAPER,
    example_meeting,
    make_report,
    papered_meeting,
    pdf_text,
)


@pytest.fixture
def papers(papered_meeting, tmp_path):  # noqa: F811 (the fixture imported above)
    """The papered meeting with a second paper on item 34, so that item's papers fill pages
    4 to 23 (agenda 1–2, index 3) and the Part II paper is on pages 24–25."""
    documents.attach_document(
        item_id=_item(papered_meeting.meeting_id, "34").id,
        path=make_report(tmp_path / "appendix.pdf", "Performance appendix", 17),
        title="Performance appendix",
    )
    return papered_meeting


@pytest.fixture
def meeting(papers) -> str:
    return papers.meeting_id


def _item(meeting_id: str, number: str) -> AgendaItem:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == number))


def _pages(issue: PackIssue) -> dict[str, tuple[str, str]]:
    return {e["title"]: (e["first"], e["last"]) for e in json.loads(issue.pages)}


def _reader(issue: PackIssue) -> PdfReader:
    return PdfReader(io.BytesIO(pack_issue_pdf(issue.id)))


def _add_late_paper(meeting_id: str, tmp_path, number: str = "34", title: str = "Late paper"):
    return documents.attach_document(
        item_id=_item(meeting_id, number).id,
        path=make_report(tmp_path / f"{title}.pdf", title, 4),
        title=title,
    )


def test_first_issue_numbers_its_pages_from_one_and_keeps_the_pdf(meeting):
    issue = issue_pack(meeting_id=meeting)
    assert (issue.number, issue.public, issue.issued_by) == (1, False, context().actor)
    assert issue.issued_at and issue.changes == ""
    pages = _pages(issue)
    assert pages["Agenda"] == ("1", "2") and pages["Index"] == ("3", "3")
    assert pages["Priorities and Performance report"] == ("4", "6")
    assert pages["Performance appendix"] == ("7", "23")
    assert pages[f"Valuation of the depot ({SECRET_PAPER})"] == ("24", "25")
    reader = _reader(issue)
    assert len(reader.pages) == issue.page_count == 25
    assert reader.metadata.subject == "Agenda pack, issue 1"


def test_reissue_gives_an_added_paper_pages_23a_to_23d_and_keeps_the_rest(meeting, tmp_path):
    first = issue_pack(meeting_id=meeting)
    _add_late_paper(meeting, tmp_path)
    second = issue_pack(meeting_id=meeting)
    assert second.number == 2
    before, after = _pages(first), _pages(second)
    assert after["Late paper"] == ("23a", "23d")
    for title in ("Agenda", "Priorities and Performance report", "Performance appendix"):
        assert after[title] == before[title]
    assert after[f"Valuation of the depot ({SECRET_PAPER})"] == ("24", "25")
    assert second.changes == "Added to item 34: “Late paper”, pages 23a–23d."
    reader = _reader(second)
    labels = reader.page_labels
    assert labels == ["1", "2", "2a", "3", *map(str, range(4, 24)), "23a", "23b", "23c", "23d"] + [
        "24",
        "25",
    ]
    texts = [page.extract_text() for page in reader.pages]
    for label, text in zip(labels, texts, strict=True):
        assert re.search(rf"(?m)^Page {label}$", text)
    assert "Late paper" in texts[labels.index("23a")]
    assert "Changes since issue 1" in texts[2] and "pages 23a–23d" in texts[2]


def test_withdrawn_paper_leaves_its_numbers_unused(meeting, papers, tmp_path):
    issue_pack(meeting_id=meeting)
    documents.remove_document(document_id=papers.confidential_paper_id)
    second = issue_pack(meeting_id=meeting)
    assert "pages 24–25 are not used" in second.changes
    assert "24" not in _reader(second).page_labels
    _add_late_paper(meeting, tmp_path, number="38", title="New valuation")
    third = issue_pack(meeting_id=meeting)
    assert _pages(third)["New valuation"] == ("23a", "23d")
    assert not {"24", "25"} & set(_reader(third).page_labels)


def test_reissue_with_nothing_changed_is_refused(meeting):
    issue_pack(meeting_id=meeting)
    with pytest.raises(ValidationError, match="Nothing has changed since issue 1"):
        issue_pack(meeting_id=meeting)
    assert [i.number for i in list_pack_issues(meeting)] == [1]


def test_every_issue_is_kept_as_issued(meeting, tmp_path):
    first = issue_pack(meeting_id=meeting)
    _add_late_paper(meeting, tmp_path)
    issue_pack(meeting_id=meeting)
    assert [i.number for i in list_pack_issues(meeting)] == [1, 2]
    assert len(_reader(first).pages) == 25


def test_public_edition_has_its_own_issues_and_no_part_two(meeting):
    issue_pack(meeting_id=meeting)
    public = issue_pack(meeting_id=meeting, public=True)
    assert (public.number, public.public) == (1, True)
    text = "\n".join(page.extract_text() for page in _reader(public).pages)
    assert SECRET_ITEM not in text and SECRET_PAPER not in text
    assert SECRET_PAPER not in public.pages
    assert [(i.public, i.number) for i in list_pack_issues(meeting)] == [(False, 1), (True, 1)]


def test_only_the_latest_issue_can_be_withdrawn_and_it_can_come_back(meeting, tmp_path):
    first = issue_pack(meeting_id=meeting)
    _add_late_paper(meeting, tmp_path)
    second = issue_pack(meeting_id=meeting)
    with pytest.raises(ValidationError, match="issue 2 came after issue 1"):
        withdraw_pack_issue(first.id)
    withdraw_pack_issue(second.id)
    assert [i.number for i in list_pack_issues(meeting)] == [1]
    assert PackIssue.get_by_id(second.id).deleted_at is not None
    restore_pack_issue(second.id)
    assert [i.number for i in list_pack_issues(meeting)] == [1, 2]


def test_an_issue_that_cannot_be_made_writes_nothing(meeting, papers):
    documents.document_file(papers.public_paper_id).write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(ValidationError, match="on item 34 cannot be read"):
        issue_pack(meeting_id=meeting)

    class Cancelling:
        cancelled = True

        def report(self, done, total):
            pass

    with pytest.raises(Cancelled):
        issue_pack(meeting_id=meeting, progress=Cancelling())
    assert PackIssue.select().count() == 0


def test_both_editions_are_issued_together(meeting):
    made = issue_packs(meeting_id=meeting)
    assert [(i.public, i.number) for i in made.issued] == [(False, 1), (True, 1)]
    assert made.unchanged == []
    assert SECRET_PAPER not in pack_issue_pdf(made.issued[1].id).decode("latin-1")


def test_issuing_both_skips_an_edition_that_has_not_changed(meeting, papers, tmp_path):
    issue_packs(meeting_id=meeting)
    documents.attach_document(  # a confidential paper changes only the full pack
        item_id=papers.confidential_item_id,
        path=make_report(tmp_path / "annex.pdf", "Annex", 1, marker=SECRET_PAPER),
        title="Annex",
    )
    made = issue_packs(meeting_id=meeting)
    assert [(i.public, i.number) for i in made.issued] == [(False, 2)]
    assert [(i.public, i.number) for i in made.unchanged] == [(True, 1)]


def test_issuing_both_with_nothing_changed_names_both_issues(meeting):
    issue_packs(meeting_id=meeting)
    with pytest.raises(ValidationError) as refused:
        issue_packs(meeting_id=meeting)
    assert str(refused.value).startswith(
        "Nothing has changed since issue 1 of the agenda pack and issue 1 of the public agenda "
        "pack:"
    )
    assert len(list_pack_issues(meeting)) == 2


def test_progress_of_two_packs_runs_once_from_start_to_end(meeting):
    class Recorder:
        cancelled = False

        def __init__(self):
            self.seen = []

        def report(self, done, total):
            self.seen.append(done / total)

    progress = Recorder()
    issue_packs(meeting_id=meeting, progress=progress)
    assert progress.seen == sorted(progress.seen) and progress.seen[-1] == 1
    assert any(0.4 < share <= 0.5 for share in progress.seen)  # the first pack ends half way


def test_entries_mark_the_latest_issue_of_each_edition(meeting, tmp_path):
    issue_packs(meeting_id=meeting)
    _add_late_paper(meeting, tmp_path)
    issue_pack(meeting_id=meeting)
    entries = pack_issue_entries(meeting)
    assert [(e.edition, e.number, e.latest) for e in entries] == [
        ("Full", 1, False),
        ("Full", 2, True),
        ("Public", 1, True),
    ]
    assert entries[1].changes == "Added to item 34: “Late paper”, pages 23a–23d."
    assert entries[1].issued_at.tzinfo is not None and entries[1].page_count == 30


def test_an_issue_is_found_by_number_or_as_the_latest(meeting, tmp_path):
    with pytest.raises(ValidationError, match="public agenda pack of this meeting has not been"):
        find_pack_issue(meeting, public=True)
    first = issue_pack(meeting_id=meeting)
    _add_late_paper(meeting, tmp_path)
    second = issue_pack(meeting_id=meeting)
    assert find_pack_issue(meeting).id == second.id
    assert find_pack_issue(meeting, number=1).id == first.id
    with pytest.raises(ValidationError, match="There is no issue 3 of the agenda pack"):
        find_pack_issue(meeting, number=3)


def test_cancelling_the_second_edition_issues_neither(meeting):
    class CancelHalfWay:
        cancelled = False

        def report(self, done, total):
            if done / total >= 0.5:  # the full pack is made; the public one has begun
                self.cancelled = True

    with pytest.raises(Cancelled):
        issue_packs(meeting_id=meeting, progress=CancelHalfWay())
    assert PackIssue.select().count() == 0


# -- public issues that show what has since become confidential ----------------------------


def test_a_public_issue_showing_an_item_now_in_part_two_is_never_read_out(meeting):
    public = issue_pack(meeting_id=meeting, public=True)
    full = issue_pack(meeting_id=meeting)
    agenda.update_item(item_id=_item(meeting, "34").id, confidential=True, exempt_paragraph="3")
    with pytest.raises(StaleIssue) as refused:
        pack_issue_pdf(public.id)
    assert str(refused.value) == (
        "Issue 1 of the public agenda pack is stale: item 34 has become confidential since it "
        "was issued, so it is not written out again; issue a new public edition, which keeps "
        "the published page numbers."
    )
    assert pack_issue_pdf(full.id)  # the full pack is for members: Part II is in it anyway


def test_a_public_reissue_names_a_paper_now_confidential_only_as_a_paper(meeting, papers):
    issue_pack(meeting_id=meeting, public=True)
    documents.update_document(document_id=papers.public_paper_id, confidential=True)
    second = issue_pack(meeting_id=meeting, public=True)
    assert second.changes == "Withdrawn from item 34: a paper; pages 4–6 are not used."
    assert "Priorities and Performance report" not in pdf_text(pack_issue_pdf(second.id))


def test_a_paper_withdrawn_before_its_item_went_into_part_two_is_not_named(meeting, papers):
    issue_pack(meeting_id=meeting, public=True)
    documents.remove_document(document_id=papers.public_paper_id)
    agenda.update_item(item_id=_item(meeting, "34").id, confidential=True, exempt_paragraph="3")
    second = issue_pack(meeting_id=meeting, public=True)
    assert "Priorities and Performance report" not in second.changes
    assert "Priorities and Performance report" not in pdf_text(pack_issue_pdf(second.id))


def test_an_issue_older_than_the_record_of_what_it_shows_is_stale_and_can_be_reissued(meeting):
    first = issue_pack(meeting_id=meeting, public=True)
    pages = [{k: v for k, v in e.items() if k != "shows"} for e in json.loads(first.pages)]
    PackIssue.update(pages=json.dumps(pages)).where(PackIssue.id == first.id).execute()
    with pytest.raises(StaleIssue, match="before Minute Book kept a record of what"):
        pack_issue_pdf(first.id)
    second = issue_pack(meeting_id=meeting, public=True)  # nothing else changed: still issued
    assert second.number == 2 and _pages(second) == {
        **_pages(first),
        "Changes": _pages(second)["Changes"],
    }
    assert pack_issue_pdf(second.id)


def test_an_earlier_stale_issue_names_the_later_one_to_publish(meeting, papers):
    first = issue_pack(meeting_id=meeting, public=True)
    documents.update_document(document_id=papers.public_paper_id, confidential=True)
    issue_pack(meeting_id=meeting, public=True)
    with pytest.raises(StaleIssue) as refused:
        pack_issue_pdf(first.id)
    assert str(refused.value) == (
        "Issue 1 of the public agenda pack is stale: a paper on item 34 has become confidential "
        "since it was issued, so it is not written out again; issue 2, made since, is the one "
        "to publish."
    )
