"""The agenda (DESIGN.md §4): front sheet with the membership and the clerk, then the items
in Part I and Part II. The public edition keeps Part II to each item's number and exemption
and leaves out every confidential paper; an unpublished agenda prints as a draft."""

from __future__ import annotations

from desktop_app.dates import long_date
from desktop_app.documents.agenda_parts import agenda_items, front_sheet, is_draft
from desktop_app.documents.facts import MeetingFacts
from desktop_app.documents.meeting_facts import load_meeting_facts
from desktop_app.documents.pages import Furniture, Metadata, build_pdf

DRAFT_WARNING = "Draft: the item numbers are previews until the agenda is published."
PUBLIC_NOTE = (
    "Public edition: items of exempt information (Part II) are listed by number and the "
    "paragraph of Schedule 12A that exempts them; their papers are not published."
)


def render_agenda(meeting_id: str, *, public: bool = False, numbered: bool = True) -> bytes:
    """The meeting's agenda as PDF bytes; `public` gives the edition for publication, and
    `numbered=False` leaves out "Page n of m" (the agenda pack stamps its own numbers)."""
    facts = load_meeting_facts(meeting_id)
    draft = is_draft(facts)
    edition = "Public edition" if public else ""
    story = front_sheet(
        facts,
        "Draft agenda" if draft else "Agenda",
        warnings=(DRAFT_WARNING,) if draft else (),
        notes=(PUBLIC_NOTE,) if public else (),
    )
    story += agenda_items(facts, public=public)
    return build_pdf(
        story,
        metadata=agenda_metadata(facts, public=public),
        furniture=Furniture(
            header_left=facts.body_name,
            header_right=f"Agenda, {long_date(facts.date)}",
            footer_left=" · ".join(p for p in (edition, "Draft agenda" if draft else "") if p),
            watermark="DRAFT" if draft else "",
            numbered=numbered,
        ),
    )


def agenda_metadata(facts: MeetingFacts, *, public: bool) -> Metadata:
    """“Agenda: <body>, <date>”, written by the clerk (or the body when it has none)."""
    return Metadata(
        title=f"Agenda: {facts.body_name}, {long_date(facts.date)}",
        subject="Agenda, public edition" if public else "Agenda",
        author=facts.clerk.name if facts.clerk else facts.body_name,
        keywords=f"agenda, {facts.body_name}, {facts.date.isoformat()}",
    )
