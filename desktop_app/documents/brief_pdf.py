"""The chair's brief (DESIGN.md §4): the full agenda, Part II included, with each item's time
slot on a running clock from the start time, the words the chair says at each step, and the
clerk's private note. It is for the chair alone, and every page says so."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop_app.dates import day_and_date, long_date
from desktop_app.documents import styles
from desktop_app.documents.agenda_parts import (
    Additions,
    agenda_items,
    detail_style,
    front_sheet,
    is_draft,
    paragraph_list,
)
from desktop_app.documents.facts import ItemFacts, MeetingFacts
from desktop_app.documents.fonts import BOLD, ITALIC
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.documents.pages import Furniture, Metadata, build_pdf
from desktop_app.storage.models import Meeting
from desktop_app.times import clock

NOT_FOR_CIRCULATION = "Chair's brief — not for circulation"
# What the chair says, set apart from the agenda's own text.
PROCEDURE = ParagraphStyle(
    "procedure",
    parent=styles.body,
    fontName=ITALIC,
    backColor=styles.SHADE,
    borderPadding=(3, 4, 3, 4),
    spaceBefore=5,
    spaceAfter=7,
)
NOTE = ParagraphStyle(
    "note",
    parent=styles.body,
    borderColor=styles.CONFIDENTIAL,
    borderWidth=0.6,
    borderPadding=(3, 4, 3, 4),
    spaceBefore=5,
    spaceAfter=7,
)
NOTE_LABEL = ParagraphStyle(
    "note_label", parent=styles.small, fontName=BOLD, textColor=styles.CONFIDENTIAL
)


def render_brief(meeting_id: str) -> bytes:
    """The chair's brief for the meeting as PDF bytes."""
    facts = load_meeting_facts(meeting_id)
    draft = is_draft(facts)
    slots = time_slots(facts)
    previous, following = _neighbours(facts.id)
    items = list(facts.all_items())

    def aside(item: ItemFacts) -> str:
        return slots.get(item.id, "")

    def under(item: ItemFacts, offset: float) -> list[Flowable]:
        said = [_say(line, offset) for line in _procedure(item, facts, previous, following)]
        known = [Paragraph(styles.text(line), detail_style(offset)) for line in _known(item, facts)]
        return said + known + _note(item, offset)

    story = front_sheet(
        facts,
        "Chair's brief",
        warnings=("Not for circulation: for the Chair only.",),
        notes=(_timing_line(facts, items),),
    )
    story += agenda_items(
        facts,
        public=False,
        additions=Additions(
            opening=[_say("The Chair to welcome members and open the meeting.", 0)],
            aside=aside,
            under=under,
            before_part_two=[_say(_exclusion_motion(facts), 0)]
            if facts.confidential_items()
            else [],
            closing=[
                Spacer(1, 8),
                Paragraph("Close", styles.heading),
                _say(_closing(facts), 0),
            ],
        ),
    )
    return build_pdf(
        story,
        metadata=Metadata(
            title=f"Chair's brief: {facts.body_name}, {long_date(facts.date)}",
            subject=NOT_FOR_CIRCULATION,
            author=facts.clerk.name if facts.clerk else facts.body_name,
            keywords=f"chair's brief, {facts.body_name}, {facts.date.isoformat()}",
        ),
        furniture=Furniture(
            header_left=facts.body_name,
            header_right=f"Chair's brief, {long_date(facts.date)}",
            footer_left=NOT_FOR_CIRCULATION + (" · draft agenda" if draft else ""),
            watermark="DRAFT" if draft else "",
        ),
    )


def time_slots(facts: MeetingFacts) -> dict[str, str]:
    """Item id → “14:30–14:40 (10 min)” for every item given a time. The clock runs in the
    order the items are taken (Part I, then Part II), a parent before its sub-items; an item
    with no time allowed takes none. Without a start time only the minutes are given."""
    slots: dict[str, str] = {}
    now = _minutes(facts.start_time)
    for item in _in_order(facts):
        allowed = item.minutes_allowed
        if not allowed:
            continue
        if now is None:
            slots[item.id] = f"({allowed} min)"
            continue
        slots[item.id] = f"{_hhmm(now)}–{_hhmm(now + allowed)} ({allowed} min)"
        now += allowed
    return slots


def _timing_line(facts: MeetingFacts, items: list[ItemFacts]) -> str:
    """One line on the front sheet: how long the agenda runs against the time booked."""
    total = sum(item.minutes_allowed or 0 for item in items)
    if not total:
        return "No item has a time allowed yet."
    start = _minutes(facts.start_time)
    line = f"Time allowed for the items: {_duration(total)}"
    if start is not None:
        line += f", from {facts.start_time} to {_hhmm(start + total)}"
    end = _minutes(facts.end_time)
    if start is not None and end is not None and end > start:
        line += f" (the meeting is booked until {facts.end_time})"
    return line + "."


