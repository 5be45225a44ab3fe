"""Dialogs for an action arising from an item, and for a progress note on it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop_app import vocabulary
from desktop_app.services.directory import organisations, people
from ui.date_field import OPTIONAL_DATE
from ui.record_dialog import RecordDialog, choices


def owners() -> list[tuple[str, str | None]]:
    """Everyone and every organisation an action can be given to."""
    return (
        [("(no one yet)", None)]
        + [(people.display_name(p), f"person:{p.id}") for p in people.list_people()]
        + [(o.name, f"organisation:{o.id}") for o in organisations.list_organisations()]
    )


def split_owner(values: dict) -> dict:
    """One owner choice is a person or an organisation, as the service takes them."""
    kind, _, row_id = (values.pop("owner") or "").partition(":")
    values["owner_person_id"] = row_id if kind == "person" else None
    values["owner_organisation_id"] = row_id if kind == "organisation" else None
    values["due"] = values.get("due") or None
    return values


def action_dialog(parent: QWidget, submit, entry=None) -> RecordDialog:
    dialog = RecordDialog(
        "Action" if entry is None else "Edit action",
        lambda values: submit(split_owner(values)),
        parent,
    )
    dialog.setMinimumWidth(560)
    dialog.add_line("text", "Action", entry.text if entry else "", "What is to be done")
    owner = None
    if entry is not None:
        owner = (
            f"person:{entry.owner_person_id}"
            if entry.owner_person_id
            else f"organisation:{entry.owner_organisation_id}"
            if entry.owner_organisation_id
            else None
        )
    dialog.add_choice("owner", "Owner", owners(), owner)
    dialog.add_date("due", "Due", entry.due if entry is not None else None, OPTIONAL_DATE)
    dialog.add_choice(
        "status", "Status", choices(vocabulary.ACTION_STATUSES), entry.status if entry else "open"
    )
    return dialog


def progress_dialog(parent: QWidget, submit, today: dt.date) -> RecordDialog:
    dialog = RecordDialog("Progress", submit, parent)
    dialog.add_line("text", "Progress", "", "e.g. Project group met on 14 January")
    dialog.add_date("date", "Date", today)
    return dialog
