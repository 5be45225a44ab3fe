"""A quarterly update in the shape of seeds 000 and 002: the board it goes to, the title
("Quarter 2 update: Regeneration"), its date and who prepared it, the overall RAG status,
then its sections numbered 1.0, 2.0 …: Overview; the quarter's delivery group update, its
paragraphs numbered 2.1, 2.2 with their bullets; Priorities and focus; Summary of activity,
a bullet a line. A section with nothing written is left out, the rest numbered in order.

A board's combined update (seed 002) lists the groups that report to it with each one's
status, every group's priorities and focus, then each group's overview.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from desktop_app.dates import long_date
from desktop_app.documents import styles
from desktop_app.documents.fonts import BOLD
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.report_pdf import (
    HEAD_ROOM,
    authority,
    bullet,
    numbered_paragraph,
    report_title,
    section,
    section_paragraphs,
)
from desktop_app.documents.styles import text
from desktop_app.services.plans.quarters import quarter_number
from desktop_app.services.reports.paragraphs import paragraphs
from desktop_app.services.updates.combined import CombinedUpdate, combined_update
from desktop_app.services.updates.record import default_title
from desktop_app.services.updates.writing import UpdateView, get_update

RAG_WORDS = {"red": "RED", "amber": "AMBER", "green": "GREEN", "": "Not yet rated"}
group_name = ParagraphStyle("update_group", parent=styles.subheading, leftIndent=13 * mm)
labelled = ParagraphStyle("update_labelled", parent=numbered_paragraph, spaceAfter=3)


def render_update(update_id: str, *, numbered: bool = True) -> bytes:
    """The group's update as PDF bytes; `numbered=False` for the agenda pack, which stamps
    its own page numbers."""
    view = get_update(update_id)
    values = view.values
    story = _front(view.board_name, view.title, view, view.rag) + _numbered_sections(
        _sections(view)
    )
    return build_pdf(
        story,
        metadata=Metadata(
            title=view.title,
            subject=f"Quarterly update to {view.board_name}, {view.label}",
            author=view.prepared_by or "Minute Book",
            keywords=", ".join(["quarterly update", view.body_name, view.quarter.isoformat()]),
        ),
        furniture=Furniture(
            header_left=view.body_name,
            header_right=f"{view.label} · {RAG_WORDS[values['rag']]}",
            numbered=numbered,
        ),
    )


def render_combined(
    *,
    board_id: str,
    quarter,
    date: dt.date | None = None,
    overview: str = "",
    prepared_by: str = "",
) -> bytes:
    """The board's quarter, every group's update in one (seed 002), dated `date` if given."""
    combined = combined_update(board_id=board_id, quarter=quarter)
    title = default_title(combined.board_name, combined.quarter)
    story = _front(combined.board_name, title, None, "", prepared_by=prepared_by, date=date)
    story += _numbered_sections(_combined_sections(combined, overview))
    return build_pdf(
        story,
        metadata=Metadata(
            title=title,
            subject=f"The quarterly updates of the groups reporting to {combined.board_name}",
            author=prepared_by or "Minute Book",
            keywords=", ".join(["quarterly update", combined.board_name, combined.label]),
        ),
        furniture=Furniture(header_left=combined.board_name, header_right=combined.label),
    )


# -- the parts --------------------------------------------------------------------------------


def _front(
    board: str,
    title: str,
    view: UpdateView | None,
    rag: str,
    *,
    prepared_by: str = "",
    date: dt.date | None = None,
) -> list[Flowable]:
    """As seed 000 opens: the board, the title, Date and Report Prepared by, the status."""
    story: list[Flowable] = []
    if board:
        story.append(Paragraph(text(board.upper()), authority))
    story.append(Paragraph(text(title), report_title))
    when = view.date if view else date
    if when:
        story.append(Paragraph(f"<b>Date:</b> {text(long_date(when))}", styles.body))
    who = view.prepared_by if view else prepared_by
    if who:
        story.append(Paragraph(f"<b>Report Prepared by:</b> {text(who)}", styles.body))
    if view is not None:
        story.append(Spacer(1, 4))
        story.append(_status(rag))
    story.append(Spacer(1, 6))
    return story


def _status(rag: str) -> Table:
    """The overall status, in its colour, as the seeds' titles carry it ("… 2011 RED")."""
    cell = Paragraph(f"<b>Overall status: {RAG_WORDS[rag]}</b>", styles.cell)
    table = Table([[cell]], colWidths=[62 * mm], hAlign="LEFT")
    commands = [("BOX", (0, 0), (-1, -1), 0.5, styles.RULE)]
    if rag:
        commands += [
            ("BACKGROUND", (0, 0), (-1, -1), styles.RAG_TINT[rag]),
            ("LINEBEFORE", (0, 0), (0, 0), 5, styles.RAG[rag]),
        ]
    table.setStyle(styles.table_style(*commands))
    return table


