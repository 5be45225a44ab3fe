"""A committee report in the layout of seed 003: the authority's heading, the committee and
the meeting's date, the report's title and whom it is of, then its numbered sections, each
paragraph numbered within its section (1.1, 1.2) with its bullets under it. Sections with
nothing written are left out, and the rest numbered in order, as an officer would.

Other Implications lists the nine every report weighs with those relevant marked, then
says what each relevant one is; Appendices names the item's other papers, lettered A, B, …
in the order they were attached (the pack prints them after the report). A report on a
Part II item says so at its head and in its footer; until it is approved for publication
it carries a DRAFT mark.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from desktop_app.dates import day_and_date, long_date
from desktop_app.documents import styles
from desktop_app.documents.agenda_parts import exemption
from desktop_app.documents.fonts import BOLD, REGULAR
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.styles import text
from desktop_app.services import validation
from desktop_app.services.directory.bodies import get_body
from desktop_app.services.papers import documents
from desktop_app.services.reports import paragraphs, sections, templates, writing
from desktop_app.storage.models import AgendaItem, Meeting, Report

NUMBER = 13 * mm  # the column of "1." and "1.1"
BULLET_STEP = 7 * mm  # a bullet's mark sits this far into the text column
MARK = "X"  # an implication marked relevant, as council report forms tick it
NOT_APPROVED = {
    "draft": "Draft — not approved for publication",
    "submitted": "Submitted — not yet approved for publication",
}
CONFIDENTIAL_MARK = "CONFIDENTIAL — NOT FOR PUBLICATION"

authority = ParagraphStyle("report_authority", parent=styles.title, spaceAfter=10)
committee = ParagraphStyle("report_committee", parent=styles.subtitle, fontName=BOLD)
report_title = ParagraphStyle(
    "report_title", parent=styles.title, fontSize=14, leading=18, spaceBefore=10, spaceAfter=10
)
section = ParagraphStyle(
    "report_section",
    parent=styles.heading,
    leftIndent=NUMBER,
    bulletIndent=0,
    bulletFontName=BOLD,
    bulletFontSize=styles.heading.fontSize,
    spaceBefore=12,
)
numbered_paragraph = ParagraphStyle(
    "report_paragraph",
    parent=styles.body,
    leftIndent=NUMBER,
    bulletIndent=0,
    bulletFontName=REGULAR,
    spaceAfter=7,
)
bullet = ParagraphStyle(
    "report_bullet",
    parent=styles.body,
    leftIndent=NUMBER + BULLET_STEP,
    bulletIndent=NUMBER + 2,
    bulletFontName=REGULAR,
    spaceAfter=3,
)
HEAD_ROOM = 4 * styles.LEADING  # a section's heading never ends a page alone


@dataclass(frozen=True)
class Appendix:
    letter: str
    title: str
    confidential: bool


@dataclass(frozen=True)
class ReportFacts:
    """Everything the printed report says, read once."""

    heading: str  # the authority, from the body's report template
    body_name: str
    date: dt.date  # the meeting's
    item_number: str
    part_two: bool
    exempt_paragraph: str
    report: writing.ReportEntry
    appendices: list[Appendix]


def render_report(report_id: str, *, public: bool = False, numbered: bool = True) -> bytes:
    """The report as PDF bytes. `public`: a confidential appendix is not named (the public
    pack holds it not either); `numbered=False`: no "Page n of m", as in the agenda pack,
    which stamps its own page numbers."""
    facts = load_report_facts(report_id)
    entry = facts.report
    story = _front(facts) + _body(facts, public=public)
    footer = [CONFIDENTIAL_MARK] if facts.part_two else []
    if entry.state != "approved":
        footer.append(NOT_APPROVED[entry.state])
    title = f"{entry.values['title']}: {facts.body_name}, {long_date(facts.date)}"
    return build_pdf(
        story,
        metadata=Metadata(
            title=title,
            subject="Committee report" + (", Part II (confidential)" if facts.part_two else ""),
            author=entry.report_of or "Minute Book",
            keywords=", ".join(["report", facts.body_name, facts.date.isoformat()]),
        ),
        furniture=Furniture(
            header_left=facts.body_name,
            header_right=entry.values["title"],
            footer_left="   ·   ".join(footer),
            watermark="" if entry.state == "approved" else "DRAFT",
            numbered=numbered,
            footer_warning=facts.part_two,
        ),
    )


def load_report_facts(report_id: str) -> ReportFacts:
    """The report with its meeting, body, template heading and appendices."""
    row = validation.live_row(Report, report_id, "report")
    item = AgendaItem.get_by_id(row.__data__["item"])
    meeting = Meeting.get_by_id(item.__data__["meeting"])
    body = get_body(meeting.__data__["body"])
    papers = documents.list_documents(item.id)
    part_two = documents.in_part_two(item)
    return ReportFacts(
        heading=templates.stored_template(body.report_template).heading,
        body_name=body.name,
        date=meeting.date,
        item_number=item.number,
        part_two=part_two,
        exempt_paragraph=_paragraph_of(item),
        report=writing.get_report(row.id),
        appendices=[
            Appendix(sections.appendix_letter(n), paper.title, paper.confidential or part_two)
            for n, paper in enumerate(papers)
        ],
    )


def _front(facts: ReportFacts) -> list[Flowable]:
    """The heading block, as seed 003 opens."""
    entry = facts.report
    story: list[Flowable] = []
    if facts.part_two:
        story.append(Paragraph(text(CONFIDENTIAL_MARK), styles.confidential))
        story.append(Paragraph(text(exemption(facts.exempt_paragraph)), styles.small))
    if facts.heading:
        story.append(Paragraph(text(facts.heading), authority))
    story.append(Paragraph(text(facts.body_name), committee))
    story.append(Paragraph(text(day_and_date(facts.date)), styles.subtitle))
    if facts.item_number:
        story.append(Paragraph(text(f"Agenda item {facts.item_number}"), styles.subtitle))
    story.append(Paragraph(text(entry.values["title"]), report_title))
    if entry.report_of:
        story.append(Paragraph(f"<b>Report of:</b> {text(entry.report_of)}", styles.body))
    if entry.state == "approved":
        approved = f"Approved for publication by {entry.approved_by}"
        story.append(Paragraph(text(approved), styles.muted))
    story.append(Spacer(1, 6))
    return story


def _body(facts: ReportFacts, *, public: bool) -> list[Flowable]:
    """The sections that say something, numbered 1, 2, 3 … in the seed's order."""
    story: list[Flowable] = []
    number = 0
    for key in sections.ORDER:
        paragraphs_of = _SECTIONS.get(key)
        content = (
            paragraphs_of(facts, public)
            if paragraphs_of
            else _numbered_text(facts.report.values[key])
        )
        if not content:
            continue
        number += 1
        heading = _heading(key, facts.report.values)
        story.append(CondPageBreak(HEAD_ROOM))
        story.append(Paragraph(text(heading), section, bulletText=f"{number}."))
        story += content(number)
    return story


