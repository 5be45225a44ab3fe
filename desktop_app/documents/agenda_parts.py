"""What the agenda and the chair's brief share: the front sheet, the item layout, the wording
of Part II (Schedule 12A to the Local Government Act 1972) and times as clerks write them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop_app import vocabulary
from desktop_app.dates import day_and_date, long_date
from desktop_app.documents import styles
from desktop_app.documents.facts import ItemFacts, MeetingFacts, PaperFacts, numbers_by_depth
from desktop_app.documents.fonts import ITALIC
from desktop_app.documents.styles import text
from desktop_app.times import clock

# Part 1 of Schedule 12A: the descriptions of exempt information, in the Act's words.
EXEMPT_INFORMATION = {
    "1": "information relating to any individual",
    "2": "information which is likely to reveal the identity of an individual",
    "3": "information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    "4": "information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter arising "
    "between the authority or a Minister of the Crown and employees of, or office-holders "
    "under, the authority",
    "5": "information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    "6": "information which reveals that the authority proposes to give under any enactment a "
    "notice under or by virtue of which requirements are imposed on a person, or to make an "
    "order or direction under any enactment",
    "7": "information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime",
}
WARNING = ParagraphStyle("warning", parent=styles.confidential, alignment=TA_CENTER)
NOTE = ParagraphStyle("front_note", parent=styles.muted, fontSize=9.5, alignment=TA_CENTER)
MOTION = ParagraphStyle("motion", parent=styles.body, fontName=ITALIC, leftIndent=12)
ROLE_NAMES = {"chair": "Chair", "vice-chair": "Vice-Chair", "member": ""}

# The agenda follows the front sheet on its page when this much of the page is left: a
# short membership does not leave most of a page empty before the agenda starts.
AGENDA_ROOM = 90 * mm
ASIDE_WIDTH = 38 * mm  # beside an item's title in the chair's brief: its time slot
ASIDE = ParagraphStyle("aside", parent=styles.cell_bold, fontSize=9.5, alignment=TA_RIGHT)


@dataclass(frozen=True)
class Additions:
    """What the chair's brief adds to the agenda's layout."""

    opening: list[Flowable] = field(default_factory=list)  # after the “AGENDA” heading
    aside: Callable[[ItemFacts], str] | None = None  # beside each item's title
    under: Callable[[ItemFacts, float], list[Flowable]] | None = None  # given the text's indent
    before_part_two: list[Flowable] = field(default_factory=list)
    closing: list[Flowable] = field(default_factory=list)


def is_draft(facts: MeetingFacts) -> bool:
    """The numbers are previews until the agenda is published: such a print is a draft."""
    return facts.status == "scheduled" or any(not item.numbered for item in facts.items)


def exemption(paragraph: str) -> str:
    """The reason a Part II item is exempt, with the paragraph's meaning."""
    meaning = EXEMPT_INFORMATION.get(paragraph)
    if not meaning:
        return "Exempt information under Schedule 12A to the Local Government Act 1972."
    return (
        f"Exempt information under paragraph {paragraph} of Part 1 of Schedule 12A to the "
        f"Local Government Act 1972: {meaning}."
    )


def paragraph_list(paragraphs: list[str]) -> str:
    """“paragraph 3”, “paragraphs 1 and 3”, “paragraphs 1, 2 and 3”."""
    unique = sorted({p for p in paragraphs if p}, key=lambda p: (len(p), p))
    if not unique:
        return "paragraph (not yet given)"
    if len(unique) == 1:
        return f"paragraph {unique[0]}"
    return f"paragraphs {', '.join(unique[:-1])} and {unique[-1]}"


def exclusion_resolution(paragraphs: list[str]) -> str:
    """The motion that takes the meeting into private session before Part II."""
    return (
        "That under Section 100A(4) of the Local Government Act 1972 the public be excluded "
        "from the meeting for the following item(s) of business on the grounds that it "
        "involves the likely disclosure of exempt information as defined in "
        f"{paragraph_list(paragraphs)} of Part 1 of Schedule 12A of the Act."
    )


def exempt_paragraphs(items: list[ItemFacts]) -> list[str]:
    return [p for item in items for p in _subtree_paragraphs(item)]


def _subtree_paragraphs(item: ItemFacts) -> list[str]:
    return [item.exempt_paragraph, *(p for sub in item.sub_items for p in _subtree_paragraphs(sub))]


def front_sheet(
    facts: MeetingFacts,
    document: str,
    *,
    warnings: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
) -> list[Flowable]:
    """Body, meeting, date, time and venue; any cancellation, then the document's warnings
    (draft, not for circulation) and notes; the membership; the clerk."""
    story: list[Flowable] = [Paragraph(text(facts.body_name), styles.title)]
    kind = f"{facts.kind.capitalize()} meeting" if facts.kind not in ("", "ordinary") else ""
    for line in (kind, document):
        if line:
            story.append(Paragraph(text(line), styles.subtitle))
    when = day_and_date(facts.date)
    if facts.start_time:
        when += f" at {clock(facts.start_time)}"
    story.append(Spacer(1, 4))
    story.append(Paragraph(text(when), styles.subtitle))
    if facts.venue:
        story.append(Paragraph(text(facts.venue), styles.subtitle))
    if facts.status in ("cancelled", "postponed"):
        reason = f": {facts.status_reason}" if facts.status_reason else "."
        warnings = (f"This meeting has been {facts.status}{reason}", *warnings)
    if warnings or notes:
        story.append(Spacer(1, 6))
    story += [Paragraph(text(line), WARNING) for line in warnings]
    story += [Paragraph(text(line), NOTE) for line in notes]
    story.append(Spacer(1, 10))
    if facts.members:
        story.append(Paragraph("Membership", styles.heading))
        story.append(_membership(facts))
    if facts.clerk:
        story.append(Paragraph("Contact", styles.heading))
        clerk = facts.clerk
        lines = [f"<b>{text(clerk.name)}</b>"]
        lines += [text(part) for part in (clerk.position, clerk.email, clerk.phone) if part]
        story.append(Paragraph("<br/>".join(lines), styles.body))
    story += [CondPageBreak(AGENDA_ROOM), Spacer(1, 14)]
    return story


