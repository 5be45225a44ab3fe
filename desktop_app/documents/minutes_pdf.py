"""The minutes of a meeting as a PDF (DESIGN.md §4), in the layout of seed 004: heading, date,
times and venue; who was present, in attendance and absent; then each minute (minutes_parts.py)
and a signature block. A DRAFT watermark until the minutes are approved.

Part II (confidential) minutes are a separate document: the public minutes show only the
number and exemption of a Part II item, and `render_minutes(..., confidential=True)` holds
the heading and the Part II minutes alone, marked on every page.

Signature area: the last page keeps its bottom SIGNATURE_HEIGHT above the footer margin for
the signature block, always at the same place. SIGNATURE_FIELD is the empty box in it, in PDF
points from the page's bottom-left corner, where a visible digital signature belongs; below
it the block prints "Chair ……… Date ………" for a signature in ink.

The same record gives the same bytes (pages.build_pdf), so a version's SHA-256 means its text.
"""

from __future__ import annotations

import dataclasses

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.dates import day_and_date
from desktop_app.documents import styles
from desktop_app.documents.facts import ItemFacts, MeetingFacts, load_meeting_facts
from desktop_app.documents.fonts import ITALIC, REGULAR
from desktop_app.documents.minutes_parts import minute
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.styles import text
from desktop_app.errors import ValidationError

CONFIDENTIAL_MARK = "CONFIDENTIAL — NOT FOR PUBLICATION"
DRAFT_NOTE = "Draft minutes — subject to approval"
APPROVED = ("approved", "signed")
APPROVED_STATUSES = ("minutes approved", "minutes signed")

SIGNATURE_HEIGHT = 50 * mm
_SIGN_LINE = 6 * mm  # the "Chair …… Date ……" line, above the bottom of the text area
# (x1, y1, x2, y2) on the last page: above the Chair's line, left half of the text width.
SIGNATURE_FIELD = (
    styles.MARGIN_LEFT,
    styles.MARGIN_BOTTOM + _SIGN_LINE + 6 * mm,
    styles.MARGIN_LEFT + 85 * mm,
    styles.MARGIN_BOTTOM + _SIGN_LINE + 36 * mm,
)
LABEL_WIDTH = 30 * mm  # "In attendance:"
NAME_WIDTH = 52 * mm


def render_minutes(meeting_id: str, *, confidential: bool = False) -> bytes:
    """The meeting's minutes as PDF bytes: the public minutes, or with `confidential` the
    Part II minutes alone. Raises ValidationError if there are no Part II items to print."""
    facts = load_meeting_facts(meeting_id)
    return minutes_pdf(facts, confidential=confidential)


def minutes_pdf(facts: MeetingFacts, *, confidential: bool = False) -> bytes:
    """The minutes from facts already loaded (the benchmark and the archive reuse them)."""
    roots = list(_confidential_roots(facts.items))
    if confidential and not roots:
        raise ValidationError(f"The meeting of {facts.when} has no confidential items.")
    approved = is_approved(facts)
    story = _heading(facts, confidential)
    if confidential:
        story += _private_preamble(roots)
        declared = _declarations(facts, part_two=True)
        if declared:
            story.append(Paragraph("Declarations of interest", styles.subheading))
            story += [Paragraph(text(line), styles.body) for line in declared]
        story.append(Paragraph("MINUTES", _minutes_heading))
        for item in roots:
            story += minute(item, public=False)
    else:
        story += _attendance(facts)
        story.append(Paragraph("MINUTES", _minutes_heading))
        for item in facts.items:
            story += minute(_filled(item, facts), public=True)
        if facts.end_time and not any(item.kind == "duration" for item in facts.items):
            story.append(Paragraph(_ended(facts), styles.body))
    story.append(SignatureBlock())
    footer = [CONFIDENTIAL_MARK] if confidential else []
    if not approved:
        footer.append(DRAFT_NOTE)
    title = f"Minutes: {facts.body_name}, {facts.when}"
    return build_pdf(
        story,
        metadata=Metadata(
            title=f"{title} (confidential)" if confidential else title,
            subject=("Approved minutes" if approved else "Draft minutes")
            + (", Part II (confidential)" if confidential else ""),
            keywords=", ".join(
                ["minutes", facts.body_name, facts.date.isoformat()]
                + (["confidential"] if confidential else [])
            ),
        ),
        furniture=Furniture(
            header_left=facts.body_name,
            header_right=facts.when,
            footer_left="   ·   ".join(footer),
            watermark="" if approved else "DRAFT",
            footer_warning=confidential,
        ),
    )


