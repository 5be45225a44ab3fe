"""The pages the agenda pack adds in front of the papers: the index (each item and paper with
the page where it starts) and, in a reissue, what changed since the issue before. Which items
and papers a pack holds is decided in pack_entries.py, so the index and the assembly agree."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence

from pypdf import PdfReader
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop_app.dates import day_and_date, long_date
from desktop_app.documents import styles
from desktop_app.documents.facts import MeetingFacts
from desktop_app.documents.fonts import REGULAR
from desktop_app.documents.pack_entries import Entry
from desktop_app.documents.page_labels import Part
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.styles import text

PAGE_WIDTH = 20 * mm  # the index's page-number column
PAPER_INDENT = 6 * mm
LEADER = "leader"  # the name of the paragraph callback that draws the dots to the page number

entry_style = ParagraphStyle("pack_entry", parent=styles.cell, spaceBefore=0)
paper_style = ParagraphStyle("pack_paper", parent=styles.cell, leftIndent=PAPER_INDENT)
page_style = ParagraphStyle("pack_page", parent=styles.cell, alignment=TA_RIGHT)
change_style = ParagraphStyle("pack_change", parent=styles.bullet, spaceAfter=5)


def agenda_fingerprint(facts: MeetingFacts, entries: Sequence[Entry]) -> str:
    """What makes a reissue say the agenda was revised: its time, venue and items as printed.
    Papers are left out (the changes page names each), and so is all of an exempt item the
    public edition does not print."""
    shown: list = [facts.date.isoformat(), facts.start_time, facts.venue, facts.status]
    for entry in entries:
        item = entry.item
        shown.append([item.number, entry.title, entry.depth, item.exempt_paragraph])
        if not entry.exempt:
            shown.append([item.presenter, item.purpose, item.confidential])
    return hashlib.sha256(json.dumps(shown).encode()).hexdigest()


def agenda_item_pages(agenda: PdfReader, entries: Sequence[Entry]) -> dict[str, int]:
    """The agenda page (0-based) where each item is printed, found by its number at the start
    of a line; items come in order, so each search starts where the last was found."""
    texts = [page.extract_text() or "" for page in agenda.pages]
    start = next((n for n, t in enumerate(texts) if re.search(r"(?m)^\s*AGENDA\s*$", t)), 0)
    found: dict[str, int] = {}
    page = start
    for entry in entries:
        pattern = re.compile(rf"(?m)^\s*{re.escape(entry.item.number)}(\s|$)")
        hit = next((n for n in range(page, len(texts)) if pattern.search(texts[n])), None)
        if hit is not None:
            page = hit
        found[entry.item.id] = page
    return found


def index_pdf(
    facts: MeetingFacts,
    entries: Sequence[Entry],
    parts: Sequence[Part],
    agenda_pages: dict[str, int],
    *,
    public: bool,
    issue: int | None,
    since: int | None,
) -> bytes:
    """The index: the agenda, any changes page, then each item with the page where its
    first paper starts (or where the agenda prints it) and each paper with its first page."""
    labels = {part.key: part.labels for part in parts}
    story: list[Flowable] = [_Leaders(), *_heading(facts, "Index", public=public, issue=issue)]
    front = [("Agenda", labels["agenda"][0], entry_style)]
    if since is not None:
        front.append((f"Changes since issue {since}", labels["changes"][0], entry_style))
    columns = styles.NumberColumns.fitting((e.item.number, e.depth) for e in entries)
    story.append(_entry("", front, columns))
    section = ""
    for entry in entries:
        if entry.depth == 0 and _section(entry) != section:
            section = _section(entry)
            story.append(Paragraph(section, styles.heading))
        papers = [labels[p.id][0] for p in entry.papers]
        page = papers[0] if papers else labels["agenda"][agenda_pages[entry.item.id]]
        lines = [(f"<b>{text(entry.title)}</b>", page, entry_style)]
        for paper, first in zip(entry.papers, papers, strict=True):
            title = paper.title + (f" — {paper.author}" if paper.author else "")
            if paper.confidential:
                title += " (not for publication)"
            lines.append((text(title), first, paper_style))
        story.append(_entry(entry.item.number, lines, columns, entry.depth))
    return build_pdf(story, metadata=_metadata(facts, "Index"), furniture=_furniture(facts, public))


def _section(entry: Entry) -> str:
    return "Part II — exempt information" if entry.item.confidential else "Part I — public"


def changes_pdf(
    facts: MeetingFacts, changes: Sequence[str], *, since: int, issue: int | None, public: bool
) -> bytes:
    """The reissue's first word: what was added, replaced and withdrawn since issue `since`."""
    story = _heading(facts, f"Changes since issue {since}", public=public, issue=issue)
    story.append(
        Paragraph(
            "Pages keep the numbers they had when first issued: pages added since carry a "
            "letter after the page they follow (23a, 23b …), and the numbers of a withdrawn "
            "paper are not used again.",
            styles.body,
        )
    )
    lines = changes or ["Nothing was added, replaced or withdrawn."]
    story += [Paragraph(text(line), change_style, bulletText="•") for line in lines]
    return build_pdf(
        story, metadata=_metadata(facts, "Changes"), furniture=_furniture(facts, public)
    )


