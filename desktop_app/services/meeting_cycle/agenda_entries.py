"""The agenda as the builder shows it: one entry per item, in agenda order, with its
number or the number publishing would give, its presenter's name and its papers."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services import validation
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle import numbering
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage.models import Document, Meeting, Organisation, Person


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the agenda as the builder shows it; `position` counts among siblings."""

    id: str
    parent_id: str | None
    depth: int
    position: int
    number: str
    preview_number: str  # what publishing would give; "" once numbered
    title: str
    kind: str
    purpose: str
    presenter: str
    presenter_person_id: str | None
    presenter_organisation_id: str | None
    confidential: bool
    exempt_paragraph: str
    linked_meeting_id: str | None
    linked_item_id: str | None
    cited_minute: str  # an earlier minute not in the record, as typed
    started_at: str
    brief_note: str  # the clerk's note for the chair's brief
    minutes_allowed: int | None  # the item's time on the chair's brief
    document_count: int
    part: str  # "I" or "II"


# -- items ------------------------------------------------------------------------------------


def list_agenda(meeting_id: str) -> list[AgendaEntry]:
    """The agenda in order (Part I, then Part II), sub-items under their items."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    tree = AgendaTree(meeting.id)
    preview = numbering.plan(meeting, tree).numbers if tree.items else {}
    documents = _document_counts(list(tree.items))
    presenters = _presenters(tree.items.values())
    entries = []
    for item, depth in tree.walk():
        data = item.__data__
        person, organisation = data.get("presenter_person"), data.get("presenter_organisation")
        entries.append(
            AgendaEntry(
                id=item.id,
                parent_id=tree.parent_id(item),
                depth=depth,
                position=tree.siblings(item).index(item),
                number=item.number,
                preview_number="" if item.number else preview.get(item.id, ""),
                title=item.title,
                kind=item.kind,
                purpose=item.purpose,
                presenter=presenters.get(person or organisation, ""),
                presenter_person_id=person,
                presenter_organisation_id=organisation,
                confidential=bool(item.confidential),
                exempt_paragraph=item.exempt_paragraph,
                linked_meeting_id=data.get("linked_meeting"),
                linked_item_id=data.get("linked_item"),
                cited_minute=item.cited_minute,
                started_at=item.started_at,
                brief_note=item.brief_note,
                minutes_allowed=item.minutes_allowed,
                document_count=documents.get(item.id, 0),
                part=tree.part(item),
            )
        )
    return entries


# -- helpers ----------------------------------------------------------------------------------


def _document_counts(item_ids: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for document in Document.live().select(Document.item).where(Document.item.in_(item_ids)):
        item_id = document.__data__["item"]
        counts[item_id] = counts.get(item_id, 0) + 1
    return counts


def _presenters(items) -> dict[str, str]:
    person_ids = {i.__data__.get("presenter_person") for i in items} - {None}
    organisation_ids = {i.__data__.get("presenter_organisation") for i in items} - {None}
    names = {p.id: display_name(p) for p in Person.select().where(Person.id.in_(person_ids))}
    for organisation in Organisation.select().where(Organisation.id.in_(organisation_ids)):
        names[organisation.id] = organisation.name
    return names
