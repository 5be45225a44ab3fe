"""The agenda pack read back: the agenda, the index and every paper in item order, a pack
page number on every page, bookmarks, metadata, page labels and embedded fonts; the public
edition without a word of Part II; damaged papers named; Cancel honoured."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject

from desktop_app.documents.agenda_pdf import render_agenda
from desktop_app.documents.pack_pdf import render_pack
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.services.papers import documents
from desktop_app.storage.models import AgendaItem
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, make_report


def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in _reader(data).pages]


def _lines(data: bytes, page: int) -> list[str]:
    """The page's lines as laid out, the index's dot leaders and runs of spaces taken out."""
    text = _reader(data).pages[page].extract_text(extraction_mode="layout")
    return [" ".join(line.replace(" .", " ").split()) for line in text.splitlines()]


def _agenda_pages(meeting_id: str, *, public: bool = False) -> int:
    return len(_reader(render_agenda(meeting_id, public=public)).pages)


def _printed_on(meeting_id: str, number: str) -> int:
    """The 1-based page of the agenda that prints the item numbered `number`."""
    texts = _texts(render_agenda(meeting_id))
    return next(n for n, t in enumerate(texts, start=1) if re.search(rf"(?m)^{number}$", t))


def _item(meeting_id: str, number: str) -> AgendaItem:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == number))


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every bookmark in order."""
    found = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return found


def test_pack_is_the_agenda_an_index_then_each_paper(papered_meeting):
    pack = render_pack(papered_meeting.meeting_id)
    agenda = _agenda_pages(papered_meeting.meeting_id)
    texts = _texts(pack)
    assert len(texts) == agenda + 1 + 3 + 2
    assert any("AGENDA" in text for text in texts[:agenda])
    assert "Index" in _lines(pack, agenda)
    papers = [t for t in texts[agenda + 1 :]]
    assert [re.search(r"page (\d)", t).group(0) for t in papers] == [
        "page 1",
        "page 2",
        "page 3",
        "page 1",
        "page 2",
    ]
    assert "Priorities and Performance" in papers[0] and "Depot valuation" in papers[3]


def test_every_page_carries_its_pack_number_and_the_agenda_not_its_own(papered_meeting):
    texts = _texts(render_pack(papered_meeting.meeting_id))
    for number, text in enumerate(texts, start=1):
        assert re.search(rf"(?m)^Page {number}$", text), f"page {number}: {text!r}"
        assert " of " not in text.splitlines()[-1]


def test_page_labels_match_the_printed_numbers(papered_meeting):
    reader = _reader(render_pack(papered_meeting.meeting_id))
    assert reader.page_labels == [str(n) for n in range(1, len(reader.pages) + 1)]


def test_index_lists_each_item_and_paper_with_the_page_it_starts_on(papered_meeting):
    agenda = _agenda_pages(papered_meeting.meeting_id)
    lines = _lines(render_pack(papered_meeting.meeting_id), agenda)
    first_paper, secret_paper = agenda + 2, agenda + 5
    assert f"34 Locality Board Priorities and Performance {first_paper}" in lines
    assert f"Priorities and Performance report — Chris Inwood {first_paper}" in lines
    assert f"38 Sale of the {SECRET_ITEM} depot {secret_paper}" in lines
    # An item without papers points to the agenda page that prints it.
    assert f"30 Apologies for Absence {_printed_on(papered_meeting.meeting_id, '30')}" in lines
    assert lines.index("Part I — public") < lines.index("Part II — exempt information")


def test_bookmarks_per_item_with_papers_under_their_item(papered_meeting):
    agenda = _agenda_pages(papered_meeting.meeting_id)
    marks = _outline(_reader(render_pack(papered_meeting.meeting_id)))
    assert marks[:2] == [(0, "Agenda", 1), (0, "Index", agenda + 1)]
    assert (0, "34  Locality Board Priorities and Performance", agenda + 2) in marks
    at = marks.index((0, "34  Locality Board Priorities and Performance", agenda + 2))
    assert marks[at + 1] == (1, "Priorities and Performance report", agenda + 2)
    printed = _printed_on(papered_meeting.meeting_id, "36.1")
    assert (1, "36.1  Future Kent Libraries provision update", printed) in marks
    assert marks[-1] == (1, f"Valuation of the depot ({SECRET_PAPER})", agenda + 5)


def test_metadata_names_the_pack(papered_meeting):
    info = _reader(render_pack(papered_meeting.meeting_id)).metadata
    assert info.title == "Agenda pack: Maidstone Locality Board, 17 December 2012"
    assert info.subject == "Agenda pack"
    assert info.author


def test_every_font_the_pack_adds_is_embedded(papered_meeting):
    reader = _reader(render_pack(papered_meeting.meeting_id))
    agenda = _agenda_pages(papered_meeting.meeting_id)
    for number, page in enumerate(reader.pages):
        fonts = page["/Resources"]["/Font"]
        for name in fonts:
            font = fonts[name].get_object()
            base = str(font["/BaseFont"])
            if number <= agenda or "Liberation" in base:
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, f"{base} on page {number + 1}"
            else:
                assert base in ("/Helvetica", "/Times-Roman")  # the officer's paper's own
        if number > agenda:
            assert any("Liberation" in str(fonts[n].get_object()["/BaseFont"]) for n in fonts)


