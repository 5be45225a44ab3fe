"""Who sits on which body, in what role, for whom, and when. A change that would leave a
vote recorded at one of the body's meetings impossible (a member counted in it made
non-voting, or their membership ended before it) is refused (voting.py)."""

from __future__ import annotations

import datetime as dt

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import voting
from desktop_app.services.directory.people import display_name, surname_first
from desktop_app.storage import changes
from desktop_app.storage.models import Body, Membership, Organisation, Person, db

EDITABLE = ("role", "organisation_id", "voting", "from_date", "to_date")


def add_member(
    *,
    body_id: str,
    person_id: str,
    role: str = "member",
    organisation_id: str | None = None,
    voting: bool = True,
    from_date: dt.date | str | None = None,
    to_date: dt.date | str | None = None,
) -> Membership:
    body = validation.live_row(Body, body_id, "body")
    person = validation.live_row(Person, person_id, "person")
    values = _clean(
        dict(
            role=role,
            organisation_id=organisation_id,
            voting=voting,
            from_date=from_date,
            to_date=to_date,
        )
    )
    _refuse_overlap(body, person, values["from_date"], values["to_date"], except_id=None)
    with db.atomic():
        return changes.create(Membership, body=body.id, person=person.id, **values)


def update_membership(*, membership_id: str, **fields) -> Membership:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A membership has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Membership, membership_id, "membership")
    values = _clean({**changes.current(row, EDITABLE), **fields})
    _refuse_overlap(row.body, row.person, values["from_date"], values["to_date"], row.id)
    windows = [(row.from_date, row.to_date), (values["from_date"], values["to_date"])]
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
        voting.check_body_votes_still_fit(row.body_id, windows)
    return row


def remove_member(*, membership_id: str) -> None:
    """Delete a membership entered by mistake; a member who leaves gets a `to_date` instead."""
    row = validation.live_row(Membership, membership_id, "membership")
    with db.atomic():
        changes.delete(row)
        voting.check_body_votes_still_fit(row.body_id, [(row.from_date, row.to_date)])


def restore_membership(*, membership_id: str) -> Membership:
    """Bring back a removed membership, unless the person has since been added again."""
    row = Membership.get_by_id(membership_id)
    _refuse_overlap(row.body, row.person, row.from_date, row.to_date, except_id=row.id)
    with db.atomic():
        changes.restore(row)
    return row


def list_members(*, body_id: str, on: dt.date | None = None) -> list[Membership]:
    """The body's memberships (on a date, if given), chair first, then by name."""
    query = (
        Membership.live()
        .join(Person, on=(Membership.person == Person.id))
        .where(Membership.body == body_id)
    )
    if on is not None:
        query = query.where(
            (Membership.from_date.is_null() | (Membership.from_date <= on))
            & (Membership.to_date.is_null() | (Membership.to_date >= on))
        )
    rows = list(query.select(Membership, Person))
    return sorted(rows, key=lambda m: (_role_rank(m.role), *surname_first(m.person.name)))


def _role_rank(role: str) -> int:
    return vocabulary.ROLES.index(role) if role in vocabulary.ROLES else len(vocabulary.ROLES)


def _clean(values: dict) -> dict:
    organisation_id = values.get("organisation_id") or None
    validation.optional_row(Organisation, organisation_id, "organisation")
    from_date = validation.date(values.get("from_date"), "membership's start date")
    to_date = validation.date(values.get("to_date"), "membership's end date")
    if from_date and to_date and to_date < from_date:
        raise ValidationError("The membership ends before it starts.")
    return dict(
        role=validation.choice(values.get("role") or "member", vocabulary.ROLES, "role"),
        organisation_id=organisation_id,
        voting=bool(values.get("voting", True)),
        from_date=from_date,
        to_date=to_date,
    )


def _refuse_overlap(body, person, start, end, except_id) -> None:
    for other in Membership.live().where(
        (Membership.body == body.id) & (Membership.person == person.id)
    ):
        if other.id == except_id:
            continue
        other_end = other.to_date or dt.date.max
        other_start = other.from_date or dt.date.min
        if (start or dt.date.min) <= other_end and (end or dt.date.max) >= other_start:
            raise ValidationError(f"{display_name(person)} is already a member of {body.name}.")


def get_membership(membership_id: str) -> Membership:
    return validation.live_row(Membership, membership_id, "membership")
