"""What an agenda item's fields may hold: the fields an edit may change, those the chair's
brief alone may still change once the minutes are approved, and the checks of an item's
values (presenter, purpose, Part II paragraph, links and citation, time allowed) that
agenda.py makes when an item is added or edited. Import reads the time allowed against the
same limit."""

from __future__ import annotations

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.rules import schedule12a
from desktop_app.services import validation
from desktop_app.services.decisions.minute_links import check_one_citation
from desktop_app.services.meeting_cycle.agenda_tree import AgendaTree
from desktop_app.storage.models import AgendaItem, Meeting, Organisation, Person

EDITABLE = (
    "title",
    "kind",
    "presenter_person_id",
    "presenter_organisation_id",
    "purpose",
    "confidential",
    "exempt_paragraph",
    "linked_item_id",
    "linked_meeting_id",
    "cited_minute",
    "started_at",
    "brief_note",
    "minutes_allowed",
)
# The chair's brief, which is not part of the minutes (minutes_content.py): it may still
# change once they are approved. Every other field, and the items' order, is the record.
BRIEF_ONLY = ("brief_note", "minutes_allowed")
# The most time one item can be given: longer is a slip of the keyboard, not a plan.
LONGEST_ITEM_MINUTES = 480


def clean_item(values: dict, meeting: Meeting, tree: AgendaTree) -> dict:
    """The item's EDITABLE values as kept, or a ValidationError saying what is wrong."""
    person_id = values["presenter_person_id"] or None
    organisation_id = values["presenter_organisation_id"] or None
    if person_id and organisation_id:
        raise ValidationError("An item is presented by a person or an organisation, not both.")
    validation.optional_row(Person, person_id, "presenter")
    validation.optional_row(Organisation, organisation_id, "presenting organisation")
    purpose = values["purpose"] or ""
    if purpose not in vocabulary.PURPOSES:
        raise ValidationError(
            f"“{purpose}” is not a purpose; use for decision, for information or for noting."
        )
    paragraph = schedule12a.exempt_paragraph(values["exempt_paragraph"])
    confidential = bool(values["confidential"])
    title = validation.optional_name(values["title"], "title")
    schedule12a.check_part_two(
        item=f"“{title}”" if title else "This item",
        confidential=confidential,
        paragraph=paragraph,
        published=is_published(tree),
    )
    linked_item = values["linked_item_id"] or None
    earlier = validation.optional_row(AgendaItem, linked_item, "linked minute")
    linked_meeting = values["linked_meeting_id"] or None
    linked = validation.optional_row(Meeting, linked_meeting, "linked meeting")
    if linked_meeting == meeting.id:
        raise ValidationError("An item cannot link to its own meeting.")
    # A record names links within its own body (the exchange format can write no other).
    linked_bodies = {linked.body_id if linked else None, _body_of(earlier)} - {None}
    if linked_bodies - {meeting.body_id}:
        raise ValidationError("An item can only follow up minutes and meetings of its own body.")
    cited = validation.optional_name(values["cited_minute"], "minute cited")
    check_one_citation(linked=linked_item is not None, cited=cited)
    return dict(
        title=title,
        kind=validation.choice(values["kind"] or "report", vocabulary.ITEM_KINDS, "kind of item"),
        presenter_person_id=person_id,
        presenter_organisation_id=organisation_id,
        purpose=purpose,
        confidential=confidential,
        exempt_paragraph=paragraph,
        linked_item_id=linked_item,
        linked_meeting_id=linked_meeting,
        cited_minute=cited,
        started_at=validation.time(values["started_at"], "time the item was taken"),
        brief_note=validation.text(values["brief_note"], "note for the chair"),
        minutes_allowed=_minutes_allowed(values["minutes_allowed"]),
    )


def _minutes_allowed(value) -> int | None:
    """Minutes the chair's brief gives an item; empty or 0 means no time is set."""
    if value in (None, ""):
        return None
    try:
        minutes = int(str(value).strip())
    except ValueError:
        raise ValidationError(
            f"“{value}” is not a time allowed; give a whole number of minutes."
        ) from None
    if minutes < 0:
        raise ValidationError("The time allowed for an item cannot be negative.")
    if minutes > LONGEST_ITEM_MINUTES:
        raise ValidationError(
            f"An item cannot be given {minutes:,} minutes on the chair's brief; the most is "
            f"{LONGEST_ITEM_MINUTES} minutes (8 hours)."
        )
    return minutes or None


def _body_of(item: AgendaItem | None) -> str | None:
    return Meeting.get_by_id(item.meeting_id).body_id if item else None


def is_published(tree: AgendaTree) -> bool:
    """Whether the agenda has been published: its items have their numbers."""
    return any(item.number for item in tree.items.values())
