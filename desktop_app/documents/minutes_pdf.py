"""The minutes of a meeting as a PDF (DESIGN.md §4), in the layout of seed 004: heading, date,
times and venue; who was present, in attendance and absent; then each minute (minutes_parts.py)
and the signature block (signature_block.py). A DRAFT watermark until the minutes are approved.

Part II (confidential) minutes are a separate document: the public minutes show only the
number and exemption of a Part II item, and `render_minutes(..., confidential=True)` holds
the heading and the Part II minutes alone, marked on every page.

The same record gives the same bytes (pages.build_pdf), so a version's SHA-256 means its text.
"""

from __future__ import annotations

import dataclasses

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.dates import day_and_date
from desktop_app.documents import styles
from desktop_app.documents.agenda_parts import ROLE_NAMES
from desktop_app.documents.facts import (
    ItemFacts,
    MeetingFacts,
    numbers_by_depth,
)
from desktop_app.documents.fonts import ITALIC, REGULAR
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.documents.minutes_parts import minute
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.documents.signature_block import signed_off
from desktop_app.documents.styles import text
from desktop_app.errors import ValidationError
from desktop_app.times import time_span

CONFIDENTIAL_MARK = "CONFIDENTIAL — NOT FOR PUBLICATION"
DRAFT_NOTE = "Draft minutes — subject to approval"
APPROVED = ("approved", "signed")
APPROVED_STATUSES = ("minutes approved", "minutes signed")

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
        columns = styles.NumberColumns.fitting(numbers_by_depth(roots))
        for item in roots:
            story += minute(item, public=False, columns=columns)
    else:
        story += _attendance(facts)
        story.append(Paragraph("MINUTES", _minutes_heading))
        columns = styles.NumberColumns.fitting(numbers_by_depth(facts.items))
        for item in facts.items:
            story += minute(_filled(item, facts), public=True, columns=columns)
        kinds = {item.kind for item in facts.items}
        if facts.next_meeting_date and "date of next meeting" not in kinds:
            story.append(Paragraph(text(_next_meeting(facts)), styles.body))
        if facts.end_time and "duration" not in kinds:
            story.append(Paragraph(_ended(facts), styles.body))
    story = signed_off(story)
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
    """Present (with substitutes), In attendance, Apologies, Absent; each name with the
    office they held at this meeting, and when they came or went if no minute says so."""
    groups = [
        ("Present:", [a for a in facts.attendance if a.status in ("present", "substitute")]),
        ("In attendance:", [a for a in facts.attendance if a.status == "in attendance"]),
    ]
    offices = {facts.chair: "chair"} if facts.chair else {}
    offices |= facts.offices
    rows = []
    commands = []
    for label, lines in groups:
        for n, line in enumerate(lines):
            name = text(line.name)
            if line.name in offices:
                name += f" ({office_words(offices[line.name])})"
            description = "; ".join(part for part in (line.description, line.times) if part)
            rows.append(
                [
                    Paragraph(label if n == 0 else "", _label),
                    Paragraph(name, _name),
                    Paragraph(text(description), _role),
                ]
            )
        if lines and len(rows) > len(lines):
            first = len(rows) - len(lines)
            commands.append(("TOPPADDING", (0, first), (-1, first), 8))
    # Those who were not there, by name only, one line after another as clerks list them.
    for label, status in (("Apologies:", "apologies"), ("Absent:", "absent")):
        names = [text(a.name) for a in facts.attendance if a.status == status]
        if names:
            listed = Paragraph(", ".join(names), _name)
            rows.append([Paragraph(label, _label), listed, Spacer(0, 0)])
            commands.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
            if len(rows) > 1:
                commands.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 8))
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


def office_words(role: str) -> str:
    """“Chair”, “Vice-Chair”, “Observer”: an office as the attendance list names it."""
    return ROLE_NAMES.get(role) or role.capitalize()


def _filled(item: ItemFacts, facts: MeetingFacts) -> ItemFacts:
    """What the record says for a standard item: the apologies received and the date of the
    next meeting always, whatever else the clerk wrote; the interests declared, or when the
    meeting ended, in an item the clerk left empty."""
    if item.confidential:
        return item
    said = item.overview or item.notes or item.decision or item.key_points
    if item.kind == "apologies":
        received = _apologies(facts)
        if received or not said:
            return dataclasses.replace(
                item, recorded=[received or "There were no apologies for absence."]
            )
        return item
    if item.kind == "date of next meeting" and facts.next_meeting_date:
        return dataclasses.replace(item, recorded=[_next_meeting(facts)])
    if said:
        return item
    if item.kind == "declarations":
        lines = _declarations(facts) or ["No declarations of interest were made."]
        return dataclasses.replace(item, notes="\n\n".join(lines))
    if item.kind == "duration" and facts.end_time:
        return dataclasses.replace(item, notes=_ended(facts))
    return item


def _ended(facts: MeetingFacts) -> str:
    return f"The meeting closed at {time_span('', facts.end_time)}."


def _next_meeting(facts: MeetingFacts) -> str:
    return f"The next meeting will be held on {day_and_date(facts.next_meeting_date)}."


def _apologies(facts: MeetingFacts) -> str:
    """“Apologies for absence were received from …”, or "" when none were recorded."""
    names = [a.name for a in facts.attendance if a.status == "apologies"]
    if not names:
        return ""
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
