"""The agenda and its public edition, read back as a clerk and a member of the public would."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop_app.documents.agenda_pdf import render_agenda
from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.papers import documents
from desktop_app.storage.models import AgendaItem, Body, Meeting
from tests.documents.conftest import SECRET_ITEM, SECRET_PAPER, pdf_text

EXAMPLE_ITEMS = [
    ("30", "Apologies for Absence"),
    ("31", "Minutes"),
    ("32", "Matters and Actions Arising"),
    ("33", "Troubled Families - County Overview and Maidstone's Proposal"),
    ("34", "Locality Board Priorities and Performance"),
    ("35", "Kent Commissioning Plan for Education Provision"),
    ("36", "Any Other Business"),
    ("36.1", "Future Kent Libraries provision update"),
    ("36.2", "Information Items"),
    ("36.2.1", "Youth Services Transformation update"),
    ("36.2.2", "Make Kent Quicker update"),
    ("37", "Duration of Meeting"),
]


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", " ", pdf_text(data))


def _fonts(data: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font any page uses."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            found[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return sorted(found.items())


def test_the_front_sheet_names_the_body_date_time_venue_and_members(example_meeting):
    text = _flat(render_agenda(example_meeting))
    front = text[: text.index("AGENDA")]
    assert "Maidstone Locality Board" in front
    assert "Monday 17 December 2012 at 2.30 pm" in front
    assert "Darent Room, County Hall, Maidstone" in front
    # The chair's seat first: the example board's only office-holder is its vice-chair.
    assert front.index("Cllr Mrs Paulina Stockell Vice-Chair Kent County Council") < front.index(
        "Dave Ashdown"
    )
    assert "John Taylor Kent Invicta Chamber of Commerce" in front


def test_every_item_number_and_title_of_the_example_prints_in_order(example_meeting):
    text = _flat(render_agenda(example_meeting))
    place = text.index("Part I — public")
    for number, title in EXAMPLE_ITEMS:
        found = text.find(f"{number} {title}", place)
        assert found > place, f"{number} {title} missing or out of order"
        place = found


def test_pages_are_numbered_and_the_metadata_names_the_meeting(example_meeting):
    reader = PdfReader(io.BytesIO(render_agenda(example_meeting)))
    total = len(reader.pages)
    assert total == 2  # the front sheet, then the items
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    meta = reader.metadata
    assert meta.title == "Agenda: Maidstone Locality Board, 17 December 2012"
    assert meta.subject == "Agenda"
    assert meta.author == "Maidstone Locality Board"


def test_every_font_is_embedded(papered_meeting):
    for public in (False, True):
        fonts = _fonts(render_agenda(papered_meeting.meeting_id, public=public))
        assert fonts and all(embedded for _, embedded in fonts), fonts
        assert all("LiberationSans" in name for name, _ in fonts)


def test_the_clerk_contact_is_on_the_front_sheet(example_meeting):
    clerk = people.create_person(
        name="Ruth Clerk",
        position="Democratic Services Officer",
        email="ruth.clerk@example.gov.uk",
        phone="01622 123456",
    )
    body = Body.get_by_id(Meeting.get_by_id(example_meeting).body_id)
    bodies.update_body(body_id=body.id, clerk_id=clerk.id)
    data = render_agenda(example_meeting)
    text = _flat(data)
    front = text[: text.index("AGENDA")]
    for part in ("Contact", "Ruth Clerk", "Democratic Services Officer"):
        assert part in front
    assert "ruth.clerk@example.gov.uk" in front and "01622 123456" in front
    assert PdfReader(io.BytesIO(data)).metadata.author == "Ruth Clerk"


def test_part_two_follows_the_exclusion_resolution_with_its_paragraph(papered_meeting):
    text = _flat(render_agenda(papered_meeting.meeting_id))
    part_two = text.index("Part II — exempt information")
    assert text.index("37 Duration of Meeting") < part_two
    resolution = text.index("That under Section 100A(4) of the Local Government Act 1972")
    assert part_two < resolution < text.index(f"38 Sale of the {SECRET_ITEM} depot")
    assert "paragraph 3 of Part 1 of Schedule 12A of the Act." in text
    assert "information relating to the financial or business affairs" in text
    assert SECRET_PAPER in text and "(confidential report attached" in text
    assert "Priorities and Performance report, Chris Inwood (report attached)" in text


def test_the_public_edition_shows_part_two_only_by_number_and_exemption(papered_meeting):
    data = render_agenda(papered_meeting.meeting_id, public=True)
    text = _flat(data)
    assert SECRET_ITEM not in text and SECRET_PAPER not in text
    assert "38 Exempt item — not for publication" in text
    assert "paragraph 3 of Part 1 of Schedule 12A" in text
    assert "Priorities and Performance report" in text  # public papers stay
    assert "Public edition" in text
    assert PdfReader(io.BytesIO(data)).metadata.subject == "Agenda, public edition"


def test_the_public_edition_leaves_out_a_confidential_paper_on_a_public_item(
    papered_meeting,
):
    documents.update_document(document_id=papered_meeting.public_paper_id, confidential=True)
    assert "Priorities and Performance report" not in _flat(
        render_agenda(papered_meeting.meeting_id, public=True)
    )


def test_an_unpublished_agenda_is_marked_draft(example_meeting):
    meeting = Meeting.get_by_id(example_meeting)
    draft = meetings.create_meeting(body_id=meeting.body_id, date="2013-02-18", start_time="14:30")
    agenda.add_item(meeting_id=draft.id, title="Budget monitoring")
    text = _flat(render_agenda(draft.id))
    assert "Draft agenda" in text and "DRAFT" in text
    assert "item numbers are previews" in text
    assert "DRAFT" not in _flat(render_agenda(example_meeting))


def test_titles_in_any_script_print(example_meeting):
    titles = ["Δημοτικό συμβούλιο", "Городской совет", "市议会 🏛️ update", "Café € £ “quoted” — ok"]
    for title in titles:
        agenda.add_item(meeting_id=example_meeting, title=title)
    text = _flat(render_agenda(example_meeting))
    for title in titles[:2] + titles[3:]:
        assert title in text


@pytest.mark.timeout(15)
def test_a_huge_purpose_does_not_hang(example_meeting):
    item = AgendaItem.get((AgendaItem.meeting == example_meeting) & (AgendaItem.number == "34"))
    # Written past the service, as a damaged file might: the document must still lay out.
    AgendaItem.update(purpose="budget " * 150_000).where(AgendaItem.id == item.id).execute()
    data = render_agenda(example_meeting)
    assert len(PdfReader(io.BytesIO(data)).pages) > 10