def _heading(key: str, values: dict) -> str:
    heading = sections.HEADINGS[key]
    if key == "recommendations" and len(paragraphs.as_entries(values[key])) > 1:
        return "Recommendations"
    return heading


def _numbered_text(value: str, lead: str = ""):
    """A section's text as a function of its number, or None when it holds nothing."""
    if not paragraphs.paragraphs(value):
        return None
    return lambda number: section_paragraphs(number, value, lead=lead)


def section_paragraphs(
    number: int, value: str, *, lead: str = "", first: int = 1
) -> list[Flowable]:
    story: list[Flowable] = []
    count = first - 1
    for index, (_, paragraph) in enumerate(paragraphs.numbered(number, value)):
        if paragraph.text:
            count += 1
            words = text(paragraph.text)
            if lead and index == 0:
                words = f"<b>{text(lead)}:</b> {words}"
            pieces = styles.paragraphs(paragraph.text, numbered_paragraph)
            pieces[0] = Paragraph(words, numbered_paragraph, bulletText=f"{number}.{count}")
            story += pieces
        story += [Paragraph(text(b), bullet, bulletText="•") for b in paragraph.bullets]
    return story


def _implications(facts: ReportFacts, public: bool):
    """The nine implications with the relevant ones marked, then what each relevant one is.
    Left out when none is marked and none has words."""
    values = facts.report.values
    relevant = [
        (key, label) for key, label in sections.IMPLICATIONS if values[sections.relevant_flag(key)]
    ]
    if not relevant and not any(values[key].strip() for key, _ in sections.IMPLICATIONS):
        return None

    def laid_out(number: int) -> list[Flowable]:
        rows = [
            [
                Paragraph(text(f"{n}."), styles.cell),
                Paragraph(text(label), styles.cell),
                Paragraph(MARK if values[sections.relevant_flag(key)] else "", styles.cell_bold),
            ]
            for n, (key, label) in enumerate(sections.IMPLICATIONS, start=1)
        ]
        table = Table(
            [
                [
                    Paragraph("", styles.cell),
                    Paragraph("<b>Implication</b>", styles.cell),
                    Paragraph("<b>Relevant</b>", styles.cell),
                ],
                *rows,
            ],
            colWidths=[8 * mm, styles.TEXT_WIDTH - NUMBER - 30 * mm, 22 * mm],
            hAlign="RIGHT",
        )
        table.setStyle(
            styles.table_style(
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, styles.RULE),
                ("ALIGN", (2, 0), (2, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            )
        )
        story: list[Flowable] = [table, Spacer(1, 6)]
        done = 0  # the implications' paragraphs are numbered on from one to the next
        for key, label in relevant:
            story += section_paragraphs(number, values[key], lead=label, first=done + 1)
            done += sum(1 for p in paragraphs.paragraphs(values[key]) if p.text)
        return story

    return laid_out


def _appendices(facts: ReportFacts, public: bool):
    if not facts.appendices:
        return None

    def laid_out(number: int) -> list[Flowable]:
        lines = [
            f"Appendix {a.letter}: "
            + ("exempt information, not for publication" if public and a.confidential else a.title)
            for a in facts.appendices
        ]
        return section_paragraphs(number, "\n".join(lines))

    return laid_out


# Sections made from more than their own text.
_SECTIONS = {
    sections.IMPLICATIONS_SECTION: _implications,
    sections.APPENDICES_SECTION: _appendices,
}


def _paragraph_of(item: AgendaItem) -> str:
    """The Schedule 12A paragraph the item (or the Part II item it sits under) cites."""
    seen = set()
    while item is not None and item.id not in seen:
        if item.exempt_paragraph:
            return item.exempt_paragraph
        seen.add(item.id)
        parent = item.__data__.get("parent")
        item = AgendaItem.get_or_none(AgendaItem.id == parent) if parent else None
    return ""