def _membership(facts: MeetingFacts) -> Table:
    order = {role: index for index, role in enumerate(vocabulary.ROLES)}
    members = sorted(facts.members, key=lambda m: order.get(m.role, len(order)))
    rows = [
        [
            Paragraph(text(m.name), styles.cell),
            Paragraph(text(ROLE_NAMES.get(m.role, m.role.capitalize())), styles.cell),
            Paragraph(text(m.organisation), styles.cell),
        ]
        for m in members
    ]
    width = styles.TEXT_WIDTH
    table = Table(rows, colWidths=[0.36 * width, 0.18 * width, 0.46 * width], repeatRows=0)
    table.setStyle(
        styles.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, styles.SHADE),
        )
    )
    return table


def agenda_items(
    facts: MeetingFacts, *, public: bool, additions: Additions | None = None
) -> list[Flowable]:
    """“AGENDA”, Part I, and Part II after the exclusion resolution. In the public edition a
    Part II item shows only its number and exemption; confidential papers are left out."""
    extra = additions or Additions()
    story: list[Flowable] = [Paragraph("AGENDA", styles.title), Spacer(1, 4), *extra.opening]
    part_one, part_two = facts.public_items(), facts.confidential_items()
    columns = styles.NumberColumns.fitting(numbers_by_depth(facts.items))
    layout = _Layout(public, extra, columns)
    story.append(Paragraph("Part I — public", styles.heading))
    for item in part_one:
        story += _item(item, 0, layout)
    if part_two:
        story.append(Spacer(1, 8))
        story.append(Paragraph("Part II — exempt information", styles.heading))
        story.append(Paragraph(text(exclusion_resolution(exempt_paragraphs(part_two))), MOTION))
        story += extra.before_part_two
        for item in part_two:
            story += _item(item, 0, layout)
    return story + extra.closing


@dataclass(frozen=True)
class _Layout:
    public: bool
    extra: Additions
    columns: styles.NumberColumns


def _item(item: ItemFacts, depth: int, layout: _Layout) -> list:
    columns, extra = layout.columns, layout.extra
    offset = columns.offset(depth) + columns.width(depth)
    if item.confidential and layout.public:
        heading = _heading(item.number, "Exempt item — not for publication", depth, columns)
        reason = Paragraph(text(exemption(item.exempt_paragraph)), detail_style(offset))
        return [KeepTogether([heading, reason])]
    aside = extra.aside(item) if extra.aside else ""
    heading = _heading(item.number, item.title, depth, columns, aside)
    details = _details(item, offset, public=layout.public)
    under = extra.under(item, offset) if extra.under else []
    # The title keeps its first lines with it: never alone at the foot of a page.
    lines = [*details, *under]
    story: list = [KeepTogether([heading, *lines[:2]]), *lines[2:]]
    for sub in item.sub_items:
        story += _item(sub, depth + 1, layout)
    return story


def _heading(
    number: str, title: str, depth: int, columns: styles.NumberColumns, aside: str = ""
) -> Table:
    number_width, offset = columns.width(depth), columns.offset(depth)
    aside_width = ASIDE_WIDTH if aside else 0
    widths = [number_width, styles.TEXT_WIDTH - offset - number_width - aside_width]
    cells = [Paragraph(text(number), styles.item_title), Paragraph(text(title), styles.item_title)]
    if aside:
        widths.append(aside_width)
        cells.append(Paragraph(text(aside), ASIDE))
    if depth:
        widths.insert(0, offset)
        cells.insert(0, Spacer(0, 0))  # a string cell would switch to Helvetica
    table = Table([cells], colWidths=widths)
    table.setStyle(
        styles.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 5 if depth == 0 else 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def detail_style(offset: float, style: ParagraphStyle = styles.muted) -> ParagraphStyle:
    """The smaller lines under an item's title, lined up with the title at `offset`."""
    return ParagraphStyle(f"detail-{offset:.0f}", parent=style, leftIndent=offset, fontSize=9.5)


def _details(item: ItemFacts, offset: float, *, public: bool) -> list[Flowable]:
    """Presenter, purpose, the minute it follows up, the papers, and why it is exempt."""
    story: list[Flowable] = []
    said = [f"Presented by {item.presenter}" if item.presenter else "", item.purpose.capitalize()]
    if any(said):
        # Through paragraphs(): a purpose is a short word, but a damaged one must not hang.
        story += styles.paragraphs(". ".join(p for p in said if p) + ".", detail_style(offset))
    if item.follows_up:
        story.append(Paragraph(f"Following up {text(item.follows_up)}.", detail_style(offset)))
    for paper in item.papers:
        if paper.confidential and public:
            continue
        story.append(Paragraph(_paper_line(paper), detail_style(offset, styles.small)))
    if item.confidential:
        story.append(Paragraph(text(exemption(item.exempt_paragraph)), detail_style(offset)))
    return story


def _paper_line(paper: PaperFacts) -> str:
    byline = ", ".join(
        part for part in (paper.author, long_date(paper.date) if paper.date else "") if part
    )
    what = (
        "confidential report attached, not for publication"
        if paper.confidential
        else "report attached"
    )
    title = text(paper.title) + (f", {text(byline)}" if byline else "")
    return f"{title} <i>({what})</i>"