def _procedure(
    item: ItemFacts,
    facts: MeetingFacts,
    previous: Meeting | None,
    following: Meeting | None,
) -> list[str]:
    """The chair's words for an item, by its kind and purpose."""
    lines: list[str] = []
    if item.kind == "apologies":
        lines.append("The Chair to ask the clerk to report apologies.")
    elif item.kind == "declarations":
        lines.append("The Chair to invite members to declare any interests.")
    elif item.kind == "previous minutes":
        held = long_date(previous.date) if previous else _follows_up_date(item)
        lines.append(
            f"The Chair to move that the minutes of the meeting held on {held} be approved "
            "as a correct record and signed."
        )
    elif item.kind == "matters arising":
        lines.append(
            "The Chair to ask for matters arising from the minutes and for progress on the actions."
        )
    elif item.kind == "urgent item":
        lines.append("The Chair to state why the item is urgent before it is taken.")
    elif item.kind == "any other business":
        lines.append(
            "The Chair to ask whether there is any other business that the Chair has agreed "
            "to take as urgent."
        )
    elif item.kind == "date of next meeting":
        lines.append(_next_meeting(following))
    elif item.kind == "duration":
        lines.append("The clerk to note the time the meeting ends.")
    if item.kind == "presentation" and item.presenter:
        lines.append(f"The Chair to invite {item.presenter} to present.")
    if item.purpose == "for decision":
        lines.append(
            "The Chair to invite a proposer and seconder, then put the recommendation to the vote."
        )
    elif item.purpose in ("for information", "for noting"):
        lines.append("The Chair to invite questions, then ask members to note the item.")
    return lines


def _known(item: ItemFacts, facts: MeetingFacts) -> list[str]:
    """What the clerk already knows for the chair: apologies, substitutes, interests."""
    if item.kind == "apologies":
        return _apologies(facts)
    if item.kind == "declarations":
        return [
            f"Notified: {d.name}, {d.kind} interest in item {d.item_number}"
            + (f" ({d.description})" if d.description else "")
            + "."
            for d in facts.declarations
        ]
    return []


def _apologies(facts: MeetingFacts) -> list[str]:
    sent = [line.name for line in facts.attendance if line.status == "apologies"]
    substitutes = [
        f"{line.name} ({line.description[0].lower()}{line.description[1:]})"
        if line.description
        else line.name
        for line in facts.attendance
        if line.status == "substitute"
    ]
    lines = []
    if sent:
        lines.append(f"Apologies received from {_and(sent)}.")
    if substitutes:
        lines.append(f"Substitutes: {_and(substitutes)}.")
    return lines


def _exclusion_motion(facts: MeetingFacts) -> str:
    part_two = facts.confidential_items()
    numbers = [item.number for item in part_two]
    which = f"item {numbers[0]}" if len(numbers) == 1 else f"items {_and(numbers)}"
    paragraphs = [item.exempt_paragraph for item in part_two]
    return (
        f"The Chair to move that the public be excluded for {which}, on the grounds that it "
        f"involves the likely disclosure of exempt information as defined in "
        f"{paragraph_list(paragraphs)} of Part 1 of Schedule 12A to the Local Government Act "
        "1972; when it is seconded and agreed, the Chair to ask the public to leave."
    )


def _next_meeting(following: Meeting | None) -> str:
    if following is None:
        return "The Chair to announce the date of the next meeting (none is scheduled yet)."
    when = day_and_date(following.date)
    if following.start_time:
        when += f" at {clock(following.start_time)}"
    venue = f", {following.venue}" if following.venue else ""
    return f"The Chair to announce the date of the next meeting: {when}{venue}."


def _closing(facts: MeetingFacts) -> str:
    end = f" (booked until {clock(facts.end_time)})" if facts.end_time else ""
    return f"The Chair to thank members and close the meeting{end}."


def _say(words: str, offset: float) -> Paragraph:
    return Paragraph(styles.text(words), _indented(PROCEDURE, offset))


def _note(item: ItemFacts, offset: float) -> list[Flowable]:
    if not item.brief_note.strip():
        return []
    label = Paragraph("Note for the Chair", detail_style(offset, NOTE_LABEL))
    return [label, *styles.paragraphs(item.brief_note, _indented(NOTE, offset))]


def _indented(style: ParagraphStyle, offset: float) -> ParagraphStyle:
    # The border padding sits outside the text: move right so the box lines up with it.
    pad = style.borderPadding[3] if isinstance(style.borderPadding, tuple) else 0
    return ParagraphStyle(
        f"{style.name}-{offset:.0f}", parent=style, leftIndent=offset + pad, rightIndent=pad
    )


def _in_order(facts: MeetingFacts) -> Iterator[ItemFacts]:
    def walk(items: list[ItemFacts]) -> Iterator[ItemFacts]:
        for item in items:
            yield item
            yield from walk(item.sub_items)

    yield from walk(facts.public_items())
    yield from walk(facts.confidential_items())


def _neighbours(meeting_id: str) -> tuple[Meeting | None, Meeting | None]:
    """The meeting whose minutes this one approves, and the body's next meeting to go ahead."""
    meeting = Meeting.get_by_id(meeting_id)
    previous_id = meeting.__data__.get("previous")
    previous = Meeting.live().where(Meeting.id == previous_id).first() if previous_id else None
    following = (
        Meeting.live()
        .where(
            (Meeting.body == meeting.__data__["body"])
            & (Meeting.date > meeting.date)
            & Meeting.status.not_in(("cancelled", "postponed"))
        )
        .order_by(Meeting.date)
        .first()
    )
    return previous, following


def _follows_up_date(item: ItemFacts) -> str:
    # “minute 24, 1 October 2012” → “1 October 2012”; without a link the clerk fills it in.
    return item.follows_up.split(", ")[-1] if item.follows_up else "…"


def _minutes(hhmm: str) -> int | None:
    if not hhmm:
        return None
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return hours * 60 + minutes


def _hhmm(minutes: int) -> str:
    minutes %= 24 * 60  # a meeting that runs past midnight
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} h" if hours else "", f"{rest} min" if rest else ""]
    return " ".join(part for part in parts if part)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
