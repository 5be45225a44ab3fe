"""What an editor does with its undo stack, said once: each change is made now and pushed
so Ctrl+Z takes it back; a refusal is shown in a sentence and nothing is pushed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.errors import ValidationError
from ui.commands.edits import Undoable, create_for_person, create_record, delete_record
from ui.commands.service_call import perform
from ui.errors import show_error
from ui.events import Changes


class Desk:
    """The undo stack and change signals of the window, and the widget a refusal is shown over."""

    def __init__(self, widget: QWidget, stack: QUndoStack, changes: Changes):
        self.widget, self.stack, self.changes = widget, stack, changes

    def run(self, change: Callable[[], Any]) -> Any:
        """`change()`'s result; None when it was refused, which is shown."""
        try:
            return change()
        except ValidationError as error:
            show_error(self.widget, error)
            return None

    def change(self, text: str, apply: Callable[[], Any], revert: Callable[[], Any]) -> Any:
        """Make a change now that Ctrl+Z takes back: `apply()`'s result, None when refused."""
        return self.run(lambda: perform(self.stack, self.changes, text, apply, revert))

    def create(self, text: str, create: Callable[[], Any], kind: Undoable) -> Any:
        """Create a record now that Ctrl+Z deletes: the row, or None when refused."""
        return self.run(
            lambda: create_record(self.stack, self.changes, text=text, create=create, kind=kind)
        )

    def creating(self, text: str, create: Callable[..., Any], kind: Undoable):
        """A dialog's submit that creates a record from the values given (the dialog shows a
        refusal itself and stays open)."""
        return lambda values: create_record(
            self.stack, self.changes, text=text, create=lambda: create(**values), kind=kind
        )

    def for_person(self, text: str, create: Callable[..., Any], kind: Undoable):
        """A dialog's submit that creates a record for the person its list of people names,
        or for a new person of the name typed there (RecordDialog.add_person with
        offer_new): `create(person_id=…, **the other values)`, one undoable step."""

        def submit(values: dict):
            values = dict(values)
            person_id, new_name = values.pop("person_id"), values.pop("new_person")
            return create_for_person(
                self.stack,
                self.changes,
                text=text,
                person_id=person_id,
                new_name=new_name,
                create=lambda made: create(person_id=made, **values),
                kind=kind,
            )

        return submit

    def submitting(self, text: str, apply: Callable[[dict], Any], revert: Callable[[], Any]):
        """A dialog's submit that changes a record to the values given, undoably."""
        return lambda values: perform(self.stack, self.changes, text, lambda: apply(values), revert)

    def delete(self, text: str, row_id: str, kind: Undoable) -> None:
        self.run(
            lambda: delete_record(self.stack, self.changes, text=text, row_id=row_id, kind=kind)
        )
