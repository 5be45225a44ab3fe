"""The minute of each item. For now: the clerk's notes taken live in the meeting, which
the minutes are then written from."""

from __future__ import annotations

from desktop_app.services import validation
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Minute, db


def item_notes(item_id: str) -> str:
    minute = _minute_of(item_id)
    return minute.notes if minute else ""


def set_item_notes(*, item_id: str, notes: str) -> None:
    """Store the notes for an item, making its minute on the first words typed."""
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    clean = validation.text(notes, "notes")
    with db.atomic():
        minute = _minute_of(item.id)
        if minute is None:
            if clean:
                changes.create(Minute, item=item.id, notes=clean)
        else:
            changes.update(minute, notes=clean)


def _minute_of(item_id: str) -> Minute | None:
    return Minute.live().where(Minute.item == item_id).first()