def test_public_pack_has_no_word_of_part_two(papered_meeting):
    pack = render_pack(papered_meeting.meeting_id, public=True)
    text = "\n".join(_texts(pack))
    assert SECRET_ITEM not in text and SECRET_PAPER not in text
    assert "Depot valuation" not in text
    reader = _reader(pack)
    assert len(reader.pages) == _agenda_pages(papered_meeting.meeting_id, public=True) + 1 + 3
    assert all(
        SECRET_ITEM not in title and SECRET_PAPER not in title for _, title, _ in _outline(reader)
    )
    assert reader.metadata.subject == "Agenda pack, public edition"


def test_public_index_lists_part_two_items_as_exempt_without_titles(papered_meeting):
    agenda = _agenda_pages(papered_meeting.meeting_id, public=True)
    lines = _lines(render_pack(papered_meeting.meeting_id, public=True), agenda)
    assert "38 Exempt item — not for publication 2" in lines


def test_confidential_public_paper_is_left_out_of_the_public_pack(papered_meeting, tmp_path):
    item = _item(papered_meeting.meeting_id, "35")
    documents.attach_document(
        item_id=item.id,
        path=make_report(tmp_path / "annex.pdf", "Annex", 1, marker=SECRET_PAPER),
        confidential=True,
    )
    public = render_pack(papered_meeting.meeting_id, public=True)
    assert SECRET_PAPER not in "\n".join(_texts(public))
    full = _texts(render_pack(papered_meeting.meeting_id))
    annex = next(t for t in full if f"Annex {SECRET_PAPER}" in t)
    assert "Not for publication" in annex


def test_papers_follow_item_order_with_sub_items_after_their_item(papered_meeting, tmp_path):
    meeting = papered_meeting.meeting_id
    for number, title in (("36.1", "Libraries note"), ("35", "Education plan")):
        documents.attach_document(
            item_id=_item(meeting, number).id,
            path=make_report(tmp_path / f"{title}.pdf", title, 1),
            title=title,
        )
    texts = _texts(render_pack(meeting))
    order = [
        next(n for n, t in enumerate(texts) if re.search(rf"{title}\s+page 1", t))
        for title in ("Priorities and Performance", "Education plan", "Libraries note")
    ]
    assert order == sorted(order)


def test_damaged_paper_is_named_with_its_item(papered_meeting):
    documents.document_file(papered_meeting.public_paper_id).write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(ValidationError) as refused:
        render_pack(papered_meeting.meeting_id)
    assert str(refused.value).startswith(
        "The paper “Priorities and Performance report” on item 34 cannot be read: the file is "
        "damaged"
    )


def test_missing_paper_file_is_named_with_its_item(papered_meeting):
    documents.document_file(papered_meeting.confidential_paper_id).unlink()
    with pytest.raises(ValidationError, match=r"on item 38 cannot be read: its file is missing"):
        render_pack(papered_meeting.meeting_id)


def test_password_protected_paper_is_named_with_its_item(papered_meeting):
    path = documents.document_file(papered_meeting.public_paper_id)
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    with pytest.raises(ValidationError, match=r"item 34 cannot be read: it is protected by a pass"):
        render_pack(papered_meeting.meeting_id)


def test_landscape_and_rotated_papers_are_stamped_upright(papered_meeting, tmp_path):
    source = make_report(tmp_path / "plan.pdf", "Site plan", 2)
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.pages[0][NameObject("/Rotate")] = NumberObject(90)
    writer.pages[1].mediabox.upper_right = (842, 595)
    writer.write(tmp_path / "rotated.pdf")
    documents.attach_document(
        item_id=_item(papered_meeting.meeting_id, "35").id, path=tmp_path / "rotated.pdf"
    )
    pack = render_pack(papered_meeting.meeting_id)
    texts = _texts(pack)
    at = next(n for n, t in enumerate(texts) if re.search(r"Site plan\s+page 1", t))
    for n in (at, at + 1):
        assert re.search(rf"(?m)^Page {n + 1}$", texts[n])
        assert _reader(pack).pages[n].rotation == 0


class _Progress(SimpleNamespace):
    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))
        if len(self.reports) == self.cancel_after:
            self.cancelled = True


def test_progress_is_reported_to_the_end(papered_meeting):
    progress = _Progress(cancelled=False, reports=[], cancel_after=None)
    render_pack(papered_meeting.meeting_id, progress=progress)
    done, total = progress.reports[-1]
    assert done == total and [d for d, _ in progress.reports] == list(range(1, total + 1))


def test_cancel_stops_before_the_next_paper(papered_meeting):
    progress = _Progress(cancelled=False, reports=[], cancel_after=2)  # agenda, first paper
    with pytest.raises(Cancelled):
        render_pack(papered_meeting.meeting_id, progress=progress)
    assert len(progress.reports) == 2


def test_the_same_meeting_gives_the_same_bytes(papered_meeting):
    assert render_pack(papered_meeting.meeting_id) == render_pack(papered_meeting.meeting_id)
