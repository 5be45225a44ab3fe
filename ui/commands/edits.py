"""Undoable edits of one record's fields, creation and deletion, over the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoStack

from desktop_app.services import session
from ui.commands.kinds import PERSON, Kind
from ui.commands.service_call import perform
from ui.events import Changes


class Undoable(Protocol):
    """What a created row needs to be undone and redone: a Kind, or a record of more than
    one row (a substitute's line and the member's apologies, ui/attendance_view.py)."""

    def delete(self, row_id: str) -> object: ...

    def restore(self, row_id: str) -> object: ...


def edit_fields(
    stack: QUndoStack,
    changes: Changes,
    *,
    text: str,
    update: Callable[..., Any],
    id_name: str,
    row_id: str,
    before: dict,
    after: dict,
) -> Any:
    """Call `update(**{id_name: row_id}, **after)`; undo puts `before` back."""
    changed = {k: v for k, v in after.items() if session.plain(before.get(k)) != session.plain(v)}
    if not changed:
        return None
    previous = {k: before.get(k) for k in changed}
    merge_key = (update.__name__, row_id, tuple(sorted(changed))) if len(changed) == 1 else None
    return perform(
        stack,
        changes,
        text,
        lambda: update(**{id_name: row_id}, **changed),
        lambda: update(**{id_name: row_id}, **previous),
        merge_key=merge_key,
    )


def create_record(
    stack: QUndoStack, changes: Changes, *, text: str, create: Callable[[], Any], kind: Undoable
) -> Any:
    """Create once; undo deletes (a tombstone), redo restores the same row."""
    made: dict[str, str] = {}

    def apply():
        if "id" in made:
            return kind.restore(made["id"])
        row = create()
        made["id"] = row.id
        return row

    return perform(stack, changes, text, apply, lambda: kind.delete(made["id"]))


def create_for_person(
    stack: QUndoStack,
    changes: Changes,
    *,
    text: str,
    person_id: str | None,
    new_name: str | None,
    create: Callable[[str | None], Any],
    kind: Undoable,
) -> Any:
    """`create(person_id)` for the person chosen; or, when a name that is no one's was typed
    (`new_name`), for a new person of that name (titles in front taken off) added in the
    same step: undo removes both, redo restores both."""
    if not new_name:
        return create_record(stack, changes, text=text, create=lambda: create(person_id), kind=kind)
    from desktop_app.services.directory import people

    made: dict[str, str] = {}

    def apply():
        if made:
            PERSON.restore(made["person"])
            return kind.restore(made["row"])
        title, name = people.split_title(new_name)
        person = people.create_person(name=name, title=title)
        row = create(person.id)
        made.update(person=person.id, row=row.id)
        return row

    def revert():
        kind.delete(made["row"])
        PERSON.delete(made["person"])

    return perform(stack, changes, f"{text} ({new_name}, a new person)", apply, revert)


def delete_record(
    stack: QUndoStack, changes: Changes, *, text: str, row_id: str, kind: Kind
) -> None:
    perform(stack, changes, text, lambda: kind.delete(row_id), lambda: kind.restore(row_id))
