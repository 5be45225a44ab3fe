"""Organisations: Kent Police, NHS West Kent, a borough council."""

from __future__ import annotations

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.storage import changes
from desktop_app.storage.models import Membership, Organisation, Person, db


def create_organisation(*, name: str) -> Organisation:
    clean = validation.name(name, "organisation's name")
    _refuse_duplicate(clean)
    with db.atomic():
        return changes.create(Organisation, name=clean)


def rename_organisation(*, organisation_id: str, name: str) -> Organisation:
    row = validation.live_row(Organisation, organisation_id, "organisation")
    clean = validation.name(name, "organisation's name")
    _refuse_duplicate(clean, except_id=row.id)
    with db.atomic():
        changes.update(row, name=clean)
    return row


def set_organisation_archived(*, organisation_id: str, archived: bool) -> Organisation:
    """Archived organisations stay on old records but are not offered for new ones."""
    row = validation.live_row(Organisation, organisation_id, "organisation")
    with db.atomic():
        changes.update(
            row,
            archived_at=(row.archived_at or changes.utc_now()) if archived else None,
        )
    return row


def delete_organisation(*, organisation_id: str) -> None:
    row = validation.live_row(Organisation, organisation_id, "organisation")
    in_use = (
        Person.live().where(Person.organisation == row.id).count()
        + Membership.live().where(Membership.organisation == row.id).count()
    )
    if in_use:
        raise ValidationError(
            f"{row.name} is still named on people or memberships ({in_use} in all); "
            "archive it instead."
        )
    with db.atomic():
        changes.delete(row)


def restore_organisation(*, organisation_id: str) -> Organisation:
    row = Organisation.get_by_id(organisation_id)
    with db.atomic():
        changes.restore(row)
    return row


def list_organisations(*, include_archived: bool = False) -> list[Organisation]:
    query = Organisation.live()
    if not include_archived:
        query = query.where(Organisation.archived_at.is_null())
    return list(query.order_by(Organisation.name))


def find_organisation(*, name: str) -> Organisation | None:
    """The live organisation with exactly this name (ignoring case), if any."""
    return Organisation.live().where(Organisation.name.collate("NOCASE") == name.strip()).first()


def _refuse_duplicate(name: str, except_id: str | None = None) -> None:
    existing = find_organisation(name=name)
    if existing is not None and existing.id != except_id:
        raise ValidationError(f"There is already an organisation called {existing.name}.")
