"""Appointments and elections made by resolution: electing a chair or vice-chair (for the
year or for this meeting only), co-opting a member, appointing someone to a role in a body.
Each is one resolution, written with its effect in one transaction; what each changes, and
how deleting the resolution takes it back, is appointment_effects.py.
"""

from __future__ import annotations

from desktop_app import vocabulary
from desktop_app.errors import ValidationError
from desktop_app.services import validation
from desktop_app.services.decisions import motions
from desktop_app.services.decisions.appointment_effects import (
    ELECTED_ROLES,
    ROLE_WORDS,
    apply,
    check_apply,
)
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle.meetings import municipal_year
from desktop_app.storage.models import (
    AgendaItem,
    Body,
    Meeting,
    Person,
    Resolution,
    db,
)


def elect(
    *,
    item_id: str,
    person_id: str,
    role: str,
    term: str,
    text: str = "",
    outcome: str = "resolved",
    **vote_fields,
) -> Resolution:
    """Elect a member chair or vice-chair for the municipal year (term "year"), or for this
    meeting only (term "meeting")."""
    item, meeting = _item_and_meeting(item_id)
    person = validation.live_row(Person, person_id, "person to elect")
    role = validation.choice(role, ELECTED_ROLES, "role to elect to")
    term = validation.choice(term, vocabulary.TERMS, "term")
    body = meeting.body
    if not text:
        name = display_name(person)
        if term == "meeting" and role == "chair":
            text = f"That {name} be elected to chair this meeting."
        elif term == "meeting":
            text = f"That {name} be elected {ROLE_WORDS[role]} for this meeting."
        else:
            year = municipal_year(meeting.date, body.numbering_year_starts)
            text = (
                f"That {name} be elected {ROLE_WORDS[role]} of {_the(body.name)} for the "
                f"municipal year {year}."
            )
    return _resolve(
        item,
        dict(text=text, outcome=outcome, **vote_fields),
        kind="election",
        appointee=person.id,
        appointed_role=role,
        appointed_body=body.id,
        term=term,
    )


def co_opt(
    *, item_id: str, person_id: str, text: str = "", outcome: str = "resolved", **vote_fields
) -> Resolution:
    """Co-opt someone who is not a member; they join the meeting from this item."""
    item, meeting = _item_and_meeting(item_id)
    person = validation.live_row(Person, person_id, "person to co-opt")
    body = meeting.body
    text = text or f"That {display_name(person)} be co-opted as a member of {_the(body.name)}."
    return _resolve(
        item,
        dict(text=text, outcome=outcome, **vote_fields),
        kind="co-option",
        appointee=person.id,
        appointed_role="co-opted",
        appointed_body=body.id,
    )


def appoint(
    *,
    item_id: str,
    person_id: str,
    body_id: str,
    role: str = "chair",
    term: str = "",
    text: str = "",
    outcome: str = "resolved",
    **vote_fields,
) -> Resolution:
    """Appoint someone to a role in a body (a sub-group's chair) from the meeting's date, or
    (term "meeting") to an office of this meeting's body for this meeting only."""
    item, meeting = _item_and_meeting(item_id)
    person = validation.live_row(Person, person_id, "person to appoint")
    body = validation.live_row(Body, body_id, "body")
    role = validation.choice(role, vocabulary.ROLES, "role")
    term = validation.choice(term, ("", "meeting"), "term of an appointment")
    name = display_name(person)
    if term == "meeting":
        text = text or f"That {name} be appointed {ROLE_WORDS[role]} for this meeting."
    else:
        text = text or f"That {name} be appointed {ROLE_WORDS[role]} of {_the(body.name)}."
    return _resolve(
        item,
        dict(text=text, outcome=outcome, **vote_fields),
        kind="appointment",
        appointee=person.id,
        appointed_role=role,
        appointed_body=body.id,
        term=term,
    )


def _resolve(item: AgendaItem, fields: dict, **appointment) -> Resolution:
    """Check, then write the resolution and its effect in one transaction."""
    unknown = set(fields) - set(motions.EDITABLE)
    if unknown:
        raise ValidationError(f"An appointment has no field called {', '.join(sorted(unknown))}.")
    values = motions.checked(item, fields)
    if values["outcome"] not in motions.CARRIED:
        raise ValidationError(
            f"An appointment records what was carried; record a motion that was "
            f"{values['outcome']} as a resolution instead."
        )
    draft = Resolution(item=item.id, **appointment)
    check_apply(draft)
    with db.atomic():
        row = motions.create_row(item, values, **appointment)
        apply(row)
    return row


def _item_and_meeting(item_id: str) -> tuple[AgendaItem, Meeting]:
    item = motions.editable_item(item_id)
    return item, Meeting.get_by_id(item.meeting_id)


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"
