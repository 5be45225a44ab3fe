"""The meeting archive: one PDF for the record (DESIGN.md §4) holding a cover with its
contents, the agenda, every paper (confidential ones too), the minutes and confidential
minutes, and pages of attendance, interests and named votes, with a bookmark per part and
the meeting's `minute-book/1` record attached inside as meeting.json.

Not PDF/A: reportlab cannot write PDF/A-3 by itself (no output intent, no /AFRelationship
on the attachment), and papers merged in keep whatever their authors' software gave them,
often fonts that are not embedded. The pages Minute Book lays out embed their fonts in any
case, and the file carries XMP metadata (title, body, date) for archive catalogues.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject
from pypdf.xmp import XmpInformation
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.dates import day_and_date, long_date
from desktop_app.documents import catalogue, styles
from desktop_app.documents.facts import ItemFacts, MeetingFacts
from desktop_app.documents.fonts import REGULAR
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.styles import text
from desktop_app.exchange import export_data
from desktop_app.services.papers import documents
from desktop_app.times import clock

ATTACHMENT = "meeting.json"
CONFIDENTIAL_NOTE = "Contains confidential information"
VOTES = {"for": "For", "against": "Against", "abstain": "Abstained"}
ARCHIVE_NUMBER_HEIGHT = 8 * mm
INDENTED = ParagraphStyle("archive_indented", parent=styles.cell, leftIndent=12)


@dataclass(frozen=True)
class Part:
    """A run of pages in the archive and the bookmark that leads to it."""

    title: str
    pdf: bytes
    pages: int
    parent: str = ""  # the title of the part it is bookmarked under ("Papers")


def render_archive(meeting_id: str) -> bytes:
    """The meeting's archive PDF. Raises ValidationError if a paper's file is missing or
    cannot be read, naming it: the record must be whole."""
    facts = load_meeting_facts(meeting_id)
    secret = _has_confidential(facts)
    footer = f"Meeting archive · {CONFIDENTIAL_NOTE.lower()}" if secret else "Meeting archive"
    # The archive numbers its pages as one run (_number_pages); the agenda, minutes and
    # papers inside keep their own numbering, as they were issued.
    furniture = Furniture(
        header_left=facts.body_name,
        header_right=long_date(facts.date),
        footer_left=footer,
        numbered=False,
    )
    parts = [_rendered("Agenda", "agenda", meeting_id)]
    parts += [_paper(item, paper) for item in facts.all_items() for paper in item.papers]
    if facts.has_minutes:
        parts.append(_rendered("Minutes", "minutes", meeting_id))
        if facts.confidential_items():
            parts.append(_rendered("Confidential minutes", "confidential-minutes", meeting_id))
    for title, story in (
        ("Attendance", _attendance(facts)),
        ("Interests declared", _interests(facts)),
        ("Named votes", _named_votes(facts)),
    ):
        parts.append(_own_part(title, story, facts, furniture))
    cover = _cover(facts, parts, secret, furniture)
    return _assemble(facts, cover, parts, secret)


# -- the parts ------------------------------------------------------------------------------


def _rendered(title: str, key: str, meeting_id: str) -> Part:
    return _part(title, catalogue.document(key).render(meeting_id))


def _paper(item: ItemFacts, paper) -> Part:
    if paper.report_id:  # a report written in the app, as approved
        from desktop_app.documents.report_pdf import render_report

        pdf = render_report(paper.report_id)
    elif paper.update_id:  # a group's quarterly update, as it stands
        from desktop_app.documents.update_pdf import render_update

        pdf = render_update(paper.update_id)
    else:
        # read_pdf names a missing or damaged paper in a sentence the clerk can act on.
        pdf = documents.read_pdf(documents.document_file(paper.id)).data
    number = f"{item.number} " if item.number else ""
    marked = " (confidential)" if paper.confidential or item.confidential else ""
    return _part(f"{number}{paper.title}{marked}", pdf, parent="Papers")


def _own_part(title: str, story: list[Flowable], facts: MeetingFacts, furniture) -> Part:
    heading = [Paragraph(text(title), styles.title), _when(facts), Spacer(1, 10)]
    metadata = Metadata(title=f"{title}: {facts.body_name}, {long_date(facts.date)}")
    return _part(title, build_pdf(heading + story, metadata=metadata, furniture=furniture))


def _part(title: str, pdf: bytes, *, parent: str = "") -> Part:
    return Part(title, pdf, len(PdfReader(io.BytesIO(pdf)).pages), parent)


def _when(facts: MeetingFacts) -> Paragraph:
    return Paragraph(text(f"{facts.body_name}, {day_and_date(facts.date)}"), styles.subtitle)


# -- pages laid out here --------------------------------------------------------------------


def _attendance(facts: MeetingFacts) -> list[Flowable]:
    groups = (
        ("Present", ("present", "substitute")),
        ("In attendance", ("in attendance",)),
        ("Apologies", ("apologies",)),
        ("Absent", ("absent",)),
    )
    story: list[Flowable] = []
    for heading, statuses in groups:
        lines = [a for a in facts.attendance if a.status in statuses]
        if lines:
            rows = [[a.name, a.description] for a in lines]
            story.append(_section(f"{heading} ({len(lines)})", _table(rows, (0.38, 0.62))))
    if facts.public_attendees:
        story.append(Paragraph(f"Members of the public: {facts.public_attendees}.", styles.body))
    comings = [(item, event) for item in facts.all_items() for event in item.events]
    if comings:
        rows = [[_number(item), event] for item, event in comings]
        story.append(_section("Arrivals and departures", _table(rows, (0.14, 0.86))))
    return story or [Paragraph("No attendance was recorded.", styles.body)]


def _interests(facts: MeetingFacts) -> list[Flowable]:
    if not facts.declarations:
        return [Paragraph("No interests were declared.", styles.body)]
    rows = [["Item", "Member", "Interest", "Left the room"]]
    for d in facts.declarations:
        interest = ": ".join(part for part in (d.kind.capitalize(), d.description) if part)
        rows.append(
            [
                f"{d.item_number} {d.item_title}".strip(),
                d.name,
                interest,
                "Yes" if d.left_room else "No",
            ]
        )
    return [_table(rows, (0.28, 0.22, 0.36, 0.14), header=True)]


def _named_votes(facts: MeetingFacts) -> list[Flowable]:
    story: list[Flowable] = []
    for item in facts.all_items():
        for resolution in item.resolutions:
            if not resolution.named_votes:
                continue
            rows = [[name, VOTES.get(vote, vote)] for name, vote in resolution.named_votes]
            story.append(
                KeepTogether(
                    [
                        Paragraph(text(f"{_number(item)} {item.title}".strip()), styles.heading),
                        Paragraph(text(resolution.text), styles.body),
                        _table(rows, (0.6, 0.4)),
                    ]
                )
            )
    return story or [Paragraph("No named votes were recorded.", styles.body)]


def _cover(facts: MeetingFacts, parts: list[Part], secret: bool, furniture) -> Part:
    """The cover lists where each part starts, which depends on the cover's own length:
    laid out once assuming one page, and again if it turned out longer."""
    length = 1
    while True:
        story = _cover_story(facts, parts, secret, length)
        metadata = Metadata(
            title=f"Meeting archive: {facts.body_name}, {long_date(facts.date)}",
            subject="The meeting's record: agenda, papers, minutes, attendance, interests, votes",
        )
        cover = _part("Cover", build_pdf(story, metadata=metadata, furniture=furniture))
        if cover.pages == length:
            return cover
        length = cover.pages


def _cover_story(facts: MeetingFacts, parts: list[Part], secret: bool, length: int) -> list:
    story: list[Flowable] = [
        Paragraph("Meeting archive", styles.title),
        Paragraph(text(facts.body_name), styles.subtitle),
        Paragraph(text(day_and_date(facts.date)), styles.subtitle),
        Spacer(1, 12),
    ]
    if secret:
        story.append(Paragraph(CONFIDENTIAL_NOTE, _centred(styles.confidential)))
        story.append(
            Paragraph(
                "This archive is the full record, Part II included. It is not for publication.",
                _centred(styles.muted),
            )
        )
        story.append(Spacer(1, 10))
    times = " – ".join(clock(t) for t in (facts.start_time, facts.end_time) if t)
    minutes = facts.minutes_state or ("drafted" if facts.has_minutes else "not yet written")
    minutes = minutes.capitalize()
    if facts.minutes_version:
        minutes = f"version {facts.minutes_version}, {minutes}"
    details = [
        ["Venue", facts.venue or "—"],
        ["Times", times or "—"],
        ["Status", facts.status.capitalize()],
        ["Chair", facts.chair or "—"],
        ["Minutes", minutes],
    ]
    story.append(_table(details, (0.22, 0.78)))
    story.append(Paragraph("Contents", styles.heading))
    rows: list[list] = [["Part", "Pages"]]
    first, group = length + 1, ""
    for part in parts:
        if part.parent and part.parent != group:
            rows.append([part.parent, ""])
        group = part.parent
        last = first + part.pages - 1
        title = Paragraph(text(part.title), INDENTED if part.parent else styles.cell)
        rows.append([title, f"{first}" if last == first else f"{first}–{last}"])
        first = last + 1
    story.append(_table(rows, (0.82, 0.18), header=True))
    story.append(Spacer(1, 10))
    story.append(
        Paragraph(
            f"The meeting's record in the minute-book/1 exchange format is attached to this "
            f"file as {ATTACHMENT}.",
            styles.muted,
        )
    )
    return story


# -- assembly -------------------------------------------------------------------------------


def _assemble(facts: MeetingFacts, cover: Part, parts: list[Part], secret: bool) -> bytes:
    writer = PdfWriter()
    parents: dict[str, object] = {}
    page = 0
    for part in [cover, *parts]:
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=False)
        parent = None
        if part.parent:
            if part.parent not in parents:
                parents[part.parent] = writer.add_outline_item(title=part.parent, page_number=page)
            parent = parents[part.parent]
        writer.add_outline_item(title=part.title, page_number=page, parent=parent)
        page += part.pages
    title = f"Meeting archive: {facts.body_name}, {long_date(facts.date)}"
    writer.add_metadata(
        {
            "/Title": title,
            "/Subject": CONFIDENTIAL_NOTE if secret else "The meeting's record",
            "/Creator": "Minute Book",
            "/Producer": "Minute Book (reportlab, pypdf)",
        }
    )
    writer.xmp_metadata = _xmp(title, facts)
    # pypdf leaves the stream untyped; readers (poppler) expect /Type /Metadata /Subtype /XML.
    writer.root_object["/Metadata"].get_object().update(
        {NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")}
    )
    writer.add_attachment(ATTACHMENT, _meeting_json(facts))
    _number_pages(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _number_pages(writer: PdfWriter) -> None:
    """ "Archive page n of m" at the foot of every page, centred below where our documents
    print their own footer, on a white ground in case a paper prints there too."""
    total = len(writer.pages)
    out = io.BytesIO()
    overlay = canvas.Canvas(out, initialFontName=REGULAR, invariant=1)
    for number, page in enumerate(writer.pages, start=1):
        box = page.cropbox
        width = float(box.width)
        overlay.setPageSize((width, float(box.height)))
        label = f"Archive page {number} of {total}"
        size = 7.5
        label_width = overlay.stringWidth(label, REGULAR, size)
        x, y = (width - label_width) / 2, ARCHIVE_NUMBER_HEIGHT
        overlay.setFillColorRGB(1, 1, 1)
        overlay.rect(x - 3, y - 3, label_width + 6, size + 4, stroke=0, fill=1)
        overlay.setFillColor(styles.MUTED)
        overlay.setFont(REGULAR, size)
        overlay.drawString(x, y, label)
        overlay.showPage()
    overlay.save()
    for page, over in zip(writer.pages, PdfReader(io.BytesIO(out.getvalue())).pages, strict=True):
        if page.rotation:
            page.transfer_rotation_to_content()
        box = page.cropbox
        page.merge_transformed_page(over, Transformation().translate(box.left, box.bottom))


def _xmp(title: str, facts: MeetingFacts) -> XmpInformation:
    xmp = XmpInformation.create()
    xmp.dc_title = {"x-default": title}
    xmp.dc_creator = [facts.body_name]
    xmp.dc_date = [facts.date]
    xmp.xmp_creator_tool = "Minute Book"
    return xmp


def _meeting_json(facts: MeetingFacts) -> bytes:
    """The body's `minute-book/1` export cut down to this one meeting."""
    data = export_data(body_name=facts.body_name)
    body = data["bodies"][0]
    when = (facts.date.isoformat(), facts.start_time or "")
    body["meetings"] = [
        m for m in body.get("meetings", []) if (m["date"], m.get("start", "")) == when
    ]
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# -- small pieces ---------------------------------------------------------------------------


def _has_confidential(facts: MeetingFacts) -> bool:
    return any(
        item.confidential or any(p.confidential for p in item.papers) for item in facts.all_items()
    )


def _number(item: ItemFacts) -> str:
    return item.number if item.numbered else ""


def _section(heading: str, table: Table) -> Flowable:
    return KeepTogether([Paragraph(text(heading), styles.heading), table])


def _centred(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_centred", parent=style, alignment=TA_CENTER)


def _table(rows: list[list], widths: tuple[float, ...], *, header: bool = False) -> Table:
    """Rows of text (or paragraphs already made) in columns of these shares of the width."""
    data = [
        [
            value
            if isinstance(value, Flowable)
            else Paragraph(text(value), styles.cell_bold if header and r == 0 else styles.cell)
            for value in row
        ]
        for r, row in enumerate(rows)
    ]
    table = Table(
        data, colWidths=[w * styles.TEXT_WIDTH for w in widths], repeatRows=1 if header else 0
    )
    commands = [
        # Each cell's own font, though it holds a Paragraph, would otherwise be Helvetica.
        ("FONT", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, styles.SHADE),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.75, styles.RULE))
    table.setStyle(TableStyle(commands))
    return table