def is_approved(facts: MeetingFacts) -> bool:
    """Approved minutes lose the DRAFT mark; a record imported as approved has no versions."""
    if facts.minutes_state:
        return facts.minutes_state in APPROVED
    return facts.status in APPROVED_STATUSES


def time_span(start: str, end: str) -> str:
    """“2.30 – 4.30 pm” from "14:30" and "16:30"; “10.00 am – 1.15 pm” across noon."""
    if not (start and end):
        return " ".join(_clock(start or end)) if start or end else ""
    (first, first_half), (last, last_half) = _clock(start), _clock(end)
    if first_half == last_half:
        return f"{first} – {last} {last_half}"
    return f"{first} {first_half} – {last} {last_half}"


class SignatureBlock(Flowable):
    """Fills the rest of the last page and prints its signature lines at the bottom, so the
    signature field is at SIGNATURE_FIELD whatever the length of the minutes."""

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = max(SIGNATURE_HEIGHT, avail_height - 0.01)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []  # never across pages: a page too short gets a new one

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFillColor(styles.INK)
        canv.setStrokeColor(styles.INK)
        canv.setLineWidth(0.6)
        canv.setDash(1, 2)
        canv.setFont(REGULAR, styles.BODY_SIZE)
        y = _SIGN_LINE
        canv.drawString(0, y, "Chair")
        canv.line(14 * mm, y - 1, 88 * mm, y - 1)
        date_at = 100 * mm
        canv.drawString(date_at, y, "Date")
        canv.line(date_at + 11 * mm, y - 1, self.width, y - 1)
        canv.setDash()
        canv.setStrokeColor(styles.RULE)
        canv.setLineWidth(0.5)
        canv.line(0, SIGNATURE_HEIGHT - 4 * mm, self.width, SIGNATURE_HEIGHT - 4 * mm)
        canv.restoreState()


# -- the heading --------------------------------------------------------------------------------

_mark = styles.confidential.clone("minutes_mark", alignment=1, fontSize=12, leading=16)
_when = styles.subtitle.clone("minutes_when", spaceAfter=0)
_where = styles.subtitle.clone("minutes_where", textColor=styles.MUTED, fontSize=11)
_chair = styles.body.clone("minutes_chair", alignment=1, fontName=ITALIC)
_minutes_heading = styles.heading.clone("minutes_heading", spaceBefore=14, spaceAfter=8)
_label = styles.cell_bold
_name = styles.cell
_role = styles.cell.clone("minutes_role", textColor=styles.MUTED)


def _heading(facts: MeetingFacts, confidential: bool) -> list[Flowable]:
    story: list[Flowable] = []
    if confidential:
        story.append(Paragraph(CONFIDENTIAL_MARK, _mark))
    kind = "" if facts.kind == "ordinary" else f"{facts.kind.upper()} "
    story.append(Paragraph(text(f"{facts.body_name.upper()} {kind}MEETING"), styles.title))
    when = day_and_date(facts.date)
    span = time_span(facts.start_time, facts.end_time)
    story.append(Paragraph(text(f"{when}, {span}" if span else when), _when))
    if facts.venue:
        story.append(Paragraph(text(facts.venue), _where))
    if confidential:
        story.append(Spacer(0, 4))
        story.append(Paragraph("Part II — minutes of the items taken in private", _when))
    if facts.chair:
        story.append(Spacer(0, 6))
        story.append(Paragraph(text(f"{facts.chair} in the Chair"), _chair))
    story.append(Spacer(0, 10))
    return story


