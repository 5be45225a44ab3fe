"""How each kind of record is deleted (tombstoned) and brought back, named once so the
commands that create or delete one can be undone and redone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.services import (
    agenda,
    attendance,
    bodies,
    declarations,
    documents,
    meetings,
    memberships,
    organisations,
    people,
)


@dataclass(frozen=True)
class Kind:
    delete: Callable[[str], object]
    restore: Callable[[str], object]


AGENDA_ITEM = Kind(
    lambda i: agenda.delete_item(item_id=i), lambda i: agenda.restore_item(item_id=i)
)
ATTENDANCE = Kind(
    lambda i: attendance.remove_attendance(attendance_id=i),
    lambda i: attendance.restore_attendance(attendance_id=i),
)
BODY = Kind(lambda i: bodies.delete_body(body_id=i), lambda i: bodies.restore_body(body_id=i))
DECLARATION = Kind(
    lambda i: declarations.withdraw_declaration(declaration_id=i),
    lambda i: declarations.restore_declaration(declaration_id=i),
)
DOCUMENT = Kind(
    lambda i: documents.remove_document(document_id=i),
    lambda i: documents.restore_document(document_id=i),
)
MEETING = Kind(
    lambda i: meetings.delete_meeting(meeting_id=i),
    lambda i: meetings.restore_meeting(meeting_id=i),
)
MEMBERSHIP = Kind(
    lambda i: memberships.remove_member(membership_id=i),
    lambda i: memberships.restore_membership(membership_id=i),
)
ORGANISATION = Kind(
    lambda i: organisations.delete_organisation(organisation_id=i),
    lambda i: organisations.restore_organisation(organisation_id=i),
)
PERSON = Kind(
    lambda i: people.delete_person(person_id=i), lambda i: people.restore_person(person_id=i)
)