def _numbered_sections(sections) -> list[Flowable]:
    """The sections that say something, numbered 1.0, 2.0 … in order."""
    story: list[Flowable] = []
    number = 0
    for heading, content in sections:
        if content:
            number += 1
            story += [
                CondPageBreak(HEAD_ROOM),
                Paragraph(text(heading), section, bulletText=f"{number}.0"),
                *content(number),
            ]
    return story


def _numbered(value: str):
    if not paragraphs(value):
        return None
    return lambda number: section_paragraphs(number, value)


def _bullets(value: str):
    """A point a line, whether or not the officer typed its bullet mark."""
    lines = [p for p in paragraphs(value) for p in ([p.text] if p.text else []) + list(p.bullets)]
    if not lines:
        return None
    return lambda number: [Paragraph(text(line), bullet, bulletText="•") for line in lines]


def _sections(view: UpdateView):
    values = view.values
    quarter = quarter_number(view.quarter)
    yield "Overview", _numbered(values["overview"])
    yield f"Quarter {quarter} delivery group update", _numbered(values["delivery"])
    yield "Priorities and focus", _priorities(values["priorities"], values["focus"])
    yield "Summary of activity", _bullets(values["activity"])


def _priorities(priorities: str, focus: str, name: str = ""):
    if not (priorities.strip() or focus.strip()):
        return None

    def laid_out(_number: int) -> list[Flowable]:
        return _priority_lines(priorities, focus, name)

    return laid_out


def _priority_lines(priorities: str, focus: str, name: str = "") -> list[Flowable]:
    story: list[Flowable] = []
    if name:
        story.append(Paragraph(text(name), group_name))
    if priorities.strip():
        word = "Priorities" if ("," in priorities or " and " in priorities) else "Priority"
        story.append(Paragraph(f"<b>{word}:</b> {text(' '.join(priorities.split()))}", labelled))
    if focus.strip():
        story.append(Paragraph(f"<b>Focus:</b> {text(' '.join(focus.split()))}", labelled))
    return story


def _combined_sections(combined: CombinedUpdate, overview: str):
    yield "Overview", _numbered(overview)
    yield "Delivery Groups", _groups(combined)
    yield "Delivery Group Priorities", _all_priorities(combined)
    yield "Updates from the groups", _overviews(combined)


def _groups(combined: CombinedUpdate):
    def laid_out(_number: int) -> list[Flowable]:
        count = len(combined.groups)
        story: list[Flowable] = [
            Paragraph(
                text(f"The {count} groups that report to {combined.board_name} are:"),
                numbered_paragraph,
            )
        ]
        for group in combined.groups:
            status = RAG_WORDS[group.update.rag] if group.update else "no update this quarter"
            story.append(Paragraph(f"{text(group.name)} — {text(status)}", bullet, bulletText="•"))
        return story

    return laid_out


def _all_priorities(combined: CombinedUpdate):
    written = [u for u in combined.updates if u.values["priorities"] or u.values["focus"]]
    if not written:
        return None

    def laid_out(_number: int) -> list[Flowable]:
        story: list[Flowable] = [
            Paragraph("The priorities each group has adopted:", numbered_paragraph)
        ]
        for update in written:
            values = update.values
            story += _priority_lines(values["priorities"], values["focus"], update.body_name)
        return story

    return laid_out


def _overviews(combined: CombinedUpdate):
    def laid_out(number: int) -> list[Flowable]:
        story: list[Flowable] = []
        for count, update in enumerate(combined.updates, 1):
            heading = f"{update.title} ({RAG_WORDS[update.rag]})"
            story.append(
                Paragraph(
                    f"<font name='{BOLD}'>{text(heading)}</font>",
                    numbered_paragraph,
                    bulletText=f"{number}.{count}",
                )
            )
            if update.prepared_by:
                story.append(Paragraph(text(f"Prepared by {update.prepared_by}"), labelled))
            for paragraph in paragraphs(update.values["overview"]):
                story.append(Paragraph(text(paragraph.text), labelled))
        return story

    return laid_out