def _attendance(facts: MeetingFacts) -> list[Flowable]:
    """Present (with substitutes), In attendance, Absent; apologies go under their item."""
    groups = [
        ("Present:", [a for a in facts.attendance if a.status in ("present", "substitute")]),
        ("In attendance:", [a for a in facts.attendance if a.status == "in attendance"]),
        ("Absent:", [a for a in facts.attendance if a.status == "absent"]),
    ]
    if not any(item.kind == "apologies" for item in facts.items):
        groups.insert(2, ("Apologies:", [a for a in facts.attendance if a.status == "apologies"]))
    rows = []
    commands = []
    for label, lines in groups:
        for n, line in enumerate(lines):
            name = text(line.name) + (" (Chair)" if line.name == facts.chair else "")
            rows.append(
                [
                    Paragraph(label if n == 0 else "", _label),
                    Paragraph(name, _name),
                    Paragraph(text(line.description), _role),
                ]
            )
        if lines and len(rows) > len(lines):
            commands.append(
                ("TOPPADDING", (0, len(rows) - len(lines)), (-1, len(rows) - len(lines)), 8)
            )
    story: list[Flowable] = []
    if rows:
        table = Table(
            rows,
            colWidths=[LABEL_WIDTH, NAME_WIDTH, styles.TEXT_WIDTH - LABEL_WIDTH - NAME_WIDTH],
            hAlign="LEFT",
            repeatRows=0,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    *commands,
                ]
            )
        )
        story.append(table)
    if facts.public_attendees:
        count = facts.public_attendees
        people = "member of the public was" if count == 1 else "members of the public were"
        story.append(Spacer(0, 6))
        story.append(Paragraph(f"{count} {people} present.", styles.body))
    if facts.declarations and not any(i.kind == "declarations" for i in facts.items):
        story.append(Paragraph("Declarations of interest", styles.subheading))
        story += [Paragraph(text(line), styles.body) for line in _declarations(facts)]
    return story


def _private_preamble(roots: list[ItemFacts]) -> list[Flowable]:
    numbers = ", ".join(item.number for item in roots)
    paragraphs = sorted({item.exempt_paragraph for item in roots if item.exempt_paragraph})
    reason = ""
    if paragraphs:
        word = "paragraph" if len(paragraphs) == 1 else "paragraphs"
        reason = f" under {word} {', '.join(paragraphs)} of Schedule 12A"
    return [
        Paragraph(
            text(
                f"The public were excluded for {'minute' if len(roots) == 1 else 'minutes'} "
                f"{numbers}, which involved the likely disclosure of exempt information"
                f"{reason} to the Local Government Act 1972. These minutes are published "
                "apart from the public minutes of the meeting."
            ),
            styles.body,
        )
    ]


# -- filling standard items -------------------------------------------------------------------


def _filled(item: ItemFacts, facts: MeetingFacts) -> ItemFacts:
    """A standard item the clerk left empty says what the record shows: the apologies
    received, the interests declared, or when the meeting ended."""
    if item.confidential or item.overview or item.notes or item.decision or item.key_points:
        return item
    if item.kind == "apologies":
        return dataclasses.replace(item, notes=_apologies(facts))
    if item.kind == "declarations":
        lines = _declarations(facts) or ["No declarations of interest were made."]
        return dataclasses.replace(item, notes="\n\n".join(lines))
    if item.kind == "duration" and facts.end_time:
        return dataclasses.replace(item, notes=_ended(facts))
    return item


def _ended(facts: MeetingFacts) -> str:
    return f"The meeting ended at {time_span('', facts.end_time)}."


def _apologies(facts: MeetingFacts) -> str:
    names = [a.name for a in facts.attendance if a.status == "apologies"]
    if not names:
        return "There were no apologies for absence."
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Apologies for absence were received from {listed}."


def _declarations(facts: MeetingFacts, *, part_two: bool = False) -> list[str]:
    """One sentence per declaration. The public minutes name neither the Part II item nor the
    interest in it; `part_two` gives those declarations alone, in full, for the private ones."""
    secret = {i.number for i in facts.all_items() if i.confidential}
    lines = []
    for d in facts.declarations:
        private = d.item_number in secret
        if part_two and not private:
            continue
        kind = f"{d.kind} interest" if d.kind else "interest"
        kind = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
        if private and not part_two:
            line = f"{d.name} declared {kind} in minute {d.item_number} (an exempt item)"
        else:
            where = f"minute {d.item_number}, {d.item_title}" if d.item_number else "the business"
            line = f"{d.name} declared {kind} in {where}"
            line += f": {d.description}" if d.description else ""
        line += " and left the room for that item." if d.left_room else "."
        lines.append(line)
    return lines


def _confidential_roots(items: list[ItemFacts]):
    """The Part II items whose parent is public (or who have none), in agenda order."""
    for item in items:
        if item.confidential:
            yield item
        else:
            yield from _confidential_roots(item.sub_items)


def _clock(value: str) -> tuple[str, str]:
    """("2.30", "pm") from "14:30"."""
    hours, minutes = (int(part) for part in value.split(":")[:2])
    half = "am" if hours < 12 else "pm"
    return f"{(hours - 1) % 12 + 1}.{minutes:02d}", half
