"""People: members, substitutes, officers and presenters."""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import reduce

from peewee import fn

from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.storage import changes
from desktop_app.storage.models import Attendance, Membership, Organisation, Person, db

EDITABLE = ("title", "name", "organisation_id", "position", "email", "phone")
SEARCHED = (Person.name, Person.key, Person.position, Person.email)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Titles that go in front of a name in minutes, civic and police ranks among them.
TITLES = frozenset(
    "cllr councillor mr mrs ms miss mx dr prof professor rev revd sir dame lord lady "
    "ci dci insp inspector sgt pc pcso supt".split()
)


def create_person(
    *,
    name: str,
    title: str = "",
    organisation_id: str | None = None,
    position: str = "",
    email: str = "",
    phone: str = "",
    key: str | None = None,
) -> Person:
    values = _clean(
        dict(
            title=title,
            name=name,
            organisation_id=organisation_id,
            position=position,
            email=email,
            phone=phone,
        )
    )
    if key is not None:
        key = validation.name(key, "person's key")
        if key_taken(key):
            raise ValidationError(f"The key “{key}” already belongs to someone else.")
    with db.atomic():
        return changes.create(Person, key=key or _free_key(values["name"]), **values)


def update_person(*, person_id: str, **fields) -> Person:
    """Change any of title, name, organisation_id, position, email, phone."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A person has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Person, person_id, "person")
    values = _clean({**changes.current(row, EDITABLE), **fields})
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
    return row


def set_person_archived(*, person_id: str, archived: bool) -> Person:
    row = validation.live_row(Person, person_id, "person")
    with db.atomic():
        changes.update(
            row,
            archived_at=(row.archived_at or changes.utc_now()) if archived else None,
        )
    return row


def delete_person(*, person_id: str) -> None:
    row = validation.live_row(Person, person_id, "person")
    uses = (
        Membership.live().where(Membership.person == row.id).count()
        + Attendance.live().where(Attendance.person == row.id).count()
    )
    if uses:
        raise ValidationError(
            f"{display_name(row)} is on memberships or attendance records ({uses} in all); "
            "archive them instead so the record stays whole."
        )
    with db.atomic():
        changes.delete(row)


def restore_person(*, person_id: str) -> Person:
    row = Person.get_by_id(person_id)
    with db.atomic():
        changes.restore(row)
    return row


def get_person(person_id: str) -> Person:
    return validation.live_row(Person, person_id, "person")


def list_people(*, include_archived: bool = False) -> list[Person]:
    query = Person.live()
    if not include_archived:
        query = query.where(Person.archived_at.is_null())
    return list(query.order_by(Person.name))


def find_people(text: str, *, limit: int = 50) -> list[Person]:
    """People whose name, key, position or e-mail contains `text`."""
    # instr() matches the text literally, so a typed % or _ is not a wildcard.
    needle = text.strip().lower()
    matches = [fn.instr(fn.lower(field), needle) > 0 for field in SEARCHED]
    return list(
        Person.live().where(reduce(operator.or_, matches)).order_by(Person.name).limit(limit)
    )


def key_taken(key: str) -> bool:
    """Whether someone has the key, deleted people included (restoring one must not make
    two). The rule is kept here, not by a unique index: a merge of two laptops' work may
    repeat a key, and then rules/clashes.py shows it to the clerk."""
    return Person.select().where(Person.key == key).exists()


def person_by_key(key: str) -> Person | None:
    return Person.live().where(Person.key == key).first()


def display_name(person: Person) -> str:
    """How the minutes name someone: “Cllr Mrs Stockell”, “Simon Alland”."""
    return f"{person.title} {person.name}".strip()


def split_title(typed: str) -> tuple[str, str]:
    """A name typed whole, with any titles in front taken off as the title: “Cllr Mrs
    Paulina Stockell” is ("Cllr Mrs", "Paulina Stockell"); a name is never left empty."""
    words = typed.split()
    count = 0
    while count < len(words) - 1 and words[count].rstrip(".").casefold() in TITLES:
        count += 1
    return " ".join(words[:count]), " ".join(words[count:])


def surname_first(name: str) -> tuple[str, str]:
    """Sort key for lists of people as clerks keep them: by surname, then the rest."""
    parts = name.casefold().split()
    return (parts[-1], " ".join(parts[:-1])) if parts else ("", "")


def _clean(values: dict) -> dict:
    organisation_id = values.get("organisation_id") or None
    validation.optional_row(Organisation, organisation_id, "organisation")
    email = (values.get("email") or "").strip()
    if email and not EMAIL.match(email):
        raise ValidationError(f"“{email}” does not look like an e-mail address.")
    return dict(
        title=validation.optional_name(values.get("title"), "title"),
        name=validation.name(values.get("name"), "person's name"),
        organisation_id=organisation_id,
        position=validation.optional_name(values.get("position"), "position"),
        email=email,
        phone=validation.optional_name(values.get("phone"), "phone number"),
    )


def _free_key(name: str) -> str:
    """A readable key from the name (“mrs-paulina-stockell”), made unique with a number."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "person"
    key, n = base, 2
    while key_taken(key):
        key, n = f"{base}-{n}", n + 1
    return key
