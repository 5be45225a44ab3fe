"""People and organisations: the directory dialogs and the record dialogs they open."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.services.directory import organisations, people
from desktop_app.services.session import stored_values
from ui.commands import kinds
from ui.commands.edits import create_record, delete_record, edit_fields
from ui.directory_dialog import DirectoryDialog
from ui.events import Changes
from ui.record_dialog import RecordDialog


def people_directory(parent: QWidget, stack: QUndoStack, changes: Changes) -> DirectoryDialog:
    def load():
        names = {o.id: o.name for o in organisations.list_organisations(include_archived=True)}
        return [
            (
                " — ".join(
                    part
                    for part in (
                        people.display_name(p),
                        p.position,
                        names.get(p.organisation_id),
                    )
                    if part
                ),
                p.id,
            )
            for p in people.list_people()
        ]

    def add():
        person_dialog(
            dialog,
            "New person",
            lambda values: create_record(
                stack,
                changes,
                text=f"Add {values['name']}",
                create=lambda: people.create_person(**values),
                kind=kinds.PERSON,
            ),
        ).exec()

    def edit(person_id: str):
        person = people.get_person(person_id)
        before = stored_values(person, people.EDITABLE)
        person_dialog(
            dialog,
            f"Edit {people.display_name(person)}",
            lambda values: edit_fields(
                stack,
                changes,
                text=f"Edit {people.display_name(person)}",
                update=people.update_person,
                id_name="person_id",
                row_id=person_id,
                before=before,
                after=values,
            ),
            before,
        ).exec()

    def remove(person_id: str):
        delete_record(
            stack,
            changes,
            text="Delete person",
            row_id=person_id,
            kind=kinds.PERSON,
        )

    dialog = DirectoryDialog(
        "People", changes, load=load, add=add, edit=edit, remove=remove, parent=parent
    )
    return dialog


def person_dialog(parent: QWidget, title: str, submit, values: dict | None = None) -> RecordDialog:
    values = values or {}
    dialog = RecordDialog(title, submit, parent)
    dialog.add_line("title", "Title", values.get("title", ""), "Cllr, CI, Mrs…")
    dialog.add_line("name", "Name", values.get("name", ""))
    options = [("(none)", None)] + [(o.name, o.id) for o in organisations.list_organisations()]
    dialog.add_choice("organisation_id", "Organisation", options, values.get("organisation_id"))
    dialog.add_line("position", "Position", values.get("position", ""), "e.g. District Manager")
    dialog.add_line("email", "E-mail", values.get("email", ""))
    dialog.add_line("phone", "Phone", values.get("phone", ""))
    return dialog


def organisations_directory(
    parent: QWidget, stack: QUndoStack, changes: Changes
) -> DirectoryDialog:
    def load():
        return [(o.name, o.id) for o in organisations.list_organisations()]

    def add():
        name_dialog(
            dialog,
            "New organisation",
            "",
            lambda values: create_record(
                stack,
                changes,
                text=f"Add {values['name']}",
                create=lambda: organisations.create_organisation(name=values["name"]),
                kind=kinds.ORGANISATION,
            ),
        ).exec()

    def edit(organisation_id: str):
        before = next(o.name for o in organisations.list_organisations() if o.id == organisation_id)
        name_dialog(
            dialog,
            "Rename organisation",
            before,
            lambda values: edit_fields(
                stack,
                changes,
                text=f"Rename {before}",
                update=organisations.rename_organisation,
                id_name="organisation_id",
                row_id=organisation_id,
                before={"name": before},
                after={"name": values["name"]},
            ),
        ).exec()

    def remove(organisation_id: str):
        delete_record(
            stack,
            changes,
            text="Delete organisation",
            row_id=organisation_id,
            kind=kinds.ORGANISATION,
        )

    dialog = DirectoryDialog(
        "Organisations", changes, load=load, add=add, edit=edit, remove=remove, parent=parent
    )
    return dialog


def name_dialog(parent: QWidget, title: str, name: str, submit) -> RecordDialog:
    dialog = RecordDialog(title, submit, parent)
    dialog.add_line("name", "Name", name)
    return dialog
