"""The meeting archive read back: every part present and bookmarked, the pages adding up,
the meeting's exchange record attached inside, and the confidential record marked."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from pypdf import PdfReader

from desktop_app.documents import catalogue
from desktop_app.documents.archive_pdf import ATTACHMENT, CONFIDENTIAL_NOTE, render_archive
from desktop_app.errors import ValidationError
from desktop_app.exchange.format_fields import FORMAT
from desktop_app.services.decisions import resolutions
from desktop_app.services.meeting_cycle import declarations
from desktop_app.services.papers import documents
from desktop_app.storage import store
from desktop_app.storage.models import AgendaItem, Person
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, pdf_text


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pages_of(key: str, meeting_id: str) -> int:
    return len(read(catalogue.document(key).render(meeting_id)).pages)


def outline(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, depth, first page) of every bookmark, in order."""
    found = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((entry.title, depth, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return found


def item_id(meeting_id: str, number: str) -> str:
    return AgendaItem.get((AgendaItem.meeting == meeting_id) & (AgendaItem.number == number)).id


def person(key: str) -> str:
    return Person.get(Person.key == key).id


def test_the_meetings_record_is_attached_as_exchange_json(example_meeting):
    reader = read(render_archive(example_meeting))
    assert list(reader.attachments) == [ATTACHMENT]
    record = json.loads(reader.attachments[ATTACHMENT][0])
    assert record["format"] == FORMAT
    [body] = record["bodies"]
    assert body["name"] == "Maidstone Locality Board"
    [meeting] = body["meetings"]  # this meeting alone, not the body's October one
    assert meeting["date"] == "2012-12-17"
    assert meeting["items"][3]["title"].startswith("Troubled Families")
    keys = {p["key"] for p in record["people"]}
    assert {a["person"] for a in meeting["attendance"]} <= keys


def test_a_bookmark_leads_to_each_part_and_the_pages_add_up(papered_meeting):
    meeting = papered_meeting.meeting_id
    reader = read(render_archive(meeting))
    agenda = pages_of("agenda", meeting)
    minutes = pages_of("minutes", meeting)
    secret_minutes = pages_of("confidential-minutes", meeting)
    papers = 1 + agenda  # pages counted from 0: the cover, then the agenda
    first_minutes = papers + 3 + 2
    assert outline(reader) == [
        ("Cover", 0, 0),
        ("Agenda", 0, 1),
        ("Papers", 0, papers),
        ("34 Priorities and Performance report", 1, papers),
        (f"38 Valuation of the depot ({SECRET_PAPER}) (confidential)", 1, papers + 3),
        ("Minutes", 0, first_minutes),
        ("Confidential minutes", 0, first_minutes + minutes),
        ("Attendance", 0, first_minutes + minutes + secret_minutes),
        ("Interests declared", 0, first_minutes + minutes + secret_minutes + 1),
        ("Named votes", 0, first_minutes + minutes + secret_minutes + 2),
    ]
    assert len(reader.pages) == 1 + agenda + 3 + 2 + minutes + secret_minutes + 3


def test_every_part_is_in_the_archive_confidential_ones_included(papered_meeting):
    data = render_archive(papered_meeting.meeting_id)
    reader = read(data)
    text = " ".join(pdf_text(data).split())
    assert reader.metadata.title == "Meeting archive: Maidstone Locality Board, 17 December 2012"
    for words in (
        "Meeting archive",
        CONFIDENTIAL_NOTE,
        "Troubled Families",  # agenda and minutes
        "Priorities and Performance page 3",  # the public paper, every page
        f"Depot valuation {SECRET_PAPER} page 2",  # the confidential paper
        SECRET_ITEM,
        "RESOLVED",
        "Simon Alland",  # attendance
        "Substituting for CI Jon Bumpus",
        "Apologies (10)",
        "No interests were declared.",
        "No named votes were recorded.",
    ):
        assert words in text, words


def test_the_cover_lists_where_each_part_starts(papered_meeting):
    reader = read(render_archive(papered_meeting.meeting_id))
    cover = " ".join(reader.pages[0].extract_text().split())
    agenda = pages_of("agenda", papered_meeting.meeting_id)
    assert f"Agenda 2–{1 + agenda}" in cover
    assert f"34 Priorities and Performance report {agenda + 2}–{agenda + 4}" in cover
    assert f"attached to this file as {ATTACHMENT}" in cover


def test_a_meeting_without_part_two_is_not_marked_confidential(example_meeting):
    text = pdf_text(render_archive(example_meeting))
    assert CONFIDENTIAL_NOTE not in text
    assert "Confidential minutes" not in text


def test_interests_and_named_votes_have_their_pages(example_meeting):
    item = item_id(example_meeting, "35")
    declarations.declare_interest(
        meeting_id=example_meeting,
        item_id=item,
        person_id=person("mortimer"),
        kind="other significant",
        description="Governor of a Maidstone school",
        left_room=True,
    )
    vote = resolutions.add_resolution(
        item_id=item, text="That the focus group report in March.", votes_for=1, votes_against=1
    )
    resolutions.set_named_votes(
        resolution_id=vote.id, votes={person("garland"): "for", person("ring"): "against"}
    )
    text = " ".join(pdf_text(render_archive(example_meeting)).split())
    assert "Governor of a Maidstone school Yes" in text
    assert "That the focus group report in March." in text
    assert "Cllr Chris Garland For" in text and "Cllr Mrs Marion Ring Against" in text


def test_a_paper_missing_from_the_data_folder_is_named(papered_meeting):
    paper = documents.get_document(papered_meeting.public_paper_id)
    store.path_of(paper.sha256).unlink()
    with pytest.raises(ValidationError, match="Priorities and Performance report"):
        render_archive(papered_meeting.meeting_id)


def test_every_font_on_our_own_pages_is_embedded(example_meeting, tmp_path):
    # With no outside papers, every page is Minute Book's own.
    path = tmp_path / "archive.pdf"
    path.write_bytes(render_archive(example_meeting))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts.stdout


def test_the_archive_carries_xmp_metadata_readers_accept(example_meeting):
    reader = read(render_archive(example_meeting))
    title = "Meeting archive: Maidstone Locality Board, 17 December 2012"
    assert reader.xmp_metadata.dc_title == {"x-default": title}
    assert reader.xmp_metadata.dc_creator == ["Maidstone Locality Board"]
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert (stream["/Type"], stream["/Subtype"]) == ("/Metadata", "/XML")


def test_every_page_carries_its_archive_page_number(papered_meeting):
    reader = read(render_archive(papered_meeting.meeting_id))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Archive page {number} of {total}" in page.extract_text()
    # The archive's own pages (cover, attendance, ...) are numbered once, not each "1 of 1".
    own = [page.extract_text() for page in reader.pages if "Named votes" in page.extract_text()]
    assert own and all("Page 1 of" not in page for page in own)
