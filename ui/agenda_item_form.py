"""The form of the item chosen in the agenda builder (ui/agenda_editor.py): its title, kind,
presenter, purpose, the earlier minute it follows up or cites, its Part II paragraph and
the time the chair's brief gives it; the choices it offers for a meeting, and the values it
shows for an item. The builder saves what is typed (its `_update_item`)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from desktop_app import vocabulary
from desktop_app.services.decisions.minute_links import earlier_minutes
from desktop_app.services.directory import organisations, people
from desktop_app.services.meeting_cycle.agenda_entries import AgendaEntry
from desktop_app.services.meeting_cycle.item_values import LONGEST_ITEM_MINUTES
from ui.events import Changes
from ui.inline_form import InlineForm
from ui.record_dialog import choices

PARAGRAPHS = [("(not confidential)", "")] + [
    (f"Paragraph {n}", str(n)) for n in range(1, 8)
]  # Schedule 12A, Local Government Act 1972, paragraphs 1–7


def item_form(stack: QUndoStack, changes: Changes, *, update, load) -> InlineForm:
    """The item's form, saving through `update` and filled by `load(item_id)`."""
    form = InlineForm(
        stack,
        changes,
        update=update,
        id_name="item_id",
        load=load,
        what="the item",
    )
    form.add_line("title", "Title", "What the item is about")
    form.add_choice("kind", "Kind", choices(vocabulary.ITEM_KINDS))
    form.add_choice("presenter", "Presented by", [])
    form.add_choice("purpose", "Purpose", choices(vocabulary.PURPOSES))
    form.add_choice("linked_item_id", "Follows up minute", [])
    # Minutes from before the data folder began cannot be linked: their reference is typed.
    form.add_line("cited_minute", "Or cites minute", "e.g. Cou/250/07-08, if not in Minute Book")
    form.add_choice("exempt_paragraph", "Part II (exempt)", PARAGRAPHS)
    form.fields["exempt_paragraph"].setToolTip(
        "Confidential items are taken in Part II, without the press and public, under a "
        "paragraph of Schedule 12A to the Local Government Act 1972."
    )
    allowed = form.add_number(
        "minutes_allowed", "Time allowed (minutes)", maximum=LONGEST_ITEM_MINUTES
    )
    allowed.setSpecialValueText("not set")
    allowed.setSuffix(" min")
    allowed.setToolTip("The chair's brief times each item from the meeting's start.")
    return form


def fill_choices(form: InlineForm, meeting_id: str) -> None:
    """The presenters and the earlier minutes the form offers for a meeting's items."""
    presenters = [("(no one)", None)]
    presenters += [(people.display_name(p), f"person:{p.id}") for p in people.list_people()]
    presenters += [(o.name, f"organisation:{o.id}") for o in organisations.list_organisations()]
    InlineForm.set_options(form.fields["presenter"], presenters)
    earlier = [("(none)", None)] + [(m.label, m.item_id) for m in earlier_minutes(meeting_id)]
    InlineForm.set_options(form.fields["linked_item_id"], earlier)


def item_values(entry: AgendaEntry) -> dict:
    """The form's values for an entry of the agenda: one presenter
    choice for a person or an organisation, no paragraph for an item not in Part II."""
    presenter = (
        f"person:{entry.presenter_person_id}"
        if entry.presenter_person_id
        else f"organisation:{entry.presenter_organisation_id}"
        if entry.presenter_organisation_id
        else None
    )
    return dict(
        title=entry.title,
        kind=entry.kind,
        presenter=presenter,
        purpose=entry.purpose,
        linked_item_id=entry.linked_item_id,
        cited_minute=entry.cited_minute,
        exempt_paragraph=entry.exempt_paragraph if entry.confidential else "",
        minutes_allowed=entry.minutes_allowed or 0,  # the spin box shows 0 as "not set"
        brief_note=entry.brief_note,
    )
