"""A body's members added from a list as a clerk has it to hand (an e-mail, last year's
minutes): one a line, "Cllr Asha Patel, chair", the role after a comma and "member" when
none is given. A name that is someone's already is that person; any other is a new person.
The list is read whole before anything is added, so a wrong line changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services.directory import memberships, people
from desktop_app.storage.models import Person, db

# How roles are often written, as the vocabulary has them.
ROLE_SPELLINGS = {"vice chair": "vice-chair", "vice chairman": "vice-chair", "chairman": "chair"}
SHARED = object()  # a name more than one person answers to


@dataclass(frozen=True)
class ListedMember:
    typed: str  # the name as typed, titles and all
    role: str
    person_id: str | None  # None: a new person of that name


@dataclass(frozen=True)
class Added:
    membership_ids: list[str]
    new_person_ids: list[str]


def read_member_list(text: str) -> list[ListedMember]:
    """The lines of `text` as members to add; a refusal names the line that is wrong."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValidationError("Type the members' names, one a line.")
    known = _people_by_name()
    listed: list[ListedMember] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        typed, _, role = (part.strip() for part in line.partition(","))
        where = f"Line {number} (“{line}”)"
        if not typed:
            raise ValidationError(f"{where} has no name before its comma.")
        role = ROLE_SPELLINGS.get(role.casefold(), role.casefold()) if role else "member"
        if role not in vocabulary.ROLES:
            raise ValidationError(
                f"{where}: “{role}” is not a role; a role is one of {', '.join(vocabulary.ROLES)}."
            )
        key = " ".join(typed.casefold().split())
        if key in seen:
            raise ValidationError(f"{where} names someone already on the list.")
        seen.add(key)
        bare = " ".join(people.split_title(typed)[1].casefold().split())
        person = known.get(key, known.get(bare))
        if person is SHARED:
            raise ValidationError(
                f"{where}: more than one person is called that; add them with Add member…, "
                "which lists them."
            )
        listed.append(ListedMember(typed, role, person.id if person else None))
    return listed


def add_member_list(*, body_id: str, text: str) -> Added:
    """Every member on the list added to the body in one transaction: all or none."""
    return add_listed_members(body_id=body_id, members=read_member_list(text))


def add_listed_members(*, body_id: str, members: list[ListedMember]) -> Added:
    """The members `read_member_list` read, added in one transaction: all or none."""
    added, made = [], []
    with db.atomic():
        for member in members:
            person_id = member.person_id
            if person_id is None:
                title, name = people.split_title(member.typed)
                person_id = people.create_person(name=name, title=title).id
                made.append(person_id)
            row = memberships.add_member(body_id=body_id, person_id=person_id, role=member.role)
            added.append(row.id)
    return Added(added, made)


def _people_by_name() -> dict[str, Person | object]:
    """Everyone on file, by their name with titles and without, in any case; SHARED where
    two people answer to the name, which the list refuses rather than guess."""
    found: dict[str, Person | object] = {}
    for person in people.list_people():
        for name in {people.display_name(person), person.name}:
            key = " ".join(name.casefold().split())
            other = found.get(key)
            found[key] = SHARED if other is not None and other is not person else person
    return found
