"""What a PDF viewer shows of the agenda pack beside its pages (pack_pdf.py assembles
them): a bookmark for the agenda, the front pages, each item (sub-items under their item)
and each paper under its item, and the document's properties."""

from __future__ import annotations

from collections.abc import Sequence

from pypdf import PdfWriter

from desktop_app.dates import long_date
from desktop_app.documents.facts import MeetingFacts
from desktop_app.documents.pack_entries import Entry
from desktop_app.documents.page_labels import Part


def add_bookmarks(
    writer: PdfWriter,
    entries: Sequence[Entry],
    parts: Sequence[Part],
    agenda_pages: dict[str, int],
    *,
    since: int | None,
) -> None:
    """A bookmark for the agenda, the front pages, each item (sub-items under their item) and
    each paper under its item."""
    first = {}
    page = 0
    for part in parts:
        first[part.key] = page
        page += len(part.labels)
    writer.add_outline_item(title="Agenda", page_number=first["agenda"])
    if since is not None:
        writer.add_outline_item(title=f"Changes since issue {since}", page_number=first["changes"])
    writer.add_outline_item(title="Index", page_number=first["index"])
    parents: dict[int, object] = {}
    for entry in entries:
        papers = [first[p.id] for p in entry.papers]
        target = papers[0] if papers else agenda_pages[entry.item.id]
        mark = writer.add_outline_item(
            title=f"{entry.item.number}  {entry.title}".strip(),
            page_number=target,
            parent=parents.get(entry.depth - 1) if entry.depth else None,
            is_open=False,
        )
        parents[entry.depth] = mark
        for paper in entry.papers:
            writer.add_outline_item(title=paper.title, page_number=first[paper.id], parent=mark)


def properties(facts: MeetingFacts, *, public: bool, issue: int | None) -> dict[str, str]:
    """The pack's document properties: its title, author, subject and keywords."""
    subject = "Agenda pack, public edition" if public else "Agenda pack"
    if issue:
        subject += f", issue {issue}"
    return {
        "/Title": f"Agenda pack: {facts.body_name}, {long_date(facts.date)}",
        "/Author": facts.clerk.name if facts.clerk else facts.body_name,
        "/Subject": subject,
        "/Keywords": f"agenda pack, {facts.body_name}, {facts.date.isoformat()}",
        "/Creator": "Minute Book",
        "/Producer": "Minute Book (reportlab, pypdf)",
    }
