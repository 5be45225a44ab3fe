"""The dialog that adds a member to a body or edits their membership."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app import vocabulary
from desktop_app.services.directory import memberships, organisations, people
from desktop_app.services.session import stored_values
from ui.date_field import OPTIONAL_DATE
from ui.record_dialog import RecordDialog, choices


def member_dialog(
    parent: QWidget,
    title: str,
    submit: Callable[[dict], object],
    membership: Any = None,  # a row from services.memberships
) -> RecordDialog:
    data = stored_values(membership, ("person_id", *memberships.EDITABLE)) if membership else {}
    dialog = RecordDialog(title, submit, parent)
    person_options = [(people.display_name(p), p.id) for p in people.list_people()]
    if membership is None:
        dialog.add_person("person_id", "Person", person_options, offer_new=True)
    else:  # a membership belongs to one person for good
        person = dialog.add_choice("person_id", "Person", person_options, data.get("person_id"))
        person.setEnabled(False)
    dialog.add_choice("role", "Role", choices(vocabulary.ROLES), data.get("role", "member"))
    organisation_options = [("(none)", None)] + [
        (o.name, o.id) for o in organisations.list_organisations()
    ]
    dialog.add_choice(
        "organisation_id", "Represents", organisation_options, data.get("organisation_id")
    )
    dialog.add_check("voting", "Voting member", data.get("voting", True))
    dialog.add_date("from_date", "From", data.get("from_date"), OPTIONAL_DATE)
    dialog.add_date("to_date", "To", data.get("to_date"), OPTIONAL_DATE)
    return dialog