def _heading(facts: MeetingFacts, title: str, *, public: bool, issue: int | None = None) -> list:
    lines = [f"Agenda pack: {facts.body_name}", day_and_date(facts.date)]
    if public:
        lines.append("Public edition")
    if issue:
        lines.append(f"Issue {issue}")
    return [
        Paragraph(text(title), styles.title),
        *(Paragraph(text(line), styles.subtitle) for line in lines),
        Spacer(1, 10),
    ]


def _entry(
    number: str,
    lines: list[tuple[str, str, ParagraphStyle]],
    columns: styles.NumberColumns,
    depth: int = 0,
) -> Table:
    """One entry of the index: the number in its column, placed as the agenda places it
    (sub-items stepped in), then each line with dots to its page number."""
    offset, number_width = columns.offset(depth), columns.width(depth)
    title_width = styles.TEXT_WIDTH - offset - number_width - PAGE_WIDTH
    rows = [
        [
            Spacer(0, 0),  # a string cell would switch the table to Helvetica
            Paragraph(text(number), styles.cell_bold) if n == 0 else Spacer(0, 0),
            Paragraph(f'{markup}<onDraw name="{LEADER}" label="{title_width:.1f}"/>', style),
            Paragraph(text(page), page_style),
        ]
        for n, (markup, page, style) in enumerate(lines)
    ]
    table = Table(rows, colWidths=[offset, number_width, title_width, PAGE_WIDTH])
    table.setStyle(
        styles.table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("VALIGN", (1, 0), (1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


class _Leaders(Flowable):
    """Takes no room; tells the canvas how to draw the dots from an entry's last word to
    the page-number column (reportlab calls a paragraph's <onDraw> by name)."""

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.setNamedCB(LEADER, _draw_leader)


def _draw_leader(canv, kind, label) -> None:
    info = canv._curr_tx_info  # where the paragraph's text ended, in the cell's coordinates
    x, y = info["cur_x"] + 6, info["cur_y"]
    end = float(label) - 4  # the title column's width
    dot = " ."
    width = canv.stringWidth(dot, REGULAR, styles.BODY_SIZE)
    count = int((end - x) / width)
    if count <= 0:
        return
    canv.saveState()
    canv.setFillColor(styles.RULE)
    canv.setFont(REGULAR, styles.BODY_SIZE)
    canv.drawRightString(end, y, dot * count)
    canv.restoreState()


def _metadata(facts: MeetingFacts, what: str) -> Metadata:
    return Metadata(title=f"Agenda pack {what.lower()}: {facts.body_name}, {long_date(facts.date)}")


def _furniture(facts: MeetingFacts, public: bool) -> Furniture:
    # No "Page n of m": the pack stamps its own numbers on every page.
    return Furniture(
        header_left=facts.body_name,
        header_right=f"Agenda pack, {long_date(facts.date)}",
        footer_left="Public edition" if public else "",
        numbered=False,
        header_on_first=True,
    )
