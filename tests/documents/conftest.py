"""Fixtures for the document tests: the example meeting of seed 004, the same meeting with
papers and a confidential Part II item, and reading a PDF back."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services.meeting_cycle import agenda
from desktop_app.services.papers import documents
from desktop_app.storage.models import AgendaItem, Body, Meeting

# Words that appear only in confidential content: a public document must contain none.
SECRET_ITEM = "Quarrington"
SECRET_PAPER = "Zanzibarite"


def make_report(path: Path, title: str, pages: int, *, marker: str = "") -> Path:
    """A plain PDF report of `pages` pages, like an officer's paper, each page titled."""
    out = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        out.setFont("Times-Roman", 14)  # a paper as an officer's word processor made it
        out.drawString(72, 770, f"{title} {marker} page {number}".strip())
        out.showPage()
    out.save()
    return path


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@dataclass(frozen=True)
class Papered:
    meeting_id: str
    confidential_item_id: str
    public_paper_id: str
    confidential_paper_id: str


@pytest.fixture
def example_meeting(database) -> str:
    """The 17 December 2012 meeting of the Maidstone Locality Board (seed 004)."""
    import_file(EXAMPLE_FILE)
    body = Body.get(Body.name == "Maidstone Locality Board")
    return Meeting.get((Meeting.body == body.id) & (Meeting.date == "2012-12-17")).id


@pytest.fixture
def papered_meeting(example_meeting, tmp_path) -> Papered:
    """The example meeting with a three-page report on item 34, and a Part II item whose
    title and two-page report carry words that must never reach a public document."""
    item_34 = AgendaItem.get((AgendaItem.meeting == example_meeting) & (AgendaItem.number == "34"))
    public = documents.attach_document(
        item_id=item_34.id,
        path=make_report(tmp_path / "priorities.pdf", "Priorities and Performance", 3),
        title="Priorities and Performance report",
        author="Chris Inwood",
    )
    secret = agenda.add_item(
        meeting_id=example_meeting,
        title=f"Sale of the {SECRET_ITEM} depot",
        confidential=True,
        exempt_paragraph="3",
    )
    paper = documents.attach_document(
        item_id=secret.id,
        path=make_report(tmp_path / "depot.pdf", "Depot valuation", 2, marker=SECRET_PAPER),
        title=f"Valuation of the depot ({SECRET_PAPER})",
    )
    return Papered(example_meeting, secret.id, public.id, paper.id)
